import type {Flags, Target} from '../command';
import type {RestClient} from '../rest';

import {classifyUsers, needsActiveAdminCount, refuseLastAdmins} from './classify_users';
import {resolveUsers} from './resolve_users';
import type {Caller, Plan} from './types';

/** The part of a parsed `users` command that planning reads. */
export interface UserTargets {
    flags: Flags;
    targets: Target[];
}

/**
 * Resolves and classifies the targets of a `users` command without writing anything. The active
 * system admins are listed only when the batch would deactivate an admin. Users whose lower-cased
 * username is in `protectedUsernames` are `protected_skipped`. The returned plan's `command` is
 * empty; the caller sets it to the line as typed.
 */
export async function planUsers(
    parsed: UserTargets,
    caller: Caller,
    rest: RestClient,
    protectedUsernames?: ReadonlySet<string>,
): Promise<Plan> {
    const resolved = await resolveUsers(parsed.targets, rest);
    let items = classifyUsers(parsed.targets, parsed.flags, resolved, caller, protectedUsernames);

    if (needsActiveAdminCount(items)) {
        const admins = await rest.getActiveSystemAdmins();
        items = refuseLastAdmins(items, admins.length);
    }

    return {kind: 'users', items, dryRun: parsed.flags.dryRun, command: ''};
}
