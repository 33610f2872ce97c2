import React from 'react';
import {useIntl} from 'react-intl';

import {CsvSyntaxError} from '../csv/parse_csv';
import {userMessages as messages} from '../messages';
import {panelStyles as styles} from '../panel_styles';

import {parseUserList} from './parse_user_list';
import type {ParsedUserList} from './parse_user_list';

const emptyList: ParsedUserList = {targets: [], rejected: [], columns: []};

// Rejected entries listed by row; the total counts them all.
const MAX_REJECTED_SHOWN = 20;

/** A pasted or uploaded list as text, with what it parses to or why it cannot be parsed. */
export interface UserListText {
    text: string;
    list: ParsedUserList;
    /** The CSV syntax error, when the text cannot be parsed; `list` is then empty. */
    error: string;
}

/** Parses the text of the list field; the list is empty when the text is. */
export function readUserListText(text: string): UserListText {
    try {
        return {text, list: parseUserList(text), error: ''};
    } catch (caught) {
        if (!(caught instanceof CsvSyntaxError)) {
            throw caught;
        }
        return {text, list: emptyList, error: caught.message};
    }
}

export interface UserListInputProps {
    value: UserListText;
    onChange(text: string): void;
}

/**
 * Renders a text area and a file picker that read a pasted list or a CSV file of users. The
 * parent keeps the text, so the list parsed from it exists exactly as long as the text does.
 */
export function UserListInput({value, onChange}: UserListInputProps) {
    const intl = useIntl();
    const {text, list, error} = value;

    const upload = async (event: React.ChangeEvent<HTMLInputElement>) => {
        const file = event.target.files?.[0];
        if (file) {
            onChange(await file.text());
        }
    };

    return (
        <div style={styles.section}>
            <label style={styles.field}>
                {intl.formatMessage(messages.listLabel)}
                <textarea
                    style={styles.textarea}
                    value={text}
                    data-testid='deactivate-user-list'
                    onChange={(event) => onChange(event.target.value)}
                />
            </label>
            <label style={styles.field}>
                {intl.formatMessage(messages.upload)}
                <input
                    type='file'
                    accept='.csv,text/csv,text/plain'
                    data-testid='deactivate-user-list-file'
                    onChange={upload}
                />
            </label>
            {text.trim() !== '' && !error && (
                <p
                    style={styles.note}
                    data-testid='deactivate-user-list-summary'
                >
                    {intl.formatMessage(messages.listRead, {count: list.targets.length, columns: list.columns.length > 0 ? list.columns.join(', ') : 'none'})}
                </p>
            )}
            {error && (
                <p
                    style={styles.error}
                    role='alert'
                >
                    {error}
                </p>
            )}
            {list.rejected.length > 0 && (
                <div
                    style={styles.error}
                    data-testid='deactivate-user-list-rejected'
                >
                    <p data-testid='deactivate-user-list-rejected-total'>
                        {intl.formatMessage(messages.listRejectedTotal, {
                            count: list.rejected.length,
                            shown: Math.min(list.rejected.length, MAX_REJECTED_SHOWN),
                            hidden: Math.max(0, list.rejected.length - MAX_REJECTED_SHOWN),
                        })}
                    </p>
                    <ul style={styles.list}>
                        {list.rejected.slice(0, MAX_REJECTED_SHOWN).map((entry) => (
                            <li key={`${entry.row}-${entry.value}`}>
                                {entry.value === '' ?
                                    intl.formatMessage(messages.listRowEmpty, {row: entry.row}) :
                                    intl.formatMessage(messages.listRejected, {row: entry.row, value: entry.value})}
                            </li>
                        ))}
                    </ul>
                </div>
            )}
        </div>
    );
}
