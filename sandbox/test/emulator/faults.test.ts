import {FaultInjector, GcraLimiter, rateLimitHeaders} from '../../src/emulator/faults';
import type {FaultOptions} from '../../src/emulator/faults';
import type {EmulatorConfig} from '../../src/emulator';
import {send, sendJson} from '../support/http';

import {startHarness, type Harness} from './harness';

let harness: Harness | undefined;

afterEach(async () => {
    await harness?.server.close();
    harness = undefined;
});

async function start(
    rateLimit: Partial<EmulatorConfig['RateLimitSettings']> = {},
    faults: FaultOptions = {},
): Promise<Harness> {
    harness = await startHarness({config: {RateLimitSettings: rateLimit}, faults});
    return harness;
}

const SECOND_NS = 1_000_000_000;

describe('GCRA arithmetic', () => {
    // PerSec 10 and MaxBurst 100 give an emission interval T of 100 ms and a tolerance of
    // T * (MaxBurst + 1) = 10.1 s; the limit header is MaxBurst + 1.
    test('default quota at one instant', () => {
        let now = 5 * SECOND_NS;
        const limiter = new GcraLimiter({perSec: 10, maxBurst: 100}, 10_000, () => now);

        const first = rateLimitHeaders(limiter.rateLimit('a'));
        expect(first).toEqual({'X-RateLimit-Limit': '101', 'X-RateLimit-Remaining': '100', 'X-RateLimit-Reset': '1'});

        for (let i = 2; i <= 100; i++) {
            limiter.rateLimit('a');
        }
        const last = rateLimitHeaders(limiter.rateLimit('a'));
        expect(last).toEqual({'X-RateLimit-Limit': '101', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '11'});

        const over = limiter.rateLimit('a');
        expect(over.limited).toBe(true);
        expect(over.retryAfterNs).toBe(SECOND_NS / 10);
        expect(rateLimitHeaders(over)).toEqual({
            'X-RateLimit-Limit': '101',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': '11',
            'Retry-After': '1',
        });

        now += SECOND_NS / 10;
        expect(limiter.rateLimit('a').limited).toBe(false);
        expect(limiter.rateLimit('a').limited).toBe(true);
    });

    test('keys refill independently', () => {
        let now = 0;
        const limiter = new GcraLimiter({perSec: 2, maxBurst: 0}, 10_000, () => now);

        expect(limiter.rateLimit('a').limited).toBe(false);
        expect(limiter.rateLimit('a').limited).toBe(true);
        expect(limiter.rateLimit('b').limited).toBe(false);

        now += SECOND_NS / 2;
        expect(limiter.rateLimit('a').limited).toBe(false);
    });

    test('store forgets the oldest key', () => {
        const limiter = new GcraLimiter({perSec: 1, maxBurst: 0}, 2, () => 0);
        limiter.rateLimit('a');
        limiter.rateLimit('b');
        limiter.rateLimit('c');

        expect(limiter.rateLimit('a').limited).toBe(false);
        expect(limiter.rateLimit('c').limited).toBe(true);
    });

    test('invalid quota rejected', () => {
        expect(() => new GcraLimiter({perSec: 0, maxBurst: 100}, 10, () => 0)).toThrow(RangeError);
    });
});

describe('rate limit middleware', () => {
    // PerSec 1 and MaxBurst 4: T = 1 s, tolerance 5 s, limit 5. Six requests within a few
    // milliseconds leave 4, 3, 2, 1, 0 and then one limited request.
    test('headers and 429 body match server', async () => {
        const {server} = await start({Enable: true, PerSec: 1, MaxBurst: 4});
        const responses = [];
        for (let i = 0; i < 6; i++) {
            responses.push(await send(server.url, {method: 'GET', path: '/api/v4/config/client?format=old'}));
        }

        expect(responses.map((response) => response.headers['x-ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0', '0']);
        expect(responses.map((response) => response.headers['x-ratelimit-reset'])).toEqual(['1', '2', '3', '4', '5', '5']);
        expect(responses.every((response) => response.headers['x-ratelimit-limit'] === '5')).toBe(true);
        expect(responses.slice(0, 5).every((response) => response.headers['retry-after'] === undefined)).toBe(true);

        const limited = responses[5];
        expect(limited.status).toBe(429);
        expect(limited.text).toBe('limit exceeded\n');
        expect(limited.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(limited.headers['retry-after']).toBe('1');
    });

    test('off by default', async () => {
        const {server} = await start();

        const response = await send(server.url, {method: 'GET', path: '/api/v4/config/client?format=old'});

        expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    });

    test('settings change at run time', async () => {
        const {server} = await start({Enable: true, PerSec: 1, MaxBurst: 0});
        await send(server.url, {method: 'GET', path: '/api/v4/config/client?format=old'});
        const limited = await send(server.url, {method: 'GET', path: '/api/v4/config/client?format=old'});

        server.emulator.store.config.RateLimitSettings.MaxBurst = 50;
        const after = await send(server.url, {method: 'GET', path: '/api/v4/config/client?format=old'});

        expect(limited.status).toBe(429);
        expect(after.status).not.toBe(429);
        expect(after.headers['x-ratelimit-limit']).toBe('51');
    });

    // Logs in two users with rate limiting off, then turns it on with `settings`.
    async function twoSessions(settings: Partial<EmulatorConfig['RateLimitSettings']>) {
        const current = await start();
        const alice = await current.login('alice');
        const bob = await current.login('bob');
        Object.assign(current.server.emulator.store.config.RateLimitSettings, {Enable: true, ...settings});
        return {url: current.server.url, alice, bob};
    }

    test('VaryByUser keys by token', async () => {
        const {url, alice, bob} = await twoSessions({PerSec: 1, MaxBurst: 1, VaryByUser: true});

        const first = await sendJson(url, 'GET', '/users/me', alice);
        await sendJson(url, 'GET', '/users/me', alice);
        const third = await sendJson(url, 'GET', '/users/me', alice);
        const other = await sendJson(url, 'GET', '/users/me', bob);

        expect(first.status).toBe(200);
        expect(third.status).toBe(429);
        expect(other.status).toBe(200);
        // Limited by token and then by user id: each pass adds its own copy of the headers.
        expect(first.response.headers['x-ratelimit-limit']).toBe('2, 2');
    });

    test('address key shared across tokens', async () => {
        const {url, alice, bob} = await twoSessions({PerSec: 1, MaxBurst: 0});

        const first = await sendJson(url, 'GET', '/users/me', alice);
        const other = await sendJson(url, 'GET', '/users/me', bob);

        expect(first.status).toBe(200);
        expect(other.status).toBe(429);
    });
});

describe('latency and faults', () => {
    test('latency delays every response', async () => {
        const {server} = await start({}, {latency: {fixedMs: 60, jitterMs: 20}});

        const started = performance.now();
        await send(server.url, {method: 'GET', path: '/api/v4/config/client?format=old'});
        const elapsed = performance.now() - started;

        expect(elapsed).toBeGreaterThanOrEqual(59);
        expect(elapsed).toBeLessThan(1000);
    });

    // Returns the status of each of `count` sequential requests, 0 for a dropped connection.
    async function statuses(options: FaultOptions, count: number): Promise<number[]> {
        const {server} = await start({}, options);
        const seen: number[] = [];
        for (let i = 0; i < count; i++) {
            const response = await send(server.url, {method: 'GET', path: '/api/v4/config/client?format=old'}).catch(() => undefined);
            seen.push(response?.status ?? 0);
        }
        await server.close();
        harness = undefined;
        return seen;
    }

    const mixed: FaultOptions = {seed: 42, serverErrorRate: 0.2, dropBeforeRate: 0.1, rateLimitRate: 0.1};

    test('seeded faults are reproducible', async () => {
        const first = await statuses(mixed, 120);
        const second = await statuses(mixed, 120);
        const reseeded = await statuses({...mixed, seed: 43}, 120);

        expect(second).toEqual(first);
        expect(reseeded).not.toEqual(first);
        expect(first.filter((status) => status === 200).length).toBeGreaterThan(50);
        expect(first).toContain(0);
        expect(first).toContain(429);
        expect(first.some((status) => status >= 500)).toBe(true);
    });

    test('server errors have real bodies', async () => {
        const {server} = await start({}, {seed: 7, serverErrorRate: 1});
        const bodies = new Map<number, string>();
        for (let i = 0; i < 30; i++) {
            const response = await send(server.url, {method: 'GET', path: '/api/v4/config/client?format=old'});
            bodies.set(response.status, response.text);
        }

        expect([...bodies.keys()].sort()).toEqual([500, 502, 503]);
        expect(JSON.parse(bodies.get(500) ?? '{}')).toMatchObject({id: 'api.emulator.injected_fault.app_error', status_code: 500});
        expect(bodies.get(502)).toContain('<title>502 Bad Gateway</title>');
    });

    test('drop before leaves state unchanged', async () => {
        const current = await start();
        const token = await current.login('sysadmin');
        current.server.emulator.faults.configure({dropBeforeRate: 1, covers: (ctx) => ctx.method === 'PUT'});

        const call = current.call('PUT', `/users/${current.idOf('alice')}/active`, token, {active: false});

        await expect(call).rejects.toThrow();
        expect(current.server.emulator.store.userByUsername('alice')?.delete_at).toBe(0);
        expect(current.server.emulator.faults.counts.droppedBefore).toBe(1);
    });

    test('drop after applies the write', async () => {
        const current = await start();
        const token = await current.login('sysadmin');
        current.server.emulator.faults.configure({dropAfterRate: 1, covers: (ctx) => ctx.method === 'PUT'});

        const call = current.call('PUT', `/users/${current.idOf('alice')}/active`, token, {active: false});

        await expect(call).rejects.toThrow();
        expect(current.server.emulator.store.userByUsername('alice')?.delete_at).toBeGreaterThan(0);
    });

    test('gateway timeout applies the write', async () => {
        const current = await start();
        const token = await current.login('sysadmin');
        current.server.emulator.faults.configure({gatewayTimeoutRate: 1, covers: (ctx) => ctx.method === 'PUT'});

        const result = await current.call('PUT', `/users/${current.idOf('alice')}/active`, token, {active: false});

        expect(result.status).toBe(504);
        expect(current.server.emulator.store.userByUsername('alice')?.delete_at).toBeGreaterThan(0);
    });

    test('rates above one rejected', () => {
        expect(() => new FaultInjector({serverErrorRate: 0.7, dropBeforeRate: 0.5})).toThrow(RangeError);
        expect(() => new FaultInjector({rateLimitRate: -0.1})).toThrow(RangeError);
    });
});
