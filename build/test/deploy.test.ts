import {createServer} from 'node:net';

import {startEmulatorServer} from '../../sandbox/src/emulator';
import type {EmulatorServer} from '../../sandbox/src/emulator';
import {DeployError, deployPlugin, optionsFromEnv} from '../deploy/deploy_plugin';

import {bundlePath} from './bundle_archive';

const PLUGIN_ID = 'app.deactivate';

let server: EmulatorServer;
const lines: string[] = [];
const log = (line: string) => lines.push(line);

beforeEach(async () => {
    lines.length = 0;
    server = await startEmulatorServer({seed: 'demo'});
});

afterEach(() => server.close());

async function tokenFor(username: string): Promise<string> {
    const response = await fetch(`${server.url}/api/v4/users/login`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({login_id: username, password: 'password'}),
    });
    return response.headers.get('Token') || '';
}

/** Returns a loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    return typeof address === 'object' && address ? address.port : 1;
}

describe('make deploy', () => {
    test('token deploy uploads and enables', async () => {
        server.emulator.store.plugins.delete(PLUGIN_ID);
        const token = await tokenFor('sysadmin');
        await deployPlugin({siteUrl: server.url, bundlePath: bundlePath(), pluginId: PLUGIN_ID, token, log});
        const plugin = server.emulator.store.plugins.get(PLUGIN_ID);
        expect(plugin?.enabled).toBe(true);
        expect(plugin?.manifest.version).toBe(require('../../plugin.json').version);
        expect(lines[lines.length - 1]).toContain('Deployed and enabled app.deactivate');
    });

    test('password deploy replaces installed plugin', async () => {
        await deployPlugin({
            siteUrl: `${server.url}/`,
            bundlePath: bundlePath(),
            pluginId: PLUGIN_ID,
            username: 'sysadmin',
            password: 'password',
            log,
        });
        expect(server.emulator.store.plugins.get(PLUGIN_ID)?.enabled).toBe(true);
    });

    test('disabled uploads name the setting', async () => {
        server.emulator.store.config.PluginSettings.EnableUploads = false;
        const token = await tokenFor('sysadmin');
        const deploy = deployPlugin({siteUrl: server.url, bundlePath: bundlePath(), pluginId: PLUGIN_ID, token, log});
        await expect(deploy).rejects.toThrow('set PluginSettings.EnableUploads to true');
        await expect(deploy).rejects.toThrow('app.plugin.upload_disabled.app_error');
    });

    test('wrong password is reported', async () => {
        const deploy = deployPlugin({
            siteUrl: server.url,
            bundlePath: bundlePath(),
            pluginId: PLUGIN_ID,
            username: 'sysadmin',
            password: 'wrong',
            log,
        });
        await expect(deploy).rejects.toThrow('login as sysadmin failed');
    });

    test('normal user lacks permission', async () => {
        const token = await tokenFor('alice');
        const deploy = deployPlugin({siteUrl: server.url, bundlePath: bundlePath(), pluginId: PLUGIN_ID, token, log});
        await expect(deploy).rejects.toThrow('sysconsole_write_plugins');
    });

    test('unreachable server names the URL', async () => {
        const siteUrl = `http://127.0.0.1:${await closedPort()}`;
        const deploy = deployPlugin({siteUrl, bundlePath: bundlePath(), pluginId: PLUGIN_ID, token: 'x', log});
        await expect(deploy).rejects.toThrow(`cannot reach ${siteUrl}/api/v4/plugins`);
    });

    test('missing site URL names the variable', () => {
        expect(() => optionsFromEnv({MM_ADMIN_TOKEN: 'x'}, 'bundle.tar.gz', PLUGIN_ID)).toThrow(DeployError);
        expect(() => optionsFromEnv({MM_ADMIN_TOKEN: 'x'}, 'bundle.tar.gz', PLUGIN_ID)).toThrow(
            'MM_SERVICESETTINGS_SITEURL',
        );
    });

    test('missing credentials name the variables', () => {
        const env = {MM_SERVICESETTINGS_SITEURL: 'http://127.0.0.1:8065', MM_ADMIN_USERNAME: 'sysadmin'};
        expect(() => optionsFromEnv(env, 'bundle.tar.gz', PLUGIN_ID)).toThrow('MM_ADMIN_PASSWORD');
    });

    test('token takes precedence over password', () => {
        const env = {
            MM_SERVICESETTINGS_SITEURL: 'http://127.0.0.1:8065',
            MM_ADMIN_TOKEN: 'token',
            MM_ADMIN_USERNAME: 'sysadmin',
            MM_ADMIN_PASSWORD: 'password',
        };
        expect(optionsFromEnv(env, 'bundle.tar.gz', PLUGIN_ID).token).toBe('token');
    });
});
