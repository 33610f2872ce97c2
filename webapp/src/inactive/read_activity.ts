import type {UserReport} from '@mattermost/types/reports';
import type {UserProfile} from '@mattermost/types/users';

import {isRestError} from '../rest';

import {REPORT_PAGE_SIZE, STATUS_BATCH_SIZE} from './activity_reads';
import type {ActivityReads, ReportCursor} from './activity_reads';
import type {SourceChoice} from './activity_source';

/**
 * HTTP statuses of `GET /reports/users` that mean "use the status rows instead": 404 before
 * Mattermost 9.6 (no such route), 501 where the feature is off, 403 when the caller lacks
 * `sysconsole_read_user_management_users` (and, before mid-2024 servers, is not a system admin).
 */
const FALLBACK_STATUSES = new Set([403, 404, 501]);

/** Last activity per user id, in milliseconds since the epoch; 0 or absent means none recorded. */
export interface ActivityRead extends SourceChoice {
    lastActivity: Map<string, number>;
}

/**
 * Reads every user's last activity from the best source the server offers. Unless `known` says
 * otherwise, the user report is tried first, and its first page is also the probe. A probe
 * answered with 403, 404 or 501 falls back to the status rows; any other failure rejects.
 */
export async function readActivity(
    users: UserProfile[],
    reads: ActivityReads,
    known?: SourceChoice,
): Promise<ActivityRead> {
    if (known?.source === 'statuses') {
        return {...known, lastActivity: await readStatuses(users, reads)};
    }

    let firstPage: UserReport[];
    try {
        firstPage = await reads.getUserReportPage();
    } catch (error) {
        if (known || !isRestError(error) || !FALLBACK_STATUSES.has(error.status)) {
            throw error;
        }
        const lastActivity = await readStatuses(users, reads);
        return {source: 'statuses', fallbackStatus: error.status, lastActivity};
    }

    return {source: 'reports', lastActivity: await readReports(firstPage, reads)};
}

// The report's activity is the latest of the last login, the last status change and the last
// post. The report lists active users only (`hide_inactive=true`), sorted by username.
async function readReports(firstPage: UserReport[], reads: ActivityReads): Promise<Map<string, number>> {
    const lastActivity = new Map<string, number>();
    let page = firstPage;

    for (;;) {
        for (const row of page) {
            const latest = Math.max(row.last_login || 0, row.last_status_at || 0, row.last_post_date || 0);
            lastActivity.set(row.id, latest);
        }

        if (page.length < REPORT_PAGE_SIZE) {
            return lastActivity;
        }

        const last = page[page.length - 1];
        const cursor: ReportCursor = {fromColumnValue: last.username, fromId: last.id};
        page = await reads.getUserReportPage(cursor);
    }
}

// A user without a status row comes back as offline with `last_activity_at: 0`.
async function readStatuses(users: UserProfile[], reads: ActivityReads): Promise<Map<string, number>> {
    const lastActivity = new Map<string, number>();
    const ids = users.map((user) => user.id);

    for (let start = 0; start < ids.length; start += STATUS_BATCH_SIZE) {
        const statuses = await reads.getStatusesByIds(ids.slice(start, start + STATUS_BATCH_SIZE));
        for (const status of statuses) {
            lastActivity.set(status.user_id, status.last_activity_at || 0);
        }
    }

    return lastActivity;
}
