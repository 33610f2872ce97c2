import {AdaptiveConcurrency} from './adaptive_concurrency';
import {systemClock} from './clock';
import type {Clock} from './clock';
import {ProgressMeter} from './progress_meter';
import {RatePacer} from './rate_pacer';
import {backoffDelay, classifyFailure, isRetryable} from './retry_policy';
import type {Failure} from './retry_policy';
import {CANCELLED_REASON} from './types';
import type {BulkOptions, BulkResult, ItemResult, WriteOne} from './types';

interface Settings<T> {
    concurrency: number;
    isIdempotent: (item: T) => boolean;
    maxAttempts: number;
    maxRateLimitRetries: number;
    maxTotalWaitMs: number;
    baseDelayMs: number;
    maxDelayMs: number;
    signal?: AbortSignal;
    clock: Clock;
    random: () => number;
}

function resolveSettings<T>(options: BulkOptions<T>): Settings<T> {
    const concurrency = Math.floor(options.concurrency ?? 4);
    if (!(concurrency >= 1)) {
        throw new RangeError(`concurrency must be at least 1, received ${String(options.concurrency)}`);
    }

    return {
        concurrency,
        isIdempotent: options.isIdempotent ?? (() => false),
        maxAttempts: Math.max(1, options.maxAttempts ?? 4),
        maxRateLimitRetries: Math.max(0, options.maxRateLimitRetries ?? 10),
        maxTotalWaitMs: options.maxTotalWaitMs ?? 120_000,
        baseDelayMs: options.baseDelayMs ?? 500,
        maxDelayMs: options.maxDelayMs ?? 30_000,
        signal: options.signal,
        clock: options.clock ?? systemClock,
        random: options.random ?? Math.random,
    };
}

/** Per-item retry bookkeeping. */
interface Attempts {
    sent: number;
    rateLimited: number;
    waitedMs: number;
    lastError?: unknown;
}

/**
 * Sends `writeOne` for every item with bounded, rate-limit-aware concurrency, and returns one
 * result per item in input order. Each item ends in exactly one state:
 * - `done` once a write succeeded;
 * - `failed` with the last error after a non-retryable failure or when its retries ran out;
 * - `skipped` with `CANCELLED_REASON` when `signal` aborted before it was first sent.
 * Cancelling never interrupts a write in flight: that write finishes and its result counts.
 */
export async function runBulk<T>(
    items: readonly T[],
    writeOne: WriteOne<T>,
    options: BulkOptions<T> = {},
): Promise<BulkResult<T>> {
    const settings = resolveSettings(options);
    const {clock, signal} = settings;
    const concurrency = new AdaptiveConcurrency(settings.concurrency);
    const pacer = new RatePacer(clock, () => concurrency.maximum);
    const meter = new ProgressMeter(items.length, clock, options.rateWindowMs ?? 10_000);
    const results: Array<ItemResult<T> | undefined> = new Array(items.length);
    let cancelled = false;

    const finish = (index: number, result: ItemResult<T>) => {
        results[index] = result;
        meter.record(result.state);
        options.onProgress?.(meter.snapshot(concurrency.current));
    };

    const writeItem = async (item: T): Promise<ItemResult<T>> => {
        const attempts: Attempts = {sent: 0, rateLimited: 0, waitedMs: 0};

        for (;;) {
            const sequence = await pacer.acquire(signal);
            if (sequence === undefined) {
                cancelled = true;
                return cancelledResult(item, attempts);
            }

            attempts.sent += 1;
            try {
                const response = await writeOne(item, attempts.sent);
                pacer.observe(sequence, response?.rateLimit);
                concurrency.onSuccess();
                return {item, state: 'done', attempts: attempts.sent};
            } catch (error) {
                const failure = classifyFailure(error);
                pacer.observe(sequence, failure.rateLimit);
                attempts.lastError = error;

                const wait = retryWait(item, failure, attempts, settings);
                if (failure.kind === 'rate_limited') {
                    concurrency.onRateLimited();
                    pacer.block(wait ?? failure.serverWaitMs ?? settings.baseDelayMs);
                }
                if (wait === undefined) {
                    return failedResult(item, error, attempts.sent);
                }

                attempts.waitedMs += wait;
                if (failure.kind !== 'rate_limited') {
                    await clock.sleep(wait, signal);
                }
            }
        }
    };

    const abort = abortPromise(signal);
    const running = new Set<Promise<void>>();
    let next = 0;

    for (;;) {
        while (!signal?.aborted && next < items.length && running.size < concurrency.current) {
            const index = next++;
            const task: Promise<void> = writeItem(items[index])
                .then((result) => finish(index, result))
                .finally(() => running.delete(task));
            running.add(task);
        }

        if (running.size === 0) {
            break;
        }
        await Promise.race(signal?.aborted ? [...running] : [...running, abort]);
    }

    for (let index = next; index < items.length; index++) {
        cancelled = true;
        finish(index, {item: items[index], state: 'skipped', reason: CANCELLED_REASON, attempts: 0});
    }

    return {results: results as ItemResult<T>[], cancelled};
}

// Returns the milliseconds to wait before sending the item again, or undefined to give up.
function retryWait<T>(item: T, failure: Failure, attempts: Attempts, settings: Settings<T>): number | undefined {
    if (!isRetryable(failure.kind) || !settings.isIdempotent(item)) {
        return undefined;
    }

    let wait: number;
    if (failure.kind === 'rate_limited') {
        attempts.rateLimited += 1;
        if (attempts.rateLimited > settings.maxRateLimitRetries) {
            return undefined;
        }
        wait = failure.serverWaitMs ?? backoffDelay(attempts.rateLimited, settings.baseDelayMs, settings.maxDelayMs, settings.random);
    } else {
        const failedSends = attempts.sent - attempts.rateLimited;
        if (failedSends >= settings.maxAttempts) {
            return undefined;
        }
        const backoff = backoffDelay(failedSends, settings.baseDelayMs, settings.maxDelayMs, settings.random);
        wait = Math.max(backoff, failure.serverWaitMs ?? 0);
    }

    return attempts.waitedMs + wait <= settings.maxTotalWaitMs ? wait : undefined;
}

function cancelledResult<T>(item: T, attempts: Attempts): ItemResult<T> {
    if (attempts.sent === 0) {
        return {item, state: 'skipped', reason: CANCELLED_REASON, attempts: 0};
    }

    // Sent before and failed: whether that attempt took effect is unknown, so it stays a failure.
    const last = describeError(attempts.lastError);
    return {
        item,
        state: 'failed',
        reason: `${last}; canceled before it was sent again`,
        error: attempts.lastError,
        attempts: attempts.sent,
    };
}

function failedResult<T>(item: T, error: unknown, sent: number): ItemResult<T> {
    const reason = sent > 1 ? `${describeError(error)} (after ${sent} attempts)` : describeError(error);
    return {item, state: 'failed', reason, error, attempts: sent};
}

function describeError(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

// Resolves when the signal aborts; never resolves without a signal.
function abortPromise(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
        if (signal?.aborted) {
            resolve();
            return;
        }
        signal?.addEventListener('abort', () => resolve(), {once: true});
    });
}
