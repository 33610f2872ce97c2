import {errorId, startHarness, type Harness} from './harness';

let harness: Harness;

beforeEach(async () => {
    harness = await startHarness();
});

afterEach(async () => {
    await harness.server.close();
});

describe('user deactivation rules', () => {
    test('malformed id checked before permission', async () => {
        const token = await harness.login('alice');
        const result = await harness.call('DELETE', '/users/abc123', token);

        expect(result.status).toBe(400);
        expect(errorId(result.json)).toBe('api.context.invalid_url_param.app_error');
    });

    test('user manager cannot delete users', async () => {
        const token = await harness.login('umgr');
        const result = await harness.call('DELETE', `/users/${harness.idOf('bob')}`, token);

        expect(result.status).toBe(403);
        expect(errorId(result.json)).toBe('api.context.permissions.app_error');
    });

    test('edit_other_users cannot delete admin', async () => {
        const store = harness.server.emulator.store;
        store.roles.get('system_user_manager')?.permissions.push('edit_other_users');
        const token = await harness.login('umgr');

        const onAdmin = await harness.call('DELETE', `/users/${harness.idOf('admin2')}`, token);
        const onUser = await harness.call('DELETE', `/users/${harness.idOf('bob')}`, token);

        expect(onAdmin.status).toBe(403);
        expect(onUser.status).toBe(200);
        expect(store.users.get(harness.idOf('bob'))?.delete_at).toBeGreaterThan(0);
    });

    test('delegated role deactivates through PUT', async () => {
        const store = harness.server.emulator.store;
        store.roles.get('system_manager')?.permissions.push('sysconsole_write_user_management_users');
        const token = await harness.login('sysmgr');

        const onUser = await harness.call('PUT', `/users/${harness.idOf('carol')}/active`, token, {
            active: false,
        });
        const onAdmin = await harness.call('PUT', `/users/${harness.idOf('admin2')}/active`, token, {
            active: false,
        });

        expect(onUser.status).toBe(200);
        expect(onAdmin.status).toBe(403);
        expect((onAdmin.json as {detailed_error: string}).detailed_error).toContain('manage_system');
    });

    test('self-deactivation allowed when enabled', async () => {
        harness.server.emulator.store.config.TeamSettings.EnableUserDeactivation = true;
        const token = await harness.login('dave');

        const result = await harness.call('PUT', '/users/me/active', token, {active: false});
        const afterwards = await harness.call('GET', '/users/me', token);

        expect(result.status).toBe(200);
        expect(afterwards.status).toBe(401);
    });

    test('permanent delete needs the setting', async () => {
        const store = harness.server.emulator.store;
        const token = await harness.login('sysadmin');
        const bob = harness.idOf('bob');

        const refused = await harness.call('DELETE', `/users/${bob}?permanent=true`, token);
        store.config.ServiceSettings.EnableAPIUserDeletion = true;
        const deleted = await harness.call('DELETE', `/users/${bob}?permanent=true`, token);

        expect(refused.status).toBe(401);
        expect(deleted.status).toBe(200);
        expect(store.users.has(bob)).toBe(false);
    });

    test('reactivating a guest needs guest accounts', async () => {
        const store = harness.server.emulator.store;
        const guest = store.createUser({username: 'gwen', roles: 'system_guest', delete_at: 1});
        const token = await harness.login('sysadmin');

        const result = await harness.call('PUT', `/users/${guest.id}/active`, token, {active: true});

        expect(result.status).toBe(401);
        expect(errorId(result.json)).toBe(
            'api.user.update_active.cannot_enable_guest_when_guest_feature_is_disabled.app_error',
        );
    });
});

describe('bot owner deactivation', () => {
    test('disables the owner bots', async () => {
        const store = harness.server.emulator.store;
        const token = await harness.login('sysadmin');

        await harness.call('DELETE', `/users/${harness.idOf('alice')}`, token);

        expect(store.bots.get(harness.idOf('alerts-bot'))?.delete_at).toBeGreaterThan(0);
        expect(store.users.get(harness.idOf('alerts-bot'))?.delete_at).toBeGreaterThan(0);
        expect(store.bots.get(harness.idOf('helper-bot'))?.delete_at).toBe(0);
    });

    test('keeps bots when the setting is off', async () => {
        const store = harness.server.emulator.store;
        store.config.ServiceSettings.DisableBotsWhenOwnerIsDeactivated = false;
        const token = await harness.login('sysadmin');

        await harness.call('PUT', `/users/${harness.idOf('alice')}/active`, token, {active: false});

        expect(store.bots.get(harness.idOf('alerts-bot'))?.delete_at).toBe(0);
    });

    test('reactivation leaves bots disabled', async () => {
        const store = harness.server.emulator.store;
        const token = await harness.login('sysadmin');
        const alice = harness.idOf('alice');

        await harness.call('DELETE', `/users/${alice}`, token);
        await harness.call('PUT', `/users/${alice}/active`, token, {active: true});

        expect(store.users.get(alice)?.delete_at).toBe(0);
        expect(store.bots.get(harness.idOf('alerts-bot'))?.delete_at).toBeGreaterThan(0);
    });

    test('deactivation revokes every session', async () => {
        const adminToken = await harness.login('sysadmin');
        const bobToken = await harness.login('bob');

        await harness.call('DELETE', `/users/${harness.idOf('bob')}`, adminToken);
        const sessions = await harness.call('GET', `/users/${harness.idOf('bob')}/sessions`, adminToken);
        const me = await harness.call('GET', '/users/me', bobToken);

        expect(sessions.json).toEqual([]);
        expect(me.status).toBe(401);
    });
});

describe('plugin permissions', () => {
    test('system manager reads but cannot disable', async () => {
        const token = await harness.login('sysmgr');

        const list = await harness.call('GET', '/plugins', token);
        const disable = await harness.call('POST', '/plugins/com.mattermost.calls/disable', token);

        expect(list.status).toBe(200);
        expect(disable.status).toBe(403);
    });

    test('plugins off answers 501', async () => {
        harness.server.emulator.store.config.PluginSettings.Enable = false;
        const token = await harness.login('sysadmin');

        const result = await harness.call('POST', '/plugins/com.mattermost.calls/disable', token);

        expect(result.status).toBe(501);
        expect(errorId(result.json)).toBe('app.plugin.disabled.app_error');
    });

    test('failed plugin listed as inactive', async () => {
        const token = await harness.login('sysadmin');

        const list = (await harness.call('GET', '/plugins', token)).json as {
            active: {id: string}[];
            inactive: {id: string}[];
        };
        const statuses = (await harness.call('GET', '/plugins/statuses', token)).json as {
            plugin_id: string;
            state: number;
        }[];

        expect(list.inactive.map((p) => p.id)).toContain('com.example.broken');
        expect(list.active.map((p) => p.id)).not.toContain('com.example.broken');
        expect(statuses.find((s) => s.plugin_id === 'com.example.broken')?.state).toBe(3);
        expect(statuses.find((s) => s.plugin_id === 'com.mattermost.plugin-jira')?.state).toBe(0);
    });
});
