import MarkdownIt from 'markdown-it';

import {escapeMarkdown} from './escape_markdown';

const ZWSP = '\u200b';

// Removes the escaping the way a markdown renderer shows the text: backslashes before
// punctuation disappear and zero-width spaces are invisible.
function rendered(escaped: string): string {
    return escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(new RegExp(ZWSP, 'g'), '');
}

describe('escapeMarkdown', () => {
    test.each([
        ['**x**', '\\*\\*x\\*\\*'],
        ['[a](http://e)', `\\[a\\]\\(http\\:${ZWSP}\\/\\/e\\)`],
        ['<img src=x>', '\\<img src\\=x\\>'],
        ['`code`', '\\`code\\`'],
        ['a|b', 'a\\|b'],
        ['_under_', '\\_under\\_'],
        ['# heading', '\\# heading'],
        ['&lt;', '\\&lt\\;'],
        ['back\\slash', 'back\\\\slash'],
    ])('%s is escaped', (input, expected) => {
        expect(escapeMarkdown(input)).toBe(expected);
    });

    test.each(['**x**', '[a](http://e)', '<img src=x>', '@all', '~town-square', '`x`', 'a|b', ':smile:', 'www.e.com'])(
        '%s renders as typed',
        (input) => {
            expect(rendered(escapeMarkdown(input))).toBe(input);
        },
    );

    test('mentions are broken', () => {
        expect(escapeMarkdown('@all')).toBe(`\\@${ZWSP}all`);
        expect(escapeMarkdown('hi @channel')).toBe(`hi \\@${ZWSP}channel`);
    });

    test('channel links are broken', () => {
        expect(escapeMarkdown('~town-square')).toBe(`\\~${ZWSP}town\\-square`);
    });

    test('bare URLs are broken', () => {
        const escaped = escapeMarkdown('https://evil.example/x');

        expect(escaped).not.toContain('://');
        expect(escaped).toContain(`\\:${ZWSP}`);
    });

    test('www autolinks are broken', () => {
        const escaped = escapeMarkdown('WWW.evil.com');

        expect(escaped).toBe(`WWW${ZWSP}\\.evil\\.com`);
    });

    test('emoji codes are broken', () => {
        expect(escapeMarkdown(':smile:')).toBe(`\\:${ZWSP}smile\\:${ZWSP}`);
    });

    test('line breaks become spaces', () => {
        expect(escapeMarkdown('a\n# b\r\n- c\u2028d')).toBe('a \\# b \\- c d');
    });

    test('plain words unchanged', () => {
        expect(escapeMarkdown('Alice Liddell 42')).toBe('Alice Liddell 42');
    });

    test('non-ascii letters unchanged', () => {
        expect(escapeMarkdown('José Ñúñez 山田')).toBe('José Ñúñez 山田');
    });
});

describe('escapeMarkdown rendered by markdown-it', () => {
    // The worst case for a renderer: raw HTML allowed and bare URLs linked.
    const markdown = new MarkdownIt({html: true, linkify: true});

    // The mention and channel-link patterns of the web app's text formatting.
    const MENTION = /\B[@~][a-z0-9.\-_]+/i;

    test.each([
        '**x**',
        '[a](http://e)',
        '<img src=x onerror=alert(1)>',
        '@all',
        '~town-square',
        '`x`',
        '| a | b |',
        '![i](http://e/i.png)',
        'https://evil.example',
        'www.evil.com',
        'x@evil.com',
        '> quote',
        '1. list',
        '<script>alert(1)</script>',
    ])('%s renders inert', (input) => {
        const html: string = markdown.renderInline(`name: ${escapeMarkdown(input)}`);
        const text = html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"');

        expect(html).not.toMatch(/<(a|img|strong|em|code|script|table|blockquote|ol)\b/);
        expect(text.replace(new RegExp(ZWSP, 'g'), '')).toBe(`name: ${input}`);
        expect(text).not.toMatch(MENTION);
    });
});

describe('escapeMarkdown invisible characters', () => {
    test('right-to-left override is dropped', () => {
        expect(escapeMarkdown('\u202eevil')).toBe('evil');
    });

    test('every bidirectional control is dropped', () => {
        const controls = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069'];
        for (const control of controls) {
            expect(escapeMarkdown(`a${control}b`)).toBe('ab');
        }
    });

    test('zero-width characters in names are dropped', () => {
        expect(escapeMarkdown('al\u200bi\u200cc\u200de\u2060\ufeff')).toBe('alice');
    });

    test('own zero-width space after at sign stays', () => {
        expect(escapeMarkdown('@\u200ball')).toBe('\\@\u200ball');
    });
});
