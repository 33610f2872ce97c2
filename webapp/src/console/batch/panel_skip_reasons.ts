import type {IntlShape} from 'react-intl';

import {skipReasonMessages} from '../../plan';
import type {Outcome, PlanItem} from '../../plan';

import {skipMessages} from '../messages';

type SkipClass = keyof typeof skipReasonMessages;

// The skip reasons whose slash-command wording names a flag or a command line, worded for the
// panel's checkboxes and sections instead.
const PANEL_REASONS: Partial<Record<SkipClass, {id: string; defaultMessage: string}>> = {
    admin_skipped: skipMessages.adminSkipped,
    bot_skipped: skipMessages.botSkipped,
    never_active_skipped: skipMessages.neverActiveSkipped,
    self_refused: skipMessages.selfRefused,
    protected_skipped: skipMessages.protectedSkipped,
};

/** Words why the panel skips items of a plan class. */
export function panelSkipReason(intl: IntlShape, planClass: PlanItem['class']): string {
    const message = PANEL_REASONS[planClass as SkipClass] ?? skipReasonMessages[planClass as SkipClass];
    return intl.formatMessage(message);
}

/** Rewords the skipped items of a run with the panel's reasons; canceled writes keep theirs. */
export function withPanelSkipReasons(outcome: Outcome, intl: IntlShape): Outcome {
    const items = outcome.items.map((entry) => {
        if (entry.state !== 'skipped' || !(entry.item.class in PANEL_REASONS)) {
            return entry;
        }
        return {...entry, reason: panelSkipReason(intl, entry.item.class)};
    });
    return {...outcome, items};
}
