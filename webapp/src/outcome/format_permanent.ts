import type {IntlShape} from 'react-intl';

import {outcomeMessages as messages} from './messages';

/** Builds the reply to `--permanent`, `delete` and `remove`, which never change anything. */
export function formatPermanentExplanation(intl: IntlShape): string {
    return [intl.formatMessage(messages.permanentHeading), intl.formatMessage(messages.permanentBody)].join('\n\n');
}
