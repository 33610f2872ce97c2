/** Time source and timer of the engine; tests pass a virtual clock so that waits cost nothing. */
export interface Clock {
    /** Milliseconds, monotonic within one run. */
    now(): number;

    /** Resolves after `milliseconds`, or as soon as `signal` aborts. Never rejects. */
    sleep(milliseconds: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
    now: () => performance.now(),
    sleep: (milliseconds, signal) =>
        new Promise((resolve) => {
            if (signal?.aborted || milliseconds <= 0) {
                resolve();
                return;
            }

            const finish = () => {
                clearTimeout(timer);
                signal?.removeEventListener('abort', finish);
                resolve();
            };
            const timer = setTimeout(finish, milliseconds);
            signal?.addEventListener('abort', finish, {once: true});
        }),
};
