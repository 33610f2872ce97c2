// Strings of `/deactivate inactive`. The ids and texts are also in webapp/i18n/en.json.
export const inactiveMessages = {
    helpInactive: {
        id: 'deactivate.help.inactive',
        defaultMessage:
            '- `/deactivate inactive 180d` - deactivate users with no activity for 180 days; also `12w` (weeks) or `6m` (months of 30 days). A user named "inactive" is written `@inactive`',
    },
    helpIncludeNeverActive: {
        id: 'deactivate.help.include_never_active',
        defaultMessage:
            '- `--include-never-active` - with `inactive`, also deactivate users with no recorded activity since their account was created before the cutoff',
    },
    parseMissingDuration: {
        id: 'deactivate.parse.missing_duration',
        defaultMessage:
            'Name how long the users have been inactive, for example /deactivate inactive 180d: days (d), weeks (w) or months of 30 days (m).',
    },
    parseInvalidDuration: {
        id: 'deactivate.parse.invalid_duration',
        defaultMessage:
            '"{value}" is not a duration. Use a whole number from 1 to 9999 followed by d (days), w (weeks) or m (months of 30 days), for example 180d, 12w or 6m.',
    },
    selectionReports: {
        id: 'deactivate.inactive.source_reports',
        defaultMessage:
            'Users with no activity for {days, plural, one {# day} other {# days}} (since {cutoff}). Activity source: the user report (`GET /api/v4/reports/users`), the latest of last login, last status change and last post.',
    },
    selectionStatuses: {
        id: 'deactivate.inactive.source_statuses',
        defaultMessage:
            'Users with no activity for {days, plural, one {# day} other {# days}} (since {cutoff}). Activity source: status rows (`POST /api/v4/users/status/ids`, `last_activity_at`), because the user report answered HTTP {status}.',
    },
    selectionStatusesLimits: {
        id: 'deactivate.inactive.statuses_limits',
        defaultMessage:
            'Status rows cannot tell a user who never logged in from one who only used a personal access token or never opened a web, desktop or mobile session: both have no row and count as no recorded activity.',
    },
    neverActiveWarning: {
        id: 'deactivate.inactive.never_active_warning',
        defaultMessage:
            '{count, plural, one {# selected user has} other {# selected users have}} no recorded activity at all (`--include-never-active`).',
    },
} as const;
