import {combineReducers} from 'redux';
import type {AnyAction} from 'redux';

import {UserTypes} from 'mattermost-redux/action_types';

import {HostActionTypes} from './action_types';
import type {
    AdminConsoleCustomComponent,
    ClientPluginManifest,
    PluginComponent,
    PostTypeComponent,
} from './plugins_types';

function sortByPluginId<T extends {pluginId: string}>(items: T[]): T[] {
    return [...items].sort((a, b) => a.pluginId.localeCompare(b.pluginId));
}

function plugins(state: Record<string, ClientPluginManifest> = {}, action: AnyAction) {
    switch (action.type) {
    case HostActionTypes.RECEIVED_WEBAPP_PLUGINS: {
        const next: Record<string, ClientPluginManifest> = {};
        for (const manifest of action.data as ClientPluginManifest[]) {
            next[manifest.id] = manifest;
        }
        return next;
    }
    case HostActionTypes.RECEIVED_WEBAPP_PLUGIN:
        return {...state, [action.data.id]: action.data};
    case HostActionTypes.REMOVED_WEBAPP_PLUGIN: {
        const next = {...state};
        delete next[action.data.id];
        return next;
    }
    case UserTypes.LOGOUT_SUCCESS:
        return {};
    default:
        return state;
    }
}

// Each list stays sorted by plugin id, as `sortComponents` keeps it in the web app, so hooks run
// in alphabetical plugin order whatever order the bundles loaded in.
function components(state: Record<string, PluginComponent[]> = {}, action: AnyAction) {
    switch (action.type) {
    case HostActionTypes.RECEIVED_PLUGIN_COMPONENT: {
        const name = action.name as string;
        const list = state[name] ?? [];
        return {...state, [name]: sortByPluginId([...list, action.data as PluginComponent])};
    }
    case HostActionTypes.REMOVED_PLUGIN_COMPONENT: {
        const next: Record<string, PluginComponent[]> = {};
        for (const [name, list] of Object.entries(state)) {
            next[name] = list.filter((item) => item.id !== action.id);
        }
        return next;
    }
    case HostActionTypes.REMOVED_WEBAPP_PLUGIN: {
        const next: Record<string, PluginComponent[]> = {};
        for (const [name, list] of Object.entries(state)) {
            next[name] = list.filter((item) => item.pluginId !== action.data.id);
        }
        return next;
    }
    case UserTypes.LOGOUT_SUCCESS:
        return {};
    default:
        return state;
    }
}

// When two plugins register the same post type, the lower plugin id wins, as in the web app.
function postTypes(state: Record<string, PostTypeComponent> = {}, action: AnyAction) {
    switch (action.type) {
    case HostActionTypes.RECEIVED_PLUGIN_POST_COMPONENT: {
        const item = action.data as PostTypeComponent;
        const current = state[item.type];
        if (current && current.pluginId.localeCompare(item.pluginId) < 0) {
            return state;
        }
        return {...state, [item.type]: item};
    }
    case HostActionTypes.REMOVED_PLUGIN_POST_COMPONENT:
        return Object.fromEntries(
            Object.entries(state).filter(([, item]) => item.id !== action.id),
        );
    case HostActionTypes.REMOVED_WEBAPP_PLUGIN:
        return Object.fromEntries(
            Object.entries(state).filter(([, item]) => item.pluginId !== action.data.id),
        );
    case UserTypes.LOGOUT_SUCCESS:
        return {};
    default:
        return state;
    }
}

function adminConsoleCustomComponents(
    state: Record<string, Record<string, AdminConsoleCustomComponent>> = {},
    action: AnyAction,
) {
    switch (action.type) {
    case HostActionTypes.RECEIVED_ADMIN_CONSOLE_CUSTOM_COMPONENT: {
        const item = action.data as AdminConsoleCustomComponent;
        const key = item.key.toLowerCase();
        return {...state, [item.pluginId]: {...state[item.pluginId], [key]: {...item, key}}};
    }
    case HostActionTypes.REMOVED_WEBAPP_PLUGIN: {
        const next = {...state};
        delete next[action.data.id];
        return next;
    }
    case UserTypes.LOGOUT_SUCCESS:
        return {};
    default:
        return state;
    }
}

/** The `state.plugins` reducer: registrations by plugin, dropped when a plugin is removed. */
export const pluginsReducer = combineReducers({
    plugins,
    components,
    postTypes,
    adminConsoleCustomComponents,
});
