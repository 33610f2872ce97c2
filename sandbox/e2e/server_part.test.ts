import type {Page, Request} from 'playwright-core';

import {startSandbox} from '../src/server';
import type {Sandbox} from '../src/server';

import {launchBrowser, saveScreenshot} from './browser';
import type {TestBrowser} from './browser';
import {eventually, logIn, sendMessage} from './host_page';

/**
 * Browser tests of the Go server part running in the sandbox. The `app.deactivate` manifest
 * loses its `webapp` entry, so the host loads no web app plugin, as on a client where the
 * bundle did not load, and every `/deactivate` takes the fallback path: `POST
 * /commands/execute`, the plugin's `ExecuteCommand`, an ephemeral preview with Confirm and
 * Cancel buttons.
 */

let sandbox: Sandbox;
let browser: TestBrowser;
let page: Page;
let browserWrites: string[];
/** Writes that reached the emulator from the Go host, as `METHOD path`. */
let serverWrites: string[];

function isBrowserWrite(request: Request): boolean {
    const pathname = new URL(request.url()).pathname;
    return pathname.startsWith('/api/v4/') && !['GET', 'HEAD'].includes(request.method()) &&
        !['/api/v4/users/login', '/api/v4/roles/names', '/api/v4/users/ids'].includes(pathname);
}

function user(username: string) {
    const found = sandbox.emulator!.store.userByUsername(username);
    if (!found) {
        throw new Error(`user ${username} is missing from the emulator`);
    }
    return found;
}

async function openAs(username: string): Promise<void> {
    page = await browser.newPage();
    browserWrites = [];
    page.on('request', (request) => {
        if (isBrowserWrite(request)) {
            browserWrites.push(`${request.method()} ${new URL(request.url()).pathname}`);
        }
    });
    await logIn(page, sandbox.url, username);
}

function lastEphemeral() {
    return page.locator('[data-testid="post"][data-post-type="system_ephemeral"]').last();
}

/** Sends a command and returns the ephemeral post it produced, located by its post id. */
async function runCommand(line: string) {
    const before = await page.locator('[data-testid="post"]').count();
    await sendMessage(page, line);
    await page.locator('[data-testid="post"]').nth(before).waitFor();
    const postId = await lastEphemeral().getAttribute('data-post-id');
    return page.locator(`[data-testid="post"][data-post-id="${postId}"]`);
}

beforeAll(async () => {
    sandbox = await startSandbox({serverPart: true, log: () => undefined});
    delete sandbox.emulator!.store.plugins.get('app.deactivate')!.manifest.webapp;
    sandbox.emulator!.use(async (ctx, next) => {
        const reply = await next();
        const fromPlugin = ctx.session?.props.type === 'app.deactivate.proxy';
        const lookup = ['/users/ids', '/users/usernames'].includes(ctx.path);
        if (fromPlugin && ctx.method !== 'GET' && !lookup) {
            serverWrites.push(`${ctx.method} ${ctx.path} ${reply.status}`);
        }
        return reply;
    });
    browser = await launchBrowser();
});

beforeEach(() => {
    serverWrites = [];
});

afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
});

afterEach(async () => {
    await page?.close();
});

describe('server part fallback', () => {
    test('no web app plugin loads', async () => {
        await openAs('sysadmin');
        const loaded = await page.evaluate(() => Boolean((window as any).plugins?.['app.deactivate']));
        expect(loaded).toBe(false);
    });

    test('confirm deactivates alice', async () => {
        await openAs('sysadmin');
        const preview = await runCommand('/deactivate @alice');
        await preview.filter({hasText: 'Will be deactivated (1)'}).waitFor();
        expect(await preview.innerText()).toContain('@alice');
        await saveScreenshot(page, 'server-part-preview');
        expect(serverWrites).toEqual([]);
        expect(user('alice').delete_at).toBe(0);

        await preview.getByTestId('post-action-confirm').click();
        await preview.filter({hasText: /Deactivated \(1\)/}).waitFor();
        await saveScreenshot(page, 'server-part-outcome');

        expect(user('alice').delete_at).toBeGreaterThan(0);
        expect(serverWrites).toEqual([`PUT /users/${user('alice').id}/active 200`]);
        expect(await preview.getByTestId('post-action-confirm').count()).toBe(0);
        expect(browserWrites).toEqual([
            'POST /api/v4/commands/execute',
            expect.stringMatching(/^POST \/api\/v4\/posts\/[a-z0-9]+\/actions\/confirm$/),
        ]);
    });

    test('cancel writes nothing', async () => {
        await openAs('sysadmin');
        const preview = await runCommand('/deactivate @bob');
        await preview.getByTestId('post-action-cancel').click();
        await preview.filter({hasText: 'Canceled'}).waitFor();

        expect(serverWrites).toEqual([]);
        expect(user('bob').delete_at).toBe(0);
    });

    test('double confirm acts once', async () => {
        await openAs('sysadmin');
        const preview = await runCommand('/deactivate @carol');
        const confirm = preview.getByTestId('post-action-confirm');
        await confirm.waitFor();
        await confirm.evaluate((button: HTMLButtonElement) => {
            button.click();
            button.click();
        });

        const gone = page.locator('[data-testid="post"]', {hasText: 'expired or was already confirmed'});
        await gone.waitFor();
        await preview.filter({hasText: /Deactivated \(1\)/}).waitFor();
        expect(serverWrites).toEqual([`PUT /users/${user('carol').id}/active 200`]);
    });

    test('autocomplete lists /deactivate', async () => {
        await openAs('sysadmin');
        const suggestions = await page.evaluate(async () => {
            const team = await (await fetch('/api/v4/teams/name/acme')).json();
            const url = `/api/v4/teams/${team.id}/commands/autocomplete_suggestions?user_input=%2Fdeac`;
            return (await fetch(url)).json();
        });
        expect(suggestions.map((entry: {Complete: string}) => entry.Complete)).toEqual(['deactivate']);
    });

    test('normal user lacks permission', async () => {
        await openAs('mallory');
        const notice = await runCommand('/deactivate @dave');
        await notice.filter({hasText: 'You cannot deactivate other users'}).waitFor();
        await saveScreenshot(page, 'server-part-permission');

        expect(await notice.getByTestId('post-action-confirm').count()).toBe(0);
        expect(serverWrites).toEqual([]);
        expect(user('dave').delete_at).toBe(0);
    });

    test('undo previews then reactivates', async () => {
        await openAs('sysadmin');
        const preview = await runCommand('/deactivate @dave');
        await preview.getByTestId('post-action-confirm').click();
        await preview.filter({hasText: /Deactivated \(1\)/}).waitFor();
        expect(user('dave').delete_at).toBeGreaterThan(0);

        serverWrites = [];
        const undo = await runCommand('/deactivate undo');
        await undo.filter({hasText: 'Will be reactivated (1)'}).waitFor();
        await saveScreenshot(page, 'server-part-undo-preview');
        expect(serverWrites).toEqual([]);
        expect(user('dave').delete_at).toBeGreaterThan(0);

        await undo.getByTestId('post-action-confirm').click();
        await undo.filter({hasText: /Reactivated \(1\)/}).waitFor();
        const active = () => Promise.resolve(user('dave').delete_at === 0);
        expect(await eventually(active, true)).toBe(true);
        expect(serverWrites).toEqual([`PUT /users/${user('dave').id}/active 200`]);
    });
});
