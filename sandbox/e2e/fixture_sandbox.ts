import path from 'node:path';

import {startSandbox} from '../src/server';
import type {Sandbox} from '../src/server';
import type {FixturePlugin} from '../src/server/fixture_plugins';

const fixtureBundle = path.join(__dirname, 'fixtures', 'fixture_plugin.js');

/** Settings of the fixture plugin that sorts first, for the System Console tests. */
export const fixtureSettingsSchema = {
    header: 'Fixture **header**',
    footer: 'Fixture footer',
    settings: [
        {
            key: 'FixtureSetting',
            display_name: 'Fixture setting',
            type: 'custom',
            help_text: 'Help for the *fixture* setting.',
            default: 'default value',
        },
        {
            key: 'UnregisteredSetting',
            display_name: 'Unregistered setting',
            type: 'custom',
            help_text: 'No component is registered for this key.',
        },
        {
            key: 'PlainText',
            display_name: 'Plain text',
            type: 'text',
            help_text: 'A built-in text setting.',
            default: 'plain',
        },
    ],
};

/**
 * Two copies of the fixture plugin. `zzz.fixture` is listed first so that the host has to sort
 * hooks by plugin id rather than keep the install order.
 */
export const fixturePlugins: FixturePlugin[] = [
    {manifest: {id: 'zzz.fixture', name: 'ZZZ Fixture'}, bundlePath: fixtureBundle},
    {
        manifest: {id: 'aaa.fixture', name: 'AAA Fixture', settings_schema: fixtureSettingsSchema},
        bundlePath: fixtureBundle,
    },
];

/**
 * Starts a sandbox with a fresh emulator and the two fixture plugins. The demo seed's
 * `app.deactivate` is removed, so the host tests neither need the product bundle nor see its hook.
 */
export async function startFixtureSandbox(): Promise<Sandbox> {
    const sandbox = await startSandbox({plugins: fixturePlugins, log: () => undefined});
    sandbox.emulator?.store.plugins.delete('app.deactivate');
    return sandbox;
}
