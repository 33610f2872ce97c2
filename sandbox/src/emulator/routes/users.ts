import {AppError, invalidBodyParam, invalidUrlParam, permissionError, userNotFound} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, type Reply} from '../http/reply';
import type {Route} from '../http/router';
import {isValidId} from '../ids';
import type {UserRecord} from '../records';
import {sanitizeProfiles, sanitizeUser} from '../sanitize';
import {USER, USER_BY_EMAIL, USER_BY_USERNAME, USERS} from './patterns';
import {
    byUsername,
    canSeeUser,
    isValidEmail,
    isValidUsername,
    matchesTerm,
    visibleUserIds,
} from './user-queries';

/** `USER_SEARCH_DEFAULT_LIMIT` and `USER_SEARCH_MAX_LIMIT` of `model/user_search.go`. */
const SEARCH_DEFAULT_LIMIT = 100;
const SEARCH_MAX_LIMIT = 1000;

function selfReply(ctx: RequestContext, user: UserRecord): Reply {
    const asSelf = user.id === ctx.userId;
    return jsonReply(sanitizeUser(ctx.store, user, ctx.viewer(), {asSelf}));
}

function getUser(ctx: RequestContext): Reply {
    const userId = ctx.requireUserId();
    if (!canSeeUser(ctx, userId)) {
        throw permissionError(ctx.userId, 'view_members');
    }
    const user = ctx.store.users.get(userId);
    if (!user) {
        throw userNotFound(userId);
    }
    return selfReply(ctx, user);
}

function getUserByUsername(ctx: RequestContext): Reply {
    const username = ctx.params.username;
    if (!isValidUsername(username)) {
        throw invalidUrlParam('username');
    }
    const user = ctx.store.userByUsername(username);
    if (!user) {
        if (visibleUserIds(ctx)) {
            throw permissionError(ctx.userId, 'view_members');
        }
        throw new AppError(
            'app.user.get_by_username.app_error',
            'Unable to find an existing account matching your username for this team. ' +
                'This team may require an invite from the team owner to join.',
            404,
            `resource: User id: username=${username}`,
        );
    }
    if (!canSeeUser(ctx, user.id)) {
        throw permissionError(ctx.userId, 'view_members');
    }
    return selfReply(ctx, user);
}

function getUserByEmail(ctx: RequestContext): Reply {
    const email = ctx.params.email.toLowerCase();
    if (!isValidEmail(email)) {
        throw invalidUrlParam('email');
    }
    if (!ctx.isSystemAdmin() && !ctx.store.config.PrivacySettings.ShowEmailAddress) {
        throw new AppError(
            'api.user.get_user_by_email.permissions.app_error',
            'Unable to get user by email.',
            403,
            `userId=${ctx.userId}`,
        );
    }
    const user = ctx.store.userByEmail(email);
    if (!user) {
        if (visibleUserIds(ctx)) {
            throw permissionError(ctx.userId, 'view_members');
        }
        throw userNotFound(`email=${email}`);
    }
    if (!canSeeUser(ctx, user.id)) {
        throw permissionError(ctx.userId, 'view_members');
    }
    return jsonReply(sanitizeUser(ctx.store, user, ctx.viewer()));
}

function readStringArray(value: unknown): string[] {
    if (!Array.isArray(value)) {
        return [];
    }
    return value.filter((item): item is string => typeof item === 'string');
}

function visibleOnly(ctx: RequestContext, users: UserRecord[]): UserRecord[] {
    const visible = visibleUserIds(ctx);
    return visible ? users.filter((user) => visible.has(user.id)) : users;
}

/** `POST /users/usernames`: case-sensitive, in request order, missing names left out. */
async function getUsersByUsernames(ctx: RequestContext): Promise<Reply> {
    const usernames = readStringArray(await ctx.json());
    if (usernames.length === 0) {
        throw invalidBodyParam('usernames');
    }
    const found = new Map<string, UserRecord>();
    for (const username of usernames) {
        const user = ctx.store.userByUsername(username);
        if (user) {
            found.set(user.id, user);
        }
    }
    return jsonReply(sanitizeProfiles(ctx.store, visibleOnly(ctx, [...found.values()]), ctx.viewer()));
}

/**
 * `POST /users/ids`: in request order. The 5.37 server answers a repeated id twice and skips
 * malformed or unknown ids; `since` keeps users updated after that time.
 */
async function getUsersByIds(ctx: RequestContext): Promise<Reply> {
    const ids = readStringArray(await ctx.json());
    if (ids.length === 0) {
        throw invalidBodyParam('user_ids');
    }
    const since = Number.parseInt(ctx.query.get('since') ?? '', 10);
    const users = ids
        .map((id) => ctx.store.users.get(id))
        .filter((user): user is UserRecord => user !== undefined)
        .filter((user) => !Number.isFinite(since) || user.update_at > since);
    return jsonReply(sanitizeProfiles(ctx.store, visibleOnly(ctx, users), ctx.viewer()));
}

interface UserSearch {
    term?: unknown;
    team_id?: unknown;
    not_in_team_id?: unknown;
    in_channel_id?: unknown;
    not_in_channel_id?: unknown;
    allow_inactive?: unknown;
    without_team?: unknown;
    limit?: unknown;
    role?: unknown;
}

function text(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

async function searchUsers(ctx: RequestContext): Promise<Reply> {
    const props = (await ctx.json()) as UserSearch | undefined;
    if (!props || typeof props !== 'object') {
        throw invalidBodyParam('');
    }
    const term = text(props.term);
    const teamId = text(props.team_id);
    const notInTeamId = text(props.not_in_team_id);
    const inChannelId = text(props.in_channel_id);
    const notInChannelId = text(props.not_in_channel_id);
    const limit = typeof props.limit === 'number' && props.limit !== 0 ? props.limit : SEARCH_DEFAULT_LIMIT;

    if (term === '') {
        throw invalidBodyParam('term');
    }
    if (teamId === '' && notInChannelId !== '') {
        throw invalidBodyParam('team_id');
    }
    if (inChannelId && !ctx.store.hasChannelPermission(ctx.userId, inChannelId, 'read_channel')) {
        throw permissionError(ctx.userId, 'read_channel');
    }
    if (teamId && !ctx.store.isTeamMember(teamId, ctx.userId) && !ctx.hasPermission('view_team')) {
        throw permissionError(ctx.userId, 'view_team');
    }
    if (limit <= 0 || limit > SEARCH_MAX_LIMIT) {
        throw invalidBodyParam('limit');
    }

    const admin = ctx.isSystemAdmin();
    const privacy = ctx.store.config.PrivacySettings;
    const termOptions = {
        allowEmails: admin || privacy.ShowEmailAddress,
        allowFullNames: admin || privacy.ShowFullName,
    };
    const users = [...ctx.store.users.values()]
        .filter((user) => props.allow_inactive === true || user.delete_at === 0)
        .filter((user) => !teamId || ctx.store.isTeamMember(teamId, user.id))
        .filter((user) => !notInTeamId || !ctx.store.isTeamMember(notInTeamId, user.id))
        .filter((user) => !inChannelId || ctx.store.isChannelMember(inChannelId, user.id))
        .filter((user) => !notInChannelId || !ctx.store.isChannelMember(notInChannelId, user.id))
        .filter((user) => props.without_team !== true || ctx.store.teamsOf(user.id).length === 0)
        .filter((user) => !text(props.role) || user.roles.split(' ').includes(text(props.role)))
        .filter((user) => matchesTerm(user, term, termOptions))
        .sort(byUsername)
        .slice(0, limit);
    return jsonReply(sanitizeProfiles(ctx.store, visibleOnly(ctx, users), ctx.viewer()));
}

/**
 * `GET /users/autocomplete`: never e-mails and never deactivated users. With `in_channel` the
 * result splits into `users` and `out_of_channel`.
 */
function autocompleteUsers(ctx: RequestContext): Reply {
    const channelId = ctx.query.get('in_channel') ?? '';
    const teamId = ctx.query.get('in_team') ?? '';
    const name = ctx.query.get('name') ?? '';
    let limit = Number.parseInt(ctx.query.get('limit') ?? '', 10);
    if (!Number.isFinite(limit) || limit <= 0) {
        limit = SEARCH_DEFAULT_LIMIT;
    }
    limit = Math.min(limit, SEARCH_MAX_LIMIT);

    if (channelId) {
        if (!ctx.store.hasChannelPermission(ctx.userId, channelId, 'read_channel')) {
            throw permissionError(ctx.userId, 'read_channel');
        }
        if (!teamId) {
            throw new AppError(
                'api.user.autocomplete_users.missing_team_id.app_error',
                'Team id parameter is required to autocomplete by channel.',
                500,
                `channelId=${channelId}`,
            );
        }
    }
    if (teamId && !ctx.store.isTeamMember(teamId, ctx.userId) && !ctx.hasPermission('view_team')) {
        throw permissionError(ctx.userId, 'view_team');
    }

    const termOptions = {
        allowEmails: false,
        allowFullNames: ctx.isSystemAdmin() || ctx.store.config.PrivacySettings.ShowFullName,
    };
    const candidates = visibleOnly(
        ctx,
        [...ctx.store.users.values()]
            .filter((user) => user.delete_at === 0)
            .filter((user) => !teamId || ctx.store.isTeamMember(teamId, user.id))
            .filter((user) => name === '' || matchesTerm(user, name, termOptions))
            .sort(byUsername),
    );
    const viewer = ctx.viewer();
    if (channelId) {
        const inChannel = candidates.filter((u) => ctx.store.isChannelMember(channelId, u.id));
        const outOfChannel = candidates.filter((u) => !ctx.store.isChannelMember(channelId, u.id));
        return jsonReply({
            users: sanitizeProfiles(ctx.store, inChannel.slice(0, limit), viewer),
            out_of_channel: sanitizeProfiles(ctx.store, outOfChannel.slice(0, limit), viewer),
        });
    }
    return jsonReply({users: sanitizeProfiles(ctx.store, candidates.slice(0, limit), viewer)});
}

async function getStatusesByIds(ctx: RequestContext): Promise<Reply> {
    const ids = readStringArray(await ctx.json()).filter(isValidId);
    if (ids.length === 0) {
        throw invalidBodyParam('user_ids');
    }
    return jsonReply(
        ids.map(
            (id) =>
                ctx.store.statuses.get(id) ?? {
                    user_id: id,
                    status: 'offline',
                    manual: false,
                    last_activity_at: 0,
                    dnd_end_time: 0,
                },
        ),
    );
}

export function userRoutes(listUsers: (ctx: RequestContext) => Reply): Route[] {
    return [
        {method: 'GET', pattern: USERS, auth: 'session', handler: listUsers},
        {method: 'POST', pattern: `${USERS}/ids`, auth: 'session', handler: getUsersByIds},
        {method: 'POST', pattern: `${USERS}/usernames`, auth: 'session', handler: getUsersByUsernames},
        {method: 'POST', pattern: `${USERS}/search`, auth: 'session', handler: searchUsers},
        {method: 'GET', pattern: `${USERS}/autocomplete`, auth: 'session', handler: autocompleteUsers},
        {method: 'POST', pattern: `${USERS}/status/ids`, auth: 'session', handler: getStatusesByIds},
        {method: 'GET', pattern: USER_BY_USERNAME, auth: 'session', handler: getUserByUsername},
        {method: 'GET', pattern: USER_BY_EMAIL, auth: 'session', handler: getUserByEmail},
        {method: 'GET', pattern: USER, auth: 'session', handler: getUser},
    ];
}
