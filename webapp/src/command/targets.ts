import {asciiLower} from './characters';
import type {Target} from './types';

const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
const USER_ID = /^[a-z0-9]{26}$/;
const USERNAME = /^[a-z0-9._-]{1,64}$/;

/** Classifies one user token, or returns null when it fits no target kind. */
export function parseTarget(raw: string): Target | null {
    let value = raw.replace(TRAILING_PUNCTUATION, '');
    if (value.startsWith('@')) {
        value = value.slice(1);
    }
    value = asciiLower(value);

    if (value === 'me') {
        return {kind: 'me', value, raw};
    }
    if (value.indexOf('@', 1) > 0) {
        return {kind: 'email', value, raw};
    }
    if (USER_ID.test(value)) {
        return {kind: 'id', value, raw};
    }
    if (USERNAME.test(value)) {
        return {kind: 'username', value, raw};
    }

    return null;
}
