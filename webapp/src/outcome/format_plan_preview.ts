import type {IntlShape} from 'react-intl';

import {formatProtectionNote, isActionableItem, skipReasonMessages} from '../plan';
import type {Plan, PlanItem} from '../plan';

import {inactiveMessages} from '../inactive/messages';
import {formatSelectionNote} from '../inactive/selection_note';

import {escapeMarkdown} from './escape_markdown';
import {shortenEcho} from './shorten_echo';
import {formatItemLabel, formatLabelList} from './labels';
import {outcomeMessages as messages} from './messages';
import {countWarning, groupBy} from './plan_groups';

const ACTION_LABELS = {
    deactivate: messages.previewDeactivate,
    disable_bot: messages.previewDisableBot,
    disable_plugin: messages.previewDisablePlugin,
    reactivate: messages.previewReactivate,
} as const;

/** Builds the `--dry-run` reply: the plan grouped by class with counts, and no writes. */
export function formatPlanPreview(intl: IntlShape, plan: Plan): string {
    const lines = [intl.formatMessage(messages.previewHeading, {command: escapeMarkdown(shortenEcho(plan.command))}), ''];
    const selectionNote = formatSelectionNote(intl, plan);
    if (selectionNote) {
        lines.push(selectionNote, '');
    }
    const protectionNote = formatProtectionNote(intl, plan.protectionUnreadable);
    if (protectionNote) {
        lines.push(protectionNote, '');
    }

    if (plan.items.length === 0) {
        lines.push(intl.formatMessage(messages.previewEmpty));
        return lines.join('\n');
    }

    const actionable = plan.items.filter(isActionableItem);
    const skipped = plan.items.filter((item) => !isActionableItem(item));
    for (const group of [...groupBy(actionable, classOf), ...groupBy(skipped, classOf)]) {
        const values = {
            label: groupLabel(intl, group.key),
            count: group.entries.length,
            names: formatLabelList(intl, group.entries.map(formatItemLabel)),
        };
        lines.push(intl.formatMessage(messages.previewGroup, values));
    }

    const ssoCount = countWarning(plan.items, 'sso_reactivation');
    const warnings: string[] = [];
    if (ssoCount > 0) {
        warnings.push(intl.formatMessage(messages.previewSsoWarning, {count: ssoCount}));
    }
    const neverActiveCount = countWarning(plan.items, 'never_active');
    if (neverActiveCount > 0) {
        warnings.push(intl.formatMessage(inactiveMessages.neverActiveWarning, {count: neverActiveCount}));
    }
    if (countWarning(plan.items, 'self_plugin') > 0) {
        warnings.push(intl.formatMessage(messages.previewSelfPluginWarning));
    }
    if (warnings.length > 0) {
        lines.push('', ...warnings);
    }

    if (actionable.length > 0) {
        lines.push('', intl.formatMessage(messages.previewApplyHint));
    }

    return lines.join('\n');
}

function classOf(item: PlanItem): string {
    return item.class;
}

function groupLabel(intl: IntlShape, planClass: string): string {
    if (planClass in ACTION_LABELS) {
        return intl.formatMessage(ACTION_LABELS[planClass as keyof typeof ACTION_LABELS]);
    }

    const reason = intl.formatMessage(skipReasonMessages[planClass as keyof typeof skipReasonMessages]);
    return intl.formatMessage(messages.previewSkipped, {reason});
}
