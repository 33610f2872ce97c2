/** Successes in a row after which one more write may run in parallel again. */
const SUCCESSES_PER_STEP = 10;

/**
 * The number of writes allowed in flight: halved on every HTTP 429 (never below 1), and raised
 * by one after a run of successes, up to the configured maximum.
 */
export class AdaptiveConcurrency {
    private limit: number;
    private successes = 0;

    constructor(readonly maximum: number) {
        this.limit = maximum;
    }

    get current(): number {
        return this.limit;
    }

    onSuccess(): void {
        this.successes += 1;
        if (this.successes >= SUCCESSES_PER_STEP && this.limit < this.maximum) {
            this.limit += 1;
            this.successes = 0;
        }
    }

    onRateLimited(): void {
        this.limit = Math.max(1, Math.floor(this.limit / 2));
        this.successes = 0;
    }
}
