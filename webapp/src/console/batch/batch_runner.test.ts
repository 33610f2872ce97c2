/**
 * @jest-environment jsdom
 */
import type {BulkProgress} from '../../bulk';
import type {Outcome} from '../../plan';

import {BatchRunner, cancelAllBatches} from './batch_runner';
import type {BatchRun} from './batch_runner';

interface Controlled {
    runner: BatchRunner;
    finish(cancelled?: boolean): void;
    report(done: number): void;
    signal(): AbortSignal;
    afterRun: jest.Mock;
    started: Promise<void>;
}

const outcome: Outcome = {plan: {command: '/deactivate', dryRun: false, items: []} as unknown as Outcome['plan'], items: [], startedAt: 1, finishedAt: 2};

// Starts a batch whose run ends only when the test calls finish().
function startControlled(): Controlled {
    const runner = new BatchRunner();
    let resolve: (run: BatchRun) => void = () => undefined;
    let progress: (next: BulkProgress) => void = () => undefined;
    let runSignal: AbortSignal | undefined;
    const afterRun = jest.fn(async () => ['recorded']);
    const started = runner.start({
        total: 3,
        fileName: 'results.csv',
        run: (signal, onProgress) => {
            runSignal = signal;
            progress = onProgress;
            return new Promise<BatchRun>((done) => {
                resolve = done;
            });
        },
        afterRun,
    });
    return {
        runner,
        finish: (cancelled = false) => resolve({outcome, cancelled}),
        report: (done) => progress({done, total: 3, succeeded: done, failed: 0, skipped: 0, ratePerSecond: 1, concurrency: 4}),
        signal: () => runSignal as AbortSignal,
        afterRun,
        started,
    };
}

function unloadIsBlocked(): boolean {
    const event = new Event('beforeunload', {cancelable: true});
    window.dispatchEvent(event);
    return event.defaultPrevented;
}

describe('BatchRunner', () => {
    test('keeps progress without listeners', () => {
        const batch = startControlled();
        batch.report(2);
        expect(batch.runner.current?.stage).toBe('running');
        expect(batch.runner.current?.progress?.done).toBe(2);
        batch.finish();
    });

    test('records after the view unmounted', async () => {
        const batch = startControlled();
        const seen: string[] = [];
        const unsubscribe = batch.runner.subscribe((job) => seen.push(job?.stage ?? 'none'));
        unsubscribe();

        batch.finish();
        await batch.started;
        expect(batch.afterRun).toHaveBeenCalledWith(outcome);
        expect(batch.runner.current?.stage).toBe('results');
        expect(batch.runner.current?.notes).toEqual(['recorded']);
        expect(seen).toEqual([]);
    });

    test('new listener sees the running batch', async () => {
        const batch = startControlled();
        batch.report(1);
        const seen: number[] = [];
        batch.runner.subscribe((job) => seen.push(job?.progress?.done ?? -1));
        batch.report(2);
        expect(seen).toEqual([2]);
        batch.finish();
        await batch.started;
    });

    test('beforeunload warns while running', async () => {
        expect(unloadIsBlocked()).toBe(false);
        const batch = startControlled();
        expect(unloadIsBlocked()).toBe(true);
        batch.finish();
        await batch.started;
        expect(unloadIsBlocked()).toBe(false);
    });

    test('cancelAllBatches aborts and still records', async () => {
        const batch = startControlled();
        cancelAllBatches();
        expect(batch.signal().aborted).toBe(true);
        expect(batch.runner.current?.canceling).toBe(true);

        batch.finish(true);
        await batch.started;
        expect(batch.afterRun).toHaveBeenCalledTimes(1);
        expect(batch.runner.current?.result?.cancelled).toBe(true);
        expect(batch.runner.current?.canceling).toBe(false);
    });

    test('second start rejected while running', async () => {
        const batch = startControlled();
        expect(() => batch.runner.start({total: 1, fileName: 'x.csv', run: async () => ({outcome, cancelled: false})})).toThrow('already running');
        batch.finish();
        await batch.started;
    });

    test('dismiss forgets only a finished batch', async () => {
        const batch = startControlled();
        batch.runner.dismiss();
        expect(batch.runner.current?.stage).toBe('running');
        batch.finish();
        await batch.started;
        batch.runner.dismiss();
        expect(batch.runner.current).toBeUndefined();
    });

    test('failed run shows its error', async () => {
        const runner = new BatchRunner();
        await runner.start({total: 1, fileName: 'x.csv', run: async () => {
            throw new Error('network down');
        }});
        expect(runner.current?.stage).toBe('results');
        expect(runner.current?.error).toBe('network down');
        expect(unloadIsBlocked()).toBe(false);
    });
});
