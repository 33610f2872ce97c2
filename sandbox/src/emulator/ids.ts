import {createHash, randomBytes} from 'node:crypto';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 26;

function encodeId(bytes: Buffer): string {
    let id = '';
    for (let i = 0; i < ID_LENGTH; i++) {
        id += ID_ALPHABET[bytes[i] % ID_ALPHABET.length];
    }
    return id;
}

/** Generates a random 26-character id of the kind Mattermost uses for every row. */
export function newId(): string {
    return encodeId(randomBytes(32));
}

/** Derives a stable id from a name, so seeded rows keep their ids across restarts. */
export function stableId(name: string): string {
    return encodeId(createHash('sha256').update(name).digest());
}

/** Generates a session or access token; Mattermost tokens have the same form as ids. */
export function newToken(): string {
    return newId();
}

/** Checks the server's `IsValidId` rule: exactly 26 lower-case letters and digits. */
export function isValidId(value: string): boolean {
    return /^[a-z0-9]{26}$/.test(value);
}
