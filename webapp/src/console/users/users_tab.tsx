import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useIntl} from 'react-intl';
import type {IntlShape} from 'react-intl';
import type {UserProfile} from '@mattermost/types/users';

import {confirmMessages} from '../../confirm/messages';
import {countWrites} from '../../confirm/plan_groups';
import {runPlan} from '../../plan';
import type {Caller, Outcome} from '../../plan';

import {BatchFlow} from '../batch/batch_flow';
import {BatchJobView} from '../batch/batch_job_view';
import {sectionRunner, useBatchJob} from '../batch/batch_runner';
import {useFocusOnReturn} from '../batch/focus_on_return';
import {withPanelSkipReasons} from '../batch/panel_skip_reasons';
import {flagWords, planSelection, targetsOfUsers} from '../batch/plan_selection';
import type {PanelPlan} from '../batch/plan_selection';
import {recordBatches} from '../batch/record_batches';
import {confirmRequirement, countAccountWrites} from '../batch/type_to_confirm';
import {describeError} from '../describe_error';
import {batchMessages, userMessages as messages} from '../messages';
import {buttonStyle, panelStyles as styles} from '../panel_styles';
import type {PanelSettings} from '../settings/panel_settings';
import {VirtualTable} from '../table/virtual_table';
import type {PanelDeps} from '../types';

import {loadUserPage, searchUsers} from './load_users';
import type {ActivityState, UserPage} from './load_users';
import {userColumns} from './user_columns';
import type {UserRow} from './user_columns';
import {noFilters, passesClientFilters} from './user_filters';
import type {UserFilters} from './user_filters';
import {UserListInput, readUserListText} from './user_list_input';

const ROLES = ['system_admin', 'system_user_manager', 'system_manager', 'system_read_only_admin', 'system_user', 'system_guest'];
const AUTH_SERVICES = ['email', 'ldap', 'saml', 'gitlab', 'google', 'office365', 'openid'];

interface Listing {
    source: 'filters' | 'search';
    term: string;
    filters: UserFilters;
    rows: UserRow[];
    nextPage: number;
    complete: boolean;
    activityState: ActivityState;
}

export interface UsersTabProps {
    deps: PanelDeps;
    caller: Caller;
    settings: PanelSettings;
}

function toRows(page: UserPage): UserRow[] {
    return page.users.map((user) => ({user, lastActivityAt: page.activity.get(user.id) ?? 0}));
}

// Records the batch in the server part's history and words the notes shown under the results.
async function recordPanelBatch(deps: PanelDeps, intl: IntlShape, outcome: Outcome, flags: string[]): Promise<string[]> {
    const recorded = await recordBatches(deps.history, outcome, flags);
    const notes = [];
    if (recorded.batches.length > 0) {
        notes.push(intl.formatMessage(batchMessages.recorded, {ids: recorded.batches.map((entry) => entry.id).join(', ')}));
    }
    for (const entry of recorded.batches.filter((part) => part.summary_error)) {
        notes.push(intl.formatMessage(batchMessages.summaryFailed, {id: entry.id, reason: entry.summary_error}));
    }
    for (const failure of recorded.errors) {
        notes.push(intl.formatMessage(batchMessages.notRecorded, {reason: describeError(failure, intl)}));
    }
    return notes;
}

function confirmLabel(intl: IntlShape, plan: PanelPlan['plan']): string {
    const writes = countWrites(plan);
    if (writes.users > 0 && writes.bots > 0) {
        return intl.formatMessage(confirmMessages.confirmUsersAndBots, {users: writes.users, bots: writes.bots});
    }
    if (writes.bots > 0) {
        return intl.formatMessage(confirmMessages.confirmBots, {count: writes.bots});
    }
    return intl.formatMessage(confirmMessages.confirmUsers, {count: writes.users});
}

/**
 * Renders the Users section: find users by search, filters or a pasted list, select them in a
 * virtual table that loads 200 users per page as it scrolls, and run the selection as one batch.
 */
export function UsersTab({deps, caller, settings}: UsersTabProps) {
    const intl = useIntl();
    const [filters, setFilters] = useState<UserFilters>({...noFilters});
    const [inactiveDaysText, setInactiveDaysText] = useState('');
    const [term, setTerm] = useState('');
    const [listing, setListing] = useState<Listing>();
    const [loading, setLoading] = useState(false);
    const [error, setError] = useState('');
    const [selected, setSelected] = useState<Map<string, UserProfile>>(new Map());
    const [listText, setListText] = useState('');
    const userList = useMemo(() => readUserListText(listText), [listText]);
    const list = userList.list;
    const [includeAdmins, setIncludeAdmins] = useState(false);
    const [includeBots, setIncludeBots] = useState(false);
    const [batch, setBatch] = useState<PanelPlan>();
    const runner = sectionRunner('users');
    const {containerRef, focusOnReturn} = useFocusOnReturn<HTMLDivElement>();
    const job = useBatchJob(runner);
    const loadingRef = useRef(false);
    const listingRef = useRef<Listing>();
    listingRef.current = listing;

    const loadNext = useCallback(async (current: Listing): Promise<Listing> => {
        const page = current.source === 'search' ?
            await searchUsers(deps.rest, current.term, current.activityState) :
            await loadUserPage(deps.rest, current.filters, current.nextPage, current.activityState);
        return {
            ...current,
            rows: [...current.rows, ...toRows(page)],
            nextPage: current.nextPage + 1,
            complete: page.complete,
            activityState: page.activityState,
        };
    }, [deps.rest]);

    const start = useCallback(async (first: Listing) => {
        loadingRef.current = true;
        setLoading(true);
        setError('');
        try {
            setListing(await loadNext(first));
        } catch (caught) {
            setError(describeError(caught, intl));
        } finally {
            loadingRef.current = false;
            setLoading(false);
        }
    }, [intl, loadNext]);

    const loadMore = useCallback(async (all: boolean) => {
        let current = listingRef.current;
        if (!current || current.complete || loadingRef.current) {
            return;
        }
        loadingRef.current = true;
        setLoading(true);
        try {
            do {
                current = await loadNext(current);
                setListing(current);
            } while (all && !current.complete);
        } catch (caught) {
            setError(describeError(caught, intl));
        } finally {
            loadingRef.current = false;
            setLoading(false);
        }
    }, [intl, loadNext]);

    const listWithFilters = () => {
        const days = Number(inactiveDaysText);
        const applied = {...filters, inactiveDays: inactiveDaysText.trim() !== '' && days > 0 ? days : undefined};
        setFilters(applied);
        start({source: 'filters', term: '', filters: applied, rows: [], nextPage: 0, complete: false, activityState: {}});
    };

    const search = () => {
        if (term.trim() !== '') {
            start({source: 'search', term: term.trim(), filters: {...noFilters}, rows: [], nextPage: 0, complete: false, activityState: {}});
        }
    };

    // Live updates: a changed user is patched in place; an activation change reloads the listing,
    // because the event carries no user.
    useEffect(() => deps.events.subscribe((message) => {
        const current = listingRef.current;
        if (!current || batch || job) {
            return;
        }
        if (message.event === 'user_updated') {
            const updated = (message.data as {user?: UserProfile} | undefined)?.user;
            if (updated?.id) {
                setListing({...current, rows: current.rows.map((row) => (row.user.id === updated.id ? {...row, user: {...row.user, ...updated}} : row))});
            }
        } else if (message.event === 'user_activation_status_change' && !loadingRef.current) {
            start({...current, rows: [], nextPage: 0, complete: false, activityState: {}});
        }
    }), [deps.events, batch, job, start]);

    const shown = useMemo(() => {
        if (!listing) {
            return [];
        }
        const now = Date.now();
        return listing.rows.filter((row) => passesClientFilters(row.user, row.lastActivityAt, listing.filters, now));
    }, [listing]);

    const toggle = useCallback((row: UserRow) => {
        setSelected((current) => {
            const next = new Map(current);
            if (next.has(row.user.id)) {
                next.delete(row.user.id);
            } else {
                next.set(row.user.id, row.user);
            }
            return next;
        });
    }, []);

    const selectedIds = useMemo(() => new Set(selected.keys()), [selected]);
    const columns = useMemo(() => userColumns(intl), [intl]);
    const targetCount = selected.size + list.targets.length;

    const preview = async () => {
        setLoading(true);
        setError('');
        try {
            const targets = [...targetsOfUsers([...selected.values()]), ...list.targets];
            const flags = {dryRun: false, includeAdmins, includeBots, includeNeverActive: false};
            const planned = await planSelection(targets, flags, caller, deps.rest, intl, settings.protected_usernames);
            setBatch({...planned, plan: {...planned.plan, command: ['/deactivate', ...flagWords(flags)].join(' ')}});
        } catch (caught) {
            setError(describeError(caught, intl));
        } finally {
            setLoading(false);
        }
    };

    if (job) {
        return (
            <BatchJobView
                job={job}
                runner={runner}
                onClose={() => {
                    setBatch(undefined);
                    setSelected(new Map());
                    setListText('');
                    focusOnReturn('deactivate-users-search');
                    if (listingRef.current) {
                        start({...listingRef.current, rows: [], nextPage: 0, complete: false, activityState: {}});
                    }
                }}
            />
        );
    }

    if (batch) {
        const flags = flagWords(batch.flags);
        return (
            <BatchFlow
                runner={runner}
                plan={batch.plan}
                protectionNote={batch.protectionNote}
                requirement={confirmRequirement(batch.plan, settings.confirm_threshold, deps.ownPluginId)}
                threshold={settings.confirm_threshold}
                confirmLabel={confirmLabel(intl, batch.plan)}
                total={countAccountWrites(batch.plan)}
                run={async (signal, onProgress) => {
                    const run = await runPlan(batch.plan, deps.rest, intl, {signal, onProgress});
                    return {...run, outcome: withPanelSkipReasons(run.outcome, intl)};
                }}
                afterRun={(outcome) => recordPanelBatch(deps, intl, outcome, flags)}
                fileName='deactivate-results.csv'
                onBack={() => {
                    setBatch(undefined);
                    focusOnReturn('deactivate-users-preview');
                }}
            />
        );
    }

    const field = (label: string, control: React.ReactNode) => (
        <label style={styles.field}>
            {label}
            {control}
        </label>
    );

    return (
        <div
            ref={containerRef}
            style={styles.section}
        >
            <div style={styles.row}>
                {field(intl.formatMessage(messages.search), (
                    <input
                        style={styles.input}
                        value={term}
                        data-testid='deactivate-users-search'
                        onChange={(event) => setTerm(event.target.value)}
                        onKeyDown={(event) => event.key === 'Enter' && search()}
                    />
                ))}
                <button
                    type='button'
                    style={styles.secondary}
                    onClick={search}
                    data-testid='deactivate-users-search-button'
                >
                    {intl.formatMessage(messages.searchButton)}
                </button>
            </div>
            <div style={styles.row}>
                {field(intl.formatMessage(messages.status), (
                    <select
                        style={styles.input}
                        value={filters.status}
                        data-testid='deactivate-filter-status'
                        onChange={(event) => setFilters({...filters, status: event.target.value as UserFilters['status']})}
                    >
                        <option value='active'>{intl.formatMessage(messages.statusActive)}</option>
                        <option value='inactive'>{intl.formatMessage(messages.statusInactive)}</option>
                        <option value='any'>{intl.formatMessage(messages.statusAny)}</option>
                    </select>
                ))}
                {field(intl.formatMessage(messages.role), (
                    <select
                        style={styles.input}
                        value={filters.role}
                        data-testid='deactivate-filter-role'
                        onChange={(event) => setFilters({...filters, role: event.target.value})}
                    >
                        <option value=''>{intl.formatMessage(messages.roleAny)}</option>
                        {ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
                    </select>
                ))}
                {field(intl.formatMessage(messages.authMethod), (
                    <select
                        style={styles.input}
                        value={filters.authService}
                        data-testid='deactivate-filter-auth'
                        onChange={(event) => setFilters({...filters, authService: event.target.value})}
                    >
                        <option value=''>{intl.formatMessage(messages.authAny)}</option>
                        {AUTH_SERVICES.map((service) => <option key={service} value={service}>{service}</option>)}
                    </select>
                ))}
                {field(intl.formatMessage(messages.inactiveDays), (
                    <input
                        style={{...styles.input, width: 90}}
                        type='number'
                        min={1}
                        placeholder={String(settings.inactive_days)}
                        value={inactiveDaysText}
                        data-testid='deactivate-filter-inactive-days'
                        onChange={(event) => setInactiveDaysText(event.target.value)}
                    />
                ))}
                <label style={styles.field}>
                    <span>
                        <input
                            type='checkbox'
                            checked={filters.neverActive}
                            data-testid='deactivate-filter-never-active'
                            onChange={(event) => setFilters({...filters, neverActive: event.target.checked})}
                        />
                        {` ${intl.formatMessage(messages.neverActive)}`}
                    </span>
                </label>
                <label style={styles.field}>
                    <span>
                        <input
                            type='checkbox'
                            checked={filters.withoutTeam}
                            data-testid='deactivate-filter-no-team'
                            onChange={(event) => setFilters({...filters, withoutTeam: event.target.checked})}
                        />
                        {` ${intl.formatMessage(messages.noTeam)}`}
                    </span>
                </label>
                <button
                    type='button'
                    style={styles.primary}
                    onClick={listWithFilters}
                    data-testid='deactivate-users-list'
                >
                    {intl.formatMessage(messages.applyFilters)}
                </button>
            </div>
            {listing?.activityState.choice && (
                <p
                    style={styles.note}
                    data-testid='deactivate-users-activity-source'
                >
                    {listing.activityState.choice.source === 'reports' ?
                        intl.formatMessage(messages.activityReports) :
                        intl.formatMessage(messages.activityStatuses, {status: listing.activityState.choice.fallbackStatus ?? 0})}
                </p>
            )}
            {error && (
                <p
                    style={styles.error}
                    role='alert'
                    data-testid='deactivate-users-error'
                >
                    {error}
                </p>
            )}
            {listing && (
                <>
                    <div style={styles.row}>
                        <span
                            role='status'
                            data-testid='deactivate-users-count'
                        >
                            {intl.formatMessage(messages.loaded, {shown: shown.length, loaded: listing.rows.length, complete: String(listing.complete)})}
                        </span>
                        {!listing.complete && (
                            <button
                                type='button'
                                style={buttonStyle(styles.secondary, loading)}
                                disabled={loading}
                                onClick={() => loadMore(true)}
                                data-testid='deactivate-users-load-all'
                            >
                                {intl.formatMessage(messages.loadAll)}
                            </button>
                        )}
                        <button
                            type='button'
                            style={styles.secondary}
                            onClick={() => setSelected(new Map([...selected, ...shown.map((row) => [row.user.id, row.user] as const)]))}
                            data-testid='deactivate-users-select-shown'
                        >
                            {intl.formatMessage(messages.selectShown)}
                        </button>
                        <button
                            type='button'
                            style={styles.secondary}
                            onClick={() => setSelected(new Map())}
                        >
                            {intl.formatMessage(messages.clearSelection)}
                        </button>
                    </div>
                    <VirtualTable
                        rows={shown}
                        columns={columns}
                        rowKey={(row) => row.user.id}
                        label={intl.formatMessage(messages.tableLabel)}
                        selected={selectedIds}
                        onToggle={toggle}
                        rowLabel={(row) => intl.formatMessage(messages.selectUser, {username: row.user.username})}
                        onEndReached={() => loadMore(false)}
                        emptyText={intl.formatMessage(messages.noUsers)}
                        testId='deactivate-users-table'
                    />
                </>
            )}
            <UserListInput
                value={userList}
                onChange={setListText}
            />
            <div style={styles.row}>
                <label>
                    <input
                        type='checkbox'
                        checked={includeAdmins}
                        data-testid='deactivate-include-admins'
                        onChange={(event) => setIncludeAdmins(event.target.checked)}
                    />
                    {` ${intl.formatMessage(messages.includeAdmins)}`}
                </label>
                <label>
                    <input
                        type='checkbox'
                        checked={includeBots}
                        data-testid='deactivate-include-bots'
                        onChange={(event) => setIncludeBots(event.target.checked)}
                    />
                    {` ${intl.formatMessage(messages.includeBots)}`}
                </label>
                <span data-testid='deactivate-users-selected'>{intl.formatMessage(messages.selected, {table: selected.size, list: list.targets.length})}</span>
                <button
                    type='button'
                    style={buttonStyle(styles.primary, targetCount === 0 || loading)}
                    disabled={targetCount === 0 || loading}
                    onClick={preview}
                    data-testid='deactivate-users-preview'
                >
                    {intl.formatMessage(messages.preview, {count: targetCount})}
                </button>
            </div>
        </div>
    );
}
