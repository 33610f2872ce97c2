export {classifyPlugins} from './classify_plugins';
export type {PluginNames} from './classify_plugins';
export {classifyUsers, isSystemAdmin, needsActiveAdminCount, refuseLastAdmins} from './classify_users';
export {doneMessages, dryRunMessage, skipReasonMessages} from './class_messages';
export {executePlan, runPlan} from './execute_plan';
export type {RunControl} from './execute_plan';
export type {ProgressCallback} from './execute_plan';
export {listInstalledPlugins, planPlugins} from './plan_plugins';
export {planUndo} from './plan_undo';
export {planUsers} from './plan_users';
export type {UserTargets} from './plan_users';
export {formatProtectionNote, loadProtection} from './protected_accounts';
export type {Protection} from './protected_accounts';
export {protectionMessages} from './protection_messages';
export {resolveUsers} from './resolve_users';
export {isActionableItem} from './types';
export type {
    ActivitySourceName,
    Caller,
    InactiveSelection,
    InstalledPlugin,
    Outcome,
    OutcomeItem,
    Plan,
    PlanItem,
    PlanPlugin,
    PluginPlanClass,
    PluginPlanItem,
    UserPlanClass,
    UserPlanItem,
    Warning,
} from './types';
export {emptyResolvedUsers, findUser} from './users_resolved';
export type {ResolvedUsers} from './users_resolved';
