import type {UserProfile} from '@mattermost/types/users';

import {noFilters, passesClientFilters, serverQuery} from './user_filters';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 1_800_000_000_000;

function user(extra: Partial<UserProfile> = {}): UserProfile {
    return {id: 'u1', username: 'alice', auth_service: '', roles: 'system_user', ...extra} as UserProfile;
}

describe('serverQuery', () => {
    test('maps status, role and team', () => {
        expect(serverQuery(noFilters)).toEqual({active: true});
        expect(serverQuery({...noFilters, status: 'inactive', role: 'system_admin', withoutTeam: true})).toEqual({
            inactive: true,
            role: 'system_admin',
            without_team: true,
        });
        expect(serverQuery({...noFilters, status: 'any'})).toEqual({});
    });
});

describe('passesClientFilters', () => {
    test('email matches empty auth service', () => {
        const filters = {...noFilters, authService: 'email'};
        expect(passesClientFilters(user(), undefined, filters, NOW)).toBe(true);
        expect(passesClientFilters(user({auth_service: 'ldap'}), undefined, filters, NOW)).toBe(false);
    });

    test('inactive days compares last activity', () => {
        const filters = {...noFilters, inactiveDays: 180};
        expect(passesClientFilters(user(), NOW - (181 * DAY), filters, NOW)).toBe(true);
        expect(passesClientFilters(user(), NOW - (179 * DAY), filters, NOW)).toBe(false);
        expect(passesClientFilters(user(), 0, filters, NOW)).toBe(false);
    });

    test('never active keeps unknown activity', () => {
        const filters = {...noFilters, neverActive: true};
        expect(passesClientFilters(user(), 0, filters, NOW)).toBe(true);
        expect(passesClientFilters(user(), undefined, filters, NOW)).toBe(true);
        expect(passesClientFilters(user(), NOW - (400 * DAY), filters, NOW)).toBe(false);
    });

    test('both activity filters combine', () => {
        const filters = {...noFilters, neverActive: true, inactiveDays: 30};
        expect(passesClientFilters(user(), 0, filters, NOW)).toBe(true);
        expect(passesClientFilters(user(), NOW - (31 * DAY), filters, NOW)).toBe(true);
        expect(passesClientFilters(user(), NOW - DAY, filters, NOW)).toBe(false);
    });
});
