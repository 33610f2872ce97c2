import {clientConfig} from '../config';
import {AppError, invalidUrlParam, permissionError} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, type Reply} from '../http/reply';
import type {Route} from '../http/router';

/**
 * `GET /config` needs any `sysconsole_read_*` permission.
 * NOTE: the server also blanks the sections a delegated admin may not read; the emulator
 * returns every section to any holder of a read permission.
 */
function getConfig(ctx: RequestContext): Reply {
    const readPermissions = [...(ctx.store.roles.get('system_admin')?.permissions ?? [])].filter(
        (permission) => permission.startsWith('sysconsole_read_'),
    );
    if (!readPermissions.some((permission) => ctx.hasPermission(permission))) {
        throw permissionError(ctx.userId, ...readPermissions);
    }
    const config = structuredClone(ctx.store.config);
    const pluginStates: Record<string, {Enable: boolean}> = {};
    for (const [id, plugin] of ctx.store.plugins) {
        pluginStates[id] = {Enable: plugin.enabled};
    }
    return jsonReply({
        ...config,
        PluginSettings: {...config.PluginSettings, PluginStates: pluginStates},
    });
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
        {method: 'GET', pattern: '/config/environment', auth: 'session', handler: getEnvironmentConfig},
        {method: 'GET', pattern: '/config/client', auth: 'optional', handler: getClientConfig},
        {method: 'GET', pattern: '/license/client', auth: 'optional', handler: getClientLicense},
    ];
}
