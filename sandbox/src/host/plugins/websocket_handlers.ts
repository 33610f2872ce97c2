/** A plugin's handler for one WebSocket event. */
export type WebSocketHandler = (message: {
    event: string;
    data: unknown;
    broadcast?: unknown;
}) => void;

// One handler per event per plugin, as `pluginEventHandlers` keeps them in the web app.
const handlers: Record<string, Record<string, WebSocketHandler>> = {};
const reconnectHandlers: Record<string, () => void> = {};

export function registerWebSocketHandler(
    pluginId: string,
    event: string,
    handler: WebSocketHandler,
) {
    handlers[pluginId] = {...handlers[pluginId], [event]: handler};
}

export function unregisterWebSocketHandler(pluginId: string, event: string) {
    if (handlers[pluginId]) {
        delete handlers[pluginId][event];
    }
}

export function unregisterAllWebSocketHandlers(pluginId: string) {
    delete handlers[pluginId];
}

export function registerReconnectHandler(pluginId: string, handler: () => void) {
    reconnectHandlers[pluginId] = handler;
}

export function unregisterReconnectHandler(pluginId: string) {
    delete reconnectHandlers[pluginId];
}

/**
 * Delivers an event to every plugin handler registered for `message.event`. The sandbox opens
 * no WebSocket, so the host calls this itself for the events it emulates.
 */
export function emitWebSocketEvent(message: {event: string; data: unknown}) {
    for (const byEvent of Object.values(handlers)) {
        byEvent[message.event]?.(message);
    }
}

/** Counts the handlers per event, for tests that check registration and cleanup. */
export function countWebSocketHandlers(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const byEvent of Object.values(handlers)) {
        for (const event of Object.keys(byEvent)) {
            counts[event] = (counts[event] ?? 0) + 1;
        }
    }
    return counts;
}
