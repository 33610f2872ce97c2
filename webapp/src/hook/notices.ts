import type {IntlShape} from 'react-intl';

// Short replies of the hook that are not plans or outcomes. The ids are in webapp/i18n/en.json.
export const noticeMessages = {
    needsUserPermission: {
        id: 'deactivate.notice.needs_user_permission',
        defaultMessage:
            'You cannot deactivate other users: that needs the System Console permission **User Management > Users: Can edit** (`sysconsole_write_user_management_users`), which system admins have. Nothing was changed.',
    },
    needsPluginPermission: {
        id: 'deactivate.notice.needs_plugin_permission',
        defaultMessage:
            'You cannot disable plugins: that needs the System Console permission **Plugins: Can edit** (`sysconsole_write_plugins`), which system admins have. Nothing was changed.',
    },
    needsReactivatePermission: {
        id: 'deactivate.notice.needs_reactivate_permission',
        defaultMessage:
            'You cannot reactivate users: that needs the System Console permission **User Management > Users: Can edit** (`sysconsole_write_user_management_users`), which system admins have. Nothing was changed.',
    },
    serverPartMissing: {
        id: 'deactivate.notice.server_part_missing',
        defaultMessage: "the plugin's server part is not running",
    },
    notRecordedPlugins: {
        id: 'deactivate.notice.not_recorded_plugins',
        defaultMessage:
            'This batch was not saved in the history ({reason}). To enable a plugin again, use System Console > Plugins > Plugin Management.',
    },
    alreadyUndone: {
        id: 'deactivate.notice.already_undone',
        defaultMessage: 'Batch {batchId} was undone already. Nothing was changed.',
    },
    batchChangedNothing: {
        id: 'deactivate.notice.batch_changed_nothing',
        defaultMessage: 'Batch {batchId} deactivated no accounts, so there is nothing to undo. Nothing was changed.',
    },
    batchNotFound: {
        id: 'deactivate.notice.batch_not_found',
        defaultMessage:
            'There is no batch {batchId} in your history. The batch id is at the end of each outcome message. Nothing was changed.',
    },
    historyUnreadable: {
        id: 'deactivate.notice.history_unreadable',
        defaultMessage: 'Batch {batchId} could not be read from the history ({reason}). Nothing was changed.',
    },
    nothingToUndo: {
        id: 'deactivate.notice.nothing_to_undo',
        defaultMessage:
            'There is nothing to undo: none of your recent batches deactivated an account that is not already reactivated. Nothing was changed.',
    },
    busy: {
        id: 'deactivate.notice.busy',
        defaultMessage: 'A batch is still running. Wait for its outcome before you start another one.',
    },
    cancelled: {
        id: 'deactivate.notice.cancelled',
        defaultMessage: 'Canceled {command}. Nothing was changed.',
    },
    planFailed: {
        id: 'deactivate.notice.plan_failed',
        defaultMessage: 'Could not prepare {command}: {reason} Nothing was changed.\n\n{detail}',
    },
    unexpected: {
        id: 'deactivate.notice.unexpected',
        defaultMessage: '/deactivate failed unexpectedly: {message}. Nothing was changed.',
    },
    recorded: {
        id: 'deactivate.notice.recorded',
        defaultMessage: 'Saved in the history as batch {batchId}.',
    },
    summaryFailed: {
        id: 'deactivate.notice.summary_failed',
        defaultMessage: 'No summary was posted to the summary channel: {reason}.',
    },
    notRecorded: {
        id: 'deactivate.notice.not_recorded',
        defaultMessage:
            'This batch was not saved in the history ({reason}), so only this browser tab can undo it, until it is reloaded.',
    },
    historyUnavailable: {
        id: 'deactivate.notice.history_unavailable',
        defaultMessage: 'The batch history could not be read ({reason}), so undo looked only at this browser tab.',
    },
    runFailed: {
        id: 'deactivate.notice.run_failed',
        defaultMessage:
            '/deactivate stopped unexpectedly: {message}. Some changes may already be made: run the same command with --dry-run to see the current state.',
    },
} as const;

export type NoticeName = keyof typeof noticeMessages;

export function formatNotice(intl: IntlShape, name: NoticeName, values?: Record<string, string>): string {
    return intl.formatMessage(noticeMessages[name], values);
}

// NOTE: every value passed in must already be escaped with escapeMarkdown, because the result is
// rendered as markdown.
