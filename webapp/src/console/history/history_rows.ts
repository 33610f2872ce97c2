import type {Batch} from '../../history/batch_record';

import {formatCsv} from '../csv/format_csv';

/** Counts a batch's outcomes: accounts or plugins changed, skipped and failed. */
export function countOutcomes(batch: Batch): {changed: number; skipped: number; failed: number} {
    const counts = {changed: 0, skipped: 0, failed: 0};
    for (const outcome of batch.outcomes) {
        if (outcome.result === 'skipped') {
            counts.skipped += 1;
        } else if (outcome.result === 'failed') {
            counts.failed += 1;
        } else {
            counts.changed += 1;
        }
    }
    return counts;
}

/** Returns whether a batch matches the filter text by command, caller or batch id. */
export function matchesHistoryFilter(batch: Batch, who: string, text: string): boolean {
    const needle = text.trim().toLowerCase();
    return needle === '' || `${batch.id} ${batch.command} ${who}`.toLowerCase().includes(needle);
}

/** Builds the CSV of the history: one row per batch. */
export function historyCsv(batches: Batch[], whoOf: (batch: Batch) => string): string {
    const header = ['batch_id', 'created_at', 'user', 'source', 'command', 'changed', 'skipped', 'failed', 'undone_at'];
    return formatCsv(header, batches.map((batch) => {
        const counts = countOutcomes(batch);
        return [
            batch.id,
            new Date(batch.created_at).toISOString(),
            whoOf(batch),
            batch.source,
            batch.command,
            counts.changed,
            counts.skipped,
            counts.failed,
            batch.undone_at ? new Date(batch.undone_at).toISOString() : '',
        ];
    }));
}
