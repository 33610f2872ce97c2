import type {UserProfile} from '@mattermost/types/users';

import {pageLoadSourceCache, readActivity} from '../../inactive';
import type {SourceChoice} from '../../inactive';
import type {RestClient} from '../../rest';
import {getSiteUrl} from '../../site_url';

import {serverQuery} from './user_filters';
import type {UserFilters} from './user_filters';

/** `GET /users` clamps `per_page` to 200. */
export const USER_PAGE_SIZE = 200;

/** `POST /users/search` returns at most this many; the server's own default is 100. */
export const SEARCH_LIMIT = 100;

/**
 * The activity source of a listing. The user report (Mattermost 9.6 and later) covers every
 * active user in one read, so it is read once per listing and kept. Status rows are read for
 * each page's users.
 */
export interface ActivityState {
    choice?: SourceChoice;
    reportActivity?: Map<string, number>;
}

export interface UserPage {
    users: UserProfile[];
    /** Last activity by user id, in milliseconds; 0 or absent when none is recorded. */
    activity: Map<string, number>;
    /** Whether this was the last page. */
    complete: boolean;
    activityState: ActivityState;
}

/** Reads the users' last activity with the inactive-user selection's source choice. */
export async function loadActivity(rest: RestClient, users: UserProfile[], state: ActivityState): Promise<{activity: Map<string, number>; state: ActivityState}> {
    if (users.length === 0) {
        return {activity: new Map(), state};
    }
    if (state.reportActivity) {
        return {activity: state.reportActivity, state};
    }

    const serverUrl = getSiteUrl();
    const read = await readActivity(users, rest, state.choice ?? pageLoadSourceCache.get(serverUrl));
    const choice = {source: read.source, fallbackStatus: read.fallbackStatus};
    pageLoadSourceCache.set(serverUrl, choice);

    const next: ActivityState = read.source === 'reports' ? {choice, reportActivity: read.lastActivity} : {choice};
    return {activity: read.lastActivity, state: next};
}

/** Loads one page of `GET /users` with the server-side filters, and the activity of its users. */
export async function loadUserPage(rest: RestClient, filters: UserFilters, page: number, state: ActivityState): Promise<UserPage> {
    const users = await rest.client.getProfiles(page, USER_PAGE_SIZE, serverQuery(filters));
    const read = await loadActivity(rest, users, state);
    return {users, activity: read.activity, complete: users.length < USER_PAGE_SIZE, activityState: read.state};
}

/** Searches active users by name, username, nickname or email (`allow_inactive` off). */
export async function searchUsers(rest: RestClient, term: string, state: ActivityState): Promise<UserPage> {
    const users = await rest.client.searchUsers(term, {allow_inactive: false, limit: SEARCH_LIMIT});
    const read = await loadActivity(rest, users, state);
    return {users, activity: read.activity, complete: true, activityState: read.state};
}
