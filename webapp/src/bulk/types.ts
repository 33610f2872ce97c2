import type {RateLimitInfo} from '../rest';

import type {Clock} from './clock';

/** Result of a successful write: the rate-limit headers of its response, when it had any. */
export interface WriteResponse {
    rateLimit?: RateLimitInfo;
}

/**
 * Sends one write. `attempt` counts from 1. A rejection is a failed attempt; the engine decides
 * from the error (see `classifyFailure`) whether to send it again.
 */
export type WriteOne<T> = (item: T, attempt: number) => Promise<WriteResponse | void>;

export interface BulkOptions<T> {
    /** Maximum writes in flight at once. Defaults to 4. */
    concurrency?: number;

    /**
     * Whether a write may be sent twice with the same effect. Only such writes are retried.
     * Defaults to false for every item.
     */
    isIdempotent?: (item: T) => boolean;

    /** Attempts per item for network errors and 5xx, the first one included. Defaults to 4. */
    maxAttempts?: number;

    /** Times one item is sent again after HTTP 429. Defaults to 10. */
    maxRateLimitRetries?: number;

    /** Maximum total wait, in milliseconds, spent before the retries of one item. Defaults to 120000. */
    maxTotalWaitMs?: number;

    /** First backoff delay in milliseconds, doubled on every retry. Defaults to 500. */
    baseDelayMs?: number;

    /** Maximum single backoff delay, in milliseconds. Defaults to 30000. */
    maxDelayMs?: number;

    /** Stops the run: no new writes start, in-flight ones finish and are recorded. */
    signal?: AbortSignal;

    onProgress?: (progress: BulkProgress) => void;

    /** Window, in milliseconds, over which the progress rate is measured. Defaults to 10000. */
    rateWindowMs?: number;

    clock?: Clock;

    /** Uniform numbers in [0, 1) for the backoff jitter. Defaults to `Math.random`. */
    random?: () => number;
}

export type ItemResult<T> =
    | {item: T; state: 'done'; attempts: number}
    | {item: T; state: 'skipped'; reason: string; attempts: number}
    | {item: T; state: 'failed'; reason: string; error: unknown; attempts: number};

export interface BulkResult<T> {
    /** One result per input item, in input order. */
    results: ItemResult<T>[];

    /** Whether the signal aborted before every item was sent. */
    cancelled: boolean;
}

export interface BulkProgress {
    /** Items that reached their final state, in any state. */
    done: number;
    total: number;
    succeeded: number;
    failed: number;
    skipped: number;

    /** Items finished per second over the recent window; 0 until two items finished. */
    ratePerSecond: number;

    /** Estimated milliseconds until every item finishes, or undefined while the rate is 0. */
    etaMs?: number;

    /** The concurrency the engine uses now, lowered after HTTP 429. */
    concurrency: number;
}

/** The reason of every item that was never sent because the run was cancelled. */
export const CANCELLED_REASON = 'canceled before it was sent';
