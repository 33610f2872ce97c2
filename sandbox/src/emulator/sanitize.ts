import type {EmulatorConfig} from './config';
import type {BotRecord, SessionRecord, UserRecord} from './records';
import type {EmulatorStore} from './store';

/** Who is looking at a user object; decides which fields `Sanitize` keeps. */
export interface Viewer {
    userId: string;
    /** Holds `manage_system` (the server's `IsSystemAdmin` check for sanitising). */
    isAdmin: boolean;
}

export interface SanitizeExtras {
    lastActivityAt?: number;
}

/**
 * Serialises a user the way the 5.37 server does. The caller's own object keeps
 * `notify_props` and `last_password_update` (`Sanitize` with no options). Anyone else gets
 * `SanitizeProfile`, which drops those fields. For non-admins it also blanks `auth_service`,
 * the e-mail unless `ShowEmailAddress`, and the full name unless `ShowFullName`.
 */
export function sanitizeUser(
    store: EmulatorStore,
    user: UserRecord,
    viewer: Viewer,
    options: {asSelf?: boolean} & SanitizeExtras = {},
): Record<string, unknown> {
    const asSelf = options.asSelf ?? false;
    const privacy = store.config.PrivacySettings;
    const showEmail = asSelf || viewer.isAdmin || privacy.ShowEmailAddress;
    const showName = asSelf || viewer.isAdmin || privacy.ShowFullName;
    const showAuthService = asSelf || viewer.isAdmin;

    const out: Record<string, unknown> = {
        id: user.id,
        create_at: user.create_at,
        update_at: user.update_at,
        delete_at: user.delete_at,
        username: user.username,
        auth_data: '',
        auth_service: showAuthService ? user.auth_service : '',
        email: showEmail ? user.email : '',
        nickname: user.nickname,
        first_name: showName ? user.first_name : '',
        last_name: showName ? user.last_name : '',
        position: user.position,
        roles: user.roles,
    };
    if (asSelf) {
        out.notify_props = {...user.notify_props};
        if (user.last_password_update) {
            out.last_password_update = user.last_password_update;
        }
    }
    out.locale = user.locale;
    out.timezone = {...user.timezone};
    if (options.lastActivityAt) {
        out.last_activity_at = options.lastActivityAt;
    }
    if (user.is_bot) {
        out.is_bot = true;
        out.bot_description = store.bots.get(user.id)?.description ?? '';
    }
    out.disable_welcome_email = false;
    return out;
}

/** Serialises a profile in a list: lists always use `SanitizeProfile`, even for the caller. */
export function sanitizeProfiles(
    store: EmulatorStore,
    users: UserRecord[],
    viewer: Viewer,
): Record<string, unknown>[] {
    return users.map((user) => sanitizeUser(store, user, viewer));
}

/** Serialises a bot row (`model.Bot`); the username comes from the bot's user row. */
export function botJson(store: EmulatorStore, bot: BotRecord): Record<string, unknown> {
    return {
        user_id: bot.user_id,
        username: store.users.get(bot.user_id)?.username ?? '',
        display_name: bot.display_name,
        description: bot.description,
        owner_id: bot.owner_id,
        create_at: bot.create_at,
        update_at: bot.update_at,
        delete_at: bot.delete_at,
    };
}

/** Serialises a team membership (`model.TeamMember`) with the default `team_user` role. */
export function teamMemberJson(teamId: string, userId: string): Record<string, unknown> {
    return {
        team_id: teamId,
        user_id: userId,
        roles: 'team_user',
        delete_at: 0,
        scheme_guest: false,
        scheme_user: true,
        scheme_admin: false,
        explicit_roles: '',
    };
}

/** Serialises a session without its token, with the user's team memberships attached. */
export function sessionJson(store: EmulatorStore, session: SessionRecord): Record<string, unknown> {
    const teamMembers = store
        .teamsOf(session.user_id)
        .map((team) => teamMemberJson(team.id, session.user_id));
    return {
        id: session.id,
        token: '',
        create_at: session.create_at,
        expires_at: session.expires_at,
        last_activity_at: session.last_activity_at,
        user_id: session.user_id,
        device_id: session.device_id,
        roles: session.roles,
        is_oauth: session.is_oauth,
        expired_notify: session.expired_notify,
        props: {...session.props},
        team_members: teamMembers,
        local: session.local,
    };
}

export function emailVisible(config: EmulatorConfig, viewer: Viewer): boolean {
    return viewer.isAdmin || config.PrivacySettings.ShowEmailAddress;
}
