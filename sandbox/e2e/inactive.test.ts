import {existsSync} from 'node:fs';

import type {Page, Request} from 'playwright-core';

import {defaultBundlePath, startSandbox} from '../src/server';
import type {Sandbox} from '../src/server';

import {launchBrowser, saveScreenshot} from './browser';
import type {TestBrowser} from './browser';
import {logIn, sendMessage} from './host_page';

let sandbox: Sandbox;
let browser: TestBrowser;
let page: Page;
let writes: string[];

// The demo users with no activity for 180 days that sysadmin may deactivate without flags.
const EXPECTED = ['bob', 'dave', 'gary.gitlab', 'jane.doe'];

function isActivationWrite(request: Request): boolean {
    return request.method() === 'PUT' && /\/api\/v4\/users\/[a-z0-9]{26}\/active$/.test(request.url());
}

function deactivatedUsernames(): string[] {
    const users = [...sandbox.emulator!.store.users.values()];
    return users.filter((user) => user.delete_at > 0).map((user) => user.username).sort();
}

function lastPost(target: Page) {
    return target.locator('[data-testid="post"][data-post-type="system_ephemeral"]').last();
}

beforeAll(async () => {
    if (!existsSync(defaultBundlePath)) {
        throw new Error(`The plugin bundle ${defaultBundlePath} is missing: run npm run build --workspace webapp first.`);
    }
    sandbox = await startSandbox({log: () => undefined});
    browser = await launchBrowser();
});

afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
});

afterEach(async () => {
    await page?.close();
});

describe('/deactivate inactive in the sandbox', () => {
    test('sysadmin deactivates inactive users', async () => {
        page = await browser.newPage();
        writes = [];
        page.on('request', (request) => {
            if (isActivationWrite(request)) {
                writes.push(new URL(request.url()).pathname);
            }
        });
        await logIn(page, sandbox.url, 'sysadmin');
        await page.waitForFunction(() => Boolean((window as any).plugins['app.deactivate']));

        await sendMessage(page, '/deactivate inactive 180d');

        const modal = page.getByTestId('deactivate-confirm');
        await modal.waitFor();
        const selection = await page.getByTestId('deactivate-confirm-selection').innerText();
        expect(selection).toContain('Activity source: status rows');
        expect(selection).toContain('HTTP 404');
        const group = await page.getByTestId('deactivate-group-deactivate').innerText();
        for (const username of EXPECTED) {
            expect(group).toContain(`@${username}`);
        }
        expect(await page.getByTestId('deactivate-group-never_active_skipped').innerText()).toContain('@mallory');
        await saveScreenshot(page, 'inactive-confirm');
        expect(writes).toEqual([]);

        await page.getByTestId('deactivate-confirm-submit').click();
        await modal.waitFor({state: 'detached'});

        const outcome = lastPost(page);
        await outcome.filter({hasText: 'Activity source: status rows'}).waitFor();
        expect(await outcome.innerText()).toContain('Deactivated (4)');
        await saveScreenshot(page, 'inactive-outcome');

        expect(writes).toHaveLength(EXPECTED.length);
        expect(deactivatedUsernames()).toEqual([...EXPECTED, 'olivia'].sort());
    });
});
