import {useEffect, useState} from 'react';

import type {BulkProgress} from '../../bulk';
import type {Outcome} from '../../plan';

export interface BatchRun {
    outcome: Outcome;
    cancelled: boolean;
}

/** A confirmed batch, from its first write to its results. */
export interface BatchJob {
    stage: 'running' | 'results';
    /** Number of writes, for the progress bar. */
    total: number;
    fileName: string;
    /** The engine's latest progress event; undefined until the first item finished. */
    progress?: BulkProgress;
    canceling: boolean;
    result?: BatchRun;
    /** Notes that `afterRun` returned (recording, cluster check), shown under the results. */
    notes: string[];
    error: string;
}

export interface BatchStart {
    total: number;
    fileName: string;
    run(signal: AbortSignal, onProgress: (progress: BulkProgress) => void): Promise<BatchRun>;
    /** Runs after the batch, whether or not a component still shows it, and returns notes. */
    afterRun?(outcome: Outcome): Promise<string[]>;
}

type Listener = (job: BatchJob | undefined) => void;

// Every runner with a batch that has not finished, for the page's beforeunload warning.
const running = new Set<BatchRunner>();

function warnBeforeUnload(event: BeforeUnloadEvent): void {
    // Browsers show their own text; setting returnValue is what older ones need to show it.
    event.preventDefault();
    event.returnValue = '';
}

/**
 * Runner of one section's batch, kept outside React. The batch keeps running, keeps its progress
 * and is recorded when it ends even while no component shows it. A tab switch unmounts the
 * section, and the section shows the batch again when it mounts. While any batch runs, the page
 * warns before it unloads.
 */
export class BatchRunner {
    private job?: BatchJob;
    private controller?: AbortController;
    private readonly listeners = new Set<Listener>();

    get current(): BatchJob | undefined {
        return this.job;
    }

    get isRunning(): boolean {
        return this.job?.stage === 'running';
    }

    /** Starts a batch; throws when this runner's previous batch is still running. */
    start(options: BatchStart): Promise<void> {
        if (this.isRunning) {
            throw new Error('A batch is already running in this section.');
        }
        const controller = new AbortController();
        this.controller = controller;
        this.update({stage: 'running', total: options.total, fileName: options.fileName, canceling: false, notes: [], error: ''});
        this.markRunning(true);
        return this.execute(options, controller);
    }

    /** Cancels the running batch: writes in flight finish, no new write starts. */
    cancel(): void {
        if (!this.isRunning || !this.job) {
            return;
        }
        this.update({...this.job, canceling: true});
        this.controller?.abort();
    }

    /** Forgets a finished batch, so the section shows its form again. */
    dismiss(): void {
        if (!this.isRunning) {
            this.update(undefined);
        }
    }

    subscribe(listener: Listener): () => void {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    private async execute(options: BatchStart, controller: AbortController): Promise<void> {
        let result: BatchRun;
        try {
            result = await options.run(controller.signal, (progress) => {
                if (this.job?.stage === 'running') {
                    this.update({...this.job, progress});
                }
            });
        } catch (caught) {
            this.finish({error: caught instanceof Error ? caught.message : String(caught)});
            return;
        }

        this.finish({result});
        try {
            const notes = await (options.afterRun?.(result.outcome) ?? Promise.resolve([]));
            this.update({...(this.job as BatchJob), notes});
        } catch (caught) {
            this.update({...(this.job as BatchJob), error: caught instanceof Error ? caught.message : String(caught)});
        }
    }

    private finish(fields: Partial<BatchJob>): void {
        this.markRunning(false);
        this.update({...(this.job as BatchJob), ...fields, stage: 'results', canceling: false});
    }

    private markRunning(isRunning: boolean): void {
        const wasEmpty = running.size === 0;
        if (isRunning) {
            running.add(this);
        } else {
            running.delete(this);
        }
        if (typeof window === 'undefined') {
            return;
        }
        if (wasEmpty && running.size > 0) {
            window.addEventListener('beforeunload', warnBeforeUnload);
        } else if (!wasEmpty && running.size === 0) {
            window.removeEventListener('beforeunload', warnBeforeUnload);
        }
    }

    private update(job: BatchJob | undefined): void {
        this.job = job;
        for (const listener of [...this.listeners]) {
            listener(job);
        }
    }
}

export type SectionName = 'users' | 'plugins' | 'history';

// The panel's chunk stays loaded once the System Console has shown it, so these outlive every
// mount of the panel.
const runners: Record<SectionName, BatchRunner> = {
    users: new BatchRunner(),
    plugins: new BatchRunner(),
    history: new BatchRunner(),
};

/** Returns the runner of a panel section; the same object for the life of the page. */
export function sectionRunner(section: SectionName): BatchRunner {
    return runners[section];
}

/** Cancels every running batch; each still records the writes that finished. */
export function cancelAllBatches(): void {
    for (const runner of [...running]) {
        runner.cancel();
    }
}

/** Returns a runner's batch and re-renders the component whenever it changes. */
export function useBatchJob(runner: BatchRunner): BatchJob | undefined {
    const [job, setJob] = useState(runner.current);
    useEffect(() => {
        setJob(runner.current);
        return runner.subscribe(setJob);
    }, [runner]);
    return job;
}
