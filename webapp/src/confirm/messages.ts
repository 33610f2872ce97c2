// Strings of the confirmation modal. The ids are in webapp/i18n/en.json; the defaults keep the
// modal readable if a locale lacks them.
export const confirmMessages = {
    titleUsers: {id: 'deactivate.confirm.title_users', defaultMessage: 'Deactivate users?'},
    titlePlugins: {id: 'deactivate.confirm.title_plugins', defaultMessage: 'Disable plugins?'},
    titleBots: {id: 'deactivate.confirm.title_bots', defaultMessage: 'Disable bots?'},
    titleUndo: {id: 'deactivate.confirm.title_undo', defaultMessage: 'Reactivate users?'},
    command: {id: 'deactivate.confirm.command', defaultMessage: 'Command: {command}'},
    nothingToDo: {
        id: 'deactivate.confirm.nothing_to_do',
        defaultMessage: 'Nothing in this plan can be changed. Close this dialog to see why in the channel.',
    },
    consequences: {
        id: 'deactivate.confirm.consequences',
        defaultMessage:
            'Deactivated users are logged out everywhere and cannot log in. Their accounts, posts and channel memberships are kept, and you can reactivate them later.',
    },
    botsFollowOwner: {
        id: 'deactivate.confirm.bots_follow_owner',
        defaultMessage:
            'If any of these users own bots and the server disables bots with their owner (the default), those bots are disabled too, and reactivating the owner does not enable them again.',
    },
    ssoWarning: {
        id: 'deactivate.confirm.sso_warning',
        defaultMessage:
            '{count, plural, one {This user signs} other {These # users sign}} in with an identity provider, which can reactivate them at the next login or sync, so deactivate them there as well: {names}.',
    },
    selfPluginWarning: {
        id: 'deactivate.confirm.self_plugin_warning',
        defaultMessage:
            'This list includes the Deactivate plugin itself. Its slash command and dialogs stop working as soon as the server disables it.',
    },
    groupHeading: {id: 'deactivate.confirm.group_heading', defaultMessage: '{label} ({count})'},
    skippedHeading: {id: 'deactivate.confirm.skipped_heading', defaultMessage: 'Skipped: {reason}'},
    andMore: {id: 'deactivate.confirm.and_more', defaultMessage: 'and {count} more'},
    cancel: {id: 'deactivate.confirm.cancel', defaultMessage: 'Cancel'},
    close: {id: 'deactivate.confirm.close', defaultMessage: 'Close'},
    confirmUsers: {
        id: 'deactivate.confirm.button_users',
        defaultMessage: 'Deactivate {count, plural, one {# user} other {# users}}',
    },
    confirmBots: {
        id: 'deactivate.confirm.button_bots',
        defaultMessage: 'Disable {count, plural, one {# bot} other {# bots}}',
    },
    confirmUsersAndBots: {
        id: 'deactivate.confirm.button_users_and_bots',
        defaultMessage:
            'Deactivate {users, plural, one {# user} other {# users}} and disable {bots, plural, one {# bot} other {# bots}}',
    },
    confirmPlugins: {
        id: 'deactivate.confirm.button_plugins',
        defaultMessage: 'Disable {count, plural, one {# plugin} other {# plugins}}',
    },
    confirmUndo: {
        id: 'deactivate.confirm.button_undo',
        defaultMessage: 'Reactivate {count, plural, one {# user} other {# users}}',
    },
    running: {id: 'deactivate.confirm.running', defaultMessage: 'Working: {done} of {total} done…'},
} as const;

// Headings of the groups that confirming writes. Skipped groups take their heading from the
// plan's skip reasons.
export const actionHeadingMessages: Record<string, {id: string; defaultMessage: string}> = {
    deactivate: {id: 'deactivate.confirm.class.deactivate', defaultMessage: 'Will be deactivated'},
    disable_bot: {id: 'deactivate.confirm.class.disable_bot', defaultMessage: 'Bots that will be disabled'},
    reactivate: {id: 'deactivate.confirm.class.reactivate', defaultMessage: 'Will be reactivated'},
    disable_plugin: {id: 'deactivate.confirm.class.disable_plugin', defaultMessage: 'Will be disabled'},
};
