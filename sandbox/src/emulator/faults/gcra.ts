/**
 * The generic cell rate algorithm as `github.com/throttled/throttled` v2 implements it
 * (`rate.go`, `GCRARateLimiter.RateLimit`), which Mattermost's `RateLimitSettings` configure
 * through `throttled.RateQuota{MaxRate: throttled.PerSec(PerSec), MaxBurst: MaxBurst}`.
 * Times are integer nanoseconds, as Go's `time.Duration`.
 */
export interface GcraQuota {
    perSec: number;
    maxBurst: number;
}

export interface GcraResult {
    limited: boolean;

    /** `MaxBurst + 1`: the requests allowed at once from an empty state. */
    limit: number;
    remaining: number;

    /** Nanoseconds until the key is back at its initial state. */
    resetAfterNs: number;

    /** Nanoseconds until the next request would be allowed; -1 when this one was allowed. */
    retryAfterNs: number;
}

const SECOND_NS = 1_000_000_000;

export class GcraLimiter {
    readonly limit: number;
    private readonly emissionIntervalNs: number;
    private readonly delayToleranceNs: number;

    /** Theoretical arrival time per key, oldest first, capped at `maxKeys` like throttled's memstore LRU. */
    private readonly arrivals = new Map<string, number>();

    constructor(
        quota: GcraQuota,
        private readonly maxKeys: number,
        private readonly nowNs: () => number,
    ) {
        if (!(quota.perSec > 0) || !(quota.maxBurst >= 0) || !(maxKeys > 0)) {
            throw new RangeError(
                `invalid rate limit: PerSec ${quota.perSec}, MaxBurst ${quota.maxBurst}, ` +
                    `MemoryStoreSize ${maxKeys}; all must be positive`,
            );
        }

        // throttled.PerSec(n) is time.Second / time.Duration(n), an integer division.
        this.emissionIntervalNs = Math.trunc(SECOND_NS / Math.trunc(quota.perSec));
        this.delayToleranceNs = this.emissionIntervalNs * (quota.maxBurst + 1);
        this.limit = quota.maxBurst + 1;
    }

    rateLimit(key: string, quantity = 1): GcraResult {
        const now = this.nowNs();
        const stored = this.arrivals.get(key);
        const arrival = stored ?? now;

        const increment = quantity * this.emissionIntervalNs;
        const newArrival = (now > arrival ? now : arrival) + increment;
        const allowAt = newArrival - this.delayToleranceNs;

        let limited = false;
        let retryAfterNs = -1;
        let ttl: number;
        if (now - allowAt < 0) {
            limited = true;
            if (increment <= this.delayToleranceNs) {
                retryAfterNs = allowAt - now;
            }
            ttl = arrival - now;
        } else {
            ttl = newArrival - now;
            this.store(key, newArrival);
        }

        const next = this.delayToleranceNs - ttl;
        const remaining = next > -this.emissionIntervalNs ? Math.trunc(next / this.emissionIntervalNs) : 0;

        return {limited, limit: this.limit, remaining, resetAfterNs: ttl, retryAfterNs};
    }

    private store(key: string, arrival: number): void {
        this.arrivals.delete(key);
        this.arrivals.set(key, arrival);
        if (this.arrivals.size > this.maxKeys) {
            const oldest = this.arrivals.keys().next().value as string;
            this.arrivals.delete(oldest);
        }
    }
}

/**
 * Returns the headers Mattermost's `setRateLimitHeaders` adds for one result
 * (`server/channels/app/ratelimit.go`): seconds rounded up, each header only when not negative,
 * so `Retry-After` appears only on a limited request.
 */
export function rateLimitHeaders(result: GcraResult): Record<string, string> {
    const headers: Record<string, string> = {};
    if (result.limit >= 0) {
        headers['X-RateLimit-Limit'] = String(result.limit);
    }
    if (result.remaining >= 0) {
        headers['X-RateLimit-Remaining'] = String(result.remaining);
    }
    if (result.resetAfterNs >= 0) {
        headers['X-RateLimit-Reset'] = String(Math.ceil(result.resetAfterNs / SECOND_NS));
    }
    if (result.retryAfterNs >= 0) {
        headers['Retry-After'] = String(Math.ceil(result.retryAfterNs / SECOND_NS));
    }
    return headers;
}
