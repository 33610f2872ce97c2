import type {UserProfile} from '@mattermost/types/users';

import type {Plan, PlanItem} from '../../plan';

import {confirmRequirement, isConfirmTyped} from './type_to_confirm';

function userItem(username: string, planClass: PlanItem['class'], roles = 'system_user'): PlanItem {
    const user = {id: `${username}-id`, username, roles} as UserProfile;
    return {kind: 'user', target: `@${username}`, class: planClass, user, warnings: []} as PlanItem;
}

function plan(items: PlanItem[]): Plan {
    return {kind: 'users', items, dryRun: false, command: '/deactivate'};
}

function users(count: number): PlanItem[] {
    return Array.from({length: count}, (_, index) => userItem(`u${index}`, 'deactivate'));
}

describe('confirmRequirement', () => {
    test('at threshold needs a click', () => {
        expect(confirmRequirement(plan(users(25)), 25, 'app.deactivate')).toEqual({});
    });

    test('over threshold needs the count', () => {
        expect(confirmRequirement(plan(users(26)), 25, 'app.deactivate')).toEqual({expected: '26', reason: 'over_threshold'});
    });

    test('skipped items do not count', () => {
        const items = [...users(25), userItem('gone', 'already_inactive'), userItem('root', 'admin_skipped', 'system_admin')];
        expect(confirmRequirement(plan(items), 25, 'app.deactivate')).toEqual({});
    });

    test('bots count as accounts', () => {
        const items = [...users(25), userItem('helper-bot', 'disable_bot')];
        expect(confirmRequirement(plan(items), 25, 'app.deactivate').expected).toBe('26');
    });

    test('one admin needs the count', () => {
        const items = [userItem('root', 'deactivate', 'system_admin system_user'), userItem('alice', 'deactivate')];
        expect(confirmRequirement(plan(items), 25, 'app.deactivate')).toEqual({expected: '2', reason: 'includes_admins'});
    });

    test('own plugin needs its id', () => {
        const item: PlanItem = {
            kind: 'plugin',
            target: 'app.deactivate',
            class: 'disable_plugin',
            plugin: {id: 'app.deactivate', name: 'Deactivate'},
            warnings: ['self_plugin'],
        };
        const plugins: Plan = {kind: 'plugins', items: [item], dryRun: false, command: ''};
        expect(confirmRequirement(plugins, 25, 'app.deactivate')).toEqual({expected: 'app.deactivate', reason: 'own_plugin'});
    });

    test('other plugin needs a click', () => {
        const item: PlanItem = {kind: 'plugin', target: 'jira', class: 'disable_plugin', plugin: {id: 'jira', name: 'Jira'}, warnings: []};
        expect(confirmRequirement({kind: 'plugins', items: [item], dryRun: false, command: ''}, 25, 'app.deactivate')).toEqual({});
    });
});

describe('isConfirmTyped', () => {
    test('matches the exact text', () => {
        const requirement = {expected: '26', reason: 'over_threshold' as const};
        expect(isConfirmTyped(requirement, '26')).toBe(true);
        expect(isConfirmTyped(requirement, ' 26 ')).toBe(true);
        expect(isConfirmTyped(requirement, '25')).toBe(false);
        expect(isConfirmTyped(requirement, '')).toBe(false);
    });

    test('no requirement passes', () => {
        expect(isConfirmTyped({}, '')).toBe(true);
    });
});
