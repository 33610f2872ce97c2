import {QUOTE_CHARS, WHITESPACE_CHAR} from './characters';

/**
 * Splits the text after the trigger into tokens on whitespace and commas. A quoted part joins
 * the current token with its spaces and commas kept, and its quotes dropped. An unterminated
 * quote runs to the end of the line. Empty tokens (`""`, `,,`) are dropped.
 */
export function tokenize(text: string): string[] {
    const tokens: string[] = [];
    let current = '';
    let quoted = false;

    for (const char of text) {
        if (QUOTE_CHARS.has(char)) {
            quoted = !quoted;
            continue;
        }

        const separates = char === ',' || WHITESPACE_CHAR.test(char);
        if (separates && !quoted) {
            if (current !== '') {
                tokens.push(current);
            }
            current = '';
            continue;
        }

        current += char;
    }

    if (current !== '') {
        tokens.push(current);
    }

    return tokens;
}
