import type {UserProfile} from '@mattermost/types/users';

import type {Outcome} from '../plan';

import {isUndoable, toBatchRequest} from './batch_record';
import type {Batch} from './batch_record';

const alice = {id: 'a'.repeat(26), username: 'alice', roles: 'system_user'} as UserProfile;
const bot = {id: 'b'.repeat(26), username: 'helper-bot', roles: 'system_user', is_bot: true} as UserProfile;
const admin = {id: 'c'.repeat(26), username: 'sysadmin', roles: 'system_admin system_user'} as UserProfile;

const outcome: Outcome = {
    plan: {
        kind: 'users',
        dryRun: false,
        command: '/deactivate @alice helper-bot sysadmin alice@example.com nobody',
        items: [
            {kind: 'user', target: '@alice', class: 'deactivate', user: alice, warnings: ['sso_reactivation']},
            {kind: 'user', target: 'helper-bot', class: 'disable_bot', user: bot, warnings: []},
            {kind: 'user', target: 'sysadmin', class: 'admin_skipped', user: admin, warnings: []},
            {kind: 'user', target: 'Alice@Example.com', class: 'deactivate', user: alice, warnings: []},
            {kind: 'user', target: 'nobody', class: 'not_found', warnings: []},
        ],
    },
    items: [],
    startedAt: 0,
    finishedAt: 0,
};
outcome.items = [
    {item: outcome.plan.items[0], state: 'done', reason: 'deactivated'},
    {item: outcome.plan.items[1], state: 'failed', reason: 'You lack the permission.', errorId: 'api.x', status: 403},
    {item: outcome.plan.items[2], state: 'skipped', reason: 'system admin'},
    {item: outcome.plan.items[3], state: 'done', reason: 'deactivated'},
    {item: outcome.plan.items[4], state: 'skipped', reason: 'no such user'},
];

describe('toBatchRequest', () => {
    const request = toBatchRequest(outcome);

    test('keeps the command as typed', () => {
        expect(request.command).toBe(outcome.plan.command);
    });

    test('targets carry kind and class', () => {
        expect(request.targets.map((target) => [target.kind, target.class])).toEqual([
            ['username', 'deactivate'],
            ['username', 'disable_bot'],
            ['username', 'admin_skipped'],
            ['email', 'deactivate'],
            ['username', 'not_found'],
        ]);
        expect(request.targets[2].is_admin).toBe(true);
        expect(request.targets[1].is_bot).toBe(true);
        expect(request.targets[0].warnings).toEqual(['sso_reactivation']);
    });

    test('outcomes use the server results', () => {
        expect(request.outcomes.map((entry) => [entry.kind, entry.result])).toEqual([
            ['user', 'deactivated'],
            ['bot', 'failed'],
            ['user', 'skipped'],
            ['user', 'deactivated'],
            ['user', 'skipped'],
        ]);
    });

    test('skip reason is the plan class', () => {
        expect(request.outcomes[2].reason).toBe('admin_skipped');
        expect(request.outcomes[4].reason).toBe('not_found');
        expect(request.outcomes[4].name).toBe('nobody');
        expect(request.outcomes[4].target_id).toBeUndefined();
    });

    test('failure keeps reason, id and status', () => {
        expect(request.outcomes[1]).toEqual({
            kind: 'bot',
            target_id: bot.id,
            name: 'helper-bot',
            result: 'failed',
            reason: 'You lack the permission.',
            error_id: 'api.x',
            status_code: 403,
        });
    });

    test('long names are cut to the server limit', () => {
        const long = {...outcome, plan: {...outcome.plan, items: [{...outcome.plan.items[4], target: 'x'.repeat(300)}]}};
        long.items = [{item: long.plan.items[0], state: 'skipped', reason: ''}];
        const cut = toBatchRequest(long);
        expect([...cut.targets[0].raw]).toHaveLength(200);
        expect([...cut.outcomes[0].name]).toHaveLength(200);
    });
});

describe('isUndoable', () => {
    const base: Batch = {id: 'b', user_id: 'u', created_at: 1, source: 'webapp', command: 'c', targets: [], outcomes: []};

    test('deactivated accounts make it undoable', () => {
        expect(isUndoable({...base, outcomes: [{kind: 'user', name: 'a', result: 'deactivated'}]})).toBe(true);
        expect(isUndoable({...base, outcomes: [{kind: 'bot', name: 'b', result: 'disabled'}]})).toBe(true);
    });

    test('plugins and skips are not undoable', () => {
        expect(isUndoable({...base, outcomes: [{kind: 'plugin', name: 'p', result: 'disabled'}]})).toBe(false);
        expect(isUndoable({...base, outcomes: [{kind: 'user', name: 'a', result: 'skipped'}]})).toBe(false);
    });

    test('undone batch is not undoable', () => {
        const outcomes = [{kind: 'user' as const, name: 'a', result: 'deactivated' as const}];
        expect(isUndoable({...base, outcomes, undone_at: 5})).toBe(false);
    });
});
