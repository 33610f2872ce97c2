import type {UserProfile} from '@mattermost/types/users';

import type {Flags, Target} from '../command';
import {classifyUsers, emptyResolvedUsers, isActionableItem, needsActiveAdminCount, refuseLastAdmins} from '../plan';
import type {Caller, Plan, UserPlanItem} from '../plan';

import type {ActivityReads} from './activity_reads';
import {pageLoadSourceCache} from './activity_source';
import type {ActivitySourceCache} from './activity_source';
import {listActiveUsers} from './list_users';
import {readActivity} from './read_activity';
import {inactivityCutoff, selectInactive} from './select_inactive';
import type {InactiveCandidate} from './select_inactive';

/** The part of a parsed `inactive` command that planning reads. */
export interface InactiveCommand {
    flags: Flags;
    days: number;
}

/** The reads of an `inactive` plan, plus the admin listing of the last-admin check. */
export interface InactivePlanReads extends ActivityReads {
    getActiveSystemAdmins(): Promise<UserProfile[]>;
}

export interface InactivePlanOptions {
    /** Keys the source cache; the plugin passes the server's site URL. */
    serverUrl: string;
    cache?: ActivitySourceCache;

    /** Milliseconds since the epoch; defaults to Date.now(). */
    now?: number;

    /** Lower-cased usernames that the plan skips as `protected_skipped`. */
    protectedUsernames?: ReadonlySet<string>;
}

/**
 * Plans `/deactivate inactive`: lists every active user, reads their last activity, selects
 * the inactive ones, and classifies them like named users (bots, LDAP users, system admins and
 * the last-admin check follow the same rules). Users without recorded activity become
 * `never_active_skipped`, or carry the `never_active` warning with `--include-never-active`.
 * Nothing is written. The returned plan's `command` is empty.
 */
export async function planInactive(
    parsed: InactiveCommand,
    caller: Caller,
    reads: InactivePlanReads,
    options: InactivePlanOptions,
): Promise<Plan> {
    const cache = options.cache ?? pageLoadSourceCache;
    const cutoff = inactivityCutoff(parsed.days, options.now ?? Date.now());

    const users = await listActiveUsers(reads);
    const activity = await readActivity(users, reads, cache.get(options.serverUrl));
    cache.set(options.serverUrl, {source: activity.source, fallbackStatus: activity.fallbackStatus});

    const candidates = selectInactive(users, activity.lastActivity, cutoff, caller.user.id);
    let items = classifyCandidates(candidates, parsed.flags, caller, options.protectedUsernames);

    if (needsActiveAdminCount(items)) {
        const admins = await reads.getActiveSystemAdmins();
        items = refuseLastAdmins(items, admins.length);
    }

    const selection = {
        days: parsed.days,
        cutoff,
        source: activity.source,
        fallbackStatus: activity.fallbackStatus,
        includeNeverActive: parsed.flags.includeNeverActive,
    };
    return {kind: 'users', items, dryRun: parsed.flags.dryRun, command: '', selection};
}

// Each candidate is planned as if it had been named by id, and shown as @username.
function classifyCandidates(
    candidates: InactiveCandidate[],
    flags: Flags,
    caller: Caller,
    protectedUsernames?: ReadonlySet<string>,
): UserPlanItem[] {
    const resolved = emptyResolvedUsers();
    const targets: Target[] = candidates.map(({user}) => {
        resolved.byId.set(user.id, user);
        return {kind: 'id', value: user.id, raw: `@${user.username}`};
    });

    const neverActive = new Set(candidates.filter((c) => c.lastActivityAt === 0).map((c) => c.user.id));
    return classifyUsers(targets, flags, resolved, caller, protectedUsernames).map((item) => {
        if (!item.user || !neverActive.has(item.user.id) || !isActionableItem(item)) {
            return item;
        }
        if (!flags.includeNeverActive) {
            return {...item, class: 'never_active_skipped', warnings: []};
        }
        return {...item, warnings: [...item.warnings, 'never_active']};
    });
}
