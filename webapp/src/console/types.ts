import type React from 'react';
import type {IntlShape} from 'react-intl';

import type {BatchHistory} from '../history/batch_history';
import type {RestClient} from '../rest';
import type {PluginRegistry, WebappStore} from '../types/mattermost_webapp';

import type {ConsoleEvents} from './console_events';

/** A WebSocket event as the web app hands it to plugin handlers. */
export interface WebSocketMessage {
    event: string;
    data: unknown;
    broadcast?: unknown;
}

/**
 * The registry methods the System Console panel uses. Both exist since Mattermost 5.18; they are
 * optional here so that a host without them leaves the panel out instead of throwing.
 */
export interface ConsoleRegistry extends PluginRegistry {
    registerAdminConsoleCustomSetting?(
        key: string,
        component: React.ComponentType<CustomSettingProps>,
        options?: {showTitle: boolean},
    ): void;
    registerWebSocketEventHandler?(event: string, handler: (message: WebSocketMessage) => void): void;
    unregisterWebSocketEventHandler?(event: string): void;
}

/**
 * Props the web app passes to a `type: "custom"` setting (`buildCustomSetting` in
 * webapp/channels/src/components/admin_console/schema_admin_settings.tsx).
 */
export interface CustomSettingProps {
    id: string;
    label: React.ReactNode;
    helpText: React.ReactNode;
    value: unknown;
    disabled: boolean;
    config: unknown;
    license: unknown;
    setByEnv: boolean;
    onChange(id: string, value: unknown, confirm?: boolean, doSubmit?: boolean, warning?: boolean): void;
    registerSaveAction(action: () => Promise<{error?: {message?: string}}>): void;
    unRegisterSaveAction(action: () => Promise<{error?: {message?: string}}>): void;
    setSaveNeeded(): void;
    cancelSubmit(): void;
    showConfirm: boolean;
}

/** What the panel needs from the plugin: created once in `initialize`. */
export interface PanelDeps {
    store: WebappStore;
    rest: RestClient;
    intl: IntlShape;
    history: BatchHistory;
    events: ConsoleEvents;
    ownPluginId: string;
}
