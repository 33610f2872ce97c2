import {CsvSyntaxError, detectDelimiter, parseCsv} from './parse_csv';

describe('parseCsv', () => {
    test('splits rows and fields', () => {
        expect(parseCsv('a,b\nc,d\n')).toEqual([['a', 'b'], ['c', 'd']]);
    });

    test('accepts CRLF, CR and no final newline', () => {
        expect(parseCsv('a\r\nb\rc')).toEqual([['a'], ['b'], ['c']]);
    });

    test('strips the byte order mark', () => {
        expect(parseCsv('\uFEFFusername\nalice')).toEqual([['username'], ['alice']]);
    });

    test('reads quoted fields', () => {
        expect(parseCsv('"a,b","say ""hi""","two\nlines"\n')).toEqual([['a,b', 'say "hi"', 'two\nlines']]);
    });

    test('keeps empty fields', () => {
        expect(parseCsv('a,,"",b')).toEqual([['a', '', '', 'b']]);
        expect(parseCsv('a,\n')).toEqual([['a', '']]);
    });

    test('skips blank lines', () => {
        expect(parseCsv('a\n\n\nb\n\n')).toEqual([['a'], ['b']]);
    });

    test('rejects unterminated quote', () => {
        expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvSyntaxError);
        expect(() => parseCsv('a\n"open,b\nc')).toThrow('A quoted field is not closed (line 2)');
    });

    test('rejects text after quote', () => {
        expect(() => parseCsv('"a"b,c')).toThrow('Text follows a closing quote (line 1)');
    });

    test('detects tab and semicolon', () => {
        expect(detectDelimiter('a\tb\n')).toBe('\t');
        expect(detectDelimiter('a;b\n')).toBe(';');
        expect(detectDelimiter('a;b,c\n')).toBe(',');
        expect(parseCsv('a;b\nc;d')).toEqual([['a', 'b'], ['c', 'd']]);
    });
});
