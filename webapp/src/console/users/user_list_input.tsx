import React, {useState} from 'react';
import {useIntl} from 'react-intl';

import {CsvSyntaxError} from '../csv/parse_csv';
import {userMessages as messages} from '../messages';
import {panelStyles as styles} from '../panel_styles';

import {parseUserList} from './parse_user_list';
import type {ParsedUserList} from './parse_user_list';

const emptyList: ParsedUserList = {targets: [], rejected: []};

/** Renders a text area and a file picker that read a pasted list or a CSV file of users. */
export function UserListInput({onChange}: {onChange(list: ParsedUserList): void}) {
    const intl = useIntl();
    const [text, setText] = useState('');
    const [list, setList] = useState<ParsedUserList>(emptyList);
    const [error, setError] = useState('');

    const read = (next: string) => {
        setText(next);
        try {
            const parsed = parseUserList(next);
            setList(parsed);
            setError('');
            onChange(parsed);
        } catch (caught) {
            if (!(caught instanceof CsvSyntaxError)) {
                throw caught;
            }
            setList(emptyList);
            setError(caught.message);
            onChange(emptyList);
        }
    };

    const upload = async (event: React.ChangeEvent<HTMLInputElement>) => {
        const file = event.target.files?.[0];
        if (file) {
            read(await file.text());
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
                    onChange={(event) => read(event.target.value)}
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
                    {intl.formatMessage(messages.listRead, {count: list.targets.length, column: list.column ?? 'none'})}
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
                <ul
                    style={{...styles.list, ...styles.error}}
                    data-testid='deactivate-user-list-rejected'
                >
                    {list.rejected.slice(0, 20).map((entry) => (
                        <li key={`${entry.row}-${entry.value}`}>{intl.formatMessage(messages.listRejected, {row: entry.row, value: entry.value})}</li>
                    ))}
                </ul>
            )}
        </div>
    );
}
