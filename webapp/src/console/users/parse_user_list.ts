import {parseTarget} from '../../command/targets';
import type {Target} from '../../command';

import {parseCsv} from '../csv/parse_csv';

/** A pasted or uploaded value that is not a username, email address or user id. */
export interface RejectedValue {
    /** 1-based row of the CSV text. */
    row: number;
    value: string;
}

export interface ParsedUserList {
    targets: Target[];
    rejected: RejectedValue[];
    /** The header cell whose column was read, when the first row was a header. */
    column?: string;
}

// Header names, in order of preference: an id names one account for sure, an email address
// is unique too, and a username comes last.
const HEADER_NAMES: Record<string, string[]> = {
    id: ['id', 'user_id', 'userid', 'user id'],
    email: ['email', 'e-mail', 'email address', 'mail'],
    username: ['username', 'user name', 'user', 'login', 'name'],
};

function findColumn(header: string[]): {index: number; name: string} | undefined {
    const normalized = header.map((cell) => cell.trim().toLowerCase());
    for (const names of Object.values(HEADER_NAMES)) {
        const index = normalized.findIndex((cell) => names.includes(cell));
        if (index >= 0) {
            return {index, name: header[index].trim()};
        }
    }
    return undefined;
}

/**
 * Reads a list of users from pasted text or an uploaded CSV file. When the first row names a
 * column (id, email or username, in that order of preference), only that column is read.
 * Otherwise every cell is read, and a cell may hold several values separated by spaces, so
 * `alice bob` on one line and one name per line both work. Values are classified like the
 * targets of `/deactivate` and the same account named twice is kept once.
 */
export function parseUserList(text: string): ParsedUserList {
    const rows = parseCsv(text);
    const column = rows.length > 0 ? findColumn(rows[0]) : undefined;
    const targets: Target[] = [];
    const rejected: RejectedValue[] = [];
    const seen = new Set<string>();

    const add = (value: string, row: number) => {
        const trimmed = value.trim();
        if (trimmed === '') {
            return;
        }
        const target = parseTarget(trimmed);
        if (!target) {
            rejected.push({row, value: trimmed});
            return;
        }
        const key = `${target.kind}:${target.value}`;
        if (!seen.has(key)) {
            seen.add(key);
            targets.push(target);
        }
    };

    rows.forEach((cells, index) => {
        const row = index + 1;
        if (column) {
            if (index > 0) {
                add(cells[column.index] ?? '', row);
            }
            return;
        }
        for (const cell of cells) {
            for (const value of cell.split(/\s+/)) {
                add(value, row);
            }
        }
    });

    return {targets, rejected, column: column?.name};
}
