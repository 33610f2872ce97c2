import {createIntl} from 'react-intl';
import type {IntlShape} from 'react-intl';

import {CANCELLED_REASON, runBulk} from '../bulk';
import type {BulkProgress, ItemResult, WriteResponse} from '../bulk';
import {describeRestError, isRestError} from '../rest';
import type {RestClient} from '../rest';

import {doneMessages, dryRunMessage, skipReasonMessages} from './class_messages';
import type {ActionableClass} from './class_messages';
import {isActionableItem} from './types';
import type {Outcome, OutcomeItem, Plan, PlanItem} from './types';

export type ProgressCallback = (done: number, total: number) => void;

/** Lets a caller of runPlan cancel the run and follow the engine's full progress. */
export interface RunControl {
    /** Cancels the run: no new write starts, and the writes in flight finish and are recorded. */
    signal?: AbortSignal;

    /** Receives the engine's progress (counts, rate, ETA) of the phase that is running. */
    onProgress?(progress: BulkProgress, phase: {offset: number; total: number}): void;
}

/**
 * Writes the actionable items of a plan through the bulk engine (`runBulk`: up to four writes
 * at once, paced by the server's rate-limit headers, retried on 429, 5xx and network errors) and
 * gives every item exactly one outcome state, in plan order. A dry-run plan writes nothing.
 * Disabling this plugin itself is written last, after every other write finished, because the
 * server unloads the plugin's web app code as soon as that call succeeds.
 * `intl` words the reasons; it defaults to English.
 */
export async function executePlan(
    plan: Plan,
    rest: RestClient,
    onProgress?: ProgressCallback,
    intl: IntlShape = englishIntl(),
): Promise<Outcome> {
    const {outcome} = await runPlan(plan, rest, intl, {
        onProgress: (progress, phase) => onProgress?.(phase.offset + progress.done, phase.total),
    });
    return outcome;
}

/** Runs a plan like executePlan, and can be canceled midway; the System Console panel uses it. */
export async function runPlan(
    plan: Plan,
    rest: RestClient,
    intl: IntlShape,
    control: RunControl = {},
): Promise<{outcome: Outcome; cancelled: boolean}> {
    const startedAt = Date.now();
    const outcomes = new Map<PlanItem, OutcomeItem>();

    for (const item of plan.items) {
        if (!isActionableItem(item)) {
            const reason = intl.formatMessage(skipReasonMessages[item.class as keyof typeof skipReasonMessages]);
            outcomes.set(item, {item, state: 'skipped', reason});
        } else if (plan.dryRun) {
            outcomes.set(item, {item, state: 'skipped', reason: intl.formatMessage(dryRunMessage)});
        }
    }

    const writes = plan.items.filter((item) => !outcomes.has(item));
    const isSelf = (item: PlanItem) => item.warnings.includes('self_plugin');
    const phases = [writes.filter((item) => !isSelf(item)), writes.filter(isSelf)];

    let cancelled = false;
    let finishedBefore = 0;
    for (const phase of phases) {
        if (cancelled) {
            // The run was canceled before this phase, so none of its writes was sent.
            for (const item of phase) {
                outcomes.set(item, {item, state: 'skipped', reason: CANCELLED_REASON});
            }
            continue;
        }
        const offset = finishedBefore;
        const result = await runBulk(phase, (item) => sendWrite(item, rest), {
            isIdempotent: () => true,
            signal: control.signal,
            onProgress: (progress) => control.onProgress?.(progress, {offset, total: writes.length}),
        });

        for (const itemResult of result.results) {
            outcomes.set(itemResult.item, toOutcome(itemResult, intl));
        }
        cancelled = result.cancelled;
        finishedBefore += phase.length;
    }

    const items = plan.items.map((item) => outcomes.get(item) as OutcomeItem);
    return {outcome: {plan, items, startedAt, finishedAt: Date.now()}, cancelled};
}

function toOutcome(result: ItemResult<PlanItem>, intl: IntlShape): OutcomeItem {
    const {item} = result;
    if (result.state === 'done') {
        return {item, state: 'done', reason: intl.formatMessage(doneMessages[item.class as ActionableClass])};
    }
    if (result.state === 'skipped') {
        return {item, state: 'skipped', reason: result.reason};
    }

    const error = result.error;
    if (!isRestError(error)) {
        return {item, state: 'failed', reason: result.reason};
    }

    const description = describeRestError(error, intl);
    return {
        item,
        state: 'failed',
        reason: description.text,
        errorId: error.serverErrorId || undefined,
        status: error.status,
        error,
    };
}

// The only writes of the product: PUT /users/{id}/active, POST /bots/{id}/disable and
// POST /plugins/{id}/disable. All three are idempotent, so the engine may send them again.
async function sendWrite(item: PlanItem, rest: RestClient): Promise<WriteResponse> {
    if (item.kind === 'plugin') {
        if (!item.plugin) {
            throw new Error(`Plan item ${item.target} has no plugin to disable.`);
        }
        return rest.disablePlugin(item.plugin.id);
    }

    if (!item.user) {
        throw new Error(`Plan item ${item.target} has no user to write.`);
    }

    switch (item.class) {
    case 'deactivate':
        return rest.updateUserActive(item.user.id, false);
    case 'reactivate':
        // A bot's own row stays disabled after a user-level reactivation, so bots are enabled
        // through the bots API, as they were disabled through it.
        return item.user.is_bot ? rest.enableBot(item.user.id) : rest.updateUserActive(item.user.id, true);
    case 'disable_bot':
        return rest.disableBot(item.user.id);
    default:
        throw new Error(`Plan item ${item.target} has class ${item.class}, which writes nothing.`);
    }
}

let cachedEnglishIntl: IntlShape | undefined;

function englishIntl(): IntlShape {
    cachedEnglishIntl ??= createIntl({locale: 'en', defaultLocale: 'en'});
    return cachedEnglishIntl;
}
