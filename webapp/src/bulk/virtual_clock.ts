import type {Clock} from './clock';

interface Timer {
    at: number;
    resolve: () => void;
}

// Lets pending promise callbacks and I/O callbacks run.
function settle(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A clock for tests whose time moves only when every task waits on it: `run` jumps to the
 * earliest timer, so a run with minutes of backoff takes milliseconds of real time.
 */
export class VirtualClock implements Clock {
    private time = 0;
    private timers: Timer[] = [];

    now(): number {
        return this.time;
    }

    sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
        if (milliseconds <= 0 || signal?.aborted) {
            return Promise.resolve();
        }

        return new Promise((resolve) => {
            const timer: Timer = {at: this.time + milliseconds, resolve};
            this.timers.push(timer);
            signal?.addEventListener(
                'abort',
                () => {
                    this.timers = this.timers.filter((pending) => pending !== timer);
                    resolve();
                },
                {once: true},
            );
        });
    }

    /** Drives `work` to completion, firing timers in time order whenever nothing else can run. */
    async run<T>(work: Promise<T>): Promise<T> {
        let finished = false;
        const tracked = work.finally(() => {
            finished = true;
        });

        while (!finished) {
            await settle();
            if (finished) {
                break;
            }

            this.timers.sort((left, right) => left.at - right.at);
            const timer = this.timers.shift();
            if (!timer) {
                throw new Error('VirtualClock.run: the work waits on something other than the clock');
            }
            this.time = Math.max(this.time, timer.at);
            timer.resolve();
        }
        return tracked;
    }
}
