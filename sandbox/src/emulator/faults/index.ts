export {FaultInjector} from './faults';
export type {FaultCounts, FaultOptions, LatencyOptions} from './faults';
export {GcraLimiter, rateLimitHeaders} from './gcra';
export type {GcraQuota, GcraResult} from './gcra';
export {monotonicNanoseconds, RateLimiter} from './rate_limit';
export type {NanosecondClock} from './rate_limit';
export {seededRandom} from './seeded_random';
