import {errorId, startHarness, type Harness} from './harness';

let harness: Harness;

beforeEach(async () => {
    harness = await startHarness();
});

afterEach(async () => {
    await harness.server.close();
});

const panelPatch = {
    PluginSettings: {
        Plugins: {'app.deactivate': {ConsolePanel: {protected_usernames: ['root'], inactive_days: 90, confirm_threshold: 10, summary_channel_id: ''}}},
    },
};

function storedPlugins(): Record<string, Record<string, unknown>> {
    return harness.server.emulator.store.config.PluginSettings.Plugins;
}

describe('PUT /config/patch', () => {
    test('admin patch stores lower-cased keys', async () => {
        const token = await harness.login('sysadmin');
        const result = await harness.call('PUT', '/config/patch', token, panelPatch);

        expect(result.status).toBe(200);
        const returned = result.json as {PluginSettings: {Plugins: Record<string, Record<string, unknown>>}};
        expect(returned.PluginSettings.Plugins['app.deactivate'].consolepanel).toEqual(panelPatch.PluginSettings.Plugins['app.deactivate'].ConsolePanel);
        expect(storedPlugins()['app.deactivate']).toEqual({consolepanel: panelPatch.PluginSettings.Plugins['app.deactivate'].ConsolePanel});
    });

    test('patch keeps other plugins and keys', async () => {
        storedPlugins()['other.plugin'] = {token: 'kept'};
        storedPlugins()['app.deactivate'] = {unrelated: 1};
        const token = await harness.login('sysadmin');
        const result = await harness.call('PUT', '/config/patch', token, panelPatch);

        expect(result.status).toBe(200);
        expect(storedPlugins()['other.plugin']).toEqual({token: 'kept'});
        expect(storedPlugins()['app.deactivate'].unrelated).toBe(1);
        expect(harness.server.emulator.store.config.PluginSettings.Enable).toBe(true);
    });

    test('normal user gets 403', async () => {
        const token = await harness.login('alice');
        const result = await harness.call('PUT', '/config/patch', token, panelPatch);

        expect(result.status).toBe(403);
        expect(errorId(result.json)).toBe('api.context.permissions.app_error');
        expect(storedPlugins()['app.deactivate']).toBeUndefined();
    });

    test('without plugin write nothing changes', async () => {
        const token = await harness.login('sysmgr');
        const result = await harness.call('PUT', '/config/patch', token, panelPatch);

        expect(result.status).toBe(200);
        expect(storedPlugins()['app.deactivate']).toBeUndefined();
    });

    test('toggling uploads is rejected', async () => {
        const token = await harness.login('sysadmin');
        const result = await harness.call('PUT', '/config/patch', token, {PluginSettings: {EnableUploads: false}});

        expect(result.status).toBe(403);
        expect(errorId(result.json)).toBe('api.config.update_config.not_allowed_security.app_error');
        expect(harness.server.emulator.store.config.PluginSettings.EnableUploads).toBe(true);
    });

    test('invalid body gets 400', async () => {
        const token = await harness.login('sysadmin');
        const result = await harness.call('PUT', '/config/patch', token, ['not', 'a', 'config']);

        expect(result.status).toBe(400);
        expect(errorId(result.json)).toBe('api.context.invalid_body_param.app_error');
    });
});
