import {AppError, permissionError} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, type Reply} from '../http/reply';
import type {Route} from '../http/router';
import {isValidId} from '../ids';
import type {UserRecord} from '../records';
import {compareValues} from '../compare';

/** `ReportingMaxPageSize` of server/public/model/report.go. */
const REPORT_MAX_PAGE_SIZE = 100;
const REPORT_DEFAULT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `UserReportSortColumns` of server/public/model/report.go, with the user field each sorts. */
const SORT_FIELDS: Record<string, keyof UserRecord> = {
    CreateAt: 'create_at',
    Username: 'username',
    FirstName: 'first_name',
    LastName: 'last_name',
    Nickname: 'nickname',
    Email: 'email',
    Roles: 'roles',
};

function badRequest(id: string): AppError {
    return new AppError(id, 'Invalid or missing parameters in the request.', 400);
}

// `PopulateDateRange`: the start of the window over which post stats are counted, 0 for all time.
function dateRangeStart(range: string, now: number): number {
    switch (range) {
    case 'last_30_days':
        return now - 30 * DAY_MS;
    case 'last_6_months':
        return now - 182 * DAY_MS;
    case 'previous_month': {
        const date = new Date(now);
        return new Date(date.getFullYear(), date.getMonth() - 1, 1).getTime();
    }
    default:
        return 0;
    }
}

// `GetDisplayName(ShowNicknameFullName)`: the nickname, else the full name, else the username.
function displayName(user: UserRecord): string {
    const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
    return user.nickname || fullName || user.username;
}

function compareRows(field: keyof UserRecord, descending: boolean) {
    return (left: UserRecord, right: UserRecord): number => {
        const a = left[field] as string | number;
        const b = right[field] as string | number;
        // Ties are broken by id, as the report's cursor paging needs a total order.
        const order = compareValues(a, b) || compareValues(left.id, right.id);
        return descending ? -order : order;
    };
}

/**
 * `GET /reports/users` of Mattermost 9.6+ (`getUsersForReporting`, server/channels/api4/report.go):
 * the caller must be a system admin and hold `sysconsole_read_user_management_users`. Cursor
 * paging continues after (`from_column_value`, `from_id`) in the sort order. Each row is a
 * `UserReport`: the user's id, username, email, create_at, display name and roles, with
 * `last_login`, `last_status_at`, `last_post_date`, `days_active` and `total_posts`.
 */
function getUsersForReporting(ctx: RequestContext): Reply {
    const permission = 'sysconsole_read_user_management_users';
    if (!(ctx.isSystemAdmin() && ctx.hasPermission(permission))) {
        throw permissionError(ctx.userId, permission);
    }

    const query = ctx.query;
    const sortColumn = query.get('sort_column') || 'Username';
    const direction = query.get('direction') === 'up' ? 'up' : 'down';
    const descending = query.get('sort_direction') === 'desc';
    const pageSizeText = query.get('page_size') ?? '';
    const pageSize = /^-?[0-9]+$/.test(pageSizeText) ? Number(pageSizeText) : REPORT_DEFAULT_PAGE_SIZE;
    const teamFilter = query.get('team_filter') ?? '';
    const hideActive = query.get('hide_active') === 'true';
    const hideInactive = query.get('hide_inactive') === 'true';

    if (teamFilter !== '' && !isValidId(teamFilter)) {
        throw badRequest('api.getUsersForReporting.invalid_team_filter');
    }
    if (hideActive && hideInactive) {
        throw badRequest('api.getUsersForReporting.invalid_active_filter');
    }
    if (pageSize <= 0 || pageSize > REPORT_MAX_PAGE_SIZE) {
        throw badRequest('api.getUsersForReporting.invalid_page_size');
    }
    const field = SORT_FIELDS[sortColumn];
    if (!field) {
        throw badRequest('app.user.get_user_report.invalid_sort_column');
    }

    const store = ctx.store;
    const role = query.get('role_filter') ?? '';
    const hasNoTeam = query.get('has_no_team') === 'true';
    const compare = compareRows(field, descending);
    let rows = [...store.users.values()]
        .filter((user) => !hideActive || user.delete_at !== 0)
        .filter((user) => !hideInactive || user.delete_at === 0)
        .filter((user) => !role || user.roles.split(' ').includes(role))
        .filter((user) => !teamFilter || store.isTeamMember(teamFilter, user.id))
        .filter((user) => !hasNoTeam || store.teamsOf(user.id).length === 0)
        .sort(compare);

    const fromId = query.get('from_id') ?? '';
    if (fromId !== '') {
        const cursor = {...rows[0], [field]: cursorValue(query.get('from_column_value') ?? '', field), id: fromId};
        rows = direction === 'down' ?
            rows.filter((user) => compare(user, cursor as UserRecord) > 0) :
            rows.filter((user) => compare(user, cursor as UserRecord) < 0).slice(-pageSize);
    }

    const since = dateRangeStart(query.get('date_range') ?? '', Date.now());
    return jsonReply(rows.slice(0, pageSize).map((user) => toReport(ctx, user, since)));
}

function cursorValue(text: string, field: keyof UserRecord): string | number {
    return field === 'create_at' ? Number(text) : text;
}

// NOTE: the stats fields are omitted when zero, as `omitempty` fields would be; the exact tags of
// `UserPostStats` were not checked against the server source.
function toReport(ctx: RequestContext, user: UserRecord, since: number): Record<string, unknown> {
    const store = ctx.store;
    const posts = [...store.posts.values()].filter((post) => post.user_id === user.id && post.create_at >= since);
    const days = new Set(posts.map((post) => new Date(post.create_at).toISOString().slice(0, 10)));
    const lastPost = Math.max(0, ...posts.map((post) => post.create_at));
    const stats: Record<string, number> = {
        last_login: store.lastLogins.get(user.id) ?? 0,
        last_status_at: store.statuses.get(user.id)?.last_activity_at ?? 0,
        last_post_date: lastPost,
        days_active: days.size,
        total_posts: posts.length,
    };

    const report: Record<string, unknown> = {
        id: user.id,
        username: user.username,
        email: user.email,
        create_at: user.create_at,
        display_name: displayName(user),
        roles: user.roles,
        last_login: stats.last_login,
    };
    for (const name of ['last_status_at', 'last_post_date', 'days_active', 'total_posts']) {
        if (stats[name] > 0) {
            report[name] = stats[name];
        }
    }
    return report;
}

/** Routes of `api4/report.go`, served from Mattermost 9.6.0 on. */
export function reportRoutes(): Route[] {
    return [{method: 'GET', pattern: '/reports/users', auth: 'session', since: '9.6.0', handler: getUsersForReporting}];
}
