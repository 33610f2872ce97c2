import React, {useCallback, useEffect, useMemo, useState} from 'react';
import {useIntl} from 'react-intl';

import {confirmMessages} from '../../confirm/messages';
import {isUndoable} from '../../history/batch_record';
import type {Batch} from '../../history/batch_record';
import {outcomeOfServerUndo, undoTargets} from '../../history/undo_outcome';
import {planUndo} from '../../plan';
import type {Plan} from '../../plan';

import {BatchFlow} from '../batch/batch_flow';
import {BatchJobView} from '../batch/batch_job_view';
import {sectionRunner, useBatchJob} from '../batch/batch_runner';
import {useFocusOnReturn} from '../batch/focus_on_return';
import {downloadCsv} from '../csv/format_csv';
import {describeError} from '../describe_error';
import {batchMessages, historyMessages as messages} from '../messages';
import {panelStyles as styles} from '../panel_styles';
import type {PanelSettings} from '../settings/panel_settings';
import {VirtualTable} from '../table/virtual_table';
import type {Column} from '../table/virtual_table';
import type {PanelDeps} from '../types';

import {countOutcomes, historyCsv, matchesHistoryFilter} from './history_rows';

// The server part's largest page (maxBatchesPerPage in server-proxy/internal/deactivate/http.go).
const HISTORY_PAGE_SIZE = 100;

interface Pending {
    batch: Batch;
    plan: Plan;
}

/**
 * Renders the History section: the batches the server part recorded (the caller's own, or
 * another user's for a caller with manage_system), with a filter, CSV export and
 * "Reactivate this batch".
 */
export function HistoryTab({deps, settings}: {deps: PanelDeps; settings: PanelSettings}) {
    const intl = useIntl();
    const [batches, setBatches] = useState<Batch[]>();
    const [page, setPage] = useState(0);
    const [complete, setComplete] = useState(false);
    const [names, setNames] = useState<Map<string, string>>(new Map());
    const [error, setError] = useState('');
    const [text, setText] = useState('');
    const [undoableOnly, setUndoableOnly] = useState(false);
    const [userId, setUserId] = useState('');
    const [pending, setPending] = useState<Pending>();
    const runner = sectionRunner('history');
    const {containerRef, focusOnReturn} = useFocusOnReturn<HTMLDivElement>();
    const job = useBatchJob(runner);

    const load = useCallback(async (nextPage: number, previous: Batch[]) => {
        try {
            const owner = userId.trim() ? `&user_id=${encodeURIComponent(userId.trim())}` : '';
            const path = `/batches?page=${nextPage}&per_page=${HISTORY_PAGE_SIZE}${owner}`;
            const response: {batches: Batch[]} = await deps.rest.pluginApi('GET', path, 'object');
            const all = [...previous, ...response.batches];
            const ids = [...new Set(all.map((batch) => batch.user_id))];
            const users = ids.length > 0 ? await deps.rest.getUsersByIds(ids) : [];
            setNames(new Map(users.map((user) => [user.id, `@${user.username}`])));
            setBatches(all);
            setPage(nextPage + 1);
            setComplete(response.batches.length < HISTORY_PAGE_SIZE);
            setError('');
        } catch (caught) {
            setError(intl.formatMessage(messages.unavailable, {reason: describeError(caught, intl)}));
        }
    }, [deps.rest, intl, userId]);

    // Loads once on mount; a changed user id loads again on Enter, not on every keystroke.
    useEffect(() => {
        load(0, []);
    }, []);

    const whoOf = useCallback((batch: Batch) => names.get(batch.user_id) ?? batch.user_id, [names]);
    const shown = useMemo(() => (batches ?? []).filter((batch) => {
        return (!undoableOnly || isUndoable(batch)) && matchesHistoryFilter(batch, whoOf(batch), text);
    }), [batches, undoableOnly, text, whoOf]);

    const reactivate = async (batch: Batch) => {
        try {
            const plan = await planUndo(undoTargets(batch), deps.rest);
            setPending({batch, plan: {...plan, command: '/deactivate undo ' + batch.id, historyBatchId: batch.id}});
        } catch (caught) {
            setError(describeError(caught, intl));
        }
    };

    if (job) {
        return (
            <BatchJobView
                job={job}
                runner={runner}
                onClose={() => {
                    setPending(undefined);
                    focusOnReturn('deactivate-history-filter');
                    load(0, []);
                }}
            />
        );
    }

    if (pending) {
        const count = pending.plan.items.filter((item) => item.class === 'reactivate').length;
        return (
            <BatchFlow
                runner={runner}
                plan={pending.plan}
                requirement={{}}
                threshold={settings.confirm_threshold}
                confirmLabel={intl.formatMessage(confirmMessages.confirmUndo, {count})}
                total={count}
                run={async () => {
                    const startedAt = Date.now();
                    // The server reactivates only the accounts this confirmation showed.
                    const confirmed = pending.plan.items.flatMap((item) =>
                        (item.kind === 'user' && item.class === 'reactivate' && item.user ? [item.user.id] : []));
                    const undone = await deps.history.undo(pending.batch.id, confirmed);
                    return {outcome: outcomeOfServerUndo(pending.plan, undone, startedAt), cancelled: false};
                }}
                fileName={`deactivate-undo-${pending.batch.id}.csv`}
                onBack={() => {
                    setPending(undefined);
                    focusOnReturn(`deactivate-history-undo-${pending.batch.id}`);
                }}
            />
        );
    }

    const columns: Array<Column<Batch>> = [
        {key: 'when', header: intl.formatMessage(messages.columnWhen), width: '170px', render: (batch) => intl.formatDate(batch.created_at, {dateStyle: 'medium', timeStyle: 'short'})},
        {key: 'who', header: intl.formatMessage(messages.columnWho), width: '120px', render: whoOf},
        {key: 'what', header: intl.formatMessage(messages.columnWhat), width: '3fr', render: (batch) => batch.command},
        {
            key: 'outcomes',
            header: intl.formatMessage(messages.columnOutcomes),
            width: '3fr',
            render: (batch) => intl.formatMessage(messages.outcomes, {...countOutcomes(batch), undone: String(Boolean(batch.undone_at))}),
        },
        {
            key: 'action',
            header: intl.formatMessage(messages.columnAction),
            width: '190px',
            render: (batch) => (isUndoable(batch) ? (
                <button
                    type='button'
                    style={styles.secondary}
                    onClick={() => reactivate(batch)}
                    data-testid={`deactivate-history-undo-${batch.id}`}
                >
                    {intl.formatMessage(messages.reactivate)}
                </button>
            ) : null),
        },
    ];

    return (
        <div
            ref={containerRef}
            style={styles.section}
        >
            <div style={styles.row}>
                <label style={styles.field}>
                    {intl.formatMessage(messages.filter)}
                    <input
                        style={styles.input}
                        value={text}
                        data-testid='deactivate-history-filter'
                        onChange={(event) => setText(event.target.value)}
                    />
                </label>
                <label>
                    <input
                        type='checkbox'
                        checked={undoableOnly}
                        onChange={(event) => setUndoableOnly(event.target.checked)}
                    />
                    {` ${intl.formatMessage(messages.undoableOnly)}`}
                </label>
                <label style={styles.field}>
                    {intl.formatMessage(messages.userId)}
                    <input
                        style={styles.input}
                        value={userId}
                        onChange={(event) => setUserId(event.target.value)}
                        onKeyDown={(event) => event.key === 'Enter' && load(0, [])}
                    />
                </label>
                <button
                    type='button'
                    style={styles.secondary}
                    data-testid='deactivate-history-export'
                    onClick={() => downloadCsv('deactivate-history.csv', historyCsv(shown, whoOf))}
                >
                    {intl.formatMessage(batchMessages.exportCsv)}
                </button>
            </div>
            {error && (
                <p
                    style={styles.error}
                    role='alert'
                    data-testid='deactivate-history-error'
                >
                    {error}
                </p>
            )}
            {batches && (
                <VirtualTable
                    rows={shown}
                    columns={columns}
                    rowKey={(batch) => batch.id}
                    label={intl.formatMessage(messages.tableLabel)}
                    rowHeight={44}
                    height={Math.min(440, Math.max(1, shown.length) * 44)}
                    emptyText={intl.formatMessage(messages.empty)}
                    testId='deactivate-history-table'
                />
            )}
            {batches && !complete && (
                <div>
                    <button
                        type='button'
                        style={styles.secondary}
                        onClick={() => load(page, batches)}
                    >
                        {intl.formatMessage(messages.more)}
                    </button>
                </div>
            )}
        </div>
    );
}
