import type {UserProfile} from '@mattermost/types/users';

import type {Outcome, PlanItem} from '../../plan';

import {commandLine} from './record_batches';

function outcomeOf(usernames: string[]): Outcome {
    const items: PlanItem[] = usernames.map((username) => ({
        kind: 'user',
        target: `@${username}`,
        class: 'deactivate',
        user: {id: `${username}-id`, username, roles: 'system_user'} as UserProfile,
        warnings: [],
    }));
    return {
        plan: {kind: 'users', items, dryRun: false, command: ''},
        items: items.map((item) => ({item, state: 'done', reason: 'deactivated'})),
        startedAt: 0,
        finishedAt: 0,
    };
}

describe('commandLine', () => {
    test('lists users and flags', () => {
        expect(commandLine(outcomeOf(['alice', 'bob']), ['--include-admins'])).toBe('/deactivate --include-admins @alice @bob');
    });

    test('cuts long lines at 4000', () => {
        const names = Array.from({length: 1000}, (_, index) => `user${String(index).padStart(4, '0')}`);
        const line = commandLine(outcomeOf(names), []);
        expect(line.length).toBeLessThanOrEqual(4000);
        expect(line.startsWith('/deactivate @user0000 @user0001')).toBe(true);
        expect(line).toMatch(/ … \(\d+ more\)$/);
        const listed = line.split(' ').filter((word) => word.startsWith('@')).length;
        const more = Number(line.match(/\((\d+) more\)$/)?.[1]);
        expect(listed + more).toBe(1000);
    });
});
