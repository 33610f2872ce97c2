/**
 * The bulk write engine of the slash command and the System Console panel.
 *
 * `runBulk(items, writeOne, options)` returns `{results, cancelled}` with one result per item in
 * input order. Options set the concurrency (default 4), which writes are idempotent and so
 * retried, the retry caps, an `AbortSignal` to cancel, a progress callback (done, total, rate,
 * ETA), and an injectable clock and random source for tests. `writeOne` resolves with the
 * rate-limit headers of its response and rejects with a `RestError` on failure, which is how
 * the engine sees 429s, `Retry-After` and `X-RateLimit-*`.
 */
export {systemClock} from './clock';
export type {Clock} from './clock';
export {backoffDelay, classifyFailure, isRetryable} from './retry_policy';
export type {Failure, FailureKind} from './retry_policy';
export {runBulk} from './run_bulk';
export {CANCELLED_REASON} from './types';
export type {BulkOptions, BulkProgress, BulkResult, ItemResult, WriteOne, WriteResponse} from './types';
