import type {UserProfile} from '@mattermost/types/users';

import type {RestError} from '../rest';

/**
 * The class of a user target: the classes of docs/command-grammar.md, plus `reactivate` and
 * `still_active` for undo plans and `never_active_skipped` for `inactive` plans.
 * `protected_skipped` is a user listed in the plugin's protected accounts.
 */
export type UserPlanClass =
    | 'deactivate'
    | 'disable_bot'
    | 'already_inactive'
    | 'not_found'
    | 'admin_skipped'
    | 'admin_forbidden'
    | 'bot_skipped'
    | 'self_refused'
    | 'self_disallowed'
    | 'ldap_skipped'
    | 'last_admin_refused'
    | 'reactivate'
    | 'still_active'
    | 'never_active_skipped'
    | 'protected_skipped';

export type PluginPlanClass = 'disable_plugin' | 'plugin_not_found' | 'plugin_ambiguous' | 'plugin_already_disabled';

export type Warning = 'sso_reactivation' | 'self_plugin' | 'never_active';

/** Source from which an `inactive` plan read the users' last activity. */
export type ActivitySourceName = 'reports' | 'statuses';

/** Selection rule of an `inactive` plan, for the preview, the modal and the outcome. */
export interface InactiveSelection {
    days: number;

    /** Milliseconds since the epoch: users last active before this are selected. */
    cutoff: number;
    source: ActivitySourceName;

    /** For the statuses source: the HTTP status that ruled out the user report. */
    fallbackStatus?: number;
    includeNeverActive: boolean;
}

export interface UserPlanItem {
    kind: 'user';

    /** The target as typed. */
    target: string;
    class: UserPlanClass;
    user?: UserProfile;
    warnings: Warning[];
}

export interface PlanPlugin {
    id: string;
    name: string;
    version?: string;
}

export interface PluginPlanItem {
    kind: 'plugin';
    target: string;
    class: PluginPlanClass;
    plugin?: PlanPlugin;
    warnings: Warning[];
}

export type PlanItem = UserPlanItem | PluginPlanItem;

export interface Plan {
    kind: 'users' | 'plugins' | 'undo';
    items: PlanItem[];
    dryRun: boolean;

    /** The command line as typed. */
    command: string;

    /** For an undo plan taken from the server's history: the batch that confirming undoes. */
    historyBatchId?: string;

    /** For a plan of `/deactivate inactive`: how the users were selected. */
    selection?: InactiveSelection;

    /**
     * Set when the protected accounts could not be read, so the plan skips none: why, in plain
     * words without user input, safe in markdown.
     */
    protectionUnreadable?: string;
}

/** The caller's identity and system permissions, built by the slash command hook. */
export interface Caller {
    user: UserProfile;
    permissions: Set<string>;

    /** `TeamSettings.EnableUserDeactivation`: whether users may deactivate their own account. */
    enableUserDeactivation: boolean;
}

export interface OutcomeItem {
    item: PlanItem;
    state: 'done' | 'skipped' | 'failed';

    /** Plain words: why an item was skipped or failed, or what was done. */
    reason: string;
    errorId?: string;
    status?: number;

    /** The failed call, so a formatter can describe it again in its own locale. */
    error?: RestError;
}

export interface Outcome {
    plan: Plan;
    items: OutcomeItem[];

    /** Milliseconds since the epoch. */
    startedAt: number;
    finishedAt: number;
}

/** A plugin installed on the server, with the fields planning reads. */
export interface InstalledPlugin {
    id: string;
    name: string;
    version?: string;

    /** Enabled in the configuration, whether or not it is running. */
    enabled: boolean;
}

const ACTIONABLE_CLASSES: ReadonlySet<string> = new Set(['deactivate', 'disable_bot', 'disable_plugin', 'reactivate']);

/** Returns whether confirming the plan writes something for this item. */
export function isActionableItem(item: PlanItem): boolean {
    return ACTIONABLE_CLASSES.has(item.class);
}
