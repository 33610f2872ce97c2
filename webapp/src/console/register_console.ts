import {CONSOLE_EVENTS} from './console_events';
import {makeLazyPanel} from './lazy_panel';
import type {ConsoleRegistry, PanelDeps} from './types';

/** Key of the `type: "custom"` setting in plugin.json; the web app matches it case-insensitively. */
export const PANEL_SETTING_KEY = 'ConsolePanel';

/**
 * Registers the System Console panel and the WebSocket handlers that feed it. Returns a function
 * that unregisters the handlers; the web app drops the custom setting itself when the plugin is
 * removed. A registry without these methods (older hosts) gets neither.
 */
export function registerConsole(registry: ConsoleRegistry, deps: PanelDeps): () => void {
    registry.registerAdminConsoleCustomSetting?.(PANEL_SETTING_KEY, makeLazyPanel(deps), {showTitle: false});

    const registered: string[] = [];
    if (registry.registerWebSocketEventHandler) {
        for (const event of CONSOLE_EVENTS) {
            registry.registerWebSocketEventHandler(event, deps.events.emit);
            registered.push(event);
        }
    }

    return () => {
        for (const event of registered) {
            registry.unregisterWebSocketEventHandler?.(event);
        }
    };
}
