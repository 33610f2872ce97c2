import {existsSync} from 'node:fs';

import type {Page} from 'playwright-core';

import {defaultBundlePath, startSandbox} from '../src/server';
import type {Sandbox} from '../src/server';

import {launchBrowser, saveScreenshot} from './browser';
import type {TestBrowser} from './browser';
import {logIn, sendMessage} from './host_page';

/**
 * Browser tests of the protected accounts and the batch summary channel: the web app reads the
 * protected accounts from the Go server part, and the server part posts a summary of each
 * recorded batch to the channel of the plugin settings under the caller's session.
 */

let sandbox: Sandbox;
let browser: TestBrowser;
let page: Page;

function store() {
    return sandbox.emulator!.store;
}

function userIsActive(username: string): boolean {
    const user = store().userByUsername(username);
    if (!user) {
        throw new Error(`user ${username} is missing from the emulator`);
    }
    return user.delete_at === 0;
}

/** Stores the ConsolePanel value where the System Console saves it. */
function setPanelSetting(value: Record<string, unknown>): void {
    const settings = store().config.PluginSettings as Record<string, unknown>;
    settings.Plugins = {'app.deactivate': {consolepanel: value}};
}

function channelPosts(channelId: string): string[] {
    return [...store().posts.values()].filter((post) => post.channel_id === channelId).map((post) => post.message);
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

describe('protected accounts and summaries', () => {
    test('protected user skipped, summary posted', async () => {
        const sysadmin = store().userByUsername('sysadmin')!;
        const team = [...store().teams.values()][0];
        const channel = store().createChannel({team_id: team.id, name: 'deactivations', display_name: 'Deactivations'});
        store().addChannelMember(channel.id, sysadmin.id);
        setPanelSetting({protected_usernames: ['Bob'], summary_channel_id: channel.id});

        page = await browser.newPage();
        await logIn(page, sandbox.url, 'sysadmin');
        await page.waitForFunction(() => Boolean((window as any).plugins['app.deactivate']));

        const before = await page.locator('[data-testid="post"]').count();
        await sendMessage(page, '/deactivate @alice @bob');
        const modal = page.getByTestId('deactivate-confirm');
        await modal.waitFor();
        const protectedGroup = page.getByTestId('deactivate-group-protected_skipped');
        expect(await protectedGroup.innerText()).toContain('@bob');
        await saveScreenshot(page, 'protected-account-skipped');

        await page.getByTestId('deactivate-confirm-submit').click();
        await modal.waitFor({state: 'detached'});
        await page.locator('[data-testid="post"]').nth(before).waitFor();
        const outcome = await page.locator('[data-testid="post"][data-post-type="system_ephemeral"]').last().innerText();

        expect(userIsActive('alice')).toBe(false);
        expect(userIsActive('bob')).toBe(true);
        expect(outcome).toContain('protected in the plugin settings');
        expect(outcome).not.toContain('No summary was posted');
        const batchId = (/Saved in the history as batch ([0-9a-z]+)\./).exec(outcome)?.[1];
        expect(batchId).toBeTruthy();

        // The server part posts the summary before POST /batches returns, so it exists by now.
        const summaries = channelPosts(channel.id);
        expect(summaries).toHaveLength(1);
        expect(summaries[0]).toContain(`\`${batchId}\``);
        expect(summaries[0]).toContain('`@sysadmin` ran `/deactivate @alice @bob` in the web app.');
        expect(summaries[0]).toContain('**Deactivated (1)**: `@alice`');
        expect(summaries[0]).toContain('**Skipped (1)**');
    });

    test('failed summary shown in outcome', async () => {
        setPanelSetting({protected_usernames: [], summary_channel_id: 'zzzzzzzzzzzzzzzzzzzzzzzzzz'});

        page = await browser.newPage();
        await logIn(page, sandbox.url, 'sysadmin');
        await page.waitForFunction(() => Boolean((window as any).plugins['app.deactivate']));

        const before = await page.locator('[data-testid="post"]').count();
        await sendMessage(page, '/deactivate @carol');
        await page.getByTestId('deactivate-confirm').waitFor();
        await page.getByTestId('deactivate-confirm-submit').click();
        await page.locator('[data-testid="post"]').nth(before).waitFor();
        const outcome = await page.locator('[data-testid="post"][data-post-type="system_ephemeral"]').last().innerText();

        expect(userIsActive('carol')).toBe(false);
        expect(outcome).toMatch(/Saved in the history as batch [0-9a-z]+\./);
        expect(outcome).toContain('No summary was posted to the summary channel: channel zzzzzzzzzzzzzzzzzzzzzzzzzz');
    });
});
