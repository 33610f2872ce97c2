import type {Batch} from '../../history/batch_record';
import type {BatchHistory} from '../../history/batch_history';
import type {Outcome} from '../../plan';

// The server part rejects a batch with more items or a longer command (maxBatchItems and
// maxCommandRunes in server-proxy/internal/deactivate/batchrequest.go).
const MAX_ITEMS_PER_RECORD = 1000;
const MAX_COMMAND_LENGTH = 4000;

export interface RecordResult {
    batches: Batch[];
    /** Why a part could not be recorded; empty when every part was. */
    errors: unknown[];
}

/**
 * Builds the `/deactivate` line that does what the panel did, so the history reads like the
 * slash command's. A line that would pass the server's limit ends with how many were left out.
 */
export function commandLine(outcome: Outcome, flags: string[]): string {
    const prefix = ['/deactivate', ...flags].join(' ');
    const names = outcome.plan.items.map((item) => (item.kind === 'user' && item.user ? `@${item.user.username}` : item.target));
    let line = prefix;
    for (let index = 0; index < names.length; index++) {
        const rest = names.length - index;
        const suffix = ` … (${rest} more)`;
        if (line.length + names[index].length + 1 + suffix.length > MAX_COMMAND_LENGTH && rest > 1) {
            return line + suffix;
        }
        line += ` ${names[index]}`;
    }
    return line;
}

/**
 * Records a panel batch in the server part's history, split into parts of at most 1000 items
 * because the server takes no more per batch. Each part is undone on its own.
 */
export async function recordBatches(history: BatchHistory, outcome: Outcome, flags: string[]): Promise<RecordResult> {
    const result: RecordResult = {batches: [], errors: []};
    for (let start = 0; start < outcome.items.length; start += MAX_ITEMS_PER_RECORD) {
        const items = outcome.items.slice(start, start + MAX_ITEMS_PER_RECORD);
        const plan = {...outcome.plan, items: items.map((entry) => entry.item)};
        const part: Outcome = {...outcome, plan: {...plan, command: commandLine({...outcome, plan, items}, flags)}, items};
        try {
            result.batches.push(await history.record(part));
        } catch (error) {
            result.errors.push(error);
        }
    }
    return result;
}
