// Every ASCII punctuation character can be backslash-escaped in CommonMark, which is what the
// web app's markdown renderer follows, so all of them are escaped.
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

// Line breaks and other control characters would start new list items or headings.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

// Bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) would reorder the
// rest of the line, and zero-width characters would hide differences between names. Any of them in
// user text is dropped, before the escaping adds its own zero-width spaces.
const INVISIBLE_CHARACTERS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Escapes text so that it renders literally in a Mattermost post: no markdown, HTML, links,
 * emoji, `@mentions` or `~channel` links. The web app finds mentions, channel links and emoji in
 * the text after markdown has removed the backslashes, so a zero-width space also follows every
 * `@`, `~` and `:`, and splits `www.`.
 */
export function escapeMarkdown(text: string): string {
    return text.
        replace(INVISIBLE_CHARACTERS, '').
        replace(CONTROL_CHARACTERS, ' ').
        replace(ASCII_PUNCTUATION, (char) => `\\${char}`).
        replace(/\\([@~:])/g, `\\$1${ZERO_WIDTH_SPACE}`).
        replace(/(www)\\\./gi, `$1${ZERO_WIDTH_SPACE}\\.`);
}
