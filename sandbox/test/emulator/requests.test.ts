import {createHash} from 'node:crypto';

import {gunzipSync} from 'node:zlib';

import {bundleHash} from '../../src/emulator/plugins/bundle';
import {readTar} from '../../src/emulator/plugins/tar';
import {send, sendJson} from '../support/http';
import {multipartBody, pluginBundle, writeTarGz} from '../support/tar-writer';
import {errorId, startHarness, type Harness} from './harness';

let harness: Harness;

beforeEach(async () => {
    harness = await startHarness();
});

afterEach(async () => {
    await harness.server.close();
});

async function cookieLogin(username: string): Promise<{cookie: string; csrf: string}> {
    const result = await sendJson(
        harness.server.url,
        'POST',
        '/users/login',
        undefined,
        {login_id: username, password: 'password'},
        {'X-Requested-With': 'XMLHttpRequest'},
    );
    const cookies = ([] as string[]).concat(result.response.headers['set-cookie'] ?? []);
    const pairs = cookies.map((cookie) => cookie.split(';')[0]);
    const csrf = pairs.find((pair) => pair.startsWith('MMCSRF='))?.slice('MMCSRF='.length) ?? '';
    return {cookie: pairs.join('; '), csrf};
}

function patchNickname(cookie: string, headers: Record<string, string>) {
    return send(harness.server.url, {
        method: 'PUT',
        path: '/api/v4/users/me/patch',
        headers: {Cookie: cookie, 'Content-Type': 'application/json', ...headers},
        body: JSON.stringify({nickname: 'x'}),
    });
}

describe('CSRF checks', () => {
    test('strict mode rejects X-Requested-With alone', async () => {
        harness.server.emulator.store.config.ServiceSettings.ExperimentalStrictCSRFEnforcement = true;
        const {cookie, csrf} = await cookieLogin('bob');

        const xhrOnly = await patchNickname(cookie, {'X-Requested-With': 'XMLHttpRequest'});
        const withToken = await patchNickname(cookie, {'X-CSRF-Token': csrf});

        expect(xhrOnly.status).toBe(401);
        expect(JSON.parse(xhrOnly.text).detailed_error).toContain('Appears to be a CSRF attempt');
        expect(withToken.status).toBe(200);
    });

    test('cookie without any header rejected', async () => {
        const {cookie} = await cookieLogin('bob');

        const result = await patchNickname(cookie, {});

        expect(result.status).toBe(401);
        expect(errorId(JSON.parse(result.text))).toBe('api.context.session_expired.app_error');
    });

    test('role lookup skips the CSRF check', async () => {
        const {cookie} = await cookieLogin('bob');

        const result = await send(harness.server.url, {
            method: 'POST',
            path: '/api/v4/roles/names',
            headers: {Cookie: cookie, 'Content-Type': 'application/json'},
            body: JSON.stringify(['system_user']),
        });

        expect(result.status).toBe(200);
    });

    test('detailed_error empty without developer mode', async () => {
        harness.server.emulator.store.config.ServiceSettings.EnableDeveloper = false;
        const {cookie} = await cookieLogin('bob');

        const result = await patchNickname(cookie, {});

        expect(JSON.parse(result.text).detailed_error).toBe('');
    });
});

describe('user sanitisation', () => {
    test('hidden fields for normal viewers', async () => {
        const store = harness.server.emulator.store;
        store.config.PrivacySettings.ShowEmailAddress = false;
        store.config.PrivacySettings.ShowFullName = false;
        const token = await harness.login('bob');

        const ldap = (await harness.call('GET', `/users/${harness.idOf('lee.ldap')}`, token)).json;
        const alice = (await harness.call('GET', `/users/${harness.idOf('alice')}`, token)).json;

        expect(ldap).toMatchObject({auth_service: '', email: ''});
        expect(alice).toMatchObject({first_name: '', last_name: '', email: ''});
        expect(alice).not.toHaveProperty('notify_props');
        expect(alice).not.toHaveProperty('last_password_update');
    });

    test('admins see auth service and names', async () => {
        const store = harness.server.emulator.store;
        store.config.PrivacySettings.ShowFullName = false;
        const token = await harness.login('sysadmin');

        const ldap = (await harness.call('GET', `/users/${harness.idOf('lee.ldap')}`, token)).json;
        const alice = (await harness.call('GET', `/users/${harness.idOf('alice')}`, token)).json;

        expect(ldap).toMatchObject({auth_service: 'ldap'});
        expect(alice).toMatchObject({first_name: 'Alice', last_name: 'Adams'});
    });

    test('email lookup forbidden when emails hidden', async () => {
        harness.server.emulator.store.config.PrivacySettings.ShowEmailAddress = false;
        const token = await harness.login('bob');

        const result = await harness.call('GET', '/users/email/alice@example.com', token);

        expect(result.status).toBe(403);
        expect(errorId(result.json)).toBe('api.user.get_user_by_email.permissions.app_error');
    });

    test('own object keeps notify props', async () => {
        const token = await harness.login('bob');

        const me = await harness.call('GET', '/users/me', token);

        expect(me.json).toHaveProperty('notify_props');
        expect(me.json).not.toHaveProperty('password');
    });
});

const PROBE = {
    id: 'com.example.upload-probe',
    name: 'Upload Probe',
    version: '1.0.0',
    webapp: {bundle_path: 'webapp/dist/main.js'},
};

async function upload(token: string, archive: Buffer, fields: Record<string, string> = {}) {
    const {body, contentType} = multipartBody(
        {field: 'plugin', filename: 'probe.tar.gz', data: archive},
        fields,
    );
    const response = await send(harness.server.url, {
        method: 'POST',
        path: '/api/v4/plugins',
        headers: {Authorization: `Bearer ${token}`, 'Content-Type': contentType},
        body,
    });
    let json: unknown;
    try {
        json = JSON.parse(response.text);
    } catch {
        json = undefined;
    }
    return {status: response.status, json, response};
}

describe('plugin upload', () => {
    test('keeps bundle bytes for serving', async () => {
        const token = await harness.login('sysadmin');
        const bundle = 'window.registerPlugin("com.example.upload-probe", {});\n';

        const result = await upload(token, pluginBundle(PROBE, bundle));
        await harness.call('POST', `/plugins/${PROBE.id}/enable`, token);
        const webapp = (await harness.call('GET', '/plugins/webapp')).json as {
            id: string;
            webapp: {bundle_path: string};
        }[];

        expect(result.status).toBe(201);
        expect(harness.server.emulator.store.pluginBundle(PROBE.id)?.toString()).toBe(bundle);
        const probe = webapp.find((manifest) => manifest.id === PROBE.id);
        expect(probe?.webapp.bundle_path).toBe(
            `/static/${PROBE.id}/${PROBE.id}_${bundleHash(Buffer.from(bundle))}_bundle.js`,
        );
    });

    test('force replaces an installed plugin', async () => {
        const token = await harness.login('sysadmin');
        await upload(token, pluginBundle(PROBE, 'one'));

        const again = await upload(token, pluginBundle(PROBE, 'two'));
        const forced = await upload(token, pluginBundle(PROBE, 'two'), {force: 'true'});

        expect(again.status).toBe(400);
        expect(errorId(again.json)).toBe('app.plugin.install_id.app_error');
        expect(forced.status).toBe(201);
        expect(harness.server.emulator.store.pluginBundle(PROBE.id)?.toString()).toBe('two');
    });

    test.each([
        ['id too short', {...PROBE, id: 'ab'}, 'app.plugin.invalid_id.app_error'],
        ['id with a space', {...PROBE, id: 'com.example bad'}, 'app.plugin.invalid_id.app_error'],
        ['empty name', {...PROBE, name: ' '}, 'app.plugin.manifest.invalid.app_error'],
    ])('rejects manifest with %s', async (_case, manifest, id) => {
        const token = await harness.login('sysadmin');

        const result = await upload(token, pluginBundle(manifest));

        expect(result.status).toBe(400);
        expect(errorId(result.json)).toBe(id);
    });

    test('rejects archive without manifest', async () => {
        const token = await harness.login('sysadmin');
        const archive = writeTarGz([{name: 'probe/'}, {name: 'probe/README.md', data: 'x'}]);

        const result = await upload(token, archive);

        expect(result.status).toBe(400);
        expect(errorId(result.json)).toBe('app.plugin.manifest.app_error');
    });

    test('rejects bytes that are not gzip', async () => {
        const token = await harness.login('sysadmin');

        const result = await upload(token, Buffer.from('not an archive'));

        expect(result.status).toBe(400);
        expect(errorId(result.json)).toBe('app.plugin.extract.app_error');
    });

    test('uploads off answers 501', async () => {
        harness.server.emulator.store.config.PluginSettings.EnableUploads = false;
        const token = await harness.login('sysadmin');

        const result = await upload(token, pluginBundle(PROBE));

        expect(result.status).toBe(501);
        expect(errorId(result.json)).toBe('app.plugin.upload_disabled.app_error');
    });

    test('non-multipart body answers plain text', async () => {
        const token = await harness.login('sysadmin');

        const result = await harness.call('POST', '/plugins', token, {plugin: 'x'});

        expect(result.status).toBe(400);
        expect(result.json).toBeUndefined();
    });

    test('tar reader returns file entries', () => {
        const name = `${'d'.repeat(60)}/${'f'.repeat(30)}.txt`;
        const archive = gunzipSync(writeTarGz([{name: 'd/'}, {name, data: 'abc'}]));

        const entries = readTar(archive);

        expect(entries.map((entry) => entry.type)).toEqual(['directory', 'file']);
        expect(entries[1].name).toBe(name);
        expect(entries[1].data.toString()).toBe('abc');
    });

    test('bundle hash is FNV-1a 64', () => {
        expect(bundleHash(Buffer.from(''))).toBe('cbf29ce484222325');
        expect(bundleHash(Buffer.from('a'))).toBe('af63dc4c8601ec8c');
        expect(bundleHash(Buffer.from('foobar'))).toBe('85944171f73967e8');
    });
});

describe('routing and seed', () => {
    test('unknown route answers plain 404', async () => {
        const result = await send(harness.server.url, {method: 'GET', path: '/api/v4/nothing/here'});

        expect(result.status).toBe(404);
        expect(result.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(JSON.parse(result.text)).not.toHaveProperty('request_id');
    });

    test('wrong method answers 405', async () => {
        const result = await send(harness.server.url, {method: 'PATCH', path: '/api/v4/plugins/webapp'});

        expect(result.status).toBe(405);
    });

    test('demo ids derive from usernames', () => {
        const expected = createHash('sha256').update('user:alice').digest();
        const id = harness.idOf('alice');

        expect(id).toMatch(/^[a-z0-9]{26}$/);
        expect(id[0]).toBe('abcdefghijklmnopqrstuvwxyz0123456789'[expected[0] % 36]);
    });

    test('reset restores the seed', async () => {
        const emulator = harness.server.emulator;
        const token = await harness.login('sysadmin');
        await harness.call('DELETE', `/users/${harness.idOf('bob')}`, token);

        emulator.reset();

        expect(emulator.store.userByUsername('bob')?.delete_at).toBe(0);
        expect(emulator.store.sessions.size).toBe(0);
    });

    test('middleware can answer with 429', async () => {
        harness.server.emulator.use(async () => ({
            status: 429,
            raw: 'limit exceeded\n',
            contentType: 'text/plain; charset=utf-8',
            headers: {'Retry-After': '1', 'X-RateLimit-Limit': '10'},
        }));

        const result = await send(harness.server.url, {method: 'GET', path: '/api/v4/plugins/webapp'});

        expect(result.status).toBe(429);
        expect(result.text).toBe('limit exceeded\n');
        expect(result.headers['retry-after']).toBe('1');
    });

    test('client config uses strings', async () => {
        const result = await harness.call('GET', '/config/client?format=old');

        expect(result.json).toMatchObject({
            Version: '5.37.0',
            PluginsEnabled: 'true',
            EnableUserDeactivation: 'false',
            SiteURL: '',
        });
    });
});
