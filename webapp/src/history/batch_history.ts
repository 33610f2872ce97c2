import type {Outcome} from '../plan';
import type {RestClient} from '../rest';

import {isUndoable, toBatchRequest} from './batch_record';
import type {Batch} from './batch_record';

// How far back `/deactivate undo` looks for the caller's latest undoable batch.
const UNDO_SEARCH_PAGE_SIZE = 20;

/**
 * The server part's batch history: every batch the web app runs is recorded, so undo works after
 * a reload and on another device. All calls run under the caller's session, and the server lets a
 * caller read and undo only their own batches unless they have `manage_system`.
 */
export class BatchHistory {
    constructor(private readonly rest: RestClient) {}

    /** Records a finished batch and returns it with the id the server gave it. */
    record(outcome: Outcome): Promise<Batch> {
        return this.rest.pluginApi('POST', '/batches', 'object', toBatchRequest(outcome));
    }

    /** Returns the named batch, or the caller's newest batch that can still be undone. */
    async findUndoable(batchId: string): Promise<Batch | undefined> {
        if (batchId) {
            const batch: Batch = await this.rest.pluginApi('GET', `/batches/${encodeURIComponent(batchId)}`, 'object');
            return batch;
        }
        const page: {batches: Batch[]} = await this.rest.pluginApi(
            'GET',
            `/batches?per_page=${UNDO_SEARCH_PAGE_SIZE}`,
            'object',
        );
        return page.batches.find(isUndoable);
    }

    /**
     * Asks the server part to reactivate `userIds`, the accounts of the batch that the confirmation
     * showed. The server skips any of them whose state changed since the batch.
     */
    undo(batchId: string, userIds: string[]): Promise<Batch> {
        const path = `/batches/${encodeURIComponent(batchId)}/undo`;
        return this.rest.pluginApi('POST', path, 'object', {user_ids: userIds});
    }
}
