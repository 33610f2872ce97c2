import type {Clock} from './clock';
import type {BulkProgress, ItemResult} from './types';

/** Counts finished items and measures their rate over a sliding window. */
export class ProgressMeter {
    private succeeded = 0;
    private failed = 0;
    private skipped = 0;
    private readonly finishedAt: number[] = [];

    constructor(
        private readonly total: number,
        private readonly clock: Clock,
        private readonly windowMs: number,
    ) {}

    record(state: ItemResult<unknown>['state']): void {
        if (state === 'done') {
            this.succeeded += 1;
        } else if (state === 'failed') {
            this.failed += 1;
        } else {
            this.skipped += 1;
        }

        const now = this.clock.now();
        this.finishedAt.push(now);
        while (this.finishedAt.length > 2 && this.finishedAt[0] < now - this.windowMs) {
            this.finishedAt.shift();
        }
    }

    snapshot(concurrency: number): BulkProgress {
        const done = this.succeeded + this.failed + this.skipped;
        const ratePerSecond = this.ratePerSecond();
        const left = this.total - done;

        return {
            done,
            total: this.total,
            succeeded: this.succeeded,
            failed: this.failed,
            skipped: this.skipped,
            ratePerSecond,
            etaMs: ratePerSecond > 0 ? (left / ratePerSecond) * 1000 : undefined,
            concurrency,
        };
    }

    // Items per second between the first and the last finish in the window.
    private ratePerSecond(): number {
        const count = this.finishedAt.length;
        if (count < 2) {
            return 0;
        }

        const spanMs = this.finishedAt[count - 1] - this.finishedAt[0];
        return spanMs > 0 ? ((count - 1) * 1000) / spanMs : 0;
    }
}
