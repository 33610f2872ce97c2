import {parseTarget} from '../../command/targets';
import type {Target} from '../../command';

import {parseCsv} from '../csv/parse_csv';

/** A pasted or uploaded entry that names no account. */
export interface RejectedValue {
    /** 1-based row of the CSV text. */
    row: number;
    /** The value read; empty when a row of a CSV with a header has no identifier at all. */
    value: string;
}

export interface ParsedUserList {
    targets: Target[];
    rejected: RejectedValue[];
    /** The header cells whose columns were read, in the order they are tried. */
    columns: string[];
}

// Header names of the identifier columns, in the order a row's cells are tried: an id names
// one account for sure, then a username, then an email address. A "name" column is left out,
// because spreadsheets use it for the full name.
const HEADER_NAMES: Array<{kind: string; names: string[]}> = [
    {kind: 'id', names: ['id', 'user_id', 'userid', 'user id']},
    {kind: 'username', names: ['username', 'user name', 'user', 'login']},
    {kind: 'email', names: ['email', 'e-mail', 'email address', 'mail']},
];

interface HeaderColumn {
    index: number;
    name: string;
}

function findColumns(header: string[]): HeaderColumn[] {
    const normalized = header.map((cell) => cell.trim().toLowerCase());
    const columns: HeaderColumn[] = [];
    for (const {names} of HEADER_NAMES) {
        const index = normalized.findIndex((cell) => names.includes(cell));
        if (index >= 0) {
            columns.push({index, name: header[index].trim()});
        }
    }
    return columns;
}

/**
 * Reads a list of users from pasted text or an uploaded CSV file. When the first row names
 * identifier columns (id, username, email), each later row gives the first non-empty cell of
 * them in that order, and a row with none is rejected. Otherwise every cell is read, and a cell
 * may hold several values separated by spaces, so `alice bob` on one line and one name per line
 * both work. Values are classified like the targets of `/deactivate` and the same account named
 * twice is kept once.
 */
export function parseUserList(text: string): ParsedUserList {
    const rows = parseCsv(text);
    const columns = rows.length > 0 ? findColumns(rows[0]) : [];
    const targets: Target[] = [];
    const rejected: RejectedValue[] = [];
    const seen = new Set<string>();

    const add = (value: string, row: number) => {
        const target = parseTarget(value);
        if (!target) {
            rejected.push({row, value});
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
        if (columns.length > 0) {
            if (index === 0) {
                return;
            }
            const value = columns.map((column) => (cells[column.index] ?? '').trim()).find((cell) => cell !== '');
            if (value === undefined) {
                rejected.push({row, value: ''});
            } else {
                add(value, row);
            }
            return;
        }
        for (const cell of cells) {
            for (const value of cell.split(/\s+/)) {
                if (value !== '') {
                    add(value, row);
                }
            }
        }
    });

    return {targets, rejected, columns: columns.map((column) => column.name)};
}
