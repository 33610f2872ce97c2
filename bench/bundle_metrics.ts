import {readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';

import {chromium} from 'playwright-core';

import {defaultBundlePath, startSandbox} from '../sandbox/src/server';

export interface BundleMeasurement {
    minifiedBytes: number;
    gzipBytes: number;
}

export interface InitializeMeasurement {
    /** Milliseconds `initialize` ran, until its promise settled. */
    initializeMs: number;

    /** `/api/v4` requests that only a page load with this plugin sends, ids as `{id}`. */
    pluginRequests: string[];

    /** Every `/api/v4` request, the host's included, started after `initialize` began. */
    requestsAfterInitialize: string[];
    quietMs: number;
}

export function measureBundle(path = defaultBundlePath): BundleMeasurement {
    const bundle = readFileSync(path);
    return {minifiedBytes: bundle.length, gzipBytes: gzipSync(bundle, {level: 9}).length};
}

// Runs in the page before any script and wraps `initialize` of app.deactivate when it registers.
// It is plain JavaScript text because tsx adds helpers to compiled functions that the page lacks.
const timeInitializeScript = `
(() => {
    let register;
    Object.defineProperty(window, 'registerPlugin', {
        configurable: true,
        get: () => register,
        set: (hostRegister) => {
            register = (id, plugin) => {
                const initialize = plugin.initialize;
                if (id === 'app.deactivate' && typeof initialize === 'function') {
                    plugin.initialize = (...args) => {
                        const started = performance.now();
                        window.benchInitializeStart = started;
                        const finish = () => {
                            window.benchInitializeMs = performance.now() - started;
                        };
                        const result = initialize.apply(plugin, args);
                        Promise.resolve(result).then(finish, finish);
                        return result;
                    };
                }
                hostRegister(id, plugin);
            };
        },
    });
})();
`;

// Lists the page's API requests; plain JavaScript text for the same reason as above.
const readPageLoadScript = `
(() => {
    const start = window.benchInitializeStart ?? Number.POSITIVE_INFINITY;
    const entries = performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.startsWith('/api/v4/'));
    const normalize = (name) => new URL(name).pathname.replace(/[a-z0-9]{26}/g, '{id}');
    return {
        initializeMs: window.benchInitializeMs,
        requests: entries.map((entry) => normalize(entry.name)),
        afterInitialize: entries.filter((entry) => entry.startTime >= start).map((entry) => normalize(entry.name)),
    };
})()
`;

interface PageLoad {
    initializeMs?: number;

    /** Every `/api/v4` request of the load, with ids replaced by `{id}`. */
    requests: string[];

    /** The same, only those started after `initialize` began. */
    afterInitialize: string[];
}

// Logs in as alice and lists the API requests of the page, with or without this plugin.
async function loadPage(withPlugin: boolean, quietMs: number): Promise<PageLoad> {
    const sandbox = await startSandbox({log: () => undefined});
    if (!withPlugin) {
        sandbox.emulator?.store.plugins.delete('app.deactivate');
    }
    const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });

    try {
        const page = await browser.newPage();
        await page.addInitScript({content: timeInitializeScript});
        await page.goto(`${sandbox.url}/login`);
        await page.getByTestId('login-id').fill('alice');
        await page.getByTestId('login-password').fill('password');
        await page.getByTestId('login-submit').click();
        await page.getByTestId('channel-view').waitFor();
        if (withPlugin) {
            await page.waitForFunction(() => typeof (window as unknown as Record<string, unknown>).benchInitializeMs === 'number');
        }
        await page.waitForTimeout(quietMs);

        return (await page.evaluate(readPageLoadScript)) as PageLoad;
    } finally {
        await browser.close();
        await sandbox.close();
    }
}

// Removes one copy of each `removed` entry from `list`.
function subtract(list: string[], removed: string[]): string[] {
    const remaining = [...list];
    for (const entry of removed) {
        const index = remaining.indexOf(entry);
        if (index >= 0) {
            remaining.splice(index, 1);
        }
    }
    return remaining;
}

/**
 * Logs in to a sandbox page as `alice` (no admin permissions) in Debian's Chromium, and measures
 * this plugin's `initialize`. The host page itself loads the channel after login, so the
 * plugin's requests are those of a load with the plugin minus those of a load without it.
 */
export async function measureInitialize(quietMs = 2000): Promise<InitializeMeasurement> {
    const withPlugin = await loadPage(true, quietMs);
    const withoutPlugin = await loadPage(false, quietMs);

    return {
        initializeMs: withPlugin.initializeMs ?? Number.NaN,
        pluginRequests: subtract(withPlugin.requests, withoutPlugin.requests),
        requestsAfterInitialize: withPlugin.afterInitialize,
        quietMs,
    };
}
