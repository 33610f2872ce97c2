// Whitespace is the Unicode White_Space set, which is what Go's unicode.IsSpace matches, so the
// server part splits a line exactly as this module does. JavaScript's `\s` differs from it in
// U+0085 and U+FEFF.
const WHITESPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

export const WHITESPACE_CHAR = new RegExp(`[${WHITESPACE}]`);

const EDGE_WHITESPACE = new RegExp(`^[${WHITESPACE}]+|[${WHITESPACE}]+$`, 'g');

/** Characters that open or close a quoted part: the ASCII double quote and typographic quotes. */
export const QUOTE_CHARS = new Set(['"', '\u201c', '\u201d']);

// Zero-width characters: outcome posts put U+200B after every `@` to break mentions, so a command
// copied out of a post carries them. They are dropped before a line is read.
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;

export function stripZeroWidth(text: string): string {
    return text.replace(ZERO_WIDTH, '');
}

export function trimWhitespace(text: string): string {
    return text.replace(EDGE_WHITESPACE, '');
}

/**
 * Lower-cases A-Z only. Full Unicode lower-casing differs between JavaScript and Go (for example
 * U+0130), and every valid username, id and keyword is ASCII anyway.
 */
export function asciiLower(text: string): string {
    return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
