import {
    AdminTypes,
    ChannelTypes,
    GeneralTypes,
    PostTypes,
    RoleTypes,
    TeamTypes,
    UserTypes,
} from 'mattermost-redux/action_types';
import type {UserProfile} from '@mattermost/types/users';

import {Client4} from './client';
import type {HostStore} from './store/store';

/** Demo team and channel the host opens when the route names none. */
export const defaultTeamName = 'acme';
export const defaultChannelName = 'town-square';

/** Loads the client config (`GET /config/client?format=old`) into `entities.general.config`. */
export async function loadClientConfig(store: HostStore): Promise<Record<string, string>> {
    const config = await Client4.getClientConfig();
    store.dispatch({type: GeneralTypes.CLIENT_CONFIG_RECEIVED, data: config});
    return config as unknown as Record<string, string>;
}

/**
 * Loads the logged-in user and their system roles. Returns null when the session cookie is
 * missing or expired, so the caller shows the login form.
 */
export async function loadMe(store: HostStore): Promise<UserProfile | null> {
    let me: UserProfile;
    try {
        me = await Client4.getMe();
    } catch (error: any) {
        if (error?.status_code === 401) {
            return null;
        }
        throw error;
    }

    store.dispatch({type: UserTypes.RECEIVED_ME, data: me});
    await loadRoles(store, me.roles.split(' '));
    return me;
}

async function loadRoles(store: HostStore, names: string[]): Promise<void> {
    const wanted = names.filter(Boolean);
    if (wanted.length === 0) {
        return;
    }
    const roles = await Client4.getRolesByNames(wanted);
    store.dispatch({type: RoleTypes.RECEIVED_ROLES, data: roles});
}

/**
 * Loads a team and one of its channels, selects both, and loads the channel's latest posts
 * and their authors, with the action types mattermost-redux's own thunks dispatch.
 */
export async function openChannel(store: HostStore, teamName: string, channelName: string) {
    const team = await Client4.getTeamByName(teamName);
    store.dispatch({type: TeamTypes.RECEIVED_TEAM, data: team});
    store.dispatch({type: TeamTypes.SELECT_TEAM, data: team.id});

    const channel = await Client4.getChannelByName(team.id, channelName);
    store.dispatch({type: ChannelTypes.RECEIVED_CHANNEL, data: channel});
    store.dispatch({type: ChannelTypes.SELECT_CHANNEL, data: channel.id});

    const posts = await Client4.getPosts(channel.id);
    store.dispatch({type: PostTypes.RECEIVED_POSTS, data: posts});
    store.dispatch({
        type: PostTypes.RECEIVED_POSTS_IN_CHANNEL,
        channelId: channel.id,
        data: posts,
        recent: true,
    });

    const authorIds = [...new Set(Object.values(posts.posts).map((post) => post.user_id))];
    if (authorIds.length > 0) {
        const profiles = await Client4.getProfilesByIds(authorIds);
        store.dispatch({type: UserTypes.RECEIVED_PROFILES_LIST, data: profiles});
    }

    return {team, channel};
}

/** Loads what the System Console page needs: the admin config and the installed plugins. */
export async function loadAdminData(store: HostStore) {
    const config = await Client4.getConfig();
    store.dispatch({type: AdminTypes.RECEIVED_CONFIG, data: config});

    const plugins = await Client4.getPlugins();
    store.dispatch({type: AdminTypes.RECEIVED_PLUGINS, data: plugins});
    return {config, plugins};
}

/** Logs in with `POST /users/login`, whose response sets the session cookies. */
export async function logIn(loginId: string, password: string): Promise<UserProfile> {
    const user = await Client4.login(loginId, password);

    // Client4.login keeps the Token header as a bearer token. The web app runs on cookies, and
    // so must the plugins, so the host drops the token again.
    Client4.setToken('');
    return user;
}

/** Logs out with `POST /users/logout`, which clears the session cookies. */
export async function logOut(store: HostStore): Promise<void> {
    await Client4.logout();
    store.dispatch({type: UserTypes.LOGOUT_SUCCESS, data: null});
}
