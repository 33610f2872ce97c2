import type {UserProfile} from '@mattermost/types/users';

import type {Outcome, OutcomeItem, Plan, UserPlanClass} from '../plan';

import type {Batch, BatchOutcome} from './batch_record';

/** Returns the accounts a recorded batch deactivated or disabled, for planning their reactivation. */
export function undoTargets(batch: Batch): UserProfile[] {
    return batch.outcomes.
        filter((entry) => entry.kind !== 'plugin' && entry.target_id && (entry.result === 'deactivated' || entry.result === 'disabled')).
        map((entry) => ({id: entry.target_id, username: entry.name} as UserProfile));
}

// The server part's skip reasons for undo (server-proxy outcome.go), as the plan classes that
// word them.
const SKIP_REASON_CLASSES: Record<string, UserPlanClass> = {
    already_active: 'still_active',
    no_longer_visible: 'not_found',
};

function toOutcomeItem(item: Plan['items'][number], reported: BatchOutcome | undefined): OutcomeItem {
    if (!reported || reported.result === 'skipped') {
        const planClass = SKIP_REASON_CLASSES[reported?.reason || ''];
        const skippedItem = planClass && item.kind === 'user' ? {...item, class: planClass} : item;
        return {item: skippedItem, state: 'skipped', reason: reported?.reason || ''};
    }
    if (reported.result === 'failed') {
        return {
            item,
            state: 'failed',
            reason: reported.reason || '',
            errorId: reported.error_id,
            status: reported.status_code,
        };
    }
    return {item, state: 'done', reason: ''};
}

/**
 * Maps the server part's undo result onto the confirmed plan, so it is reported like any batch.
 * A planned account the server did not report on ends as skipped.
 */
export function outcomeOfServerUndo(plan: Plan, batch: Batch, startedAt: number): Outcome {
    const reportedById = new Map((batch.undo_outcomes || []).map((entry) => [entry.target_id, entry]));
    const items = plan.items.map((item) => {
        const id = item.kind === 'user' ? item.user?.id : item.plugin?.id;
        if (item.class !== 'reactivate') {
            return {item, state: 'skipped' as const, reason: ''};
        }
        return toOutcomeItem(item, reportedById.get(id));
    });
    return {plan, items, startedAt, finishedAt: Date.now()};
}
