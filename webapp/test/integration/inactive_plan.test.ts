import {parseCommand} from '../../src/command';
import {ActivitySourceCache, planInactive, readActivity} from '../../src/inactive';
import {executePlan} from '../../src/plan';
import type {Plan} from '../../src/plan';
import type {RestClient} from '../../src/rest';

import {loadCallerOverRest, loginAs, startCountingEmulator} from './emulator_session';
import type {CountingEmulator} from './emulator_session';

let server: CountingEmulator;

afterEach(() => server.close());

async function start(serverVersion?: string): Promise<RestClient> {
    server = await startCountingEmulator(serverVersion ? {serverVersion} : {});
    return loginAs(server.url, 'sysadmin');
}

async function plan(
    line: string,
    rest: RestClient,
    cache = new ActivitySourceCache(),
    protectedUsernames?: ReadonlySet<string>,
): Promise<Plan> {
    const parsed = parseCommand(line);
    if (parsed.command !== 'inactive') {
        throw new Error(`${line} parsed as ${parsed.command}`);
    }

    const caller = await loadCallerOverRest(rest);
    server.resetCount();
    return planInactive(parsed, caller, rest, {serverUrl: server.url, cache, protectedUsernames});
}

function classes(result: Plan): Array<[string, string]> {
    return result.items.map((item) => [item.target, item.class]);
}

// The demo seed's expected plan at 180 days, whatever the activity source.
const EXPECTED_180D: Array<[string, string]> = [
    ['@admin2', 'admin_skipped'],
    ['@alerts-bot', 'bot_skipped'],
    ['@bob', 'deactivate'],
    ['@dave', 'deactivate'],
    ['@gary.gitlab', 'deactivate'],
    ['@helper-bot', 'bot_skipped'],
    ['@jane.doe', 'deactivate'],
    ['@lee.ldap', 'ldap_skipped'],
    ['@mallory', 'never_active_skipped'],
];

describe('inactive on 5.37', () => {
    test('falls back to status rows', async () => {
        const rest = await start();

        const result = await plan('/deactivate inactive 180d', rest);

        expect(result.selection?.source).toBe('statuses');
        expect(result.selection?.fallbackStatus).toBe(404);
        expect(classes(result)).toEqual(EXPECTED_180D);
    });

    test('probe costs one request', async () => {
        const rest = await start();

        await plan('/deactivate inactive 180d', rest);

        expect(server.requests).toEqual([
            'GET /users',
            'GET /reports/users',
            'POST /users/status/ids',
        ]);
    });

    test('cached choice skips the probe', async () => {
        const rest = await start();
        const cache = new ActivitySourceCache();

        await plan('/deactivate inactive 180d', rest, cache);
        await plan('/deactivate inactive 180d', rest, cache);

        expect(server.requests).toEqual(['GET /users', 'POST /users/status/ids']);
    });

    test('protected users are skipped', async () => {
        const rest = await start();

        const result = await plan('/deactivate inactive 180d --include-never-active', rest, undefined, new Set(['bob', 'mallory']));

        const expected = EXPECTED_180D.map(([target, planClass]): [string, string] => {
            if (target === '@bob' || target === '@mallory') {
                return [target, 'protected_skipped'];
            }
            return [target, planClass === 'never_active_skipped' ? 'deactivate' : planClass];
        });
        expect(classes(result)).toEqual(expected);
        expect(result.items.find((item) => item.target === '@mallory')?.warnings).toEqual([]);
    });

    test('never active flag selects them', async () => {
        const rest = await start();

        const result = await plan('/deactivate inactive 180d --include-never-active', rest);
        const mallory = result.items.find((item) => item.target === '@mallory');

        expect(mallory?.class).toBe('deactivate');
        expect(mallory?.warnings).toEqual(['never_active']);
    });

    test('shorter duration selects more', async () => {
        const rest = await start();

        const result = await plan('/deactivate inactive 4w', rest);
        const selected = result.items.filter((item) => item.class === 'deactivate').map((item) => item.target);

        expect(selected).toEqual(['@bob', '@carol', '@dave', '@gary.gitlab', '@jane.doe']);
    });

    test('admins with the flag', async () => {
        const rest = await start();

        const result = await plan('/deactivate inactive 180d --include-admins', rest);

        expect(result.items.find((item) => item.target === '@admin2')?.class).toBe('deactivate');
    });

    test('confirm deactivates exactly them', async () => {
        const rest = await start();
        const result = await plan('/deactivate inactive 180d', rest);

        const outcome = await executePlan(result, rest);
        const done = outcome.items.filter((entry) => entry.state === 'done').map((entry) => entry.item.target);
        const store = server.emulator.store;
        const deactivated = [...store.users.values()].filter((u) => u.delete_at > 0).map((u) => u.username).sort();

        expect(done).toEqual(['@bob', '@dave', '@gary.gitlab', '@jane.doe']);
        expect(deactivated).toEqual(['bob', 'dave', 'gary.gitlab', 'jane.doe', 'olivia']);
    });

});

describe('inactive on 9.6', () => {
    test('reads the user report', async () => {
        const rest = await start('9.6.0');

        const result = await plan('/deactivate inactive 180d', rest);

        expect(result.selection?.source).toBe('reports');
        expect(result.selection?.fallbackStatus).toBeUndefined();
        expect(classes(result)).toEqual(EXPECTED_180D);
    });

    test('report skips status rows', async () => {
        const rest = await start('9.6.0');

        await plan('/deactivate inactive 180d', rest);

        expect(server.requests).toEqual(['GET /users', 'GET /reports/users']);
    });

    test('recent login counts as activity', async () => {
        const rest = await start('9.11.0');
        await loginAs(server.url, 'bob');

        const result = await plan('/deactivate inactive 180d', rest);

        expect(result.items.find((item) => item.target === '@bob')).toBeUndefined();
    });

    test('report forbidden falls back', async () => {
        await start('9.6.0');
        const manager = await loginAs(server.url, 'umgr');
        const users = await manager.getActiveUsersPage(0);

        const read = await readActivity(users, manager);

        expect(read.source).toBe('statuses');
        expect(read.fallbackStatus).toBe(403);
        expect(read.lastActivity.size).toBe(users.length);
    });

    test('version header follows option', async () => {
        await start('9.6.0');

        const response = await fetch(`${server.url}/api/v4/system/ping`);

        expect(response.headers.get('X-Version-Id')).toMatch(/^9\.6\.0\./);
    });
});

describe('inactive request counts', () => {
    function addUsers(count: number): void {
        for (let i = 0; i < count; i++) {
            server.emulator.store.createUser({username: `load${String(i).padStart(4, '0')}`});
        }
    }

    function countOf(method: string): number {
        return server.requests.filter((request) => request === method).length;
    }

    // The demo seed has 14 active users; 486 more make 500, so the last page of 200 users holds
    // 100 and the fifth report page is full, which costs one more, empty report page.
    test('500 users on 5.37', async () => {
        const rest = await start();
        addUsers(486);

        await plan('/deactivate inactive 180d', rest);

        expect(countOf('GET /users')).toBe(3);
        expect(countOf('POST /users/status/ids')).toBe(3);
        expect(countOf('GET /reports/users')).toBe(1);
    });

    test('500 users on 9.6', async () => {
        const rest = await start('9.6.0');
        addUsers(486);

        await plan('/deactivate inactive 180d', rest);

        expect(countOf('GET /users')).toBe(3);
        expect(countOf('GET /reports/users')).toBe(6);
        expect(countOf('POST /users/status/ids')).toBe(0);
    });
});
