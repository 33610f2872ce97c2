// Texts of the ephemeral replies. The ids and texts are also in webapp/i18n/en.json; markdown in
// them is part of the text, and every value put into them is escaped first.
export const outcomeMessages = {
    andMore: {id: 'deactivate.list.and_more', defaultMessage: '{names} and {count} more'},

    outcomeHeading: {
        id: 'deactivate.outcome.heading',
        defaultMessage: '**{command}** finished: {done} changed, {skipped} skipped, {failed} failed.',
    },
    outcomeDeactivated: {id: 'deactivate.outcome.deactivated', defaultMessage: '**Deactivated ({count}):** {names}'},
    outcomeBotsDisabled: {id: 'deactivate.outcome.bots_disabled', defaultMessage: '**Bots disabled ({count}):** {names}'},
    outcomePluginsDisabled: {
        id: 'deactivate.outcome.plugins_disabled',
        defaultMessage: '**Plugins disabled ({count}):** {names}',
    },
    outcomeReactivated: {id: 'deactivate.outcome.reactivated', defaultMessage: '**Reactivated ({count}):** {names}'},
    outcomeSkipped: {id: 'deactivate.outcome.skipped', defaultMessage: '**Skipped ({count}):**'},
    outcomeFailed: {id: 'deactivate.outcome.failed', defaultMessage: '**Failed ({count}):**'},
    outcomeSkipLine: {id: 'deactivate.outcome.skip_line', defaultMessage: '- {reason}: {names}'},
    outcomeFailLine: {id: 'deactivate.outcome.fail_line', defaultMessage: '- {name}: {reason} ({detail})'},
    outcomeFailLineNoDetail: {id: 'deactivate.outcome.fail_line_no_detail', defaultMessage: '- {name}: {reason}'},
    outcomeMoreFailures: {id: 'deactivate.outcome.more_failures', defaultMessage: '- and {count} more'},
    outcomeUndoHint: {
        id: 'deactivate.outcome.undo_hint',
        defaultMessage: 'To reactivate the users deactivated here, run `/deactivate undo`.',
    },
    outcomeSsoWarning: {
        id: 'deactivate.outcome.sso_warning',
        defaultMessage:
            '{count, plural, one {# deactivated user signs} other {# deactivated users sign}} in with an identity provider, which can reactivate them at the next login or sync. Deactivate them there as well.',
    },
    outcomeBotsFollowOwner: {
        id: 'deactivate.outcome.bots_follow_owner',
        defaultMessage:
            'If the server disables bots with their owner (the default), the bots these users own were disabled too. Undo does not enable them again.',
    },

    previewHeading: {
        id: 'deactivate.preview.heading',
        defaultMessage: '**Dry run** of {command}: nothing was changed.',
    },
    previewGroup: {id: 'deactivate.preview.group', defaultMessage: '- **{label} ({count}):** {names}'},
    previewDeactivate: {id: 'deactivate.preview.deactivate', defaultMessage: 'Would be deactivated'},
    previewDisableBot: {id: 'deactivate.preview.disable_bot', defaultMessage: 'Bots that would be disabled'},
    previewDisablePlugin: {id: 'deactivate.preview.disable_plugin', defaultMessage: 'Plugins that would be disabled'},
    previewReactivate: {id: 'deactivate.preview.reactivate', defaultMessage: 'Would be reactivated'},
    previewSkipped: {id: 'deactivate.preview.skipped', defaultMessage: 'Skipped, {reason}'},
    previewSsoWarning: {
        id: 'deactivate.preview.sso_warning',
        defaultMessage:
            '{count, plural, one {# user signs} other {# users sign}} in with an identity provider, which can reactivate them at the next login or sync.',
    },
    previewSelfPluginWarning: {
        id: 'deactivate.preview.self_plugin_warning',
        defaultMessage: 'The list includes this plugin itself: its slash command stops working once it is disabled.',
    },
    previewApplyHint: {
        id: 'deactivate.preview.apply_hint',
        defaultMessage: 'Run the command again without `--dry-run` to review and confirm it.',
    },
    previewEmpty: {id: 'deactivate.preview.empty', defaultMessage: 'The command names nothing to plan.'},

    permanentHeading: {id: 'deactivate.permanent.heading', defaultMessage: '#### Deactivation is not deletion'},
    permanentBody: {
        id: 'deactivate.permanent.body',
        defaultMessage:
            'Deactivating an account logs the user out everywhere and blocks new logins, but keeps the account, its posts, channel memberships and history, and can be undone with `/deactivate undo` or in the System Console.\n\nPermanent deletion removes the account and its content and cannot be undone. This plugin never deletes accounts, so `--permanent`, `delete` and `remove` change nothing.\n\nTo delete an account permanently, use **System Console > User Management > Users**, or `mmctl user delete` on a server with `ServiceSettings.EnableAPIUserDeletion` turned on.',
    },

    helpHeading: {id: 'deactivate.help.heading', defaultMessage: '#### /deactivate'},
    helpUnknownFlag: {
        id: 'deactivate.help.unknown_flag',
        defaultMessage: 'Unknown option {flag}. Nothing was changed.',
    },
    helpIntro: {
        id: 'deactivate.help.intro',
        defaultMessage:
            'Deactivate user accounts and disable plugins under your own session. Every command shows a plan and asks for confirmation before it changes anything.',
    },
    helpUsers: {
        id: 'deactivate.help.users',
        defaultMessage: '- `/deactivate @alice bob` - deactivate users by username, separated by spaces or commas',
    },
    helpEmails: {
        id: 'deactivate.help.emails',
        defaultMessage: '- `/deactivate alice@example.com` - deactivate a user by email address',
    },
    helpIds: {
        id: 'deactivate.help.ids',
        defaultMessage: '- `/deactivate 8x3k6zqg7jfy5mcbd1bqoe4wiw` - deactivate a user by its 26-character id',
    },
    helpMe: {
        id: 'deactivate.help.me',
        defaultMessage:
            '- `/deactivate me` - deactivate your own account, when the server allows it; naming yourself any other way is refused',
    },
    helpPlugins: {
        id: 'deactivate.help.plugins',
        defaultMessage:
            '- `/deactivate plugin com.mattermost.calls` or `/deactivate plugin "User Satisfaction Surveys"` - disable plugins by id or name',
    },
    helpUndo: {
        id: 'deactivate.help.undo',
        defaultMessage: '- `/deactivate undo` - reactivate the users that the last batch in this browser tab deactivated',
    },
    helpFlagsHeading: {id: 'deactivate.help.flags_heading', defaultMessage: 'Options, allowed anywhere in the command:'},
    helpDryRun: {id: 'deactivate.help.dry_run', defaultMessage: '- `--dry-run` - show the plan and change nothing'},
    helpIncludeAdmins: {
        id: 'deactivate.help.include_admins',
        defaultMessage: '- `--include-admins` - deactivate system admins too (needs the `manage_system` permission)',
    },
    helpIncludeBots: {id: 'deactivate.help.include_bots', defaultMessage: '- `--include-bots` - disable bot accounts too'},
    helpPermanent: {
        id: 'deactivate.help.permanent',
        defaultMessage: '- `--permanent` - changes nothing and explains why this plugin never deletes accounts',
    },
    helpAdminNote: {
        id: 'deactivate.help.admin_note',
        defaultMessage:
            'Deactivating other users needs **User Management > Users: Can edit** (`sysconsole_write_user_management_users`) and disabling plugins needs **Plugins: Can edit** (`sysconsole_write_plugins`). By default only system admins have them.',
    },

    parseInvalidTarget: {
        id: 'deactivate.parse.invalid_target',
        defaultMessage:
            '"{value}" is not a username, email address, user id or "me". Usernames contain only letters, digits, dots, dashes and underscores.',
    },
    parseMissingTargets: {
        id: 'deactivate.parse.missing_targets',
        defaultMessage: 'Name at least one user, for example /deactivate @alice, or run /deactivate help.',
    },
    parseMissingPlugins: {
        id: 'deactivate.parse.missing_plugins',
        defaultMessage: 'Name at least one plugin id or name, for example /deactivate plugin com.mattermost.calls.',
    },
    parseDashFlag: {
        id: 'deactivate.parse.dash_flag',
        defaultMessage: 'Flags start with two hyphens, as in --dry-run: a dash or em dash there is not a flag.',
    },
    parseInvalidBatch: {
        id: 'deactivate.parse.invalid_batch',
        defaultMessage: 'undo takes at most one batch id, but got "{value}". Run /deactivate undo to undo the last batch.',
    },
} as const;
