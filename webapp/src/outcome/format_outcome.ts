import type {IntlShape} from 'react-intl';

import {formatProtectionNote, skipReasonMessages} from '../plan';
import type {Outcome, OutcomeItem} from '../plan';
import {describeRestError} from '../rest';

import {formatSelectionNote} from '../inactive/selection_note';

import {escapeMarkdown} from './escape_markdown';
import {shortenEcho} from './shorten_echo';
import {formatItemLabel, formatLabelList, MAX_NAMES_PER_GROUP} from './labels';
import {outcomeMessages as messages} from './messages';
import {countWarning, groupBy} from './plan_groups';

const DONE_HEADINGS = {
    deactivate: messages.outcomeDeactivated,
    disable_bot: messages.outcomeBotsDisabled,
    disable_plugin: messages.outcomePluginsDisabled,
    reactivate: messages.outcomeReactivated,
} as const;

/**
 * Builds the reply after a run: what was changed, what was skipped and why, and what failed with
 * the plain reason and the HTTP status and server error id as a detail.
 */
export function formatOutcome(intl: IntlShape, outcome: Outcome): string {
    const done = outcome.items.filter((entry) => entry.state === 'done');
    const skipped = outcome.items.filter((entry) => entry.state === 'skipped');
    const failed = outcome.items.filter((entry) => entry.state === 'failed');

    const heading = intl.formatMessage(messages.outcomeHeading, {
        command: escapeMarkdown(shortenEcho(outcome.plan.command)),
        done: done.length,
        skipped: skipped.length,
        failed: failed.length,
    });
    const selectionNote = formatSelectionNote(intl, outcome.plan);
    const protectionNote = formatProtectionNote(intl, outcome.plan.protectionUnreadable);
    const sections = [
        heading,
        ...(selectionNote ? [selectionNote] : []),
        ...(protectionNote ? [protectionNote] : []),
        ...formatDone(intl, done),
        ...formatSkipped(intl, skipped),
        ...formatFailed(intl, failed),
    ];

    const deactivated = done.filter((entry) => entry.item.class === 'deactivate');
    if (deactivated.length > 0) {
        sections.push(...formatDeactivationNotes(intl, deactivated));
    }

    return sections.join('\n\n');
}

function formatDone(intl: IntlShape, done: OutcomeItem[]): string[] {
    return groupBy(done, (entry) => entry.item.class).map((group) => {
        const names = formatLabelList(intl, group.entries.map((entry) => formatItemLabel(entry.item)));
        const message = DONE_HEADINGS[group.key as keyof typeof DONE_HEADINGS];
        return intl.formatMessage(message, {count: group.entries.length, names});
    });
}

// Skipped items are grouped by class. A dry-run plan skips its actionable items too, and those
// carry the dry-run reason from executePlan.
function formatSkipped(intl: IntlShape, skipped: OutcomeItem[]): string[] {
    if (skipped.length === 0) {
        return [];
    }

    const lines = groupBy(skipped, (entry) => entry.item.class).map((group) => {
        const names = formatLabelList(intl, group.entries.map((entry) => formatItemLabel(entry.item)));
        const reason = skipReason(intl, group.entries[0]);
        return intl.formatMessage(messages.outcomeSkipLine, {reason, names});
    });

    return [[intl.formatMessage(messages.outcomeSkipped, {count: skipped.length}), ...lines].join('\n')];
}

function skipReason(intl: IntlShape, entry: OutcomeItem): string {
    const message = skipReasonMessages[entry.item.class as keyof typeof skipReasonMessages];
    return message ? intl.formatMessage(message) : escapeMarkdown(entry.reason);
}

function formatFailed(intl: IntlShape, failed: OutcomeItem[]): string[] {
    if (failed.length === 0) {
        return [];
    }

    const lines = failed.slice(0, MAX_NAMES_PER_GROUP).map((entry) => formatFailure(intl, entry));
    const hidden = failed.length - MAX_NAMES_PER_GROUP;
    if (hidden > 0) {
        lines.push(intl.formatMessage(messages.outcomeMoreFailures, {count: hidden}));
    }

    return [[intl.formatMessage(messages.outcomeFailed, {count: failed.length}), ...lines].join('\n')];
}

function formatFailure(intl: IntlShape, entry: OutcomeItem): string {
    const name = formatItemLabel(entry.item);
    if (!entry.error) {
        return intl.formatMessage(messages.outcomeFailLineNoDetail, {name, reason: escapeMarkdown(entry.reason)});
    }

    const description = describeRestError(entry.error, intl);
    return intl.formatMessage(messages.outcomeFailLine, {name, reason: description.text, detail: description.detail});
}

function formatDeactivationNotes(intl: IntlShape, deactivated: OutcomeItem[]): string[] {
    const notes = [intl.formatMessage(messages.outcomeUndoHint)];

    const ssoCount = countWarning(deactivated.map((entry) => entry.item), 'sso_reactivation');
    if (ssoCount > 0) {
        notes.push(intl.formatMessage(messages.outcomeSsoWarning, {count: ssoCount}));
    }
    notes.push(intl.formatMessage(messages.outcomeBotsFollowOwner));

    return notes;
}
