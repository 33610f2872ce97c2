import {clientConfig} from '../config';
import type {EmulatorConfig} from '../config';
import {AppError, invalidBodyParam, invalidUrlParam, permissionError} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, type Reply} from '../http/reply';
import type {Route} from '../http/router';

/**
 * `GET /config` needs any `sysconsole_read_*` permission.
 * NOTE: the server also blanks the sections a delegated admin may not read; the emulator
 * returns every section to any holder of a read permission.
 */
function getConfig(ctx: RequestContext): Reply {
    const readPermissions = sysconsolePermissions(ctx, 'read');
    if (!readPermissions.some((permission) => ctx.hasPermission(permission))) {
        throw permissionError(ctx.userId, ...readPermissions);
    }
    return jsonReply(readableConfig(ctx));
}

/** Lists the `sysconsole_<access>_*` permissions of the system admin role. */
function sysconsolePermissions(ctx: RequestContext, access: 'read' | 'write'): string[] {
    return [...(ctx.store.roles.get('system_admin')?.permissions ?? [])].filter(
        (permission) => permission.startsWith(`sysconsole_${access}_`),
    );
}

function readableConfig(ctx: RequestContext): EmulatorConfig {
    const config = structuredClone(ctx.store.config);
    const pluginStates: Record<string, {Enable: boolean}> = {};
    for (const [id, plugin] of ctx.store.plugins) {
        pluginStates[id] = {Enable: plugin.enabled};
    }
    return {...config, PluginSettings: {...config.PluginSettings, PluginStates: pluginStates}} as EmulatorConfig;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges plugin settings by plugin id and setting key; plugins missing from the patch stay. */
function mergePluginSettings(stored: unknown, patch: Record<string, unknown>): Record<string, unknown> {
    const merged: Record<string, unknown> = structuredClone(isObject(stored) ? stored : {});
    for (const [pluginId, settings] of Object.entries(patch)) {
        if (!isObject(settings)) {
            continue;
        }
        const lowerCased = Object.entries(structuredClone(settings)).map(([key, value]) => [key.toLowerCase(), value]);
        const previous = isObject(merged[pluginId]) ? merged[pluginId] as Record<string, unknown> : {};
        merged[pluginId] = {...previous, ...Object.fromEntries(lowerCased)};
    }
    return merged;
}

/**
 * `PUT /config/patch` (`patchConfig` in server/channels/api4/config.go): needs any
 * `sysconsole_write_*` permission, merges the given keys into the config and returns the new
 * config. Sections the caller may not write are left unchanged without an error, as the
 * server's write filter does: `PluginSettings` needs `sysconsole_write_plugins`, every other
 * section `manage_system`. Plugin setting keys are stored lower-cased, and plugins missing from
 * the patch keep their settings.
 * NOTE: the server filters by each field's `access` tag; the emulator applies only the tag of
 * `PluginSettings` and treats every other section as untagged.
 */
async function patchConfig(ctx: RequestContext): Promise<Reply> {
    const patch = await ctx.json();
    if (!isObject(patch)) {
        throw invalidBodyParam('config');
    }
    const writePermissions = sysconsolePermissions(ctx, 'write');
    if (!writePermissions.some((permission) => ctx.hasPermission(permission))) {
        throw permissionError(ctx.userId, ...writePermissions);
    }

    const current = ctx.store.config as unknown as Record<string, Record<string, unknown>>;
    const pluginPatch = patch.PluginSettings;
    if (isObject(pluginPatch) && 'EnableUploads' in pluginPatch && pluginPatch.EnableUploads !== current.PluginSettings.EnableUploads) {
        // NOTE: the id and status are the server's; the message text is the emulator's wording.
        throw new AppError(
            'api.config.update_config.not_allowed_security.app_error',
            'PluginSettings.EnableUploads cannot be changed through the API.',
            403,
        );
    }

    const updated = structuredClone(current);
    for (const [section, value] of Object.entries(patch)) {
        const writable = section === 'PluginSettings' ?
            ctx.hasPermission('sysconsole_write_plugins') || ctx.hasPermission('manage_system') :
            ctx.hasPermission('manage_system');
        if (!writable || !isObject(value) || !isObject(updated[section])) {
            continue;
        }
        for (const [key, setting] of Object.entries(value)) {
            // NOTE: the server enables and disables plugins from a PluginStates patch; the
            // emulator keeps plugin states on its plugins and ignores this key.
            if (section === 'PluginSettings' && key === 'PluginStates') {
                continue;
            }
            if (section === 'PluginSettings' && key === 'Plugins' && isObject(setting)) {
                updated.PluginSettings.Plugins = mergePluginSettings(updated.PluginSettings.Plugins, setting);
                continue;
            }
            updated[section][key] = structuredClone(setting);
        }
    }

    ctx.store.config = updated as unknown as EmulatorConfig;
    return jsonReply(readableConfig(ctx));
}

/** `GET /config/environment`: the settings fixed by environment variables, as `true` flags. */
function getEnvironmentConfig(ctx: RequestContext): Reply {
    if (!ctx.hasPermission('manage_system')) {
        throw permissionError(ctx.userId, 'manage_system');
    }
    return jsonReply(ctx.store.environment);
}

/** `GET /config/client`: only the old, all-strings format exists in 5.37. */
function getClientConfig(ctx: RequestContext): Reply {
    const format = ctx.query.get('format') ?? '';
    if (format === '') {
        throw new AppError(
            'api.config.client.old_format.app_error',
            'New format for the client configuration is not supported yet. ' +
                'Please specify format=old in the query string.',
            501,
        );
    }
    if (format !== 'old') {
        throw invalidUrlParam('format');
    }
    return jsonReply(clientConfig(ctx.store.config, ctx.store.serverVersion));
}

/** `GET /license/client?format=old`: the emulator, like the recorded server, has no license. */
function getClientLicense(ctx: RequestContext): Reply {
    if ((ctx.query.get('format') ?? '') !== 'old') {
        throw new AppError(
            'api.license.client.old_format.app_error',
            'New format for the client license is not supported yet. ' +
                'Please specify format=old in the query string.',
            501,
        );
    }
    return jsonReply({IsLicensed: 'false'});
}

export function configRoutes(): Route[] {
    return [
        {method: 'GET', pattern: '/config', auth: 'session', handler: getConfig},
        {method: 'PUT', pattern: '/config/patch', auth: 'session', handler: patchConfig},
        {method: 'GET', pattern: '/config/environment', auth: 'session', handler: getEnvironmentConfig},
        {method: 'GET', pattern: '/config/client', auth: 'optional', handler: getClientConfig},
        {method: 'GET', pattern: '/license/client', auth: 'optional', handler: getClientLicense},
    ];
}
