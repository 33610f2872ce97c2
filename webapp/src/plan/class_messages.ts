import type {PluginPlanClass, UserPlanClass} from './types';

type Message = {id: string; defaultMessage: string};

// Skip reasons, one phrase per class that writes nothing. The ids and texts are also in
// webapp/i18n/en.json.
export const skipReasonMessages: Record<Exclude<UserPlanClass | PluginPlanClass, ActionableClass>, Message> = {
    already_inactive: {id: 'deactivate.reason.already_inactive', defaultMessage: 'already deactivated'},
    not_found: {id: 'deactivate.reason.not_found', defaultMessage: 'no such user'},
    admin_skipped: {
        id: 'deactivate.reason.admin_skipped',
        defaultMessage: 'system admin (add --include-admins to include system admins)',
    },
    admin_forbidden: {
        id: 'deactivate.reason.admin_forbidden',
        defaultMessage: 'system admin (only a caller with the manage_system permission may deactivate one)',
    },
    bot_skipped: {id: 'deactivate.reason.bot_skipped', defaultMessage: 'bot account (add --include-bots to disable bots)'},
    self_refused: {
        id: 'deactivate.reason.self_refused',
        defaultMessage: 'your own account (name yourself as "me" to deactivate it)',
    },
    self_disallowed: {
        id: 'deactivate.reason.self_disallowed',
        defaultMessage: 'your own account, and this server does not let users deactivate themselves (TeamSettings.EnableUserDeactivation is off)',
    },
    ldap_skipped: {
        id: 'deactivate.reason.ldap_skipped',
        defaultMessage: 'managed by LDAP (deactivate it in the directory instead)',
    },
    last_admin_refused: {
        id: 'deactivate.reason.last_admin_refused',
        defaultMessage: 'deactivating these system admins would leave no active system admin',
    },
    never_active_skipped: {
        id: 'deactivate.reason.never_active_skipped',
        defaultMessage: 'no recorded activity (add --include-never-active to include these users)',
    },
    protected_skipped: {
        id: 'deactivate.reason.protected_skipped',
        defaultMessage: 'protected in the plugin settings (System Console > Plugins > Deactivate)',
    },
    still_active: {id: 'deactivate.reason.still_active', defaultMessage: 'already active'},
    plugin_not_found: {id: 'deactivate.reason.plugin_not_found', defaultMessage: 'no installed plugin has this id or name'},
    plugin_ambiguous: {
        id: 'deactivate.reason.plugin_ambiguous',
        defaultMessage: 'several installed plugins have this name, use the plugin id',
    },
    plugin_already_disabled: {id: 'deactivate.reason.plugin_already_disabled', defaultMessage: 'already disabled'},
};

export type ActionableClass = 'deactivate' | 'disable_bot' | 'disable_plugin' | 'reactivate';

export const doneMessages: Record<ActionableClass, Message> = {
    deactivate: {id: 'deactivate.done.deactivate', defaultMessage: 'deactivated'},
    disable_bot: {id: 'deactivate.done.disable_bot', defaultMessage: 'bot disabled'},
    disable_plugin: {id: 'deactivate.done.disable_plugin', defaultMessage: 'plugin disabled'},
    reactivate: {id: 'deactivate.done.reactivate', defaultMessage: 'reactivated'},
};

export const dryRunMessage: Message = {
    id: 'deactivate.reason.dry_run',
    defaultMessage: 'dry run, nothing was changed',
};
