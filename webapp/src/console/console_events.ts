import type {WebSocketMessage} from './types';

/** The WebSocket events the panel refreshes itself from. */
export const CONSOLE_EVENTS = [
    'user_updated',
    'user_activation_status_change',
    'plugin_enabled',
    'plugin_disabled',
    'plugin_statuses_changed',
] as const;

export type ConsoleEventName = (typeof CONSOLE_EVENTS)[number];

export type ConsoleListener = (message: WebSocketMessage) => void;

/**
 * Forwards WebSocket events to the panel while it is mounted. The web app keeps one handler per
 * event per plugin and the handlers are registered in `initialize`, before the panel's chunk is
 * loaded, so this hub is the handler and the panel subscribes to it.
 */
export class ConsoleEvents {
    private readonly listeners = new Set<ConsoleListener>();

    subscribe(listener: ConsoleListener): () => void {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    }

    emit = (message: WebSocketMessage): void => {
        for (const listener of [...this.listeners]) {
            listener(message);
        }
    };

    get listenerCount(): number {
        return this.listeners.size;
    }
}
