import type {InstalledPlugin, PluginPlanItem, Warning} from './types';

/** The part of a parsed `plugins` command that planning reads. */
export interface PluginNames {
    names: string[];
    text: string;
}

type Match = {plugin: InstalledPlugin} | {ambiguous: true} | undefined;

/**
 * Classifies plugin names. Several names that together equal one plugin's display name name only
 * that plugin. Otherwise each name is an id (case-insensitive) or a display name that must match
 * exactly one installed plugin.
 */
export function classifyPlugins(parsed: PluginNames, plugins: InstalledPlugin[], ownPluginId: string): PluginPlanItem[] {
    if (parsed.names.length > 1) {
        const byText = plugins.filter((plugin) => sameText(plugin.name, parsed.text));
        if (byText.length === 1) {
            return [classifyPlugin(parsed.text, {plugin: byText[0]}, ownPluginId)];
        }
    }

    const items: PluginPlanItem[] = [];
    const seen = new Set<string>();

    for (const name of parsed.names) {
        const match = matchPlugin(name, plugins);
        const key = match && 'plugin' in match ? `plugin:${match.plugin.id}` : `name:${name.toLowerCase()}`;
        if (seen.has(key)) {
            continue;
        }
        seen.add(key);

        items.push(classifyPlugin(name, match, ownPluginId));
    }

    return items;
}

function matchPlugin(name: string, plugins: InstalledPlugin[]): Match {
    const byId = plugins.find((plugin) => sameText(plugin.id, name));
    if (byId) {
        return {plugin: byId};
    }

    const byName = plugins.filter((plugin) => sameText(plugin.name, name));
    if (byName.length > 1) {
        return {ambiguous: true};
    }

    return byName.length === 1 ? {plugin: byName[0]} : undefined;
}

function classifyPlugin(target: string, match: Match, ownPluginId: string): PluginPlanItem {
    if (!match) {
        return {kind: 'plugin', target, class: 'plugin_not_found', warnings: []};
    }
    if (!('plugin' in match)) {
        return {kind: 'plugin', target, class: 'plugin_ambiguous', warnings: []};
    }

    const {id, name, version} = match.plugin;
    const plugin = version === undefined ? {id, name} : {id, name, version};
    if (!match.plugin.enabled) {
        return {kind: 'plugin', target, class: 'plugin_already_disabled', plugin, warnings: []};
    }

    const warnings: Warning[] = sameText(id, ownPluginId) ? ['self_plugin'] : [];
    return {kind: 'plugin', target, class: 'disable_plugin', plugin, warnings};
}

function sameText(left: string, right: string): boolean {
    return left.toLowerCase() === right.toLowerCase();
}
