import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {startSandbox} from '../src/server';
import type {Sandbox} from '../src/server';

import {fixturePlugins} from './fixture_sandbox';

let sandbox: Sandbox;
let bundleDir: string;
let bundlePath: string;

beforeAll(async () => {
    bundleDir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-bundle-'));
    bundlePath = path.join(bundleDir, 'main.js');
    await writeFile(bundlePath, '// first build\n');
    sandbox = await startSandbox({bundlePath, plugins: fixturePlugins, log: () => undefined});
});

afterAll(async () => {
    await sandbox?.close();
    await rm(bundleDir, {recursive: true, force: true});
});

async function get(pathname: string) {
    const response = await fetch(sandbox.url + pathname);
    return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.text(),
    };
}

describe('sandbox server routes', () => {
    test('listens on loopback', () => {
        expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    test.each([
        '/',
        '/login',
        '/acme/channels/town-square',
        '/admin_console/plugins/plugin_app.deactivate',
    ])('serves host page at %s', async (pathname) => {
        const page = await get(pathname);

        expect(page.status).toBe(200);
        expect(page.type).toContain('text/html');
        expect(page.body).toContain('<script src="/sandbox/host.js"></script>');
    });

    test('serves host script and stylesheet', async () => {
        const script = await get('/sandbox/host.js');
        const stylesheet = await get('/sandbox/host.css');

        expect(script.status).toBe(200);
        expect(script.type).toContain('application/javascript');
        expect(script.body).toContain('registerPlugin');
        expect(stylesheet.status).toBe(200);
        expect(stylesheet.body).toContain('--center-channel-bg');
    });

    test('reads product bundle per request', async () => {
        const bundleUrl = '/static/plugins/app.deactivate/app.deactivate_0123abcd_bundle.js';
        expect((await get(bundleUrl)).body).toBe('// first build\n');

        await writeFile(bundlePath, '// second build\n');

        const rebuilt = await get(bundleUrl);
        expect(rebuilt.status).toBe(200);
        expect(rebuilt.type).toContain('application/javascript');
        expect(rebuilt.body).toBe('// second build\n');
    });

    test('serves bundles the webapp list names', async () => {
        const listing = await fetch(`${sandbox.url}/api/v4/plugins/webapp`);
        const manifests = (await listing.json()) as Array<{
            id: string;
            webapp: {bundle_path: string};
        }>;
        const fixture = manifests.find((manifest) => manifest.id === 'aaa.fixture');
        expect(fixture).toBeDefined();

        const bundleUrl = fixture!.webapp.bundle_path.replace('/static/', '/static/plugins/');
        const bundle = await get(bundleUrl);
        expect(bundle.status).toBe(200);
        expect(bundle.body).toContain('window.registerPlugin(pluginId, new Plugin())');
    });

    test('lists the product plugin', async () => {
        const listing = await fetch(`${sandbox.url}/api/v4/plugins/webapp`);
        const ids = ((await listing.json()) as Array<{id: string}>).map((manifest) => manifest.id);

        expect(ids).toContain('app.deactivate');
    });

    test('unknown bundle is not found', async () => {
        const missing = await get('/static/plugins/no.such.plugin/no.such.plugin_00_bundle.js');

        expect(missing.status).toBe(404);
        expect(missing.body).toContain('no.such.plugin');
    });

    test('rejects writes outside the API', async () => {
        const response = await fetch(`${sandbox.url}/acme/channels/town-square`, {method: 'POST'});

        expect(response.status).toBe(405);
    });

    test('api requests reach the emulator', async () => {
        const response = await fetch(`${sandbox.url}/api/v4/users/me`);
        const body = await response.json();

        expect(response.status).toBe(401);
        expect(body.id).toBe('api.context.session_expired.app_error');
    });

    test('site url is the sandbox url', () => {
        expect(sandbox.emulator!.store.config.ServiceSettings.SiteURL).toBe(sandbox.url);
    });
});
