import {RestError} from '../rest';
import type {RateLimitInfo} from '../rest';

import {runBulk} from './run_bulk';
import {CANCELLED_REASON} from './types';
import type {BulkOptions, WriteOne} from './types';
import {VirtualClock} from './virtual_clock';

function restError(status: number, extra: {retryAfterSeconds?: number; rateLimit?: RateLimitInfo} = {}): RestError {
    return new RestError({
        status,
        serverErrorId: '',
        message: status === 0 ? 'fetch failed' : `HTTP ${status}`,
        detailedError: '',
        method: 'PUT',
        url: '/api/v4/users/x/active',
        ...extra,
    });
}

// Runs the engine on a virtual clock and records when each write was sent.
async function run<T>(items: T[], writeOne: WriteOne<T>, options: BulkOptions<T> = {}) {
    const clock = new VirtualClock();
    const sends: Array<{item: T; attempt: number; at: number}> = [];
    const recorded: WriteOne<T> = (item, attempt) => {
        sends.push({item, attempt, at: clock.now()});
        return writeOne(item, attempt);
    };

    const result = await clock.run(runBulk(items, recorded, {isIdempotent: () => true, random: () => 0.5, clock, ...options}));
    return {...result, sends, clock};
}

// A write that fails with `errors` in order, then succeeds.
function failingFirst(errors: RestError[]): WriteOne<string> {
    let calls = 0;
    return async () => {
        calls += 1;
        if (calls <= errors.length) {
            throw errors[calls - 1];
        }
    };
}

describe('runBulk retries', () => {
    test('429 honours Retry-After', async () => {
        const {results, sends} = await run(['a'], failingFirst([restError(429, {retryAfterSeconds: 2})]));

        expect(results[0]).toMatchObject({state: 'done', attempts: 2});
        expect(sends[1].at - sends[0].at).toBe(2000);
    });

    test('429 honours X-RateLimit-Reset alone', async () => {
        const rateLimit = {limit: 101, remaining: 0, resetSeconds: 3};
        const {results, sends} = await run(['a'], failingFirst([restError(429, {rateLimit})]));

        expect(results[0]).toMatchObject({state: 'done', attempts: 2});
        expect(sends[1].at - sends[0].at).toBe(3000);
    });

    test('5xx retried with backoff', async () => {
        const {results, sends} = await run(['a'], failingFirst([restError(503), restError(500)]), {baseDelayMs: 400});

        expect(results[0]).toMatchObject({state: 'done', attempts: 3});
        // Backoff 400 ms then 800 ms, each three quarters with the jitter fixed at 0.5.
        expect(sends[1].at - sends[0].at).toBe(300);
        expect(sends[2].at - sends[1].at).toBe(600);
    });

    test('network failure fails after cap', async () => {
        const write: WriteOne<string> = async () => {
            throw restError(0);
        };

        const {results, sends} = await run(['a'], write, {maxAttempts: 3});

        expect(results[0]).toMatchObject({state: 'failed', attempts: 3});
        expect(results[0].state).toBe('failed');
        expect((results[0] as {reason?: string}).reason).toBe('fetch failed (after 3 attempts)');
        expect(sends).toHaveLength(3);
    });

    test('total wait caps retries', async () => {
        const write: WriteOne<string> = async () => {
            throw restError(502);
        };

        const {results} = await run(['a'], write, {maxAttempts: 10, baseDelayMs: 1000, maxTotalWaitMs: 2000});

        // Waits of 750 and 1500 ms would pass 2000 ms, so only the first retry is sent.
        expect(results[0]).toMatchObject({state: 'failed', attempts: 2});
    });

    test('4xx not retried', async () => {
        const {results, sends} = await run(['a'], failingFirst([restError(403)]));

        expect(results[0]).toMatchObject({state: 'failed', attempts: 1});
        expect(sends).toHaveLength(1);
    });

    test('non-idempotent write not retried', async () => {
        const {results, sends} = await run(['a'], failingFirst([restError(500)]), {isIdempotent: () => false});

        expect(results[0]).toMatchObject({state: 'failed', attempts: 1});
        expect(sends).toHaveLength(1);
    });
});

describe('runBulk batches', () => {
    test('cancel skips unsent items', async () => {
        const controller = new AbortController();
        const items = Array.from({length: 20}, (_, i) => `u${i}`);
        let clock: VirtualClock | undefined;
        const write: WriteOne<string> = async () => {
            await clock?.sleep(100);
        };

        clock = new VirtualClock();
        const sent: string[] = [];
        const result = await clock.run(
            runBulk(
                items,
                (item, attempt) => {
                    sent.push(item);
                    return write(item, attempt);
                },
                {
                    concurrency: 3,
                    clock,
                    signal: controller.signal,
                    onProgress: (progress) => {
                        if (progress.done === 4) {
                            controller.abort();
                        }
                    },
                },
            ),
        );

        expect(result.cancelled).toBe(true);
        expect(result.results).toHaveLength(20);
        const done = result.results.filter((entry) => entry.state === 'done').map((entry) => entry.item);
        const skipped = result.results.filter((entry) => entry.state === 'skipped');
        expect(done.sort()).toEqual([...sent].sort());
        expect(new Set(sent).size).toBe(sent.length);
        expect(done.length).toBeGreaterThanOrEqual(4);
        expect(done.length).toBeLessThanOrEqual(6);
        expect(skipped).toHaveLength(20 - done.length);
        expect(skipped.every((entry) => entry.state === 'skipped' && entry.reason === CANCELLED_REASON)).toBe(true);
    });

    test('cancel during retry wait fails', async () => {
        const controller = new AbortController();
        const write: WriteOne<string> = async () => {
            controller.abort();
            throw restError(503);
        };

        const {results, cancelled} = await run(['a'], write, {signal: controller.signal});

        expect(cancelled).toBe(true);
        expect(results[0]).toMatchObject({state: 'failed', attempts: 1});
        expect(results[0].state).toBe('failed');
        expect((results[0] as {reason?: string}).reason).toContain('canceled before it was sent again');
    });

    test('mixed batch ends once each', async () => {
        // Item i behaves by i % 5: success, 400, 500 then success, always 502, network then success.
        const calls = new Map<number, number>();
        const write: WriteOne<number> = async (item) => {
            const call = (calls.get(item) ?? 0) + 1;
            calls.set(item, call);
            switch (item % 5) {
            case 1:
                throw restError(400);
            case 2:
                if (call === 1) {
                    throw restError(500);
                }
                return;
            case 3:
                throw restError(502);
            case 4:
                if (call === 1) {
                    throw restError(0);
                }
                return;
            default:
                return;
            }
        };
        const items = Array.from({length: 100}, (_, i) => i);
        const progress: number[] = [];

        const {results} = await run(items, write, {maxAttempts: 3, onProgress: (event) => progress.push(event.done)});

        expect(results.map((entry) => entry.item)).toEqual(items);
        const states = results.map((entry) => entry.state);
        expect(states.filter((state) => state === 'done')).toHaveLength(60);
        expect(states.filter((state) => state === 'failed')).toHaveLength(40);
        for (const entry of results) {
            const expected = entry.item % 5 === 1 || entry.item % 5 === 3 ? 'failed' : 'done';
            expect(entry.state).toBe(expected);
        }
        expect(calls.get(3)).toBe(3);
        expect(calls.get(1)).toBe(1);
        expect(progress).toEqual(items.map((i) => i + 1));
    });

    test('concurrency never above bound', async () => {
        let inFlight = 0;
        let maximum = 0;
        let clock: VirtualClock | undefined;
        const write: WriteOne<number> = async (item) => {
            inFlight += 1;
            maximum = Math.max(maximum, inFlight);
            await clock?.sleep(10 + (item % 7));
            inFlight -= 1;
        };

        clock = new VirtualClock();
        const result = await clock.run(runBulk(Array.from({length: 50}, (_, i) => i), write, {concurrency: 3, clock}));

        expect(maximum).toBe(3);
        expect(result.results.every((entry) => entry.state === 'done')).toBe(true);
    });

    test('429 lowers concurrency', async () => {
        const concurrency: number[] = [];
        let limited = false;
        const write: WriteOne<number> = async () => {
            if (!limited) {
                limited = true;
                throw restError(429, {retryAfterSeconds: 1});
            }
        };

        await run(Array.from({length: 8}, (_, i) => i), write, {
            concurrency: 4,
            onProgress: (progress) => concurrency.push(progress.concurrency),
        });

        expect(concurrency[0]).toBe(2);
    });

    test('progress reports rate and ETA', async () => {
        let clock: VirtualClock | undefined;
        const events: Array<{ratePerSecond: number; etaMs?: number}> = [];
        const write: WriteOne<number> = async () => {
            await clock?.sleep(100);
        };

        clock = new VirtualClock();
        await clock.run(
            runBulk(Array.from({length: 10}, (_, i) => i), write, {
                concurrency: 1,
                clock,
                onProgress: (progress) => events.push(progress),
            }),
        );

        expect(events[0].ratePerSecond).toBe(0);
        expect(events[4].ratePerSecond).toBeCloseTo(10);
        expect(events[4].etaMs).toBeCloseTo(500);
    });
});
