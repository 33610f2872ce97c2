import type {UserProfile} from '@mattermost/types/users';

import type {Target} from '../command';

import type {Caller} from './types';

/** Users found for the targets of one command, keyed by the lower-cased value that found them. */
export interface ResolvedUsers {
    byId: Map<string, UserProfile>;
    byUsername: Map<string, UserProfile>;
    byEmail: Map<string, UserProfile>;
}

export function emptyResolvedUsers(): ResolvedUsers {
    return {byId: new Map(), byUsername: new Map(), byEmail: new Map()};
}

/**
 * Returns the user a target names. A 26-character id token is also tried as a username, because
 * the server accepts 26-character usernames; the id match wins when both exist.
 */
export function findUser(target: Target, resolved: ResolvedUsers, caller: Caller): UserProfile | undefined {
    switch (target.kind) {
    case 'me':
        return caller.user;
    case 'id':
        return resolved.byId.get(target.value) ?? resolved.byUsername.get(target.value);
    case 'username':
        return resolved.byUsername.get(target.value);
    case 'email':
        return resolved.byEmail.get(target.value);
    }
}
