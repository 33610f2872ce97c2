import type {UserProfile} from '@mattermost/types/users';

import {inactivityCutoff, selectInactive} from './select_inactive';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 0, 1);

function user(username: string, createdDaysAgo: number, deleteAt = 0): UserProfile {
    return {id: `${username}-id`, username, create_at: NOW - createdDaysAgo * DAY, delete_at: deleteAt} as UserProfile;
}

function usernames(selected: ReturnType<typeof selectInactive>): string[] {
    return selected.map((candidate) => candidate.user.username);
}

describe('inactivityCutoff', () => {
    test('counts whole days back', () => {
        expect(inactivityCutoff(180, NOW)).toBe(NOW - 180 * DAY);
    });
});

describe('selectInactive', () => {
    const cutoff = inactivityCutoff(180, NOW);

    test('old activity is selected', () => {
        const activity = new Map([['bob-id', NOW - 200 * DAY]]);

        expect(usernames(selectInactive([user('bob', 400)], activity, cutoff, 'caller'))).toEqual(['bob']);
    });

    test('recent activity is kept', () => {
        const activity = new Map([['alice-id', NOW - 2 * DAY]]);

        expect(selectInactive([user('alice', 400)], activity, cutoff, 'caller')).toEqual([]);
    });

    test('activity at cutoff is kept', () => {
        const activity = new Map([['carol-id', cutoff]]);

        expect(selectInactive([user('carol', 400)], activity, cutoff, 'caller')).toEqual([]);
    });

    test('no activity on old account', () => {
        const selected = selectInactive([user('mallory', 400)], new Map(), cutoff, 'caller');

        expect(usernames(selected)).toEqual(['mallory']);
        expect(selected[0].lastActivityAt).toBe(0);
    });

    test('no activity on new account', () => {
        expect(selectInactive([user('newbie', 10)], new Map(), cutoff, 'caller')).toEqual([]);
    });

    test('caller is never selected', () => {
        const me = user('me', 400);

        expect(selectInactive([me], new Map(), cutoff, me.id)).toEqual([]);
    });

    test('deactivated users are skipped', () => {
        const deactivated = user('olivia', 400, NOW - DAY);

        expect(selectInactive([deactivated], new Map(), cutoff, 'caller')).toEqual([]);
    });

    test('result sorted by username', () => {
        const users = [user('zed', 400), user('amy', 400), user('kim', 400)];

        expect(usernames(selectInactive(users, new Map(), cutoff, 'caller'))).toEqual(['amy', 'kim', 'zed']);
    });
});
