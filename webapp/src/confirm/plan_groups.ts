import {isActionableItem} from '../plan';
import type {Plan, PlanItem} from '../plan';

/** Plan items that share a class, in the order the classes first appear in the plan. */
export interface PlanGroup {
    planClass: PlanItem['class'];
    actionable: boolean;
    items: PlanItem[];
}

/** Groups the plan by class, with the classes that write something first. */
export function groupPlan(plan: Plan): PlanGroup[] {
    const groups = new Map<string, PlanGroup>();
    for (const item of plan.items) {
        let group = groups.get(item.class);
        if (!group) {
            group = {planClass: item.class, actionable: isActionableItem(item), items: []};
            groups.set(item.class, group);
        }
        group.items.push(item);
    }
    const ordered = [...groups.values()];
    return [...ordered.filter((g) => g.actionable), ...ordered.filter((g) => !g.actionable)];
}

/** Counts what confirming would write, by kind of write. */
export function countWrites(plan: Plan): {users: number; bots: number; plugins: number; reactivations: number} {
    const counts = {users: 0, bots: 0, plugins: 0, reactivations: 0};
    for (const item of plan.items) {
        switch (item.class) {
        case 'deactivate':
            counts.users += 1;
            break;
        case 'disable_bot':
            counts.bots += 1;
            break;
        case 'disable_plugin':
            counts.plugins += 1;
            break;
        case 'reactivate':
            counts.reactivations += 1;
            break;
        default:
            break;
        }
    }
    return counts;
}

/**
 * Returns the plain-text name shown for a plan item in the modal, `@username (Full Name)` or the
 * plugin's name and id. React escapes it; the markdown twin is formatItemLabel in outcome/labels.ts.
 */
export function itemLabel(item: PlanItem): string {
    if (item.kind === 'user') {
        if (!item.user) {
            return item.target;
        }
        const fullName = [item.user.first_name, item.user.last_name].filter(Boolean).join(' ');
        const displayName = fullName || item.user.nickname || '';
        return displayName ? `@${item.user.username} (${displayName})` : `@${item.user.username}`;
    }
    if (!item.plugin) {
        return item.target;
    }
    return `${item.plugin.name} (${item.plugin.id})`;
}
