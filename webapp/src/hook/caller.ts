import {getCurrentUser} from 'mattermost-redux/selectors/entities/common';
import {getMySystemPermissions, getRoles} from 'mattermost-redux/selectors/entities/roles_helpers';

import type {Caller} from '../plan';
import type {RestClient} from '../rest';
import type {WebappStore} from '../types/mattermost_webapp';

/**
 * Builds the caller's identity and system permissions. The web app store normally contains the
 * current user's roles, so this costs no request. Only when a role is missing from the store are
 * the roles fetched with `POST /roles/names`. The result is advisory, because the server checks
 * again on every write.
 */
export async function loadCaller(store: WebappStore, rest: RestClient): Promise<Caller> {
    const state = store.getState();
    let user = getCurrentUser(state);
    if (!user) {
        user = await rest.getMe();
    }

    const roleNames = user.roles.split(' ').filter(Boolean);
    const knownRoles = getRoles(state) || {};
    let permissions: Set<string>;
    if (user === getCurrentUser(state) && roleNames.every((name) => knownRoles[name])) {
        permissions = new Set(getMySystemPermissions(state));
    } else {
        const roles = await rest.getRolesByNames(roleNames);
        permissions = new Set(roles.flatMap((role) => role.permissions));
    }

    // This is what mattermost-redux's getConfig returns. Its module imports every mattermost-redux
    // constant, which would add about 45 KB to the bundle that every user downloads.
    const config = state.entities.general.config;
    return {user, permissions, enableUserDeactivation: config?.EnableUserDeactivation === 'true'};
}
