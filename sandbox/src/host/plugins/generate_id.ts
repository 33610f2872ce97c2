const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Returns a 26-character id of lower-case letters and digits, the shape Mattermost ids have. */
export function generateId(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(26));
    return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}
