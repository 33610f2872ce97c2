import type {UserProfile} from '@mattermost/types/users';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The filters of the Users section. The server applies the first three, the panel the rest. */
export interface UserFilters {
    status: 'active' | 'inactive' | 'any';
    /** A role name such as `system_admin`; empty for any. */
    role: string;
    withoutTeam: boolean;
    /** `auth_service` value; `email` stands for the empty value of email sign-in. Empty for any. */
    authService: string;
    /** Keep users whose last recorded activity is at least this many days old. */
    inactiveDays?: number;
    /** Keep users with no recorded activity at all. */
    neverActive: boolean;
}

export const noFilters: UserFilters = {status: 'active', role: '', withoutTeam: false, authService: '', neverActive: false};

/** Builds the `GET /users` query options of the server-side filters. */
export function serverQuery(filters: UserFilters): Record<string, string | boolean> {
    const query: Record<string, string | boolean> = {};
    if (filters.status === 'active') {
        query.active = true;
    } else if (filters.status === 'inactive') {
        query.inactive = true;
    }
    if (filters.role) {
        query.role = filters.role;
    }
    if (filters.withoutTeam) {
        query.without_team = true;
    }
    return query;
}

/**
 * Returns whether a loaded user passes the filters the server cannot apply. `lastActivityAt` is
 * the user's status `last_activity_at` in milliseconds, 0 or undefined when none is recorded.
 * With both activity filters on, a user passes either one.
 */
export function passesClientFilters(user: UserProfile, lastActivityAt: number | undefined, filters: UserFilters, now: number): boolean {
    if (filters.authService) {
        const service = user.auth_service || 'email';
        if (service !== filters.authService) {
            return false;
        }
    }

    const activityFilter = filters.inactiveDays !== undefined || filters.neverActive;
    if (!activityFilter) {
        return true;
    }
    const known = lastActivityAt !== undefined && lastActivityAt > 0;
    if (!known) {
        return filters.neverActive;
    }
    return filters.inactiveDays !== undefined && now - lastActivityAt >= filters.inactiveDays * DAY_MS;
}
