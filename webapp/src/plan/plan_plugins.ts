import type {PluginManifest} from '@mattermost/types/plugins';
import type {PluginStatus} from '@mattermost/types/plugins';

import type {Flags} from '../command';
import type {RestClient} from '../rest';

import {classifyPlugins} from './classify_plugins';
import type {PluginNames} from './classify_plugins';
import type {InstalledPlugin, Plan} from './types';

// PluginStatus.state values of server/public/model/plugin_status.go that mean the plugin is
// enabled: starting, running, failed to start, failed to stay running.
const ENABLED_STATES = new Set([1, 2, 3, 4]);

/**
 * Lists the installed plugins and classifies the names of a `plugins` command. `GET /plugins`
 * failing (403 without `sysconsole_read_plugins`, 501 with plugins off) rejects with its
 * RestError, which describeRestError turns into words.
 */
export async function planPlugins(parsed: PluginNames & {flags: Flags}, rest: RestClient, ownPluginId: string): Promise<Plan> {
    const installed = await listInstalledPlugins(rest);
    const items = classifyPlugins(parsed, installed, ownPluginId);

    return {kind: 'plugins', items, dryRun: parsed.flags.dryRun, command: ''};
}

/**
 * Merges `GET /plugins` with `GET /plugins/statuses`. The `active` list contains only the plugins
 * running on the node that served the request. An enabled plugin that failed to start is listed
 * as inactive there, but its status (3 or 4) shows it as enabled. When the statuses cannot be
 * read, `active` alone decides.
 */
export async function listInstalledPlugins(rest: RestClient): Promise<InstalledPlugin[]> {
    const response = await rest.getPlugins();
    const statuses = await rest.getPluginStatuses().catch((): PluginStatus[] => []);

    const enabledByStatus = new Set(
        statuses.filter((status) => ENABLED_STATES.has(status.state)).map((status) => status.plugin_id),
    );

    const toInstalled = (manifest: PluginManifest, active: boolean): InstalledPlugin => ({
        id: manifest.id,
        name: manifest.name || manifest.id,
        version: manifest.version,
        enabled: active || enabledByStatus.has(manifest.id),
    });

    return [
        ...(response.active || []).map((manifest) => toInstalled(manifest, true)),
        ...(response.inactive || []).map((manifest) => toInstalled(manifest, false)),
    ];
}
