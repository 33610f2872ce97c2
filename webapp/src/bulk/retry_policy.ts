import {isRestError} from '../rest';
import type {RateLimitInfo} from '../rest';

/**
 * Kind of an attempt's failure: `rate_limited` is HTTP 429, `server` a 5xx, `network` no response at all,
 * `client` any other 4xx or an unreadable 2xx, `other` an error that is not a REST error.
 */
export type FailureKind = 'rate_limited' | 'server' | 'network' | 'client' | 'other';

export interface Failure {
    kind: FailureKind;

    /** The server's requested wait in milliseconds: `Retry-After`, or `X-RateLimit-Reset` on a 429. */
    serverWaitMs?: number;
    rateLimit?: RateLimitInfo;
}

export function classifyFailure(error: unknown): Failure {
    if (!isRestError(error)) {
        return {kind: 'other'};
    }

    const rateLimit = error.rateLimit;
    const retryAfterMs = error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000;

    if (error.status === 0) {
        return {kind: 'network'};
    }
    if (error.status === 429) {
        const resetMs = rateLimit?.resetSeconds === undefined ? undefined : rateLimit.resetSeconds * 1000;
        return {kind: 'rate_limited', serverWaitMs: retryAfterMs ?? resetMs, rateLimit};
    }
    if (error.status >= 500) {
        return {kind: 'server', serverWaitMs: retryAfterMs, rateLimit};
    }
    return {kind: 'client', rateLimit};
}

/** Returns whether a failure of this kind may succeed when the same idempotent write is sent again. */
export function isRetryable(kind: FailureKind): boolean {
    return kind === 'rate_limited' || kind === 'server' || kind === 'network';
}

/**
 * Returns the delay before retry number `retry` (1 for the first retry): `baseMs` doubled per
 * retry, capped at `maxMs`, of which a random half is jitter so that parallel retries spread out.
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number): number {
    const exponential = Math.min(maxMs, baseMs * 2 ** (retry - 1));
    return exponential / 2 + random() * (exponential / 2);
}
