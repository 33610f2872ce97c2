import type {IntlShape} from 'react-intl';

import type {ParseErrorCode} from '../command';

import {inactiveMessages} from '../inactive/messages';

import {outcomeMessages as messages} from './messages';

const PARSE_ERROR_MESSAGES = {
    invalid_target: messages.parseInvalidTarget,
    missing_targets: messages.parseMissingTargets,
    missing_plugins: messages.parseMissingPlugins,
    invalid_batch: messages.parseInvalidBatch,
    missing_duration: inactiveMessages.parseMissingDuration,
    invalid_duration: inactiveMessages.parseInvalidDuration,
} as const;

/**
 * Words a parse error for the message box. The editor shows it as plain text, so the value is
 * not markdown-escaped.
 */
export function describeParseError(intl: IntlShape, error: {code: ParseErrorCode; value: string}): string {
    return intl.formatMessage(PARSE_ERROR_MESSAGES[error.code], {value: error.value});
}
