import {AppError, invalidBodyParam, permissionError} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, type Reply} from '../http/reply';
import type {Route} from '../http/router';
import type {ChannelRecord, PostRecord, TeamRecord} from '../records';
import {teamMemberJson} from '../sanitize';
import {CHANNEL, TEAM, USER} from './patterns';

function teamJson(team: TeamRecord): Record<string, unknown> {
    return {
        ...team,
        company_name: '',
        allowed_domains: '',
        invite_id: '',
        allow_open_invite: false,
        scheme_id: '',
        group_constrained: false,
    };
}

function channelJson(channel: ChannelRecord): Record<string, unknown> {
    return {
        ...channel,
        total_msg_count: 0,
        extra_update_at: 0,
        scheme_id: null,
        props: null,
        group_constrained: null,
    };
}

function channelMemberJson(channelId: string, userId: string): Record<string, unknown> {
    return {
        channel_id: channelId,
        user_id: userId,
        roles: 'channel_user',
        last_viewed_at: 0,
        msg_count: 0,
        mention_count: 0,
        notify_props: {desktop: 'default', email: 'default', mark_unread: 'all', push: 'default'},
        last_update_at: 0,
        scheme_guest: false,
        scheme_user: true,
        scheme_admin: false,
        explicit_roles: '',
    };
}

function postJson(post: PostRecord): Record<string, unknown> {
    return {...post, reply_count: 0, last_reply_at: 0, participants: null, metadata: {}};
}

/** Only the caller (or `manage_system`) may read another user's teams and memberships. */
function requireSelfOrAdmin(ctx: RequestContext): string {
    const userId = ctx.requireUserId();
    if (userId !== ctx.userId && !ctx.hasPermission('read_other_users_teams')) {
        throw permissionError(ctx.userId, 'read_other_users_teams');
    }
    return userId;
}

function findTeam(ctx: RequestContext): TeamRecord {
    const teamId = ctx.requireId('team_id');
    const team = ctx.store.teams.get(teamId);
    if (!team) {
        throw new AppError(
            'app.team.get.find.app_error',
            'Unable to find the existing team.',
            404,
            `resource: Team id: ${teamId}`,
        );
    }
    if (!ctx.store.isTeamMember(team.id, ctx.userId) && !ctx.hasPermission('view_team')) {
        throw permissionError(ctx.userId, 'view_team');
    }
    return team;
}

function findChannel(ctx: RequestContext, permission: string): ChannelRecord {
    const channelId = ctx.requireId('channel_id');
    if (!ctx.store.hasChannelPermission(ctx.userId, channelId, permission)) {
        throw permissionError(ctx.userId, permission);
    }
    const channel = ctx.store.channels.get(channelId);
    if (!channel) {
        throw new AppError(
            'app.channel.get.existing.app_error',
            'Unable to find the existing channel.',
            404,
            `resource: Channel id: ${channelId}`,
        );
    }
    return channel;
}

function getTeamsForUser(ctx: RequestContext): Reply {
    const userId = requireSelfOrAdmin(ctx);
    return jsonReply(ctx.store.teamsOf(userId).map(teamJson));
}

function getTeamMembersForUser(ctx: RequestContext): Reply {
    const userId = requireSelfOrAdmin(ctx);
    return jsonReply(ctx.store.teamsOf(userId).map((team) => teamMemberJson(team.id, userId)));
}

function channelsOf(ctx: RequestContext, userId: string, teamId: string): ChannelRecord[] {
    return [...ctx.store.channels.values()].filter(
        (channel) => channel.team_id === teamId && ctx.store.isChannelMember(channel.id, userId),
    );
}

function getChannelsForTeamForUser(ctx: RequestContext): Reply {
    const userId = requireSelfOrAdmin(ctx);
    const team = findTeam(ctx);
    return jsonReply(channelsOf(ctx, userId, team.id).map(channelJson));
}

function getChannelMembersForTeamForUser(ctx: RequestContext): Reply {
    const userId = requireSelfOrAdmin(ctx);
    const team = findTeam(ctx);
    return jsonReply(
        channelsOf(ctx, userId, team.id).map((channel) => channelMemberJson(channel.id, userId)),
    );
}

function getTeam(ctx: RequestContext): Reply {
    return jsonReply(teamJson(findTeam(ctx)));
}

function getTeamByName(ctx: RequestContext): Reply {
    const team = [...ctx.store.teams.values()].find((t) => t.name === ctx.params.team_name);
    if (!team) {
        throw new AppError(
            'app.team.get_by_name.missing.app_error',
            'Unable to find the existing team.',
            404,
            `name=${ctx.params.team_name}`,
        );
    }
    ctx.params.team_id = team.id;
    return jsonReply(teamJson(findTeam(ctx)));
}

function getChannel(ctx: RequestContext): Reply {
    return jsonReply(channelJson(findChannel(ctx, 'read_channel')));
}

function getChannelByName(ctx: RequestContext): Reply {
    const team = findTeam(ctx);
    const channel = [...ctx.store.channels.values()].find(
        (candidate) => candidate.team_id === team.id && candidate.name === ctx.params.channel_name,
    );
    if (!channel) {
        throw new AppError(
            'app.channel.get_by_name.missing.app_error',
            'Channel does not exist.',
            404,
            `teamId=${team.id}, name=${ctx.params.channel_name}`,
        );
    }
    ctx.params.channel_id = channel.id;
    return jsonReply(channelJson(findChannel(ctx, 'read_channel')));
}

function getChannelMember(ctx: RequestContext): Reply {
    const channel = findChannel(ctx, 'read_channel');
    const userId = ctx.requireUserId();
    if (!ctx.store.isChannelMember(channel.id, userId)) {
        throw new AppError(
            'app.channel.get_member.missing.app_error',
            'No channel member found for that user ID and channel ID.',
            404,
        );
    }
    return jsonReply(channelMemberJson(channel.id, userId));
}

/** `POST /posts`: the caller must have `create_post` in the channel (members do by default). */
async function createPost(ctx: RequestContext): Promise<Reply> {
    const body = (await ctx.json()) as {channel_id?: unknown; message?: unknown} | undefined;
    const channelId = typeof body?.channel_id === 'string' ? body.channel_id : '';
    const message = typeof body?.message === 'string' ? body.message : '';
    if (!body || channelId === '') {
        throw invalidBodyParam('post');
    }
    if (!ctx.store.hasChannelPermission(ctx.userId, channelId, 'create_post')) {
        throw permissionError(ctx.userId, 'create_post');
    }
    if (!ctx.store.channels.has(channelId)) {
        throw new AppError(
            'api.post.create_post.channel_not_found.app_error',
            'Channel not found.',
            400,
        );
    }
    const post = ctx.store.createPost({user_id: ctx.userId, channel_id: channelId, message});
    return jsonReply(postJson(post), 201);
}

/** `GET /channels/{id}/posts` in the web app's `{order, posts}` shape, newest first. */
function getPostsForChannel(ctx: RequestContext): Reply {
    const channel = findChannel(ctx, 'read_channel');
    const posts = [...ctx.store.posts.values()]
        .filter((post) => post.channel_id === channel.id && post.delete_at === 0)
        .sort((a, b) => b.create_at - a.create_at);
    return jsonReply({
        order: posts.map((post) => post.id),
        posts: Object.fromEntries(posts.map((post) => [post.id, postJson(post)])),
        next_post_id: '',
        prev_post_id: '',
    });
}

export function teamRoutes(): Route[] {
    return [
        {method: 'GET', pattern: `${USER}/teams`, auth: 'session', handler: getTeamsForUser},
        {method: 'GET', pattern: `${USER}/teams/members`, auth: 'session', handler: getTeamMembersForUser},
        {
            method: 'GET',
            pattern: `${USER}/teams/{team_id:[A-Za-z0-9]+}/channels`,
            auth: 'session',
            handler: getChannelsForTeamForUser,
        },
        {
            method: 'GET',
            pattern: `${USER}/teams/{team_id:[A-Za-z0-9]+}/channels/members`,
            auth: 'session',
            handler: getChannelMembersForTeamForUser,
        },
        {method: 'GET', pattern: TEAM, auth: 'session', handler: getTeam},
        {
            method: 'GET',
            pattern: '/teams/name/{team_name:[A-Za-z0-9\\-_]+}',
            auth: 'session',
            handler: getTeamByName,
        },
        {
            method: 'GET',
            pattern: `${TEAM}/channels/name/{channel_name:[A-Za-z0-9_\\-]+}`,
            auth: 'session',
            handler: getChannelByName,
        },
        {method: 'GET', pattern: CHANNEL, auth: 'session', handler: getChannel},
        {
            method: 'GET',
            pattern: `${CHANNEL}/members/{user_id:[A-Za-z0-9]+}`,
            auth: 'session',
            handler: getChannelMember,
        },
        {method: 'GET', pattern: `${CHANNEL}/posts`, auth: 'session', handler: getPostsForChannel},
        {method: 'POST', pattern: '/posts', auth: 'session', handler: createPost},
    ];
}
