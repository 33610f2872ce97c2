import type {IntlShape} from 'react-intl';

import type {ParseErrorCode} from '../command';

import {inactiveMessages} from '../inactive/messages';

import {outcomeMessages as messages} from './messages';
import {shortenEcho} from './shorten_echo';

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
    const message = intl.formatMessage(PARSE_ERROR_MESSAGES[error.code], {value: shortenEcho(error.value, 80)});

    // Autocorrect turns `--` into a dash, so `—dry-run` is most likely a flag.
    if (error.code === 'invalid_target' && (/^[\u2012-\u2015\u2212]/).test(error.value)) {
        return `${message} ${intl.formatMessage(messages.parseDashFlag)}`;
    }
    return message;
}
