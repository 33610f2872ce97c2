import type {UserProfile} from '@mattermost/types/users';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A user that `inactive` selects, before the plan classes are applied. */
export interface InactiveCandidate {
    user: UserProfile;

    /** Milliseconds since the epoch, or 0 when the source recorded no activity at all. */
    lastActivityAt: number;
}

/** Returns the cutoff for a duration: users last active before it are inactive. */
export function inactivityCutoff(days: number, now: number): number {
    return now - days * DAY_MS;
}

/**
 * Selects the users inactive since before `cutoff`, sorted by username. A user with no recorded
 * activity counts only if the account was created before the cutoff, so that an account made
 * yesterday is not "inactive for 180 days". The caller and deactivated users are never selected.
 */
export function selectInactive(
    users: UserProfile[],
    lastActivity: Map<string, number>,
    cutoff: number,
    callerId: string,
): InactiveCandidate[] {
    const candidates: InactiveCandidate[] = [];

    for (const user of users) {
        if (user.id === callerId || user.delete_at > 0) {
            continue;
        }

        const lastActivityAt = lastActivity.get(user.id) ?? 0;
        const inactive = lastActivityAt > 0 ? lastActivityAt < cutoff : user.create_at < cutoff;
        if (inactive) {
            candidates.push({user, lastActivityAt});
        }
    }

    return candidates.sort((left, right) => compareText(left.user.username, right.user.username));
}

function compareText(left: string, right: string): number {
    if (left === right) {
        return 0;
    }
    return left < right ? -1 : 1;
}
