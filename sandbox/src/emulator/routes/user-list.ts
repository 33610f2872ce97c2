import {invalidUrlParam, permissionError} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, type Reply} from '../http/reply';
import type {UserRecord} from '../records';
import {sanitizeUser} from '../sanitize';
import {byUsername, visibleUserIds} from './user-queries';
import {readPaging} from '../http/paging';

function flag(query: URLSearchParams, name: string): boolean {
    return (query.get(name) ?? '').toLowerCase() === 'true' || query.get(name) === '1';
}

/**
 * `GET /users` with the 5.37 rules of `getUsers`. Two quirks are kept: `active=true` together
 * with `inactive=true` lists the inactive users and then appends a 400 error to the same 200
 * body, and `sort=last_activity_at` (only with `in_team`) lists only users with a status row,
 * most recently active first, with `last_activity_at` filled in.
 */
export function listUsers(ctx: RequestContext): Reply {
    const query = ctx.query;
    const inTeam = query.get('in_team') ?? '';
    const notInTeam = query.get('not_in_team') ?? '';
    const inChannel = query.get('in_channel') ?? '';
    const notInChannel = query.get('not_in_channel') ?? '';
    const withoutTeamText = query.get('without_team') ?? '';
    const sort = query.get('sort') ?? '';
    const role = query.get('role') ?? '';
    const active = flag(query, 'active');
    const inactive = flag(query, 'inactive');

    // The server sets this error and carries on; it is written after the list.
    const trailingError = active && inactive ? invalidUrlParam('inactive') : undefined;
    if (notInChannel && !inTeam) {
        throw invalidUrlParam('team_id');
    }
    if (sort && !['last_activity_at', 'create_at', 'status'].includes(sort)) {
        throw invalidUrlParam('sort');
    }
    const otherFilter = notInTeam || inChannel || notInChannel || withoutTeamText;
    if ((sort === 'last_activity_at' || sort === 'create_at') && (!inTeam || otherFilter)) {
        throw invalidUrlParam('sort');
    }
    if (sort === 'status' && !inChannel) {
        throw invalidUrlParam('sort');
    }
    if (role && !ctx.store.roles.has(role)) {
        throw invalidUrlParam('role');
    }
    const withoutTeam = withoutTeamText.toLowerCase() === 'true';
    if (withoutTeam && !ctx.hasPermission('list_users_without_team')) {
        throw permissionError(ctx.userId, 'list_users_without_team');
    }
    for (const teamId of [inTeam, notInTeam].filter(Boolean)) {
        if (!ctx.store.isTeamMember(teamId, ctx.userId) && !ctx.hasPermission('view_team')) {
            throw permissionError(ctx.userId, 'view_team');
        }
    }
    for (const channelId of [inChannel, notInChannel].filter(Boolean)) {
        if (!ctx.store.hasChannelPermission(ctx.userId, channelId, 'read_channel')) {
            throw permissionError(ctx.userId, 'read_channel');
        }
    }

    const store = ctx.store;
    const visible = visibleUserIds(ctx);
    let users: UserRecord[] = [...store.users.values()]
        .filter((user) => !visible || visible.has(user.id))
        .filter((user) => (inactive ? user.delete_at !== 0 : !active || user.delete_at === 0))
        .filter((user) => !inTeam || store.isTeamMember(inTeam, user.id))
        .filter((user) => !notInTeam || !store.isTeamMember(notInTeam, user.id))
        .filter((user) => !inChannel || store.isChannelMember(inChannel, user.id))
        .filter((user) => !notInChannel || !store.isChannelMember(notInChannel, user.id))
        .filter((user) => !withoutTeam || store.teamsOf(user.id).length === 0)
        .filter((user) => !role || user.roles.split(' ').includes(role))
        .sort(byUsername);

    if (sort === 'last_activity_at') {
        users = users
            .filter((user) => store.statuses.has(user.id))
            .sort((a, b) => activityOf(ctx, b) - activityOf(ctx, a));
    } else if (sort === 'create_at') {
        users = users.sort((a, b) => b.create_at - a.create_at);
    } else if (sort === 'status') {
        users = users.sort((a, b) => statusRank(ctx, a) - statusRank(ctx, b));
    }

    const {page, perPage} = readPaging(query);
    const pageUsers = users.slice(page * perPage, (page + 1) * perPage);
    const viewer = ctx.viewer();
    const body = pageUsers.map((user) =>
        sanitizeUser(store, user, viewer, {
            lastActivityAt: sort === 'last_activity_at' ? activityOf(ctx, user) : undefined,
        }),
    );
    return {...jsonReply(body), trailingError};
}

function activityOf(ctx: RequestContext, user: UserRecord): number {
    return ctx.store.statuses.get(user.id)?.last_activity_at ?? 0;
}

const STATUS_ORDER = ['online', 'away', 'dnd', 'offline'];

function statusRank(ctx: RequestContext, user: UserRecord): number {
    const status = ctx.store.statuses.get(user.id)?.status ?? 'offline';
    return STATUS_ORDER.indexOf(status);
}
