import {GcraLimiter} from '../../../sandbox/src/emulator/faults';
import {RestError} from '../rest';
import type {RateLimitInfo} from '../rest';

import {runBulk} from './run_bulk';
import type {WriteOne} from './types';
import {VirtualClock} from './virtual_clock';

// A write rate-limited by the emulator's GCRA limiter on the virtual clock, with 20 ms latency.
function limitedWrite(clock: VirtualClock, perSec: number, maxBurst: number) {
    const limiter = new GcraLimiter({perSec, maxBurst}, 100, () => Math.round(clock.now() * 1e6));
    const counts = {sent: 0, limited: 0};

    const write: WriteOne<number> = async () => {
        counts.sent += 1;
        const result = limiter.rateLimit('caller');
        const rateLimit: RateLimitInfo = {
            limit: result.limit,
            remaining: result.remaining,
            resetSeconds: Math.ceil(result.resetAfterNs / 1e9),
        };
        await clock.sleep(20);

        if (result.limited) {
            counts.limited += 1;
            throw new RestError({
                status: 429,
                serverErrorId: '',
                message: 'limit exceeded',
                detailedError: '',
                method: 'PUT',
                url: '/api/v4/users/x/active',
                retryAfterSeconds: Math.ceil(result.retryAfterNs / 1e9),
                rateLimit,
            });
        }
        return {rateLimit};
    };
    return {write, counts};
}

describe('runBulk pacing', () => {
    test('remaining header paces writes', async () => {
        const clock = new VirtualClock();
        const {write, counts} = limitedWrite(clock, 10, 20);
        const items = Array.from({length: 200}, (_, i) => i);

        const {results} = await clock.run(runBulk(items, write, {isIdempotent: () => true, clock}));

        expect(results.every((entry) => entry.state === 'done')).toBe(true);
        expect(counts.limited).toBe(0);
        expect(counts.sent).toBe(200);
        // 21 requests fit the burst and the rest refill at 10 per second: at least 17.9 s. The
        // pacing estimates the refill from whole reset seconds, so it runs a little slower.
        expect(clock.now()).toBeGreaterThan(17_900);
        expect(clock.now()).toBeLessThan(22_000);
    });

    test('without headers 429s still finish', async () => {
        const clock = new VirtualClock();
        const {write: headerWrite, counts} = limitedWrite(clock, 10, 5);
        // Drops the headers of successful responses, so only the 429s inform the engine.
        const write: WriteOne<number> = async (item, attempt) => {
            await headerWrite(item, attempt);
        };
        const items = Array.from({length: 60}, (_, i) => i);

        const {results} = await clock.run(runBulk(items, write, {isIdempotent: () => true, clock}));

        expect(results.every((entry) => entry.state === 'done')).toBe(true);
        expect(counts.limited).toBeGreaterThan(0);
        expect(counts.sent).toBe(60 + counts.limited);
    });
});
