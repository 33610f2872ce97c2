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
    nothingToUndo: {
        id: 'deactivate.notice.nothing_to_undo',
        defaultMessage:
            'There is nothing to undo: no batch run in this browser tab deactivated anyone. Undo covers only the most recent batch of this tab, and a reload forgets it.',
    },
    busy: {
        id: 'deactivate.notice.busy',
        defaultMessage: 'A batch is still running. Wait for its outcome before you start another one.',
    },
    cancelled: {
        id: 'deactivate.notice.cancelled',
        defaultMessage: 'Cancelled {command}. Nothing was changed.',
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
