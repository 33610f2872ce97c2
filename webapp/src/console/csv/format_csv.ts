// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV Injection").
// Tab and carriage return are on OWASP's list too, because some programs strip them first.
const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r'];

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Makes one cell safe to open in a spreadsheet: a value that starts with a formula character gets
 * a leading `'`, which spreadsheets show as text, and the cell is quoted when it contains a comma,
 * a quote or a line break.
 */
export function formatCsvCell(value: string | number | undefined | null): string {
    let text = value === undefined || value === null ? '' : String(value);
    if (FORMULA_PREFIXES.some((prefix) => text.startsWith(prefix))) {
        text = `'${text}`;
    }
    return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Formats a header row and data rows as CSV with CRLF line ends (RFC 4180). */
export function formatCsv(header: string[], rows: Array<Array<string | number | undefined | null>>): string {
    const lines = [header, ...rows].map((row) => row.map(formatCsvCell).join(','));
    return lines.join('\r\n') + '\r\n';
}

/**
 * Offers `csv` as a file download. The byte order mark makes spreadsheet programs read the file
 * as UTF-8, so names with accents survive.
 */
export function downloadCsv(filename: string, csv: string, doc: Document = document): void {
    const blob = new Blob(['\uFEFF', csv], {type: 'text/csv;charset=utf-8'});
    const url = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = url;
    link.download = filename;
    link.style.display = 'none';
    doc.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
}
