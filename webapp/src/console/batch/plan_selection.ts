import type {UserProfile} from '@mattermost/types/users';

import type {IntlShape} from 'react-intl';

import type {Flags, Target} from '../../command';
import {loadProtection, planUsers} from '../../plan';
import type {Caller, Plan} from '../../plan';
import type {RestClient} from '../../rest';

import {batchMessages} from '../messages';

export interface PanelPlan {
    plan: Plan;
    flags: Flags;

    /** Set when the server part's protected accounts were unreadable and the saved list was used. */
    protectionNote?: string;
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
 * Plans the chosen targets exactly as the slash command does (`planUsers`), with the protected
 * accounts of the server part, so a protected account is `protected_skipped` here too. When the
 * server part cannot be read, the list saved in the panel's settings (`savedProtected`) is used,
 * and the plan carries a note about it.
 */
export async function planSelection(
    targets: Target[],
    flags: Flags,
    caller: Caller,
    rest: RestClient,
    intl: IntlShape,
    savedProtected: string[],
): Promise<PanelPlan> {
    const protection = await loadProtection(rest, intl);
    const usernames = protection.unreadable ? new Set(savedProtected) : protection.usernames;
    const plan = await planUsers({flags, targets}, caller, rest, usernames);

    if (!protection.unreadable) {
        return {plan, flags};
    }
    const protectionNote = intl.formatMessage(batchMessages.protectionFallback, {reason: protection.unreadable});
    return {plan, flags, protectionNote};
}
