import {createIntl} from 'react-intl';
import type {IntlShape} from 'react-intl';

import {describeRestError, isRestError} from '../rest';
import type {RestClient} from '../rest';

import {doneMessages, dryRunMessage, skipReasonMessages} from './class_messages';
import type {ActionableClass} from './class_messages';
import {isActionableItem} from './types';
import type {Outcome, OutcomeItem, Plan, PlanItem} from './types';

export type ProgressCallback = (done: number, total: number) => void;

/**
 * Writes the actionable items of a plan one at a time, in plan order, and gives every item exactly
 * one outcome state. A dry-run plan writes nothing. Disabling this plugin itself is written last,
 * because the server unloads the plugin's web app code as soon as that call succeeds.
 * `intl` words the reasons; it defaults to English.
 */
export async function executePlan(
    plan: Plan,
    rest: RestClient,
    onProgress?: ProgressCallback,
    intl: IntlShape = englishIntl(),
): Promise<Outcome> {
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

    const writes = orderWrites(plan.items.filter((item) => !outcomes.has(item)));
    let done = 0;
    for (const item of writes) {
        outcomes.set(item, await writeItem(item, rest, intl));
        done += 1;
        onProgress?.(done, writes.length);
    }

    const items = plan.items.map((item) => outcomes.get(item) as OutcomeItem);
    return {plan, items, startedAt, finishedAt: Date.now()};
}

function orderWrites(items: PlanItem[]): PlanItem[] {
    const selfLast = (item: PlanItem) => (item.warnings.includes('self_plugin') ? 1 : 0);
    return [...items].sort((left, right) => selfLast(left) - selfLast(right));
}

async function writeItem(item: PlanItem, rest: RestClient, intl: IntlShape): Promise<OutcomeItem> {
    try {
        await sendWrite(item, rest);
        return {item, state: 'done', reason: intl.formatMessage(doneMessages[item.class as ActionableClass])};
    } catch (error) {
        if (!isRestError(error)) {
            const reason = error instanceof Error ? error.message : String(error);
            return {item, state: 'failed', reason};
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
}

// The only writes of the product: PUT /users/{id}/active, POST /bots/{id}/disable and
// POST /plugins/{id}/disable.
async function sendWrite(item: PlanItem, rest: RestClient): Promise<void> {
    if (item.kind === 'plugin') {
        if (!item.plugin) {
            throw new Error(`Plan item ${item.target} has no plugin to disable.`);
        }
        await rest.disablePlugin(item.plugin.id);
        return;
    }

    if (!item.user) {
        throw new Error(`Plan item ${item.target} has no user to write.`);
    }

    switch (item.class) {
    case 'deactivate':
        await rest.updateUserActive(item.user.id, false);
        return;
    case 'reactivate':
        await rest.updateUserActive(item.user.id, true);
        return;
    case 'disable_bot':
        await rest.disableBot(item.user.id);
        return;
    default:
        throw new Error(`Plan item ${item.target} has class ${item.class}, which writes nothing.`);
    }
}

let cachedEnglishIntl: IntlShape | undefined;

function englishIntl(): IntlShape {
    cachedEnglishIntl ??= createIntl({locale: 'en', defaultLocale: 'en'});
    return cachedEnglishIntl;
}
