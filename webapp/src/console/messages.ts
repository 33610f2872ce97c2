// Strings of the System Console panel. The ids and texts are also in webapp/i18n/en.json.
export const panelMessages = {
    title: {id: 'deactivate.console.title', defaultMessage: 'Deactivate users and disable plugins'},
    tabUsers: {id: 'deactivate.console.tab_users', defaultMessage: 'Users'},
    tabPlugins: {id: 'deactivate.console.tab_plugins', defaultMessage: 'Plugins'},
    tabHistory: {id: 'deactivate.console.tab_history', defaultMessage: 'History'},
    tabSettings: {id: 'deactivate.console.tab_settings', defaultMessage: 'Settings'},
    missingPermission: {
        id: 'deactivate.console.missing_permission',
        defaultMessage: 'You cannot use this section: it needs the {permission} permission, which your roles do not grant.',
    },
    loadFailed: {id: 'deactivate.console.load_failed', defaultMessage: 'Loading failed: {reason}'},
    loading: {id: 'deactivate.console.loading', defaultMessage: 'Loading…'},
} as const;

export const userMessages = {
    search: {id: 'deactivate.console.users.search', defaultMessage: 'Search users'},
    searchButton: {id: 'deactivate.console.users.search_button', defaultMessage: 'Search'},
    status: {id: 'deactivate.console.users.status', defaultMessage: 'Status'},
    statusActive: {id: 'deactivate.console.users.status_active', defaultMessage: 'Active'},
    statusInactive: {id: 'deactivate.console.users.status_inactive', defaultMessage: 'Deactivated'},
    statusAny: {id: 'deactivate.console.users.status_any', defaultMessage: 'Any'},
    role: {id: 'deactivate.console.users.role', defaultMessage: 'Role'},
    roleAny: {id: 'deactivate.console.users.role_any', defaultMessage: 'Any role'},
    authMethod: {id: 'deactivate.console.users.auth_method', defaultMessage: 'Sign-in method'},
    authAny: {id: 'deactivate.console.users.auth_any', defaultMessage: 'Any method'},
    inactiveDays: {id: 'deactivate.console.users.inactive_days', defaultMessage: 'Inactive for at least (days)'},
    neverActive: {id: 'deactivate.console.users.never_active', defaultMessage: 'No recorded activity'},
    noTeam: {id: 'deactivate.console.users.no_team', defaultMessage: 'In no team'},
    applyFilters: {id: 'deactivate.console.users.apply_filters', defaultMessage: 'List users'},
    loadAll: {id: 'deactivate.console.users.load_all', defaultMessage: 'Load every page'},
    loaded: {
        id: 'deactivate.console.users.loaded',
        defaultMessage: '{shown} shown of {loaded} loaded{complete, select, true {} other {, more pages to load}}',
    },
    selected: {
        id: 'deactivate.console.users.selected',
        defaultMessage: 'To preview: {table} selected in the table, {list, plural, one {# user} other {# users}} from the list',
    },
    selectUser: {id: 'deactivate.console.users.select_user', defaultMessage: 'Select @{username}'},
    selectShown: {id: 'deactivate.console.users.select_shown', defaultMessage: 'Select all shown'},
    clearSelection: {id: 'deactivate.console.users.clear_selection', defaultMessage: 'Clear selection'},
    listLabel: {
        id: 'deactivate.console.users.list_label',
        defaultMessage: 'Paste usernames, email addresses or user ids, or a CSV with a header row',
    },
    upload: {id: 'deactivate.console.users.upload', defaultMessage: 'Upload a CSV file'},
    listRead: {
        id: 'deactivate.console.users.list_read',
        defaultMessage: '{count, plural, one {# user} other {# users}} in the list{columns, select, none {} other { (read from {columns})}}.',
    },
    listRejected: {
        id: 'deactivate.console.users.list_rejected',
        defaultMessage: 'Row {row}: {value} is not a username, email address or user id',
    },
    listRowEmpty: {
        id: 'deactivate.console.users.list_row_empty',
        defaultMessage: 'Row {row}: no id, username or email address',
    },
    listRejectedTotal: {
        id: 'deactivate.console.users.list_rejected_total',
        defaultMessage: '{count, plural, one {# entry was} other {# entries were}} not read{hidden, plural, =0 {:} other {, the first {shown} are listed:}}',
    },
    includeAdmins: {id: 'deactivate.console.users.include_admins', defaultMessage: 'Include system admins'},
    includeBots: {id: 'deactivate.console.users.include_bots', defaultMessage: 'Include bots'},
    preview: {
        id: 'deactivate.console.users.preview',
        defaultMessage: 'Preview deactivation of {count, plural, one {# user} other {# users}}',
    },
    columnUser: {id: 'deactivate.console.users.column_user', defaultMessage: 'User'},
    columnEmail: {id: 'deactivate.console.users.column_email', defaultMessage: 'Email'},
    columnRoles: {id: 'deactivate.console.users.column_roles', defaultMessage: 'Roles'},
    columnAuth: {id: 'deactivate.console.users.column_auth', defaultMessage: 'Sign-in'},
    columnState: {id: 'deactivate.console.users.column_state', defaultMessage: 'State'},
    columnActivity: {id: 'deactivate.console.users.column_activity', defaultMessage: 'Last activity'},
    tableLabel: {id: 'deactivate.console.users.table_label', defaultMessage: 'Users to choose from'},
    noUsers: {id: 'deactivate.console.users.no_users', defaultMessage: 'No users match.'},
    activityUnknown: {id: 'deactivate.console.users.activity_unknown', defaultMessage: 'none recorded'},
    activityReports: {
        id: 'deactivate.console.users.activity_reports',
        defaultMessage: 'Last activity comes from the user report (GET /api/v4/reports/users): the latest of last login, last status change and last post.',
    },
    activityStatuses: {
        id: 'deactivate.console.users.activity_statuses',
        defaultMessage: 'Last activity comes from status rows (POST /api/v4/users/status/ids), because the user report answered HTTP {status}. A user without a status row shows no activity, whether they never logged in or their status was never saved.',
    },
} as const;

export const batchMessages = {
    protectionFallback: {
        id: 'deactivate.console.batch.protection_fallback',
        defaultMessage:
            'The protected accounts could not be read from the server part ({reason}), so this plan skips the accounts saved in the Settings section instead.',
    },
    typeToConfirm: {
        id: 'deactivate.console.batch.type_to_confirm',
        defaultMessage: 'Type {expected} to confirm.',
    },
    reasonOverThreshold: {
        id: 'deactivate.console.batch.reason_over_threshold',
        defaultMessage: 'This batch is larger than {threshold} accounts.',
    },
    reasonIncludesAdmins: {
        id: 'deactivate.console.batch.reason_includes_admins',
        defaultMessage: 'This batch deactivates system admins.',
    },
    reasonOwnPlugin: {
        id: 'deactivate.console.batch.reason_own_plugin',
        defaultMessage: 'Disabling this plugin closes this panel and stops /deactivate.',
    },
    previewTitle: {id: 'deactivate.console.batch.preview_title', defaultMessage: 'Review the batch'},
    progressTitle: {id: 'deactivate.console.batch.progress_title', defaultMessage: 'Running the batch'},
    confirmInput: {id: 'deactivate.console.batch.confirm_input', defaultMessage: 'Confirmation'},
    back: {id: 'deactivate.console.batch.back', defaultMessage: 'Back'},
    progressLabel: {id: 'deactivate.console.batch.progress_label', defaultMessage: 'Batch progress'},
    progressCounts: {
        id: 'deactivate.console.batch.progress_counts',
        defaultMessage: '{done} of {total} done: {succeeded} succeeded, {failed} failed, {skipped} skipped',
    },
    progressRate: {
        id: 'deactivate.console.batch.progress_rate',
        defaultMessage: '{rate} per second, about {eta} left',
    },
    progressStarting: {id: 'deactivate.console.batch.progress_starting', defaultMessage: 'Measuring the rate…'},
    progressAnnounce: {id: 'deactivate.console.batch.progress_announce', defaultMessage: '{percent}% done'},
    cancel: {id: 'deactivate.console.batch.cancel', defaultMessage: 'Cancel the batch'},
    canceling: {
        id: 'deactivate.console.batch.canceling',
        defaultMessage: 'Canceling: writes already sent finish, nothing new starts.',
    },
    resultsTitle: {id: 'deactivate.console.batch.results_title', defaultMessage: 'Results'},
    resultsSummary: {
        id: 'deactivate.console.batch.results_summary',
        defaultMessage: '{done} done, {skipped} skipped, {failed} failed{canceled, select, true { (canceled)} other {}}.',
    },
    resultsLabel: {id: 'deactivate.console.batch.results_label', defaultMessage: 'Results per account'},
    filterState: {id: 'deactivate.console.batch.filter_state', defaultMessage: 'Show'},
    filterAll: {id: 'deactivate.console.batch.filter_all', defaultMessage: 'All outcomes'},
    filterText: {id: 'deactivate.console.batch.filter_text', defaultMessage: 'Filter'},
    stateDone: {id: 'deactivate.console.batch.state_done', defaultMessage: 'Done'},
    stateSkipped: {id: 'deactivate.console.batch.state_skipped', defaultMessage: 'Skipped'},
    stateFailed: {id: 'deactivate.console.batch.state_failed', defaultMessage: 'Failed'},
    columnOutcome: {id: 'deactivate.console.batch.column_outcome', defaultMessage: 'Outcome'},
    columnReason: {id: 'deactivate.console.batch.column_reason', defaultMessage: 'Reason'},
    exportCsv: {id: 'deactivate.console.batch.export_csv', defaultMessage: 'Export as CSV'},
    recorded: {
        id: 'deactivate.console.batch.recorded',
        defaultMessage: 'Recorded in the history as {ids}.',
    },
    notRecorded: {
        id: 'deactivate.console.batch.not_recorded',
        defaultMessage: 'Not recorded in the history: {reason}',
    },
    newBatch: {id: 'deactivate.console.batch.new_batch', defaultMessage: 'Start another batch'},
    summaryFailed: {
        id: 'deactivate.console.batch.summary_failed',
        defaultMessage: 'Batch {id} was recorded, but no summary was posted to the summary channel: {reason}.',
    },
} as const;

// Skip reasons that the slash command words with its flags, worded for the panel's controls.
export const skipMessages = {
    adminSkipped: {
        id: 'deactivate.console.skip.admin_skipped',
        defaultMessage: 'system admin (check "Include system admins" to include system admins)',
    },
    botSkipped: {id: 'deactivate.console.skip.bot_skipped', defaultMessage: 'bot account (check "Include bots" to disable bots)'},
    neverActiveSkipped: {
        id: 'deactivate.console.skip.never_active_skipped',
        defaultMessage: 'no recorded activity (select these users in the table to include them)',
    },
    selfRefused: {
        id: 'deactivate.console.skip.self_refused',
        defaultMessage: 'your own account (write "me" in the pasted list to deactivate it)',
    },
    protectedSkipped: {
        id: 'deactivate.console.skip.protected_skipped',
        defaultMessage: 'protected in the Settings section of this panel',
    },
} as const;

export const pluginMessages = {
    tableLabel: {id: 'deactivate.console.plugins.table_label', defaultMessage: 'Installed plugins'},
    columnName: {id: 'deactivate.console.plugins.column_name', defaultMessage: 'Plugin'},
    columnVersion: {id: 'deactivate.console.plugins.column_version', defaultMessage: 'Version'},
    columnEnabled: {id: 'deactivate.console.plugins.column_enabled', defaultMessage: 'Enabled'},
    columnNodes: {id: 'deactivate.console.plugins.column_nodes', defaultMessage: 'State per node'},
    columnAction: {id: 'deactivate.console.plugins.column_action', defaultMessage: 'Action'},
    enabled: {id: 'deactivate.console.plugins.enabled', defaultMessage: 'enabled'},
    disabled: {id: 'deactivate.console.plugins.disabled', defaultMessage: 'disabled'},
    disable: {id: 'deactivate.console.plugins.disable', defaultMessage: 'Disable {name}'},
    noStatuses: {id: 'deactivate.console.plugins.no_statuses', defaultMessage: 'no status reported'},
    nodeCheck: {
        id: 'deactivate.console.plugins.node_check',
        defaultMessage: '{name}: stopped on {stopped} of {total} nodes{running, select, none {} other {, still running on {running}}}.',
    },
    refresh: {id: 'deactivate.console.plugins.refresh', defaultMessage: 'Refresh'},
} as const;

export const historyMessages = {
    tableLabel: {id: 'deactivate.console.history.table_label', defaultMessage: 'Past batches'},
    columnWhen: {id: 'deactivate.console.history.column_when', defaultMessage: 'When'},
    columnWho: {id: 'deactivate.console.history.column_who', defaultMessage: 'Who'},
    columnWhat: {id: 'deactivate.console.history.column_what', defaultMessage: 'Command'},
    columnOutcomes: {id: 'deactivate.console.history.column_outcomes', defaultMessage: 'Outcomes'},
    columnAction: {id: 'deactivate.console.history.column_action', defaultMessage: 'Action'},
    outcomes: {
        id: 'deactivate.console.history.outcomes',
        defaultMessage: '{changed} changed, {skipped} skipped, {failed} failed{undone, select, true {, undone} other {}}',
    },
    reactivate: {id: 'deactivate.console.history.reactivate', defaultMessage: 'Reactivate this batch'},
    filter: {id: 'deactivate.console.history.filter', defaultMessage: 'Filter batches'},
    undoableOnly: {id: 'deactivate.console.history.undoable_only', defaultMessage: 'Only batches that can be undone'},
    userId: {id: 'deactivate.console.history.user_id', defaultMessage: 'Batches of user id (needs manage_system)'},
    empty: {id: 'deactivate.console.history.empty', defaultMessage: 'No batches recorded.'},
    more: {id: 'deactivate.console.history.more', defaultMessage: 'Load older batches'},
    unavailable: {
        id: 'deactivate.console.history.unavailable',
        defaultMessage: 'The history needs the plugin server part, which did not answer: {reason}',
    },
} as const;

export const settingsMessages = {
    protectedUsernames: {
        id: 'deactivate.console.settings.protected_usernames',
        defaultMessage: 'Protected accounts (usernames, one per line). /deactivate and this panel skip them, whatever the flags.',
    },
    inactiveDays: {
        id: 'deactivate.console.settings.inactive_days',
        defaultMessage: 'Default inactivity threshold, in days',
    },
    confirmThreshold: {
        id: 'deactivate.console.settings.confirm_threshold',
        defaultMessage: 'Ask to type the number of accounts when a batch deactivates more than this many',
    },
    summaryChannel: {
        id: 'deactivate.console.settings.summary_channel',
        defaultMessage: 'Channel id for a short summary of each batch (leave empty for none)',
    },
    outOfRange: {
        id: 'deactivate.console.settings.out_of_range',
        defaultMessage: 'Enter a whole number from {min} to {max}.',
    },
    saveInvalid: {
        id: 'deactivate.console.settings.save_invalid',
        defaultMessage: 'A Deactivate setting is invalid and kept its previous value: {reason}',
    },
    saveHint: {
        id: 'deactivate.console.settings.save_hint',
        defaultMessage: 'Changes take effect after Save at the bottom of the page.',
    },
    disabled: {
        id: 'deactivate.console.settings.disabled',
        defaultMessage: 'These settings are read-only: the plugin is disabled or you lack the sysconsole_write_plugins permission.',
    },
} as const;
