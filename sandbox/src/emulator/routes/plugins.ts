import {AppError, pluginNotInstalled, pluginsDisabled} from '../errors';
import type {RequestContext} from '../http/context';
import {headerValue} from '../http/request';
import {jsonReply, statusOk, type Reply} from '../http/reply';
import type {Route} from '../http/router';
import {clientManifestJson, extractPlugin, manifestJson} from '../plugins/bundle';
import {parseMultipart} from '../plugins/multipart';
import type {PluginRecord} from '../records';
import {PLUGIN, PLUGINS} from './patterns';

/** `model.PluginState*` values used by `GET /plugins/statuses`. */
const STATE_NOT_RUNNING = 0;
const STATE_RUNNING = 2;
const STATE_FAILED_TO_START = 3;

function requirePluginsEnabled(ctx: RequestContext): void {
    if (!ctx.store.config.PluginSettings.Enable) {
        throw pluginsDisabled();
    }
}

function isRunning(plugin: PluginRecord): boolean {
    return plugin.enabled && !plugin.failsToStart;
}

/** Finds an installed plugin; ids are matched lower-cased, as `disablePlugin` does. */
function findPlugin(ctx: RequestContext, id: string): PluginRecord {
    const plugin = ctx.store.plugins.get(id.toLowerCase());
    if (!plugin) {
        throw pluginNotInstalled();
    }
    return plugin;
}

function getPlugins(ctx: RequestContext): Reply {
    requirePluginsEnabled(ctx);
    ctx.requirePermission('sysconsole_read_plugins');
    const plugins = [...ctx.store.plugins.values()];
    return jsonReply({
        active: plugins.filter(isRunning).map((plugin) => manifestJson(plugin.manifest)),
        inactive: plugins
            .filter((plugin) => !isRunning(plugin))
            .map((plugin) => manifestJson(plugin.manifest)),
    });
}

/** One status per plugin on the single emulated cluster node; 5.37 sends no `error` key. */
function getPluginStatuses(ctx: RequestContext): Reply {
    requirePluginsEnabled(ctx);
    ctx.requirePermission('sysconsole_read_plugins');
    const directory = ctx.store.config.PluginSettings.Directory;
    const statuses = [...ctx.store.plugins.values()].map((plugin) => {
        let state = STATE_NOT_RUNNING;
        if (plugin.enabled) {
            state = plugin.failsToStart ? STATE_FAILED_TO_START : STATE_RUNNING;
        }
        return {
            plugin_id: plugin.manifest.id,
            cluster_id: '',
            plugin_path: `${directory}/${plugin.manifest.id}`,
            state,
            name: plugin.manifest.name,
            description: plugin.manifest.description ?? '',
            version: plugin.manifest.version,
        };
    });
    return jsonReply(statuses);
}

/**
 * `GET /plugins/webapp` needs no session. It lists running plugins whose webapp bundle can be
 * read. A plugin whose bundle file is missing is left out, because its webapp part cannot start.
 */
function getWebappPlugins(ctx: RequestContext): Reply {
    requirePluginsEnabled(ctx);
    const manifests = [];
    for (const plugin of ctx.store.plugins.values()) {
        const bundle = plugin.manifest.webapp?.bundle_path ? plugin.bundle?.() : undefined;
        if (isRunning(plugin) && bundle) {
            manifests.push(clientManifestJson(plugin.manifest, bundle));
        }
    }
    return jsonReply(manifests);
}

function setPluginEnabled(enabled: boolean) {
    return (ctx: RequestContext): Reply => {
        requirePluginsEnabled(ctx);
        ctx.requirePermission('sysconsole_write_plugins');
        const plugin = findPlugin(ctx, ctx.params.plugin_id);
        plugin.enabled = enabled;
        if (!enabled) {
            ctx.commands.unregisterOwner(plugin.manifest.id);
        }
        return statusOk();
    };
}

function removePlugin(ctx: RequestContext): Reply {
    requirePluginsEnabled(ctx);
    ctx.requirePermission('sysconsole_write_plugins');
    const plugin = findPlugin(ctx, ctx.params.plugin_id);
    ctx.commands.unregisterOwner(plugin.manifest.id);
    ctx.store.plugins.delete(plugin.manifest.id.toLowerCase());
    return statusOk();
}

/**
 * `POST /plugins` (multipart field `plugin`, optional `force=true`). Uploads need both
 * `PluginSettings.Enable` and `EnableUploads`; the new plugin starts disabled, while a forced
 * reinstall keeps the enabled state.
 */
async function uploadPlugin(ctx: RequestContext): Promise<Reply> {
    const settings = ctx.store.config.PluginSettings;
    if (!settings.Enable || !settings.EnableUploads) {
        throw new AppError(
            'app.plugin.upload_disabled.app_error',
            'Plugins and/or plugin uploads have been disabled.',
            501,
        );
    }
    ctx.requirePermission('sysconsole_write_plugins');

    let parts;
    try {
        parts = parseMultipart(headerValue(ctx.req, 'content-type'), await ctx.body());
    } catch (error) {
        // Go's http.Error replies with plain text to a form that cannot be parsed.
        const message = error instanceof Error ? error.message : String(error);
        return {status: 400, raw: `${message}\n`, contentType: 'text/plain; charset=utf-8'};
    }
    const files = parts.filter((part) => part.name === 'plugin' && part.filename !== undefined);
    if (files.length === 0) {
        throw new AppError(
            'api.plugin.upload.no_file.app_error',
            'Missing file in multipart/form request.',
            400,
        );
    }
    const force = parts.find((part) => part.name === 'force')?.data.toString('utf8') === 'true';

    const {manifest, webappBundle} = extractPlugin(files[0].data);
    const key = manifest.id.toLowerCase();
    const existing = ctx.store.plugins.get(key);
    if (existing && !force) {
        throw new AppError(
            'app.plugin.install_id.app_error',
            'Unable to install plugin. A plugin with the same ID is already installed.',
            400,
        );
    }
    ctx.store.plugins.set(key, {
        manifest,
        enabled: existing?.enabled ?? false,
        failsToStart: false,
        bundle: webappBundle ? () => webappBundle : undefined,
    });
    return jsonReply(manifestJson(manifest), 201);
}

export function pluginRoutes(): Route[] {
    return [
        {method: 'POST', pattern: PLUGINS, auth: 'session', handler: uploadPlugin},
        {method: 'GET', pattern: PLUGINS, auth: 'session', handler: getPlugins},
        {method: 'GET', pattern: `${PLUGINS}/statuses`, auth: 'session', handler: getPluginStatuses},
        {method: 'GET', pattern: `${PLUGINS}/webapp`, auth: 'optional', handler: getWebappPlugins},
        {method: 'DELETE', pattern: PLUGIN, auth: 'session', handler: removePlugin},
        {method: 'POST', pattern: `${PLUGIN}/enable`, auth: 'session', handler: setPluginEnabled(true)},
        {
            method: 'POST',
            pattern: `${PLUGIN}/disable`,
            auth: 'session',
            handler: setPluginEnabled(false),
        },
    ];
}
