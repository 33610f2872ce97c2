/** A CSV text that cannot be read, with the 1-based line where reading stopped. */
export class CsvSyntaxError extends Error {
    constructor(message: string, readonly line: number) {
        super(`${message} (line ${line})`);
        this.name = 'CsvSyntaxError';
    }
}

const BYTE_ORDER_MARK = '\uFEFF';

/** The delimiter of the first line: a tab or semicolon when there is one and no comma. */
export function detectDelimiter(text: string): string {
    const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
    if (firstLine.includes(',')) {
        return ',';
    }
    if (firstLine.includes('\t')) {
        return '\t';
    }
    return firstLine.includes(';') ? ';' : ',';
}

/**
 * Parses CSV as RFC 4180 describes it, and also accepts what spreadsheets export: a leading
 * byte order mark, LF or CR line ends, and a last line without a line end. A field in double
 * quotes may contain the delimiter, line breaks and `""` for a quote. Rows keep their own length.
 * A line that is empty outside quotes is left out. Throws CsvSyntaxError on an unterminated
 * quote or on text after a closing quote.
 */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): string[][] {
    const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let line = 1;
    let index = 0;

    const endField = () => {
        row.push(field);
        field = '';
    };
    const endRow = () => {
        endField();
        if (row.length > 1 || row[0] !== '') {
            rows.push(row);
        }
        row = [];
    };

    while (index < text.length) {
        const char = text[index];

        if (char === '"' && field === '') {
            const quoteLine = line;
            index += 1;
            for (;;) {
                if (index >= text.length) {
                    throw new CsvSyntaxError('A quoted field is not closed', quoteLine);
                }
                const inner = text[index];
                if (inner === '"' && text[index + 1] === '"') {
                    field += '"';
                    index += 2;
                } else if (inner === '"') {
                    index += 1;
                    break;
                } else {
                    if (inner === '\n' || (inner === '\r' && text[index + 1] !== '\n')) {
                        line += 1;
                    }
                    field += inner;
                    index += 1;
                }
            }
            const next = text[index];
            if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
                throw new CsvSyntaxError('Text follows a closing quote', line);
            }
            continue;
        }

        if (char === delimiter) {
            endField();
            index += 1;
        } else if (char === '\r' || char === '\n') {
            endRow();
            index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
            line += 1;
        } else {
            field += char;
            index += 1;
        }
    }

    if (field !== '' || row.length > 0) {
        endRow();
    }
    return rows;
}
