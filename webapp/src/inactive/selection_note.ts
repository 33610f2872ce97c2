import type {IntlShape} from 'react-intl';

import type {Plan} from '../plan';

import {inactiveMessages as messages} from './messages';

/**
 * Words how an `inactive` plan selected its users and which activity source it read, with
 * the limits of the status rows when those were the source. Returns '' for other plans. The
 * text holds no user input, so it needs no escaping in markdown or React.
 */
export function formatSelectionNote(intl: IntlShape, plan: Plan): string {
    const selection = plan.selection;
    if (!selection) {
        return '';
    }

    const cutoff = new Date(selection.cutoff).toISOString().slice(0, 10);
    const values = {days: selection.days, cutoff, status: selection.fallbackStatus ?? 0};
    if (selection.source === 'reports') {
        return intl.formatMessage(messages.selectionReports, values);
    }

    return `${intl.formatMessage(messages.selectionStatuses, values)} ${intl.formatMessage(messages.selectionStatusesLimits)}`;
}
