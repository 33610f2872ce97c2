import type {UserProfile} from '@mattermost/types/users';

import {USER_PAGE_SIZE} from './activity_reads';
import type {ActivityReads} from './activity_reads';

/**
 * Lists every active user on the server, in all teams and in none, one page of 200 at a time. A
 * page shorter than 200 is the last, so N users cost floor(N / 200) + 1 requests.
 */
export async function listActiveUsers(reads: ActivityReads): Promise<UserProfile[]> {
    const users: UserProfile[] = [];

    for (let page = 0; ; page++) {
        const batch = await reads.getActiveUsersPage(page);
        users.push(...batch);

        if (batch.length < USER_PAGE_SIZE) {
            return users;
        }
    }
}
