import type {UserProfile} from '@mattermost/types/users';

import type {Flags, Target} from '../command';

import {findUser} from './users_resolved';
import type {ResolvedUsers} from './users_resolved';
import type {Caller, UserPlanItem, Warning} from './types';

const MANAGE_SYSTEM = 'manage_system';

export function isSystemAdmin(user: UserProfile): boolean {
    return user.roles.split(/\s+/).includes('system_admin');
}

// SSO providers other than LDAP can reactivate an account at the next login. An empty value is
// email login, and also the value the server returns for
// every user to a caller without manage_system.
function isReactivatingSso(user: UserProfile): boolean {
    const service = user.auth_service || '';
    return service !== '' && service !== 'email' && service !== 'ldap';
}

const NO_PROTECTED_USERNAMES: ReadonlySet<string> = new Set();

/**
 * Classifies user targets in order, planning each user once at its first place. Admin targets
 * that pass every check come out as `deactivate`, and refuseLastAdmins decides them afterwards
 * because that needs the count of active system admins. `protectedUsernames` contains lower-cased
 * usernames: an active user among them is `protected_skipped`, whatever the flags.
 */
export function classifyUsers(
    targets: Target[],
    flags: Flags,
    resolved: ResolvedUsers,
    caller: Caller,
    protectedUsernames: ReadonlySet<string> = NO_PROTECTED_USERNAMES,
): UserPlanItem[] {
    const items: UserPlanItem[] = [];
    const seen = new Set<string>();

    for (const target of targets) {
        const user = findUser(target, resolved, caller);
        const key = user ? `user:${user.id}` : `missing:${target.value}`;
        if (seen.has(key)) {
            continue;
        }
        seen.add(key);

        items.push(classifyUser(target, user, flags, caller, protectedUsernames));
    }

    return items;
}

function classifyUser(
    target: Target,
    user: UserProfile | undefined,
    flags: Flags,
    caller: Caller,
    protectedUsernames: ReadonlySet<string>,
): UserPlanItem {
    const planned = (planClass: UserPlanItem['class']): UserPlanItem => ({
        kind: 'user',
        target: target.raw,
        class: planClass,
        user,
        warnings: [],
    });

    if (!user) {
        return planned('not_found');
    }
    if (user.delete_at === 0 && protectedUsernames.has(user.username.toLowerCase())) {
        return planned('protected_skipped');
    }
    if (user.id === caller.user.id && target.kind !== 'me') {
        return planned('self_refused');
    }
    if (target.kind === 'me' && !caller.enableUserDeactivation) {
        return planned('self_disallowed');
    }
    if (user.delete_at > 0) {
        return planned('already_inactive');
    }
    if (user.is_bot) {
        return flags.includeBots ? planned('disable_bot') : planned('bot_skipped');
    }
    // NOTE: the server blanks auth_service for callers without manage_system, so for them LDAP
    // users are planned as `deactivate`.
    if (user.auth_service === 'ldap') {
        return planned('ldap_skipped');
    }
    if (isSystemAdmin(user) && !flags.includeAdmins) {
        return planned('admin_skipped');
    }
    if (isSystemAdmin(user) && !caller.permissions.has(MANAGE_SYSTEM)) {
        return planned('admin_forbidden');
    }

    const warnings: Warning[] = isReactivatingSso(user) ? ['sso_reactivation'] : [];
    return {...planned('deactivate'), warnings};
}

/** Returns whether any system admin would be deactivated, so the active admin count matters. */
export function needsActiveAdminCount(items: UserPlanItem[]): boolean {
    return items.some((item) => isAdminDeactivation(item));
}

/**
 * Refuses every admin deactivation of the batch when together they would leave no active system
 * admin, which the server itself does not prevent.
 */
export function refuseLastAdmins(items: UserPlanItem[], activeAdminCount: number): UserPlanItem[] {
    const adminDeactivations = items.filter((item) => isAdminDeactivation(item)).length;
    if (adminDeactivations === 0 || adminDeactivations < activeAdminCount) {
        return items;
    }

    return items.map((item) => (isAdminDeactivation(item) ? {...item, class: 'last_admin_refused', warnings: []} : item));
}

function isAdminDeactivation(item: UserPlanItem): boolean {
    return item.class === 'deactivate' && item.user !== undefined && isSystemAdmin(item.user);
}
