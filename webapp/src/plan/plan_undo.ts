import type {UserProfile} from '@mattermost/types/users';

import type {RestClient} from '../rest';

import type {Plan, UserPlanItem} from './types';

/**
 * Plans the reactivation of the users the last batch deactivated. The users are read again by
 * id, in one request per 200, so that only those still deactivated are reactivated.
 */
export async function planUndo(users: UserProfile[], rest: RestClient): Promise<Plan> {
    const current = await rest.getUsersByIds(users.map((user) => user.id));
    const byId = new Map(current.map((user) => [user.id, user]));

    const items: UserPlanItem[] = users.map((previous) => {
        const user = byId.get(previous.id);
        const target = `@${previous.username}`;

        if (!user) {
            return {kind: 'user', target, class: 'not_found', user: previous, warnings: []};
        }

        const planClass = user.delete_at > 0 ? 'reactivate' : 'still_active';
        return {kind: 'user', target, class: planClass, user, warnings: []};
    });

    return {kind: 'undo', items, dryRun: false, command: ''};
}
