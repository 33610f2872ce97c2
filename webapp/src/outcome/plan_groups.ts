import type {PlanItem} from '../plan';

/** Items that share a key, in the order the keys first appear. */
export interface ItemGroup<T> {
    key: string;
    entries: T[];
}

export function groupBy<T>(entries: T[], keyOf: (entry: T) => string): Array<ItemGroup<T>> {
    const groups = new Map<string, ItemGroup<T>>();

    for (const entry of entries) {
        const key = keyOf(entry);
        let group = groups.get(key);
        if (!group) {
            group = {key, entries: []};
            groups.set(key, group);
        }
        group.entries.push(entry);
    }

    return [...groups.values()];
}

export function countWarning(items: PlanItem[], warning: PlanItem['warnings'][number]): number {
    return items.filter((item) => item.warnings.includes(warning)).length;
}
