import type {RateLimitInfo} from '../rest';

import type {Clock} from './clock';

/** Refill interval assumed until a response reports one: Mattermost's default of 10 per second. */
const DEFAULT_INTERVAL_MS = 100;

interface Observation {
    /** The send whose response carried the headers. */
    sequence: number;
    remaining: number;
    observedAt: number;
}

/**
 * Spaces the sends of one run so that they stay under the server's rate limit. It reads
 * `X-RateLimit-Remaining` from every response and sends freely while more than `reserve`
 * requests remain. Below that it spaces sends by the refill interval, which it estimates from
 * `X-RateLimit-Reset` and `X-RateLimit-Limit` (Mattermost's throttled GCRA refills one request
 * per interval and reports the seconds until it is full again). After a 429 it pauses every send
 * until the server's wait is over.
 */
export class RatePacer {
    private sent = 0;
    private latest: Observation | undefined;
    private intervalMs = DEFAULT_INTERVAL_MS;
    private intervalDeficit = 0;
    private blockedUntil = 0;
    private nextSlotAt = 0;

    constructor(
        private readonly clock: Clock,
        private readonly reserve: () => number,
    ) {}

    /**
     * Waits until a request may be sent and returns its sequence number, or undefined when
     * `signal` aborted first.
     */
    async acquire(signal?: AbortSignal): Promise<number | undefined> {
        for (;;) {
            if (signal?.aborted) {
                return undefined;
            }

            const now = this.clock.now();
            const wait = this.waitBeforeSend(now);
            if (wait <= 0) {
                return this.recordSend(now);
            }
            await this.clock.sleep(wait, signal);
        }
    }

    /** Reads the rate-limit headers of the response to send `sequence`. */
    observe(sequence: number, info: RateLimitInfo | undefined): void {
        if (info?.remaining === undefined) {
            return;
        }

        if (!this.latest || sequence > this.latest.sequence) {
            this.latest = {sequence, remaining: info.remaining, observedAt: this.clock.now()};
        }
        this.estimateInterval(info);
    }

    /** Pauses every send for `milliseconds`, as a 429's `Retry-After` requests. */
    block(milliseconds: number): void {
        this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + milliseconds);
    }

    /**
     * Estimates how many requests the server would accept now: the last reported remaining
     * count, minus every request sent after the one it came with, plus the refills since.
     */
    remainingEstimate(now = this.clock.now()): number {
        if (!this.latest) {
            return Number.POSITIVE_INFINITY;
        }

        const sentSince = this.sent - this.latest.sequence;
        const refilled = Math.floor((now - this.latest.observedAt) / this.intervalMs);
        return this.latest.remaining - sentSince + refilled;
    }

    /** The refill interval in milliseconds that pacing uses. */
    get refillIntervalMs(): number {
        return this.intervalMs;
    }

    private waitBeforeSend(now: number): number {
        if (now < this.blockedUntil) {
            return this.blockedUntil - now;
        }
        if (this.remainingEstimate(now) > this.reserve()) {
            return 0;
        }
        return Math.max(0, this.nextSlotAt - now);
    }

    private recordSend(now: number): number {
        if (this.remainingEstimate(now) <= this.reserve()) {
            this.nextSlotAt = Math.max(now, this.nextSlotAt) + this.intervalMs;
        }
        this.sent += 1;
        return this.sent;
    }

    // The reset time is rounded up to whole seconds, so the estimate is closest when many
    // requests are missing from the limit. The observation with the largest deficit therefore wins.
    private estimateInterval(info: RateLimitInfo): void {
        if (info.limit === undefined || info.remaining === undefined || info.resetSeconds === undefined) {
            return;
        }

        const deficit = info.limit - info.remaining;
        if (deficit <= 0 || info.resetSeconds <= 0 || deficit < this.intervalDeficit) {
            return;
        }

        this.intervalDeficit = deficit;
        this.intervalMs = (info.resetSeconds * 1000) / deficit;
    }
}
