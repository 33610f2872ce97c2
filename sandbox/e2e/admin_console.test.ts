import type {Page} from 'playwright-core';

import type {Sandbox} from '../src/server';

import {launchBrowser, saveScreenshot} from './browser';
import type {TestBrowser} from './browser';
import {startFixtureSandbox} from './fixture_sandbox';
import {eventually, logIn, openHost} from './host_page';

let sandbox: Sandbox;
let browser: TestBrowser;
let page: Page;

const consolePath = '/admin_console/plugins/plugin_aaa.fixture';

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
    await logIn(page, sandbox.url, 'sysadmin');
    await openHost(page, sandbox.url, consolePath);
    await page.getByTestId('admin-console').waitFor();
});

afterEach(async () => {
    await page.close();
});

describe('system console custom setting', () => {
    test('receives documented props', async () => {
        const text = await page.getByTestId('fixture-setting-props').innerText();
        const props = JSON.parse(text);

        expect(props.id).toBe('FixtureSetting');
        expect(props.label).toBe('Fixture setting');
        expect(props.value).toBe('default value');
        expect(props.disabled).toBe(false);
        expect(props.setByEnv).toBe(false);
        expect(props.showConfirm).toBe(false);
        expect(props.hasConfig).toBe(true);
        expect(props.functions).toEqual([
            'onChange',
            'registerSaveAction',
            'setSaveNeeded',
            'unRegisterSaveAction',
            'cancelSubmit',
        ]);
        const help = await page.getByTestId('fixture-setting-help').innerHTML();
        expect(help).toContain('<em>fixture</em>');
        await saveScreenshot(page, 'host-admin-console');
    });

    test('show title adds label', async () => {
        const row = page.getByTestId('setting-fixturesetting');

        expect(await row.locator('.setting-label').innerText()).toBe('Fixture setting');
        expect(await row.getByTestId('fixture-setting').count()).toBe(1);
    });

    test('unregistered key shows banner', async () => {
        const banners = page.getByTestId('custom-setting-missing');

        expect(await banners.count()).toBe(1);
        expect(await banners.innerText()).toBe(
            'In order to view this setting, enable the plugin and click Save.',
        );
    });

    test('save runs save actions', async () => {
        const save = page.getByTestId('admin-save');
        expect(await save.isDisabled()).toBe(true);

        await page.getByTestId('fixture-setting-mark-dirty').click();
        expect(await save.isDisabled()).toBe(false);
        await save.click();

        const saveActionRuns = () => page.evaluate(() => (window as any).fixtureSaveActionRuns);
        expect(await eventually(saveActionRuns, 1)).toBe(1);
        expect(await eventually(() => save.isDisabled(), true)).toBe(true);
        expect(await page.getByTestId('admin-save-error').count()).toBe(0);
    });

    test('change passes new value', async () => {
        await page.getByTestId('fixture-setting-change').click();

        const props = JSON.parse(await page.getByTestId('fixture-setting-props').innerText());
        expect(props.value).toBe('changed by fixture');
        expect(await page.getByTestId('admin-save').isDisabled()).toBe(false);
    });

    test('normal user gets no console link', async () => {
        await logIn(page, sandbox.url, 'alice');

        expect(await page.getByTestId('admin-console-link').count()).toBe(0);
        expect(await page.getByTestId('current-user').innerText()).toBe('@alice');
    });
});
