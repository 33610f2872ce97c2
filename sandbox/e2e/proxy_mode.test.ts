import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type {Page} from 'playwright-core';

import {startSandbox} from '../src/server';
import type {Sandbox} from '../src/server';
import {rewriteSetCookie} from '../src/server/proxy';

import {launchBrowser, saveScreenshot} from './browser';
import type {TestBrowser} from './browser';
import {fixturePlugins} from './fixture_sandbox';
import {logIn, sendMessage} from './host_page';

let upstream: Sandbox;
let proxied: Sandbox;
let browser: TestBrowser;
let page: Page;

let bundleDir: string;

beforeAll(async () => {
    bundleDir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-proxy-bundle-'));
    const bundlePath = path.join(bundleDir, 'main.js');
    await writeFile(bundlePath, '// local product build\n');

    upstream = await startSandbox({plugins: fixturePlugins, log: () => undefined});
    proxied = await startSandbox({upstream: upstream.url, bundlePath, log: () => undefined});
    browser = await launchBrowser();
    page = await browser.newPage();
});

afterAll(async () => {
    await browser?.close();
    await proxied?.close();
    await upstream?.close();
    await rm(bundleDir, {recursive: true, force: true});
});

describe('proxy mode', () => {
    test('has no embedded emulator', () => {
        expect(proxied.emulator).toBeUndefined();
        expect(upstream.emulator).toBeDefined();
    });

    test('forwards login and cookies', async () => {
        await logIn(page, proxied.url, 'bob');

        const cookies = await browser.context.cookies(proxied.url);
        const names = cookies.map((cookie) => cookie.name).sort();
        expect(names).toEqual(expect.arrayContaining(['MMAUTHTOKEN', 'MMCSRF', 'MMUSERID']));
        expect(await page.getByTestId('current-user').innerText()).toBe('@bob');
    });

    test('forwards a write upstream', async () => {
        const text = `through the proxy ${Date.now()}`;
        await sendMessage(page, text);

        await page.getByTestId('post').filter({hasText: text}).waitFor();
        const stored = [...upstream.emulator!.store.posts.values()].filter(
            (post) => post.message === text,
        );
        expect(stored).toHaveLength(1);
        expect(upstream.emulator!.store.users.get(stored[0].user_id)?.username).toBe('bob');
        await saveScreenshot(page, 'proxy-mode-post');
    });

    test('serves product bundle locally', async () => {
        const response = await fetch(
            `${proxied.url}/static/plugins/app.deactivate/app.deactivate_0123_bundle.js`,
        );

        expect(response.status).toBe(200);
        expect(await response.text()).toBe('// local product build\n');
    });

    test('proxies other plugin bundles', async () => {
        const listing = await fetch(`${proxied.url}/api/v4/plugins/webapp`);
        const manifests = (await listing.json()) as Array<{
            id: string;
            webapp: {bundle_path: string};
        }>;
        const fixture = manifests.find((manifest) => manifest.id === 'aaa.fixture');
        expect(fixture).toBeDefined();

        const bundlePath = fixture!.webapp.bundle_path.replace('/static/', '/static/plugins/');
        const response = await fetch(proxied.url + bundlePath);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('window.registerPlugin(pluginId, new Plugin())');
    });

    test('returns upstream errors unchanged', async () => {
        const response = await fetch(`${proxied.url}/api/v4/users/me`);
        const body = await response.json();

        expect(response.status).toBe(401);
        expect(body.id).toBe('api.context.session_expired.app_error');
    });

    test('reports unreachable upstream', async () => {
        const port = new URL(upstream.url).port;
        const orphan = await startSandbox({
            upstream: `http://127.0.0.1:${port}`,
            log: () => undefined,
        });
        await upstream.close();
        try {
            const response = await fetch(`${orphan.url}/api/v4/system/ping`);
            const body = await response.json();
            expect(response.status).toBe(502);
            expect(body.id).toBe('sandbox.proxy.upstream_failed');
        } finally {
            await orphan.close();
        }
    });
});

describe('rewriteSetCookie', () => {
    test('drops domain and secure', () => {
        const rewritten = rewriteSetCookie(
            'MMAUTHTOKEN=abc; Path=/; Domain=chat.example.com; Max-Age=100; Secure; HttpOnly; ' +
                'SameSite=None',
        );

        expect(rewritten).toBe('MMAUTHTOKEN=abc; Path=/; Max-Age=100; HttpOnly; SameSite=Lax');
    });

    test('keeps plain cookies unchanged', () => {
        const cookie = 'MMCSRF=xyz; Path=/; Max-Age=15552000';

        expect(rewriteSetCookie(cookie)).toBe(cookie);
    });
});
