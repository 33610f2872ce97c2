import React, {useMemo, useState} from 'react';
import {useIntl} from 'react-intl';

import {itemLabel} from '../../confirm/plan_groups';
import type {OutcomeItem} from '../../plan';

import {downloadCsv, formatCsv} from '../csv/format_csv';
import {batchMessages as messages, userMessages} from '../messages';
import {panelStyles as styles} from '../panel_styles';
import {VirtualTable} from '../table/virtual_table';
import type {Column} from '../table/virtual_table';

type StateFilter = 'all' | OutcomeItem['state'];

export interface ResultRow {
    key: string;
    entry: OutcomeItem;
}

/** Builds the CSV of a batch's results: one row per account, in plan order. */
export function resultsCsv(rows: ResultRow[]): string {
    const header = ['target', 'username', 'user_id', 'email', 'class', 'outcome', 'reason', 'error_id', 'status'];
    return formatCsv(header, rows.map(({entry}) => {
        const user = entry.item.kind === 'user' ? entry.item.user : undefined;
        return [
            entry.item.target,
            user?.username,
            user?.id,
            user?.email,
            entry.item.class,
            entry.state,
            entry.reason,
            entry.errorId,
            entry.status,
        ];
    }));
}

/** The outcome of every account of a batch, filterable by state and text, exportable as CSV. */
export function ResultsView({items, fileName}: {items: OutcomeItem[]; fileName: string}) {
    const intl = useIntl();
    const [state, setState] = useState<StateFilter>('all');
    const [text, setText] = useState('');

    const rows = useMemo(() => items.map((entry, index) => ({key: `${index}`, entry})), [items]);
    const shown = useMemo(() => {
        const needle = text.trim().toLowerCase();
        return rows.filter(({entry}) => {
            if (state !== 'all' && entry.state !== state) {
                return false;
            }
            return needle === '' || `${itemLabel(entry.item)} ${entry.reason}`.toLowerCase().includes(needle);
        });
    }, [rows, state, text]);

    const stateLabel = {
        done: intl.formatMessage(messages.stateDone),
        skipped: intl.formatMessage(messages.stateSkipped),
        failed: intl.formatMessage(messages.stateFailed),
    };
    const columns: Array<Column<ResultRow>> = [
        {key: 'user', header: intl.formatMessage(userMessages.columnUser), width: '2fr', render: ({entry}) => itemLabel(entry.item)},
        {key: 'outcome', header: intl.formatMessage(messages.columnOutcome), width: '110px', render: ({entry}) => stateLabel[entry.state]},
        {key: 'reason', header: intl.formatMessage(messages.columnReason), width: '3fr', render: ({entry}) => entry.reason},
    ];

    return (
        <div
            style={styles.section}
            data-testid='deactivate-results'
        >
            <div style={styles.row}>
                <label style={styles.field}>
                    {intl.formatMessage(messages.filterState)}
                    <select
                        style={styles.input}
                        value={state}
                        data-testid='deactivate-results-state'
                        onChange={(event) => setState(event.target.value as StateFilter)}
                    >
                        <option value='all'>{intl.formatMessage(messages.filterAll)}</option>
                        <option value='done'>{stateLabel.done}</option>
                        <option value='skipped'>{stateLabel.skipped}</option>
                        <option value='failed'>{stateLabel.failed}</option>
                    </select>
                </label>
                <label style={styles.field}>
                    {intl.formatMessage(messages.filterText)}
                    <input
                        style={styles.input}
                        value={text}
                        data-testid='deactivate-results-filter'
                        onChange={(event) => setText(event.target.value)}
                    />
                </label>
                <button
                    type='button'
                    style={styles.secondary}
                    data-testid='deactivate-results-export'
                    onClick={() => downloadCsv(fileName, resultsCsv(shown))}
                >
                    {intl.formatMessage(messages.exportCsv)}
                </button>
            </div>
            <VirtualTable
                rows={shown}
                columns={columns}
                rowKey={(row) => row.key}
                label={intl.formatMessage(messages.resultsLabel)}
                height={Math.min(360, Math.max(1, shown.length) * 36)}
                testId='deactivate-results-table'
            />
        </div>
    );
}
