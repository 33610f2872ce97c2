import {formatCsv, formatCsvCell} from './format_csv';
import {parseCsv} from './parse_csv';

describe('formatCsvCell', () => {
    test.each([
        ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
        ['+1', "'+1"],
        ['-2', "'-2"],
        ['@alice', "'@alice"],
        ['\tcmd', "'\tcmd"],
    ])('guards formula %j', (value, expected) => {
        expect(formatCsvCell(value)).toBe(expected);
    });

    test('quotes commas, quotes and newlines', () => {
        expect(formatCsvCell('a,b')).toBe('"a,b"');
        expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
        expect(formatCsvCell('two\nlines')).toBe('"two\nlines"');
    });

    test('guards and quotes together', () => {
        expect(formatCsvCell('=1,2')).toBe('"\'=1,2"');
    });

    test('formats numbers and blanks', () => {
        expect(formatCsvCell(403)).toBe('403');
        expect(formatCsvCell(undefined)).toBe('');
        expect(formatCsvCell(null)).toBe('');
    });
});

describe('formatCsv', () => {
    test('writes header and CRLF rows', () => {
        expect(formatCsv(['a', 'b'], [['1', '2']])).toBe('a,b\r\n1,2\r\n');
    });

    test('round-trips through parseCsv', () => {
        const rows = [['mallory', '**[click](x)**, <b>M</b>', 'line\nbreak', 'plain']];
        expect(parseCsv(formatCsv(['u', 'name', 'reason', 'x'], rows))).toEqual([['u', 'name', 'reason', 'x'], ...rows]);
    });
});
