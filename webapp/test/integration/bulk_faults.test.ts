import {parseCommand} from '../../src/command';
import {executePlan, planUsers} from '../../src/plan';
import type {PlanItem} from '../../src/plan';
import type {RestClient} from '../../src/rest';
import type {RequestContext} from '../../../sandbox/src/emulator';

import {loadCallerOverRest, loginAs, startCountingEmulator} from './emulator_session';
import type {CountingEmulator} from './emulator_session';

const USER_COUNT = 1000;

// PUT /users/{id}/active only, so that the lookups meet the rate limiter but no injected fault.
const isActivationWrite = (ctx: RequestContext) => ctx.method === 'PUT' && ctx.path.endsWith('/active');

function userIdOf(item: PlanItem): string {
    return item.kind === 'user' ? (item.user?.id ?? '') : '';
}

let server: CountingEmulator;
let admin: RestClient;

beforeAll(async () => {
    // Rate limiting at 200 per second, burst 100: the server's 10 per second would make 1,000
    // writes take about 90 s, while 200 per second still binds, because the engine on loopback
    // sends faster than that.
    server = await startCountingEmulator({
        config: {RateLimitSettings: {Enable: true, PerSec: 200, MaxBurst: 100}},
        faults: {
            seed: 20250101,
            serverErrorRate: 0.05,
            gatewayTimeoutRate: 0.02,
            dropBeforeRate: 0.03,
            dropAfterRate: 0.03,
            rateLimitRate: 0.01,
            retryAfterSeconds: 1,
            covers: isActivationWrite,
        },
    });
    admin = await loginAs(server.url, 'sysadmin');
});

afterAll(() => server.close());

test('1,000 users end once each', async () => {
    const store = server.emulator.store;
    const usernames = Array.from({length: USER_COUNT}, (_, i) => store.createUser({username: `bulk${i}`}).username);
    const caller = await loadCallerOverRest(admin);
    const parsed = parseCommand(`/deactivate ${usernames.join(' ')}`);
    if (parsed.command !== 'users') {
        throw new Error(`the command parsed as ${parsed.command}`);
    }

    const plan = await planUsers(parsed, caller, admin);
    server.resetCount();
    const outcome = await executePlan(plan, admin);

    expect(outcome.items).toHaveLength(USER_COUNT);
    const targets = outcome.items.map((entry) => entry.item.target);
    expect(new Set(targets).size).toBe(USER_COUNT);
    expect([...targets].sort()).toEqual([...usernames].sort());

    const done = outcome.items.filter((entry) => entry.state === 'done');
    const failed = outcome.items.filter((entry) => entry.state === 'failed');
    expect(done.length + failed.length).toBe(USER_COUNT);
    for (const entry of done) {
        expect(store.userByUsername(entry.item.target)?.delete_at).toBeGreaterThan(0);
    }

    // A failed write may still have taken effect (a drop or 504 after the handler ran), so the
    // state of every failed user is read again over REST and must match the server's.
    const failedIds = failed.map((entry) => userIdOf(entry.item));
    const reread = await admin.getUsersByIds(failedIds);
    expect(reread).toHaveLength(failed.length);
    for (const user of reread) {
        expect(user.delete_at).toBe(store.userByUsername(user.username)?.delete_at);
    }

    const counts = server.emulator.faults.counts;
    expect(counts.serverErrors).toBeGreaterThan(0);
    expect(counts.droppedBefore).toBeGreaterThan(0);
    expect(counts.droppedAfter).toBeGreaterThan(0);
    expect(counts.rateLimited).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(USER_COUNT / 20);
    expect(store.userByUsername('alice')?.delete_at).toBe(0);

    console.info(
        `bulk_faults: ${done.length} done, ${failed.length} failed (re-read: ` +
            `${reread.filter((user) => user.delete_at > 0).length} inactive), ` +
            `${counts.covered} writes sent, faults ${JSON.stringify(counts)}`,
    );
}, 180_000);

test('failed writes re-read for state', async () => {
    const store = server.emulator.store;
    const usernames = Array.from({length: 12}, (_, i) => store.createUser({username: `lost${i}`}).username);
    const caller = await loadCallerOverRest(admin);
    const parsed = parseCommand(`/deactivate ${usernames.join(' ')}`);
    if (parsed.command !== 'users') {
        throw new Error(`the command parsed as ${parsed.command}`);
    }
    const plan = await planUsers(parsed, caller, admin);

    // Every write loses its connection, one in five after the write took effect. Over four
    // attempts about 41% of the users stay active and the rest are deactivated.
    server.emulator.faults.configure({seed: 3, dropBeforeRate: 0.8, dropAfterRate: 0.2, covers: isActivationWrite});
    const outcome = await executePlan(plan, admin);

    expect(outcome.items.every((entry) => entry.state === 'failed')).toBe(true);
    expect(outcome.items.every((entry) => entry.status === 0)).toBe(true);

    const reread = await admin.getUsersByIds(outcome.items.map((entry) => userIdOf(entry.item)));
    const inactive = reread.filter((user) => user.delete_at > 0);
    expect(reread).toHaveLength(12);
    expect(inactive.length).toBeGreaterThan(0);
    expect(inactive.length).toBeLessThan(12);
    for (const user of reread) {
        expect(user.delete_at).toBe(store.userByUsername(user.username)?.delete_at);
    }
}, 60_000);
