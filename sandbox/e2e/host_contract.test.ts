import type {Page} from 'playwright-core';

import type {Sandbox} from '../src/server';

import {launchBrowser, saveScreenshot} from './browser';
import type {TestBrowser} from './browser';
import {startFixtureSandbox} from './fixture_sandbox';
import {eventually, logIn, sendMessage} from './host_page';

let sandbox: Sandbox;
let browser: TestBrowser;
let page: Page;

const notFoundText = (trigger: string) => `Command with a trigger of '${trigger}' not found.`;

async function hookCalls(target: Page): Promise<string[]> {
    return target.evaluate(() => (window as any).fixtureHookCalls as string[]);
}

async function resetHookCalls(target: Page): Promise<void> {
    await target.evaluate(() => {
        (window as any).fixtureHookCalls = [];
    });
}

beforeAll(async () => {
    sandbox = await startFixtureSandbox();
    browser = await launchBrowser();
});

afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
});

beforeEach(async () => {
    page = await browser.newPage();
    await logIn(page, sandbox.url, 'alice');
    await page.waitForFunction(() => ((window as any).fixtureInitialized ?? []).length === 2);
    await resetHookCalls(page);
});

afterEach(async () => {
    await page.close();
});

describe('slash command hooks', () => {
    test('run in plugin id order', async () => {
        await sendMessage(page, '/order-check one');

        await page.getByTestId('editor-error').waitFor();
        expect(await hookCalls(page)).toEqual([
            'aaa.fixture:/order-check one',
            'zzz.fixture:/order-check one',
        ]);
    });

    test('empty object consumes command', async () => {
        const executed: string[] = [];
        page.on('request', (request) => {
            if (request.url().includes('/api/v4/commands/execute')) {
                executed.push(request.url());
            }
        });

        await sendMessage(page, '/fixture-consume now');

        expect(await eventually(() => page.getByTestId('post_textbox').inputValue(), '')).toBe('');
        expect(await hookCalls(page)).toEqual(['aaa.fixture:/fixture-consume now']);
        expect(await page.getByTestId('editor-error').count()).toBe(0);
        expect(executed).toEqual([]);
    });

    test('error result keeps text', async () => {
        await sendMessage(page, '/fixture-reject this');

        const error = page.getByTestId('editor-error');
        await error.waitFor();
        expect(await error.innerText()).toBe('Rejected by aaa.fixture');
        expect(await page.getByTestId('post_textbox').inputValue()).toBe('/fixture-reject this');
        expect(await hookCalls(page)).toEqual(['aaa.fixture:/fixture-reject this']);
        await saveScreenshot(page, 'host-hook-error');
    });

    test('thrown error shows message', async () => {
        await sendMessage(page, '/fixture-throw');

        const error = page.getByTestId('editor-error');
        await error.waitFor();
        expect(await error.innerText()).toBe('Thrown by aaa.fixture');
        expect(await page.getByTestId('post_textbox').inputValue()).toBe('/fixture-throw');
    });

    test('box disabled while hook runs', async () => {
        await sendMessage(page, '/fixture-slow');

        const box = page.getByTestId('post_textbox');
        expect(await box.isDisabled()).toBe(true);
        await page.getByTestId('editor-error').waitFor();
        expect(await box.isDisabled()).toBe(false);
    });
});

describe('message box', () => {
    test('unknown command then posts', async () => {
        await sendMessage(page, '/no-such-command hello');

        const error = page.getByTestId('editor-error');
        await error.waitFor();
        expect(await error.innerText()).toContain(notFoundText('no-such-command'));
        expect(await page.getByTestId('post_textbox').inputValue()).toBe('/no-such-command hello');

        await page.getByTestId('post_textbox').press('Enter');

        const post = page.getByTestId('post').filter({hasText: '/no-such-command hello'});
        await post.waitFor();
        expect(await post.getByTestId('post-author').innerText()).toBe('alice');
        expect(await page.getByTestId('post_textbox').inputValue()).toBe('');
        expect(await page.getByTestId('editor-error').count()).toBe(0);
        await saveScreenshot(page, 'host-unknown-command-posted');
    });

    test('posts text with markdown', async () => {
        await sendMessage(page, 'Hello **bold** <b>raw</b> https://example.com');

        const message = page.getByTestId('post-message').last();
        await message.filter({hasText: 'Hello'}).waitFor();
        expect(await message.locator('strong').innerText()).toBe('bold');
        expect(await message.locator('b').count()).toBe(0);
        expect(await message.innerText()).toContain('<b>raw</b>');
        expect(await message.locator('a').getAttribute('rel')).toContain('noopener');
    });

    test('up arrow recalls history', async () => {
        await sendMessage(page, '/fixture-consume first');
        expect(await eventually(() => page.getByTestId('post_textbox').inputValue(), '')).toBe('');
        await sendMessage(page, '/fixture-consume second');
        expect(await eventually(() => page.getByTestId('post_textbox').inputValue(), '')).toBe('');

        const box = page.getByTestId('post_textbox');
        await box.press('ArrowUp');
        expect(await box.inputValue()).toBe('/fixture-consume second');
        await box.press('ArrowUp');
        expect(await box.inputValue()).toBe('/fixture-consume first');
        await box.press('ArrowDown');
        expect(await box.inputValue()).toBe('/fixture-consume second');
    });

    test('ephemeral post uses post type', async () => {
        await sendMessage(page, '/fixture-ephemeral');

        const post = page.locator('[data-testid="post"][data-post-type="system_ephemeral"]');
        await post.waitFor();
        expect(await post.getByTestId('post-author').innerText()).toBe('System');
        const visibility = await post.getByTestId('post-visibility').innerText();
        expect(visibility).toBe('(Only visible to you)');
        expect(await post.getByTestId('fixture-post-type').innerText()).toBe(
            'Rendered by aaa.fixture: Ephemeral **result**',
        );
        await saveScreenshot(page, 'host-ephemeral-post');
    });
});

describe('plugin loading', () => {
    test('globals match web app', async () => {
        const globals = await page.evaluate(() => {
            const names = ['React', 'ReactDOM', 'Redux', 'ReactRedux', 'PropTypes', 'ReactIntl'];
            return {
                libraries: names.filter((name) => Boolean((window as any)[name])),
                postUtils: typeof (window as any).PostUtils.formatText,
                formatted: (window as any).PostUtils.formatText('**x**'),
                publicPath: (window as any).publicPath,
                basename: (window as any).basename,
                scripts: [...document.querySelectorAll('script[id^="plugin_"]')].map((s) => s.id),
            };
        });

        expect(globals.libraries).toHaveLength(6);
        expect(globals.postUtils).toBe('function');
        expect(globals.formatted).toContain('<strong>x</strong>');
        expect(globals.publicPath).toBe('/static/');
        expect(globals.basename).toBe('');
        expect(globals.scripts.sort()).toEqual(['plugin_aaa.fixture', 'plugin_zzz.fixture']);
    });

    test('disabled plugin is unloaded', async () => {
        sandbox.emulator!.store.plugins.get('zzz.fixture')!.enabled = false;
        try {
            await page.evaluate(() => (window as any).sandboxHost.syncPlugins());

            const state = await page.evaluate(() => ({
                uninitialized: (window as any).fixtureUninitialized,
                script: Boolean(document.getElementById('plugin_zzz.fixture')),
                hooks: (window as any).sandboxHost.store
                    .getState()
                    .plugins.components.SlashCommandWillBePosted.map((hook: any) => hook.pluginId),
            }));
            expect(state.uninitialized).toEqual(['zzz.fixture']);
            expect(state.script).toBe(false);
            expect(state.hooks).toEqual(['aaa.fixture']);
        } finally {
            sandbox.emulator!.store.plugins.get('zzz.fixture')!.enabled = true;
        }
    });

    test('re-register uninitializes previous', async () => {
        const uninitialized = await page.evaluate(() => {
            (window as any).registerPlugin('aaa.fixture', {initialize: () => undefined});
            return (window as any).fixtureUninitialized;
        });

        expect(uninitialized).toEqual(['aaa.fixture']);
    });
});

describe('plugin registry', () => {
    test('registrations return ids', async () => {
        const ids = await page.evaluate(
            () => (window as any).fixtureRegistries['aaa.fixture'].ids,
        );

        for (const name of ['root', 'mainMenu', 'hook']) {
            expect(ids[name]).toMatch(/^[a-z0-9]{26}$/);
        }
    });

    test('root component reads own reducer', async () => {
        const root = page.getByTestId('fixture-root-aaa.fixture');
        await root.waitFor();
        expect(await root.getByTestId('fixture-root-count').innerText()).toBe('0');

        await page.evaluate(() => {
            (window as any).sandboxHost.store.dispatch({type: 'aaa.fixture/increment'});
        });

        const count = () => root.getByTestId('fixture-root-count').innerText();
        expect(await eventually(count, '1')).toBe('1');
        const other = page.getByTestId('fixture-root-zzz.fixture');
        expect(await other.getByTestId('fixture-root-count').innerText()).toBe('0');
    });

    test('translations reach react-intl', async () => {
        const greeting = page
            .getByTestId('fixture-root-aaa.fixture')
            .getByTestId('fixture-root-greeting');

        expect(await greeting.innerText()).toBe('Hello from aaa.fixture in en');
    });

    test('unregisterComponent removes root', async () => {
        await page.getByTestId('fixture-root-zzz.fixture').waitFor();

        await page.evaluate(() => {
            const {registry, ids} = (window as any).fixtureRegistries['zzz.fixture'];
            registry.unregisterComponent(ids.root);
        });

        await page.getByTestId('fixture-root-zzz.fixture').waitFor({state: 'detached'});
        expect(await page.getByTestId('fixture-root-aaa.fixture').count()).toBe(1);
    });

    test('object arguments match positional', async () => {
        const pluginIds = await page.evaluate(() => {
            const {registry} = (window as any).fixtureRegistries['zzz.fixture'];
            registry.registerSlashCommandWillBePostedHook({hook: () => undefined});
            registry.registerSlashCommandWillBePostedHook(() => undefined);
            const state = (window as any).sandboxHost.store.getState();
            return state.plugins.components.SlashCommandWillBePosted.map(
                (hook: any) => `${hook.pluginId}:${typeof hook.hook}`,
            );
        });

        expect(pluginIds).toEqual([
            'aaa.fixture:function',
            'zzz.fixture:function',
            'zzz.fixture:function',
            'zzz.fixture:function',
        ]);
    });

    test('websocket events reach handlers', async () => {
        await page.evaluate(() => {
            (window as any).sandboxHost.emitWebSocketEvent({event: 'user_updated', data: {}});
            (window as any).sandboxHost.emitWebSocketEvent({event: 'config_changed', data: {}});
        });

        const events = await page.evaluate(() => (window as any).fixtureWebSocketEvents);
        expect([...events].sort()).toEqual([
            'aaa.fixture:user_updated',
            'zzz.fixture:user_updated',
        ]);
    });

    test('main menu lists actions', async () => {
        await page.getByTestId('main-menu-button').click();
        const actions = page.getByTestId('main-menu-action');

        expect(await actions.allInnerTexts()).toEqual(['Fixture action', 'Fixture action']);
        await actions.first().click();
        expect(await page.evaluate(() => (window as any).fixtureMainMenuClicks)).toBe(1);
    });

    test('profile popover shows actions', async () => {
        await sendMessage(page, 'a post to click');
        const post = page.getByTestId('post').filter({hasText: 'a post to click'});
        await post.waitFor();

        await post.getByTestId('post-author').click();
        const popover = post.getByTestId('profile-popover');
        await popover.waitFor();
        expect(await popover.innerText()).toContain('@alice');

        await popover.getByTestId('fixture-popover-action-aaa.fixture').click();
        await popover.waitFor({state: 'detached'});
        expect(await page.evaluate(() => (window as any).fixturePopoverUsers)).toEqual(['alice']);
    });
});

describe('session', () => {
    test('login shows user name', async () => {
        expect(await page.getByTestId('current-user').innerText()).toBe('@alice');
        const cookies = await page.context().cookies(sandbox.url);
        expect(cookies.map((cookie) => cookie.name)).toContain('MMAUTHTOKEN');
    });

    test('wrong password shows error', async () => {
        await page.context().clearCookies();
        await page.goto(`${sandbox.url}/login`);
        await page.getByTestId('login-id').fill('alice');
        await page.getByTestId('login-password').fill('not the password');
        await page.getByTestId('login-submit').click();

        const error = page.getByTestId('login-error');
        await error.waitFor();
        expect(await error.innerText()).not.toBe('');
        expect(await page.getByTestId('channel-view').count()).toBe(0);
    });

    test('logout ends the session', async () => {
        await page.getByTestId('logout-button').click();

        await page.getByTestId('login-form').waitFor();
        const status = await page.evaluate(async () => (await fetch('/api/v4/users/me')).status);
        expect(status).toBe(401);
        expect(new URL(page.url()).pathname).toBe('/login');
    });
});
