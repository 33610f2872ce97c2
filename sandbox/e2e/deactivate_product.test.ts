import {existsSync} from 'node:fs';

import type {Page, Request} from 'playwright-core';

import {defaultBundlePath, startSandbox} from '../src/server';
import type {Sandbox} from '../src/server';

import {launchBrowser, saveScreenshot} from './browser';
import type {TestBrowser} from './browser';
import {fixturePlugins} from './fixture_sandbox';
import {eventually, logIn, sendMessage} from './host_page';

let sandbox: Sandbox;
let browser: TestBrowser;
let page: Page;
let writes: string[];

// POST endpoints that only read: lookups by name or id, and the login itself.
const readOnlyPosts = new Set([
    '/api/v4/users/login',
    '/api/v4/roles/names',
    '/api/v4/users/usernames',
    '/api/v4/users/ids',
    '/api/v4/users/search',
    '/api/v4/users/status/ids',
]);

function isWrite(request: Request): boolean {
    const pathname = new URL(request.url()).pathname;
    if (!pathname.startsWith('/api/v4/') || ['GET', 'HEAD'].includes(request.method())) {
        return false;
    }
    return !(request.method() === 'POST' && readOnlyPosts.has(pathname));
}

function userIsActive(username: string): boolean {
    const user = sandbox.emulator!.store.userByUsername(username);
    if (!user) {
        throw new Error(`user ${username} is missing from the emulator`);
    }
    return user.delete_at === 0;
}

async function openAs(username: string): Promise<void> {
    page = await browser.newPage();
    writes = [];
    page.on('request', (request) => {
        if (isWrite(request)) {
            writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
        }
    });
    await logIn(page, sandbox.url, username);
    await page.waitForFunction(() => Boolean((window as any).plugins['app.deactivate']));
}

function lastPost(target: Page) {
    return target.locator('[data-testid="post"][data-post-type="system_ephemeral"]').last();
}

beforeAll(async () => {
    if (!existsSync(defaultBundlePath)) {
        throw new Error(
            `The plugin bundle ${defaultBundlePath} is missing: ` +
                'run npm run build --workspace webapp first.',
        );
    }
    sandbox = await startSandbox({plugins: fixturePlugins, log: () => undefined});
    browser = await launchBrowser();
});

afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
});

afterEach(async () => {
    await page?.close();
});

describe('/deactivate in the sandbox', () => {
    test('admin deactivates alice', async () => {
        await openAs('sysadmin');
        await sendMessage(page, '/deactivate @alice');

        const modal = page.getByTestId('deactivate-confirm');
        await modal.waitFor();
        expect(await modal.innerText()).toContain('alice');
        await saveScreenshot(page, 'product-confirm-alice');
        expect(writes).toEqual([]);

        await page.getByTestId('deactivate-confirm-submit').click();
        await modal.waitFor({state: 'detached'});

        const outcome = lastPost(page);
        await outcome.waitFor();
        expect(await outcome.innerText()).toContain('alice');
        expect(await outcome.getByTestId('post-author').innerText()).toBe('System');
        await saveScreenshot(page, 'product-outcome-alice');

        expect(userIsActive('alice')).toBe(false);
        const fromApi = await page.evaluate(async () => {
            const response = await fetch('/api/v4/users/username/alice');
            return response.json();
        });
        expect(fromApi.delete_at).toBeGreaterThan(0);
        const aliceId = sandbox.emulator!.store.userByUsername('alice')!.id;
        expect(writes).toEqual([`PUT /api/v4/users/${aliceId}/active`]);
    });

    test('cancel writes nothing', async () => {
        await openAs('sysadmin');
        await sendMessage(page, '/deactivate @bob');

        await page.getByTestId('deactivate-confirm').waitFor();
        await page.getByTestId('deactivate-confirm-cancel').click();

        const notice = lastPost(page);
        await notice.filter({hasText: 'Canceled'}).waitFor();
        expect(writes).toEqual([]);
        expect(userIsActive('bob')).toBe(true);
    });

    test('dry run writes nothing', async () => {
        await openAs('sysadmin');
        await sendMessage(page, '/deactivate @carol --dry-run');

        const preview = lastPost(page);
        await preview.filter({hasText: 'carol'}).waitFor();
        await saveScreenshot(page, 'product-dry-run');
        expect(await page.getByTestId('deactivate-confirm').count()).toBe(0);
        expect(writes).toEqual([]);
        expect(userIsActive('carol')).toBe(true);
    });

    test('normal user lacks permission', async () => {
        await openAs('mallory');
        await sendMessage(page, '/deactivate @dave');

        const notice = lastPost(page);
        await notice.filter({hasText: 'You cannot deactivate other users'}).waitFor();
        expect(await page.getByTestId('deactivate-confirm').count()).toBe(0);
        expect(writes).toEqual([]);
        expect(userIsActive('dave')).toBe(true);
    });

    test('admin disables a plugin', async () => {
        await openAs('sysadmin');
        await sendMessage(page, '/deactivate plugin zzz.fixture');

        await page.getByTestId('deactivate-confirm').waitFor();
        await page.getByTestId('deactivate-confirm-submit').click();

        await lastPost(page).filter({hasText: 'zzz.fixture'}).waitFor();
        const store = sandbox.emulator!.store;
        const enabled = () => Promise.resolve(store.plugins.get('zzz.fixture')!.enabled);
        expect(await eventually(enabled, false)).toBe(false);
        expect(writes).toContain('POST /api/v4/plugins/zzz.fixture/disable');
    });

    test('undo reactivates last batch', async () => {
        await openAs('sysadmin');
        await sendMessage(page, '/deactivate @dave');
        await page.getByTestId('deactivate-confirm-submit').click();
        await lastPost(page).filter({hasText: 'dave'}).waitFor();
        expect(userIsActive('dave')).toBe(false);

        await sendMessage(page, '/deactivate undo');
        await page.getByTestId('deactivate-confirm').waitFor();
        await saveScreenshot(page, 'product-undo-confirm');
        await page.getByTestId('deactivate-confirm-submit').click();
        await page.getByTestId('deactivate-confirm').waitFor({state: 'detached'});

        const active = () => Promise.resolve(userIsActive('dave'));
        expect(await eventually(active, true)).toBe(true);
    });
});
