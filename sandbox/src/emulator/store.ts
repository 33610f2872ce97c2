import {now} from './clock';
import {defaultConfig, SERVER_VERSION, type EmulatorConfig} from './config';
import {newId, newToken} from './ids';
import type {
    AccessTokenRecord,
    BotRecord,
    ChannelRecord,
    PluginRecord,
    PostRecord,
    SessionRecord,
    StatusRecord,
    TeamRecord,
    UserRecord,
} from './records';
import {defaultRoles, type RoleRecord} from './roles';

export interface NewUser {
    id?: string;
    username: string;
    email?: string;
    password?: string;
    first_name?: string;
    last_name?: string;
    nickname?: string;
    roles?: string;
    auth_service?: string;
    delete_at?: number;
    is_bot?: boolean;
}

export interface NewSession {
    userId: string;
    props?: Record<string, string>;
}

/** Default `notify_props` of a new 5.37 account. */
function defaultNotifyProps(): Record<string, string> {
    return {
        channel: 'true',
        comments: 'never',
        desktop: 'mention',
        desktop_sound: 'true',
        email: 'true',
        first_name: 'false',
        mention_keys: '',
        push: 'mention',
        push_status: 'away',
    };
}

/**
 * The emulator's in-memory database. Route handlers and tests both use it; every method keeps
 * the rows consistent the way the server's app layer does (for example, deactivating a user
 * also revokes its sessions).
 */
export class EmulatorStore {
    config: EmulatorConfig = defaultConfig();
    /** Version in `X-Version-Id` and `/config/client`; it also decides which routes exist. */
    serverVersion = SERVER_VERSION;
    /** Settings fixed by environment variables, as `GET /config/environment` reports them. */
    environment: Record<string, Record<string, boolean>> = {};
    readonly users = new Map<string, UserRecord>();
    readonly bots = new Map<string, BotRecord>();
    readonly sessions = new Map<string, SessionRecord>();
    readonly accessTokens = new Map<string, AccessTokenRecord>();
    readonly statuses = new Map<string, StatusRecord>();
    /** `Users.LastLogin`: the time of each user's last password login, in milliseconds. */
    readonly lastLogins = new Map<string, number>();
    readonly teams = new Map<string, TeamRecord>();
    readonly channels = new Map<string, ChannelRecord>();
    readonly teamMembers = new Map<string, Set<string>>();
    readonly channelMembers = new Map<string, Set<string>>();
    readonly posts = new Map<string, PostRecord>();
    readonly plugins = new Map<string, PluginRecord>();
    roles: Map<string, RoleRecord> = defaultRoles(now());

    // Users

    createUser(input: NewUser): UserRecord {
        const createdAt = now();
        const user: UserRecord = {
            id: input.id ?? newId(),
            create_at: createdAt,
            update_at: createdAt,
            delete_at: input.delete_at ?? 0,
            username: input.username,
            password: input.password ?? 'password',
            auth_data: '',
            auth_service: input.auth_service ?? '',
            email: (input.email ?? `${input.username}@example.com`).toLowerCase(),
            nickname: input.nickname ?? '',
            first_name: input.first_name ?? '',
            last_name: input.last_name ?? '',
            position: '',
            roles: input.roles ?? 'system_user',
            notify_props: defaultNotifyProps(),
            last_password_update: createdAt,
            locale: 'en',
            timezone: {automaticTimezone: '', manualTimezone: '', useAutomaticTimezone: 'true'},
            is_bot: input.is_bot ?? false,
        };
        this.users.set(user.id, user);
        return user;
    }

    userByUsername(username: string): UserRecord | undefined {
        for (const user of this.users.values()) {
            if (user.username === username) {
                return user;
            }
        }
        return undefined;
    }

    userByEmail(email: string): UserRecord | undefined {
        const lower = email.toLowerCase();
        for (const user of this.users.values()) {
            if (user.email === lower) {
                return user;
            }
        }
        return undefined;
    }

    /** Returns the union of the permissions of every role in the user's `roles` string. */
    permissionsOf(userId: string): Set<string> {
        const permissions = new Set<string>();
        const user = this.users.get(userId);
        for (const name of (user?.roles ?? '').split(' ')) {
            for (const permission of this.roles.get(name)?.permissions ?? []) {
                permissions.add(permission);
            }
        }
        return permissions;
    }

    hasPermission(userId: string, permission: string): boolean {
        return this.permissionsOf(userId).has(permission);
    }

    /** Mirrors `User.IsSystemAdmin`: the role name, not the permission list, decides. */
    isSystemAdmin(user: UserRecord): boolean {
        return user.roles.split(' ').includes('system_admin');
    }

    /**
     * Activates or deactivates a user as `App.UpdateActive` does. Deactivation sets `delete_at`
     * (again, even if already set), revokes every session, marks the user offline and, when
     * `DisableBotsWhenOwnerIsDeactivated` is on, disables the bots the user owns.
     */
    updateActive(user: UserRecord, active: boolean): void {
        const changedAt = now();
        user.update_at = changedAt;
        user.delete_at = active ? 0 : changedAt;
        if (active) {
            return;
        }

        this.revokeAllSessions(user.id);
        this.setStatus(user.id, 'offline', false);
        if (!user.is_bot && this.config.ServiceSettings.DisableBotsWhenOwnerIsDeactivated) {
            for (const bot of this.bots.values()) {
                if (bot.owner_id === user.id) {
                    this.updateBotActive(bot, false);
                }
            }
        }
    }

    /** Replaces a user's roles and those copied into its sessions, as `UpdateUserRoles` does. */
    updateRoles(user: UserRecord, roles: string): void {
        user.roles = roles;
        user.update_at = now();
        for (const session of this.sessions.values()) {
            if (session.user_id === user.id) {
                session.roles = roles;
            }
        }
    }

    /** Removes a user and everything that refers to it, as `PermanentDeleteUser` does. */
    permanentDeleteUser(userId: string): void {
        this.revokeAllSessions(userId);
        for (const [token, record] of this.accessTokens) {
            if (record.user_id === userId) {
                this.accessTokens.delete(token);
            }
        }
        for (const members of [...this.teamMembers.values(), ...this.channelMembers.values()]) {
            members.delete(userId);
        }
        for (const [id, post] of this.posts) {
            if (post.user_id === userId) {
                this.posts.delete(id);
            }
        }
        this.statuses.delete(userId);
        this.bots.delete(userId);
        this.users.delete(userId);
    }

    // Bots

    createBot(input: {
        username: string;
        display_name?: string;
        description?: string;
        owner_id: string;
        id?: string;
    }): BotRecord {
        const user = this.createUser({
            id: input.id,
            username: input.username,
            email: `${input.username}@localhost`,
            first_name: input.display_name ?? '',
            is_bot: true,
        });
        user.last_password_update = 0;
        const bot: BotRecord = {
            user_id: user.id,
            display_name: input.display_name ?? '',
            description: input.description ?? '',
            owner_id: input.owner_id,
            create_at: user.create_at,
            update_at: user.update_at,
            delete_at: 0,
        };
        this.bots.set(bot.user_id, bot);
        return bot;
    }

    /** Mirrors `App.UpdateBotActive`: updates the bot's user row, then `Bots.DeleteAt`. */
    updateBotActive(bot: BotRecord, active: boolean): void {
        const user = this.users.get(bot.user_id);
        if (user) {
            this.updateActive(user, active);
        }
        const deleted = bot.delete_at !== 0;
        if (deleted === active) {
            const changedAt = now();
            bot.update_at = changedAt;
            bot.delete_at = active ? 0 : changedAt;
        }
    }

    // Sessions and tokens

    createSession(input: NewSession): SessionRecord {
        const createdAt = now();
        const user = this.users.get(input.userId);
        const lengthMs = this.config.ServiceSettings.SessionLengthWebInDays * 24 * 3600 * 1000;
        const session: SessionRecord = {
            id: newId(),
            token: newToken(),
            create_at: createdAt,
            expires_at: createdAt + lengthMs,
            last_activity_at: createdAt,
            user_id: input.userId,
            device_id: '',
            roles: user?.roles ?? '',
            is_oauth: false,
            expired_notify: false,
            props: input.props ?? {},
            local: false,
        };
        this.sessions.set(session.token, session);
        return session;
    }

    revokeAllSessions(userId: string): void {
        for (const [token, session] of this.sessions) {
            if (session.user_id === userId) {
                this.sessions.delete(token);
            }
        }
    }

    createAccessToken(userId: string, description: string): AccessTokenRecord {
        const record: AccessTokenRecord = {
            id: newId(),
            token: newToken(),
            user_id: userId,
            description,
            is_active: true,
        };
        this.accessTokens.set(record.token, record);
        return record;
    }

    /**
     * Finds the session for a token. A personal access token gets a session on first use,
     * as `App.createSessionForUserAccessToken` does, unless its user is deactivated.
     */
    sessionForToken(token: string): SessionRecord | undefined {
        const session = this.sessions.get(token);
        if (session) {
            return session.expires_at > Date.now() ? session : undefined;
        }

        const accessToken = this.accessTokens.get(token);
        const user = accessToken ? this.users.get(accessToken.user_id) : undefined;
        if (!accessToken || !accessToken.is_active || !user || user.delete_at !== 0) {
            return undefined;
        }
        const created = this.createSession({
            userId: user.id,
            props: {
                is_guest: String(user.roles.split(' ').includes('system_guest')),
                type: 'UserAccessToken',
                user_access_token_id: accessToken.id,
            },
        });
        this.sessions.delete(created.token);
        created.token = token;
        created.expires_at = created.create_at + 100 * 365 * 24 * 3600 * 1000;
        this.sessions.set(token, created);
        return created;
    }

    // Statuses

    setStatus(userId: string, status: string, manual: boolean): StatusRecord {
        const record: StatusRecord = {
            user_id: userId,
            status,
            manual,
            last_activity_at: now(),
            dnd_end_time: 0,
        };
        this.statuses.set(userId, record);
        return record;
    }

    // Teams, channels and posts

    createTeam(input: {name: string; display_name: string; id?: string}): TeamRecord {
        const createdAt = now();
        const team: TeamRecord = {
            id: input.id ?? newId(),
            create_at: createdAt,
            update_at: createdAt,
            delete_at: 0,
            display_name: input.display_name,
            name: input.name,
            description: '',
            email: '',
            type: 'O',
        };
        this.teams.set(team.id, team);
        this.teamMembers.set(team.id, new Set());
        return team;
    }

    createChannel(input: {
        team_id: string;
        name: string;
        display_name: string;
        id?: string;
        type?: ChannelRecord['type'];
    }): ChannelRecord {
        const createdAt = now();
        const channel: ChannelRecord = {
            id: input.id ?? newId(),
            create_at: createdAt,
            update_at: createdAt,
            delete_at: 0,
            team_id: input.team_id,
            type: input.type ?? 'O',
            display_name: input.display_name,
            name: input.name,
            header: '',
            purpose: '',
            last_post_at: 0,
            creator_id: '',
        };
        this.channels.set(channel.id, channel);
        this.channelMembers.set(channel.id, new Set());
        return channel;
    }

    addTeamMember(teamId: string, userId: string): void {
        this.teamMembers.get(teamId)?.add(userId);
    }

    addChannelMember(channelId: string, userId: string): void {
        const channel = this.channels.get(channelId);
        if (channel) {
            this.addTeamMember(channel.team_id, userId);
        }
        this.channelMembers.get(channelId)?.add(userId);
    }

    isTeamMember(teamId: string, userId: string): boolean {
        return this.teamMembers.get(teamId)?.has(userId) ?? false;
    }

    isChannelMember(channelId: string, userId: string): boolean {
        return this.channelMembers.get(channelId)?.has(userId) ?? false;
    }

    teamsOf(userId: string): TeamRecord[] {
        return [...this.teams.values()].filter((team) => this.isTeamMember(team.id, userId));
    }

    /**
     * Mirrors `SessionHasPermissionToChannel`: channel members get the `channel_user` role,
     * team members the `team_user` role, and everyone their system roles.
     */
    hasChannelPermission(userId: string, channelId: string, permission: string): boolean {
        const channel = this.channels.get(channelId);
        if (channel && this.isChannelMember(channelId, userId)) {
            if (this.roles.get('channel_user')?.permissions.includes(permission)) {
                return true;
            }
        }
        if (channel && this.isTeamMember(channel.team_id, userId)) {
            if (this.roles.get('team_user')?.permissions.includes(permission)) {
                return true;
            }
        }
        return this.hasPermission(userId, permission);
    }

    createPost(input: {user_id: string; channel_id: string; message: string}): PostRecord {
        const createdAt = now();
        const post: PostRecord = {
            id: newId(),
            create_at: createdAt,
            update_at: createdAt,
            edit_at: 0,
            delete_at: 0,
            is_pinned: false,
            user_id: input.user_id,
            channel_id: input.channel_id,
            root_id: '',
            parent_id: '',
            original_id: '',
            message: input.message,
            type: '',
            props: {},
            hashtags: '',
            pending_post_id: '',
        };
        this.posts.set(post.id, post);
        const channel = this.channels.get(input.channel_id);
        if (channel) {
            channel.last_post_at = createdAt;
        }
        return post;
    }

    // Plugins

    /** Returns the webapp bundle bytes of an installed plugin, for the sandbox to serve. */
    pluginBundle(id: string): Buffer | undefined {
        return this.plugins.get(id)?.bundle?.();
    }
}
