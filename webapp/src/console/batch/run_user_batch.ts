import type {IntlShape} from 'react-intl';

import {runBulk} from '../../bulk';
import type {BulkProgress, ItemResult} from '../../bulk';
import {doneMessages, isActionableItem, skipReasonMessages} from '../../plan';
import type {Outcome, OutcomeItem, Plan, PlanItem} from '../../plan';
import {describeRestError, isRestError} from '../../rest';
import type {RestClient} from '../../rest';

export interface UserBatchOptions {
    intl: IntlShape;
    /** Cancels the run: no new write starts, and the writes in flight finish and are recorded. */
    signal?: AbortSignal;
    onProgress?(progress: BulkProgress): void;
}

export interface UserBatchResult {
    outcome: Outcome;
    cancelled: boolean;
}

/**
 * Writes a users plan through the bulk engine with a cancel signal and its full progress events
 * (counts, rate, ETA). Like `executePlan`, it gives every item one outcome in plan order and
 * writes only `PUT /users/{id}/active` with `{"active": false}` and `POST /bots/{id}/disable`.
 * NOTE: this mirrors executePlan because that function takes neither an AbortSignal nor the
 * engine's progress object; once it does, the panel can call it and this file can go.
 */
export async function runUserBatch(plan: Plan, rest: RestClient, options: UserBatchOptions): Promise<UserBatchResult> {
    const {intl} = options;
    const startedAt = Date.now();
    const writes = plan.items.filter(isActionableItem);

    const {results, cancelled} = await runBulk(writes, (item) => sendUserWrite(item, rest), {
        isIdempotent: () => true,
        signal: options.signal,
        onProgress: options.onProgress,
    });

    const written = new Map(results.map((result) => [result.item, toOutcomeItem(result, intl)]));
    const items = plan.items.map((item): OutcomeItem => {
        const outcome = written.get(item);
        if (outcome) {
            return outcome;
        }
        const reason = intl.formatMessage(skipReasonMessages[item.class as keyof typeof skipReasonMessages]);
        return {item, state: 'skipped', reason};
    });

    return {outcome: {plan, items, startedAt, finishedAt: Date.now()}, cancelled};
}

function sendUserWrite(item: PlanItem, rest: RestClient) {
    if (item.kind !== 'user' || !item.user) {
        throw new Error(`Plan item ${item.target} is not a user.`);
    }
    if (item.class === 'disable_bot') {
        return rest.disableBot(item.user.id);
    }
    if (item.class === 'deactivate') {
        return rest.updateUserActive(item.user.id, false);
    }
    throw new Error(`Plan item ${item.target} has class ${item.class}, which the panel does not write.`);
}

function toOutcomeItem(result: ItemResult<PlanItem>, intl: IntlShape): OutcomeItem {
    const {item} = result;
    if (result.state === 'done') {
        return {item, state: 'done', reason: intl.formatMessage(doneMessages[item.class as keyof typeof doneMessages])};
    }
    if (result.state === 'skipped') {
        return {item, state: 'skipped', reason: result.reason};
    }
    if (!isRestError(result.error)) {
        return {item, state: 'failed', reason: result.reason};
    }
    const error = result.error;
    return {
        item,
        state: 'failed',
        reason: describeRestError(error, intl).text,
        errorId: error.serverErrorId || undefined,
        status: error.status,
        error,
    };
}
