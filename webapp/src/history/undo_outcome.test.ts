import type {UserProfile} from '@mattermost/types/users';

import type {Plan, UserPlanItem} from '../plan';

import type {Batch} from './batch_record';
import {outcomeOfServerUndo, undoTargets} from './undo_outcome';

function item(id: string, planClass: UserPlanItem['class']): UserPlanItem {
    return {kind: 'user', target: `@${id}`, class: planClass, user: {id, username: id} as UserProfile, warnings: []};
}

function batch(extra: Partial<Batch>): Batch {
    return {id: 'b1', user_id: 'u', created_at: 1, source: 'webapp', command: '/deactivate a', targets: [], outcomes: [], ...extra};
}

describe('undoTargets', () => {
    test('takes deactivated and disabled accounts', () => {
        const targets = undoTargets(batch({
            outcomes: [
                {kind: 'user', target_id: 'a', name: 'a', result: 'deactivated'},
                {kind: 'bot', target_id: 'b', name: 'b', result: 'disabled'},
                {kind: 'user', target_id: 'c', name: 'c', result: 'skipped', reason: 'already_inactive'},
                {kind: 'user', target_id: 'd', name: 'd', result: 'failed'},
                {kind: 'plugin', target_id: 'p', name: 'p', result: 'disabled'},
            ],
        }));
        expect(targets.map((user) => user.id)).toEqual(['a', 'b']);
    });
});

describe('outcomeOfServerUndo', () => {
    const plan: Plan = {
        kind: 'undo',
        items: [item('a', 'reactivate'), item('b', 'reactivate'), item('c', 'reactivate'), item('d', 'still_active')],
        dryRun: false,
        command: '/deactivate undo',
    };

    test('maps every planned item to one state', () => {
        const outcome = outcomeOfServerUndo(plan, batch({
            undo_outcomes: [
                {kind: 'user', target_id: 'a', name: 'a', result: 'reactivated'},
                {kind: 'user', target_id: 'b', name: 'b', result: 'failed', reason: 'not allowed', error_id: 'x.y', status_code: 403},
                {kind: 'user', target_id: 'c', name: 'c', result: 'skipped', reason: 'already_active'},
            ],
        }), 0);
        expect(outcome.items.map((entry) => entry.state)).toEqual(['done', 'failed', 'skipped', 'skipped']);
        expect(outcome.items[1].errorId).toBe('x.y');
        expect(outcome.items[1].status).toBe(403);
    });

    test('server skip reason becomes a plan class', () => {
        const outcome = outcomeOfServerUndo(plan, batch({
            undo_outcomes: [
                {kind: 'user', target_id: 'a', name: 'a', result: 'skipped', reason: 'already_active'},
                {kind: 'user', target_id: 'b', name: 'b', result: 'skipped', reason: 'no_longer_visible'},
            ],
        }), 0);
        expect(outcome.items[0].item.class).toBe('still_active');
        expect(outcome.items[1].item.class).toBe('not_found');
    });

    test('unreported item is skipped', () => {
        const outcome = outcomeOfServerUndo(plan, batch({undo_outcomes: []}), 0);
        expect(outcome.items.every((entry) => entry.state === 'skipped')).toBe(true);
    });
});
