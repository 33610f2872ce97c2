import type {UserProfile} from '@mattermost/types/users';

import type {Target} from '../command';
import {isRestError} from '../rest';
import type {RestClient} from '../rest';

import {emptyResolvedUsers} from './users_resolved';
import type {ResolvedUsers} from './users_resolved';

/**
 * Looks up the users a command names with as few requests as the API allows: one
 * `POST /users/usernames` and one `POST /users/ids` per 200 values, plus one request per email.
 * A 26-character id token goes into both batches.
 */
export async function resolveUsers(targets: Target[], rest: RestClient): Promise<ResolvedUsers> {
    const resolved = emptyResolvedUsers();

    const usernames = unique(targets.filter((t) => t.kind === 'username' || t.kind === 'id').map((t) => t.value));
    const ids = unique(targets.filter((t) => t.kind === 'id').map((t) => t.value));
    const emails = unique(targets.filter((t) => t.kind === 'email').map((t) => t.value));

    for (const user of await rest.getUsersByUsernames(usernames)) {
        resolved.byUsername.set(user.username, user);
    }
    for (const user of await rest.getUsersByIds(ids)) {
        resolved.byId.set(user.id, user);
    }

    // The API has no batch lookup by email, so each address costs one GET /users/email/{email}.
    // Only email targets take this path.
    for (const email of emails) {
        const user = await getUserByEmailIfExists(email, rest);
        if (user) {
            resolved.byEmail.set(email, user);
        }
    }

    return resolved;
}

// 404 is an unknown address and 400 one the server rejects as malformed. Both mean no such user.
// Other failures, such as 403 when the caller may not see email addresses, stop planning.
async function getUserByEmailIfExists(email: string, rest: RestClient): Promise<UserProfile | undefined> {
    try {
        return await rest.getUserByEmail(email);
    } catch (error) {
        if (isRestError(error) && (error.status === 404 || error.status === 400)) {
            return undefined;
        }
        throw error;
    }
}

function unique(values: string[]): string[] {
    return [...new Set(values)];
}
