import type {PluginStatus} from '@mattermost/types/plugins';

// PluginStatus.state values of server/public/model/plugin_status.go.
const STATE_NAMES = ['not running', 'starting', 'running', 'failed to start', 'failed to stay running', 'stopping'];

const RUNNING_STATES = new Set([1, 2]);

/** One node's state of one plugin, as `GET /plugins/statuses` reports it. */
export interface NodeState {
    /** The cluster id, or `this server` on a server without a cluster. */
    node: string;
    state: string;
    running: boolean;
}

export function nodeStates(statuses: PluginStatus[], pluginId: string): NodeState[] {
    return statuses.
        filter((status) => status.plugin_id.toLowerCase() === pluginId.toLowerCase()).
        map((status) => ({
            node: status.cluster_id || 'this server',
            state: STATE_NAMES[status.state] ?? `state ${status.state}`,
            running: RUNNING_STATES.has(status.state),
        })).
        sort((left, right) => left.node.localeCompare(right.node));
}

export interface NodeCheck {
    total: number;
    stopped: number;
    running: string[];
}

/** Counts the nodes that stopped running a plugin, as the server part's cluster check does. */
export function checkNodes(statuses: PluginStatus[], pluginId: string): NodeCheck {
    const states = nodeStates(statuses, pluginId);
    const running = states.filter((state) => state.running).map((state) => state.node);
    return {total: states.length, stopped: states.length - running.length, running};
}

/**
 * Polls `GET /plugins/statuses` until no node runs the plugin or `timeoutMs` passes, and returns
 * the last count. A cluster applies a config change node by node, so the first read after
 * disabling may still show it running.
 */
export async function waitForNodesStopped(
    readStatuses: () => Promise<PluginStatus[]>,
    pluginId: string,
    timeoutMs = 10_000,
    intervalMs = 1000,
): Promise<NodeCheck> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const check = checkNodes(await readStatuses(), pluginId);
        if (check.running.length === 0 || Date.now() >= deadline) {
            return check;
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
}
