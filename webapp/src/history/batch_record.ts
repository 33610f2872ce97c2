import type {Outcome, OutcomeItem, PlanItem} from '../plan';

// The shapes of the server part's batch history API (`/plugins/<id>/api/v1/batches`). The Go side
// defines them in server-proxy: PlanItem in plan.go, Outcome in outcome.go, Batch in history.go.

export interface BatchTarget {
    raw: string;
    kind: string;
    class: string;
    user_id?: string;
    username?: string;
    is_bot?: boolean;
    is_admin?: boolean;
    plugin_id?: string;
    plugin_name?: string;
    warnings?: string[];
}

export type BatchResult = 'deactivated' | 'disabled' | 'reactivated' | 'enabled' | 'skipped' | 'failed';

export interface BatchOutcome {
    kind: 'user' | 'bot' | 'plugin';
    target_id?: string;
    name: string;
    result: BatchResult;
    reason?: string;
    error_id?: string;
    status_code?: number;
}

export interface BatchRequest {
    command: string;
    targets: BatchTarget[];
    outcomes: BatchOutcome[];
}

export interface Batch extends BatchRequest {
    id: string;
    user_id: string;
    created_at: number;
    source: string;
    undone_at?: number;
    undo_outcomes?: BatchOutcome[];

    /** Set by `POST /batches` when the summary post to the summary channel failed: why, plain text. */
    summary_error?: string;
}

// The server rejects longer values (maxNameRunes and maxReasonRunes in batchrequest.go).
const MAX_NAME_LENGTH = 200;
const MAX_REASON_LENGTH = 500;

function truncate(text: string, max: number): string {
    const characters = [...text];
    return characters.length > max ? characters.slice(0, max).join('') : text;
}

/** Returns the grammar's target kind of a user target as typed. */
function targetKind(target: string): string {
    const value = target.replace(/^@/, '').toLowerCase();
    if (value === 'me') {
        return 'me';
    }
    if (value.includes('@')) {
        return 'email';
    }
    return (/^[a-z0-9]{26}$/).test(value) ? 'id' : 'username';
}

function toTarget(item: PlanItem): BatchTarget {
    if (item.kind === 'plugin') {
        return {
            raw: truncate(item.target, MAX_NAME_LENGTH),
            kind: 'plugin',
            class: item.class,
            plugin_id: item.plugin?.id,
            plugin_name: item.plugin ? truncate(item.plugin.name, MAX_NAME_LENGTH) : undefined,
            warnings: item.warnings,
        };
    }
    return {
        raw: truncate(item.target, MAX_NAME_LENGTH),
        kind: targetKind(item.target),
        class: item.class,
        user_id: item.user?.id,
        username: item.user?.username,
        is_bot: item.user?.is_bot || undefined,
        is_admin: item.user ? item.user.roles.split(' ').includes('system_admin') || undefined : undefined,
        warnings: item.warnings,
    };
}

function toOutcome(entry: OutcomeItem): BatchOutcome {
    const {item} = entry;
    const isPlugin = item.kind === 'plugin';
    const kind = isPlugin ? 'plugin' : (item.user?.is_bot ? 'bot' : 'user');
    const targetId = isPlugin ? item.plugin?.id : item.user?.id;
    const name = (isPlugin ? item.plugin?.id : item.user?.username) || item.target;

    let result: BatchResult = 'skipped';
    if (entry.state === 'done') {
        result = kind === 'user' ? 'deactivated' : 'disabled';
    } else if (entry.state === 'failed') {
        result = 'failed';
    }

    return {
        kind,
        target_id: targetId,
        name: truncate(name, MAX_NAME_LENGTH),
        result,
        reason: truncate(result === 'skipped' ? item.class : entry.reason, MAX_REASON_LENGTH) || undefined,
        error_id: entry.errorId || undefined,
        status_code: entry.status || undefined,
    };
}

/** Builds the history record of a finished batch. */
export function toBatchRequest(outcome: Outcome): BatchRequest {
    return {
        command: outcome.plan.command,
        targets: outcome.plan.items.map(toTarget),
        outcomes: outcome.items.map(toOutcome),
    };
}

/** Returns whether undoing the batch could reactivate anyone: it deactivated or disabled accounts. */
export function isUndoable(batch: Batch): boolean {
    if (batch.undone_at) {
        return false;
    }
    return batch.outcomes.some((entry) => entry.kind !== 'plugin' && (entry.result === 'deactivated' || entry.result === 'disabled'));
}
