// Plain-word reasons for failed REST calls. The ids and texts are also in webapp/i18n/en.json.
export const errorMessages = {
    selfDeactivationDisabled: {
        id: 'deactivate.error.self_deactivation_disabled',
        defaultMessage:
            'This server does not let users deactivate their own account (System Console > Users and Teams > Enable account deactivation).',
    },
    missingPermission: {
        id: 'deactivate.error.missing_permission',
        defaultMessage: 'Your account lacks the permission for this action.',
    },
    emailsHidden: {
        id: 'deactivate.error.emails_hidden',
        defaultMessage: 'Your account may not look up users by email address on this server. Use the username instead.',
    },
    userNotFound: {
        id: 'deactivate.error.user_not_found',
        defaultMessage: 'The user was not found. It may have been removed.',
    },
    pluginNotFound: {
        id: 'deactivate.error.plugin_not_found',
        defaultMessage: 'The plugin is not installed on this server.',
    },
    pluginsDisabled: {
        id: 'deactivate.error.plugins_disabled',
        defaultMessage: 'Plugins are turned off on this server (System Console > Plugins > Enable Plugins).',
    },
    rateLimited: {
        id: 'deactivate.error.rate_limited',
        defaultMessage: 'The server limits how fast requests may be sent. Try again in {seconds, plural, one {# second} other {# seconds}}.',
    },
    rateLimitedNoRetry: {
        id: 'deactivate.error.rate_limited_no_retry',
        defaultMessage: 'The server limits how fast requests may be sent. Try again in a minute.',
    },
    sessionExpired: {
        id: 'deactivate.error.session_expired',
        defaultMessage: 'Your session has expired or was rejected. Reload the page, log in again and retry.',
    },
    invalidResponse: {
        id: 'deactivate.error.invalid_response',
        defaultMessage: 'The server returned an invalid response, so the change may or may not have been made.',
    },
    network: {
        id: 'deactivate.error.network',
        defaultMessage: 'The server could not be reached. Check the connection and retry.',
    },
    generic: {
        id: 'deactivate.error.generic',
        defaultMessage: 'The server rejected the request.',
    },
    detail: {
        id: 'deactivate.error.detail',
        defaultMessage: 'HTTP {status}, {errorId}',
    },
    detailWithoutId: {
        id: 'deactivate.error.detail_without_id',
        defaultMessage: 'HTTP {status}',
    },
    detailNetwork: {
        id: 'deactivate.error.detail_network',
        defaultMessage: 'no response: {message}',
    },
} as const;
