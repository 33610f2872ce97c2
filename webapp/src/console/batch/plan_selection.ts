import type {UserProfile} from '@mattermost/types/users';

import type {Flags, Target} from '../../command';
import {isActionableItem, planUsers} from '../../plan';
import type {Caller, Plan, UserPlanItem} from '../../plan';
import type {RestClient} from '../../rest';

export interface PanelPlan {
    plan: Plan;
    /** Accounts the plan would write but the plugin settings protect; they are left out. */
    protectedItems: UserPlanItem[];
    flags: Flags;
}

/** Turns users chosen in the table into targets by id, keeping `@username` as the typed form. */
export function targetsOfUsers(users: UserProfile[]): Target[] {
    return users.map((user) => ({kind: 'id', value: user.id, raw: `@${user.username}`}));
}

/** Returns the `/deactivate` flags that the options stand for, as the history shows them. */
export function flagWords(flags: Flags): string[] {
    return [flags.includeAdmins ? '--include-admins' : '', flags.includeBots ? '--include-bots' : ''].filter(Boolean);
}

/**
 * Plans the chosen targets exactly as the slash command does (`planUsers`), then takes every
 * account the plugin settings protect out of the writes. Protected accounts that the plan
 * skips anyway keep their skip class.
 * NOTE: the plan classes have no `protected_skipped`, and the server part's history rejects
 * unknown classes, so protected accounts stay out of the plan and of the recorded batch.
 */
export async function planSelection(
    targets: Target[],
    flags: Flags,
    caller: Caller,
    rest: RestClient,
    protectedUsernames: string[],
): Promise<PanelPlan> {
    const planned = await planUsers({flags, targets}, caller, rest);
    const isProtected = new Set(protectedUsernames);

    const protectedItems: UserPlanItem[] = [];
    const items = planned.items.filter((item) => {
        const user = item.kind === 'user' ? item.user : undefined;
        if (item.kind === 'user' && user && isActionableItem(item) && isProtected.has(user.username.toLowerCase())) {
            protectedItems.push(item);
            return false;
        }
        return true;
    });

    return {plan: {...planned, items}, protectedItems, flags};
}
