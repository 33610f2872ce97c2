import {asciiLower} from './characters';

/** Days per duration unit. A month is counted as 30 days. */
const DAYS_PER_UNIT: Record<string, number> = {d: 1, w: 7, m: 30};

/** Largest amount accepted, in any unit, so that the cutoff stays a safe integer. */
export const MAX_DURATION_AMOUNT = 9999;

const DURATION = /^([0-9]+)([dwm])$/;

/** A parsed inactivity duration: the token lower-cased and its length in days. */
export interface Duration {
    text: string;
    days: number;
}

/**
 * Parses `180d`, `12w` or `6m` (case-insensitive) into days, or returns null when the token is
 * not a whole number from 1 to MAX_DURATION_AMOUNT followed by one unit letter.
 */
export function parseDuration(raw: string): Duration | null {
    const text = asciiLower(raw);
    const match = DURATION.exec(text);
    if (!match) {
        return null;
    }

    const amount = Number(match[1]);
    if (amount < 1 || amount > MAX_DURATION_AMOUNT) {
        return null;
    }

    return {text, days: amount * DAYS_PER_UNIT[match[2]]};
}
