import {existsSync} from 'node:fs';

import type {Page} from 'playwright-core';

import {defaultBundlePath, startSandbox} from '../src/server';
import type {Sandbox} from '../src/server';

import {launchBrowser, saveScreenshot} from './browser';
import type {TestBrowser} from './browser';
import {logIn, sendMessage} from './host_page';

/**
 * Browser tests of the batch history: the web app records each batch through the Go server part
 * running in the sandbox, so `/deactivate undo` still finds the batch after a page reload and in
 * another browser.
 */

let sandbox: Sandbox;
let browser: TestBrowser;
let page: Page;

function userIsActive(username: string): boolean {
    const user = sandbox.emulator!.store.userByUsername(username);
    if (!user) {
        throw new Error(`user ${username} is missing from the emulator`);
    }
    return user.delete_at === 0;
}

async function openAs(username: string): Promise<void> {
    page = await browser.newPage();
    await logIn(page, sandbox.url, username);
    await page.waitForFunction(() => Boolean((window as any).plugins['app.deactivate']));
}

function lastPost() {
    return page.locator('[data-testid="post"][data-post-type="system_ephemeral"]').last();
}

/** Runs a command that opens the confirmation, confirms it, and returns the outcome text. */
async function runAndConfirm(line: string): Promise<string> {
    const before = await page.locator('[data-testid="post"]').count();
    await sendMessage(page, line);
    const modal = page.getByTestId('deactivate-confirm');
    await modal.waitFor();
    await page.getByTestId('deactivate-confirm-submit').click();
    await modal.waitFor({state: 'detached'});
    await page.locator('[data-testid="post"]').nth(before).waitFor();
    return lastPost().innerText();
}

beforeAll(async () => {
    if (!existsSync(defaultBundlePath)) {
        throw new Error(`The plugin bundle ${defaultBundlePath} is missing: run npm run build --workspace webapp first.`);
    }
    sandbox = await startSandbox({serverPart: true, log: () => undefined});
    browser = await launchBrowser();
});

afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
});

afterEach(async () => {
    await page?.close();
});

describe('batch history in the browser', () => {
    test('outcome names the saved batch', async () => {
        await openAs('sysadmin');
        const outcome = await runAndConfirm('/deactivate @carol');
        expect(outcome).toMatch(/Saved in the history as batch [0-9a-z]+\./);
        expect(outcome).not.toContain('not saved');
        expect(userIsActive('carol')).toBe(false);
        await saveScreenshot(page, 'history-saved-batch');
    });

    test('undo works after a reload', async () => {
        await openAs('sysadmin');
        await runAndConfirm('/deactivate @alice bob');
        expect(userIsActive('alice')).toBe(false);
        expect(userIsActive('bob')).toBe(false);

        await page.reload();
        await page.waitForFunction(() => Boolean((window as any).plugins['app.deactivate']));

        await sendMessage(page, '/deactivate undo');
        const modal = page.getByTestId('deactivate-confirm');
        await modal.waitFor();
        expect(await modal.innerText()).toContain('Will be reactivated (2)');
        await saveScreenshot(page, 'history-undo-after-reload');
        expect(userIsActive('alice')).toBe(false);

        await page.getByTestId('deactivate-confirm-submit').click();
        await modal.waitFor({state: 'detached'});
        await lastPost().waitFor();
        expect(await lastPost().innerText()).toContain('Reactivated (2)');
        expect(userIsActive('alice')).toBe(true);
        expect(userIsActive('bob')).toBe(true);
    });

    test('undo in another browser', async () => {
        await openAs('sysadmin');
        await runAndConfirm('/deactivate dave');
        await page.close();

        const otherBrowser = await launchBrowser();
        try {
            page = await otherBrowser.newPage();
            await logIn(page, sandbox.url, 'sysadmin');
            await page.waitForFunction(() => Boolean((window as any).plugins['app.deactivate']));
            const outcome = await runAndConfirm('/deactivate undo');
            expect(outcome).toContain('Reactivated (1)');
            expect(userIsActive('dave')).toBe(true);
        } finally {
            await page.close();
            await otherBrowser.close();
        }
    });

    test('named undone batch says so', async () => {
        await openAs('sysadmin');
        const outcome = await runAndConfirm('/deactivate jane.doe');
        const batchId = /Saved in the history as batch ([0-9a-z]+)\./.exec(outcome)?.[1];
        expect(batchId).toBeDefined();
        await runAndConfirm(`/deactivate undo ${batchId}`);
        expect(userIsActive('jane.doe')).toBe(true);

        const before = await page.locator('[data-testid="post"]').count();
        await sendMessage(page, `/deactivate undo ${batchId}`);
        await page.locator('[data-testid="post"]').nth(before).waitFor();
        expect(await lastPost().innerText()).toContain(`Batch ${batchId} was undone already.`);
    });
});
