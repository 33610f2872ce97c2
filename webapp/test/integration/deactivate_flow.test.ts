import {createIntl} from 'react-intl';

import en from '../../i18n/en.json';
import {parseCommand} from '../../src/command';
import type {ParsedCommand} from '../../src/command';
import {formatOutcome} from '../../src/outcome';
import {executePlan, planPlugins, planUndo, planUsers} from '../../src/plan';
import type {Caller, Plan, UserPlanItem} from '../../src/plan';
import {describeRestError, RestError} from '../../src/rest';
import type {RestClient} from '../../src/rest';

import {loadCallerOverRest, loginAs, startCountingEmulator} from './emulator_session';
import type {CountingEmulator} from './emulator_session';

const intl = createIntl({locale: 'en', messages: en});

let server: CountingEmulator;
let admin: RestClient;
let adminCaller: Caller;

beforeEach(async () => {
    server = await startCountingEmulator();
    admin = await loginAs(server.url, 'sysadmin');
    adminCaller = await loadCallerOverRest(admin);
});

afterEach(() => server.close());

function usersCommand(line: string): Extract<ParsedCommand, {command: 'users'}> {
    const parsed = parseCommand(line);
    if (parsed.command !== 'users') {
        throw new Error(`${line} parsed as ${parsed.command}`);
    }
    return parsed;
}

function pluginsCommand(line: string): Extract<ParsedCommand, {command: 'plugins'}> {
    const parsed = parseCommand(line);
    if (parsed.command !== 'plugins') {
        throw new Error(`${line} parsed as ${parsed.command}`);
    }
    return parsed;
}

function classes(plan: Plan): Array<[string, string]> {
    return plan.items.map((item) => [item.target, item.class]);
}

function storedUser(username: string) {
    const user = server.emulator.store.userByUsername(username);
    if (!user) {
        throw new Error(`emulator has no user ${username}`);
    }
    return user;
}

describe('users against emulator', () => {
    test('mixed batch planned and executed', async () => {
        const line = '/deactivate @alice, bob. olivia ghost admin2 helper-bot lee.ldap gary.gitlab CAROL@example.com';
        const plan = await planUsers(usersCommand(line), adminCaller, admin);

        expect(classes(plan)).toEqual([
            ['@alice', 'deactivate'],
            ['bob.', 'deactivate'],
            ['olivia', 'already_inactive'],
            ['ghost', 'not_found'],
            ['admin2', 'admin_skipped'],
            ['helper-bot', 'bot_skipped'],
            ['lee.ldap', 'ldap_skipped'],
            ['gary.gitlab', 'deactivate'],
            ['CAROL@example.com', 'deactivate'],
        ]);
        expect(plan.items[7].warnings).toEqual(['sso_reactivation']);

        const progress: number[] = [];
        const outcome = await executePlan({...plan, command: line}, admin, (done) => progress.push(done));

        expect(outcome.items.map((entry) => entry.state)).toEqual([
            'done', 'done', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped', 'done', 'done',
        ]);
        expect(progress).toEqual([1, 2, 3, 4]);
        for (const username of ['alice', 'bob', 'gary.gitlab', 'carol']) {
            expect(storedUser(username).delete_at).toBeGreaterThan(0);
        }
        expect(storedUser('admin2').delete_at).toBe(0);
        expect(storedUser('lee.ldap').delete_at).toBe(0);
        expect(formatOutcome(intl, outcome)).toContain('**Deactivated (4):**');
    });

    test('writes use expected endpoints', async () => {
        const plan = await planUsers(usersCommand('/deactivate alice --include-bots helper-bot'), adminCaller, admin);
        server.resetCount();

        await executePlan(plan, admin);

        // The engine sends up to four writes at once, so their arrival order is not fixed.
        expect([...server.requests].sort()).toEqual([
            `POST /bots/${storedUser('helper-bot').id}/disable`,
            `PUT /users/${storedUser('alice').id}/active`,
        ]);
        expect(server.emulator.store.bots.get(storedUser('helper-bot').id)?.delete_at).toBeGreaterThan(0);
    });

    test('dry run writes nothing', async () => {
        const plan = await planUsers(usersCommand('/deactivate --dry-run alice'), adminCaller, admin);
        server.resetCount();

        const outcome = await executePlan(plan, admin);

        expect(server.requests).toEqual([]);
        expect(outcome.items[0].state).toBe('skipped');
        expect(storedUser('alice').delete_at).toBe(0);
    });

    test('undo reactivates last batch', async () => {
        const plan = await planUsers(usersCommand('/deactivate alice bob'), adminCaller, admin);
        const outcome = await executePlan(plan, admin);
        const deactivated = outcome.items.flatMap((entry) => {
            const item = entry.item as UserPlanItem;
            return item.user ? [item.user] : [];
        });

        await admin.updateUserActive(storedUser('bob').id, true);
        const undo = await planUndo(deactivated, admin);

        expect(undo.kind).toBe('undo');
        expect(classes(undo)).toEqual([['@alice', 'reactivate'], ['@bob', 'still_active']]);

        const undone = await executePlan(undo, admin);

        expect(undone.items.map((entry) => entry.state)).toEqual(['done', 'skipped']);
        expect(storedUser('alice').delete_at).toBe(0);
    });

    test('last admins refused', async () => {
        server.emulator.store.config.TeamSettings.EnableUserDeactivation = true;
        const caller = await loadCallerOverRest(admin);
        const plan = await planUsers(usersCommand('/deactivate --include-admins admin2 me'), caller, admin);

        expect(classes(plan)).toEqual([['admin2', 'last_admin_refused'], ['me', 'last_admin_refused']]);
    });

    test('one admin of two deactivated', async () => {
        const plan = await planUsers(usersCommand('/deactivate --include-admins admin2'), adminCaller, admin);
        const outcome = await executePlan(plan, admin);

        expect(outcome.items[0].state).toBe('done');
        expect(storedUser('admin2').delete_at).toBeGreaterThan(0);
    });

    test('self named by username refused', async () => {
        const plan = await planUsers(usersCommand('/deactivate sysadmin me'), adminCaller, admin);

        expect(classes(plan)).toEqual([['sysadmin', 'self_refused']]);
    });

    test('normal user gets permission failure', async () => {
        const alice = await loginAs(server.url, 'alice');
        const caller = await loadCallerOverRest(alice);
        const plan = await planUsers(usersCommand('/deactivate bob'), caller, alice);

        const outcome = await executePlan(plan, alice);
        const [entry] = outcome.items;

        expect(entry.state).toBe('failed');
        expect(entry.status).toBe(403);
        expect(entry.errorId).toBe('api.user.update_active.permissions.app_error');
        expect(storedUser('bob').delete_at).toBe(0);
    });

    test('self deactivation disabled by server', async () => {
        const alice = await loginAs(server.url, 'alice');
        const caller = await loadCallerOverRest(alice);
        const plan = await planUsers(usersCommand('/deactivate me'), caller, alice);

        expect(classes(plan)).toEqual([['me', 'self_disallowed']]);
    });

    test('self deactivation when allowed', async () => {
        server.emulator.store.config.TeamSettings.EnableUserDeactivation = true;
        const alice = await loginAs(server.url, 'alice');
        const caller = await loadCallerOverRest(alice);
        const plan = await planUsers(usersCommand('/deactivate me'), caller, alice);

        const outcome = await executePlan(plan, alice);

        expect(outcome.items[0].state).toBe('done');
        expect(storedUser('alice').delete_at).toBeGreaterThan(0);
    });
});

describe('plugins against emulator', () => {
    test('plugin classes from server state', async () => {
        const line = '/deactivate plugin com.mattermost.calls Webhooks "User Satisfaction Surveys" jira Broken nosuch app.deactivate';
        const plan = await planPlugins(pluginsCommand(line), admin, 'app.deactivate');

        expect(classes(plan)).toEqual([
            ['com.mattermost.calls', 'disable_plugin'],
            ['Webhooks', 'plugin_ambiguous'],
            ['User Satisfaction Surveys', 'disable_plugin'],
            ['jira', 'plugin_already_disabled'],
            ['Broken', 'disable_plugin'],
            ['nosuch', 'plugin_not_found'],
            ['app.deactivate', 'disable_plugin'],
        ]);
        expect(plan.items[6].warnings).toEqual(['self_plugin']);
    });

    test('own plugin disabled last', async () => {
        const plan = await planPlugins(pluginsCommand('/deactivate plugin app.deactivate com.mattermost.calls'), admin, 'app.deactivate');
        server.resetCount();

        const outcome = await executePlan(plan, admin);

        expect(server.requests).toEqual(['POST /plugins/com.mattermost.calls/disable', 'POST /plugins/app.deactivate/disable']);
        expect(outcome.items.map((entry) => entry.item.target)).toEqual(['app.deactivate', 'com.mattermost.calls']);
        expect(server.emulator.store.plugins.get('com.mattermost.calls')?.enabled).toBe(false);
    });

    test('plugin list forbidden for users', async () => {
        const alice = await loginAs(server.url, 'alice');

        const error = await planPlugins(pluginsCommand('/deactivate plugin jira'), alice, 'app.deactivate').catch((caught: unknown) => caught);

        expect(error).toBeInstanceOf(RestError);
        expect(describeRestError(error as RestError, intl).kind).toBe('missing_permission');
    });

    test('plugins off gives 501', async () => {
        server.emulator.store.config.PluginSettings.Enable = false;

        const error = await planPlugins(pluginsCommand('/deactivate plugin jira'), admin, 'app.deactivate').catch((caught: unknown) => caught);

        expect(error).toBeInstanceOf(RestError);
        expect(describeRestError(error as RestError, intl).kind).toBe('plugins_disabled');
    });
});
