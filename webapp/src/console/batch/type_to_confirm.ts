import {isSystemAdmin} from '../../plan';
import type {Plan} from '../../plan';

/** Input the confirmation step requires before a batch may run. */
export interface ConfirmRequirement {
    /** The text the admin must type, or undefined when a click is enough. */
    expected?: string;
    reason?: 'over_threshold' | 'includes_admins' | 'own_plugin';
}

/** Counts the accounts a plan deactivates or disables. */
export function countAccountWrites(plan: Plan): number {
    return plan.items.filter((item) => item.class === 'deactivate' || item.class === 'disable_bot').length;
}

/**
 * Decides whether confirming needs typing. A users batch that writes more than `threshold`
 * accounts, or that deactivates a system admin, asks for the number of accounts. Disabling this
 * plugin itself asks for its id, because the panel stops working once the server unloads it.
 */
export function confirmRequirement(plan: Plan, threshold: number, ownPluginId: string): ConfirmRequirement {
    if (plan.items.some((item) => item.kind === 'plugin' && item.class === 'disable_plugin' && item.plugin?.id === ownPluginId)) {
        return {expected: ownPluginId, reason: 'own_plugin'};
    }
    const count = countAccountWrites(plan);
    const admins = plan.items.some((item) => item.class === 'deactivate' && item.kind === 'user' && item.user && isSystemAdmin(item.user));
    if (admins) {
        return {expected: String(count), reason: 'includes_admins'};
    }
    if (count > threshold) {
        return {expected: String(count), reason: 'over_threshold'};
    }
    return {};
}

/** Returns whether the typed text satisfies the requirement; surrounding spaces are ignored. */
export function isConfirmTyped(requirement: ConfirmRequirement, typed: string): boolean {
    return requirement.expected === undefined || typed.trim() === requirement.expected;
}
