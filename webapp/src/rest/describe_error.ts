import type {IntlShape} from 'react-intl';

import {errorMessages as messages} from './error_messages';
import type {RestError} from './rest_error';

export type RestErrorKind =
    | 'self_deactivation_disabled'
    | 'missing_permission'
    | 'emails_hidden'
    | 'user_not_found'
    | 'plugin_not_found'
    | 'plugins_disabled'
    | 'rate_limited'
    | 'session_expired'
    | 'invalid_response'
    | 'network'
    | 'generic';

/** A failed call in plain words, with the status and server error id kept as a detail. */
export interface RestErrorDescription {
    kind: RestErrorKind;

    /** One or two sentences without user input, safe to put in markdown as they are. */
    text: string;

    /** The HTTP status and server error id, already formatted as markdown. */
    detail: string;
}

const PERMISSION_IDS = new Set(['api.context.permissions.app_error', 'api.user.update_active.permissions.app_error']);

const USER_NOT_FOUND_IDS = new Set([
    'app.user.missing_account.const',
    'app.user.get_by_username.app_error',
    'store.sql_bot.get.missing.app_error',
]);

/** Maps a failed call to plain words by HTTP status and server error id. */
export function describeRestError(error: RestError, intl: IntlShape): RestErrorDescription {
    const kind = classifyRestError(error);
    const detail = formatDetail(error, intl);

    switch (kind) {
    case 'rate_limited': {
        const seconds = error.retryAfterSeconds;
        const text = seconds === undefined ?
            intl.formatMessage(messages.rateLimitedNoRetry) :
            intl.formatMessage(messages.rateLimited, {seconds});
        return {kind, text, detail};
    }
    default:
        return {kind, text: intl.formatMessage(KIND_MESSAGES[kind]), detail};
    }
}

const KIND_MESSAGES: Record<Exclude<RestErrorKind, 'rate_limited'>, {id: string; defaultMessage: string}> = {
    self_deactivation_disabled: messages.selfDeactivationDisabled,
    missing_permission: messages.missingPermission,
    emails_hidden: messages.emailsHidden,
    user_not_found: messages.userNotFound,
    plugin_not_found: messages.pluginNotFound,
    plugins_disabled: messages.pluginsDisabled,
    session_expired: messages.sessionExpired,
    invalid_response: messages.invalidResponse,
    network: messages.network,
    generic: messages.generic,
};

export function classifyRestError(error: RestError): RestErrorKind {
    const id = error.serverErrorId;

    if (error.status === 0) {
        return 'network';
    }
    if (error.status >= 200 && error.status < 300) {
        return 'invalid_response';
    }
    if (error.status === 429) {
        return 'rate_limited';
    }
    if (error.status === 401 && id === 'api.user.update_active.not_enable.app_error') {
        return 'self_deactivation_disabled';
    }
    if (error.status === 401 && id === 'api.context.session_expired.app_error') {
        return 'session_expired';
    }
    if (error.status === 403 && PERMISSION_IDS.has(id)) {
        return 'missing_permission';
    }
    if (error.status === 403 && id === 'api.user.get_user_by_email.permissions.app_error') {
        return 'emails_hidden';
    }
    if (error.status === 404 && USER_NOT_FOUND_IDS.has(id)) {
        return 'user_not_found';
    }
    if (error.status === 404 && id === 'app.plugin.not_installed.app_error') {
        return 'plugin_not_found';
    }
    if (error.status === 501 && id === 'app.plugin.disabled.app_error') {
        return 'plugins_disabled';
    }

    return 'generic';
}

function formatDetail(error: RestError, intl: IntlShape): string {
    if (error.status === 0) {
        return intl.formatMessage(messages.detailNetwork, {message: codeSpan(error.message)});
    }
    if (!error.serverErrorId) {
        return intl.formatMessage(messages.detailWithoutId, {status: error.status});
    }

    return intl.formatMessage(messages.detail, {status: error.status, errorId: codeSpan(error.serverErrorId)});
}

// Server text goes into a code span, where markdown is inert. Backticks and line breaks, which
// could end the span, are replaced.
function codeSpan(text: string): string {
    const inert = text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ').slice(0, 200);
    return `\`${inert}\``;
}
