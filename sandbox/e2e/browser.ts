import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {chromium} from 'playwright-core';
import type {BrowserContext, Page} from 'playwright-core';

/** Debian's Chromium; the tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

/** Directory for screenshots; the repository's `.gitignore` keeps `screenshots/` out of git. */
export const screenshotDir = path.resolve(__dirname, 'screenshots');

/** A headless Chromium with a fresh profile, removed again by `close`. */
export interface TestBrowser {
    context: BrowserContext;
    newPage: () => Promise<Page>;
    close: () => Promise<void>;
}

/** Launches headless Chromium from `chromiumPath` with a new temporary user-data directory. */
export async function launchBrowser(): Promise<TestBrowser> {
    if (!existsSync(chromiumPath)) {
        throw new Error(
            `Chromium is missing at ${chromiumPath}: install Debian's chromium package ` +
                '(apt-get install chromium); the browser tests never download one.',
        );
    }

    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
        viewport: {width: 1200, height: 800},
    });

    return {
        context,
        newPage: () => context.newPage(),
        close: async () => {
            await context.close();
            await rm(userDataDir, {recursive: true, force: true});
        },
    };
}

/** Saves a full-page screenshot as `screenshots/<name>.png`. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
    const file = path.join(screenshotDir, `${name}.png`);
    await page.screenshot({path: file, fullPage: true});
    return file;
}
