import type React from 'react';

import {HostActionTypes} from '../store/action_types';
import type {HostStore} from '../store/store';
import {registerPluginReducer} from '../store/store';
import type {SlashCommandHook} from '../store/plugins_types';

import {generateId} from './generate_id';
import {reArg} from './re_arg';
import {
    registerReconnectHandler,
    registerWebSocketHandler,
    unregisterReconnectHandler,
    unregisterWebSocketHandler,
} from './websocket_handlers';
import type {WebSocketHandler} from './websocket_handlers';

/** The locale the host renders in; the sandbox has no user setting for it. */
export const hostLocale = 'en';

type Component = React.ComponentType<any>;

interface MainMenuActionArgs {
    text: React.ReactNode;
    action: () => void;
    mobileIcon?: unknown;
}

interface CustomSettingArgs {
    key: string;
    component: Component;
    options?: {showTitle?: boolean};
}

/**
 * The object a plugin's `initialize(registry, store)` receives, one per plugin. Method names,
 * argument orders and return values follow the web app's `plugins/registry.ts`; every method
 * takes positional arguments or one object of named arguments.
 */
export class PluginRegistry {
    readonly id: string;
    readonly supports = {globalAppBar: true, globalRhs: true};
    private readonly store: HostStore;

    constructor(id: string, store: HostStore) {
        this.id = id;
        this.store = store;
    }

    private addComponent(name: string, data: Record<string, unknown>): string {
        const id = generateId();
        this.store.dispatch({
            type: HostActionTypes.RECEIVED_PLUGIN_COMPONENT,
            name,
            data: {id, pluginId: this.id, ...data},
        });
        return id;
    }

    registerSlashCommandWillBePostedHook = reArg(['hook'], ({hook}: {hook: SlashCommandHook}) => {
        return this.addComponent('SlashCommandWillBePosted', {hook});
    });

    registerMessageWillBePostedHook = reArg(['hook'], ({hook}: {hook: unknown}) => {
        return this.addComponent('MessageWillBePosted', {hook});
    });

    registerRootComponent = reArg(['component'], ({component}: {component: Component}) => {
        return this.addComponent('Root', {component});
    });

    registerPopoverUserActionsComponent = reArg(
        ['component'],
        ({component}: {component: Component}) => {
            return this.addComponent('PopoverUserActions', {component});
        },
    );

    registerMainMenuAction = reArg(
        ['text', 'action', 'mobileIcon'],
        ({text, action, mobileIcon}: MainMenuActionArgs) => {
            return this.addComponent('MainMenu', {text, action, mobileIcon});
        },
    );

    registerChannelHeaderMenuAction = reArg(
        ['text', 'action'],
        ({text, action}: {text: React.ReactNode; action: (channelId: string) => void}) => {
            return this.addComponent('ChannelHeader', {text, action});
        },
    );

    registerPostTypeComponent = reArg(
        ['type', 'component'],
        ({type, component}: {type: string; component: Component}) => {
            const id = generateId();
            this.store.dispatch({
                type: HostActionTypes.RECEIVED_PLUGIN_POST_COMPONENT,
                data: {id, pluginId: this.id, type, component},
            });
            return id;
        },
    );

    registerReducer = reArg(['reducer'], ({reducer}: {reducer: (...args: any[]) => unknown}) => {
        registerPluginReducer(this.id, reducer);
    });

    registerTranslations = reArg(
        ['getTranslationsForLocale'],
        ({getTranslationsForLocale}: {getTranslationsForLocale: (locale: string) => unknown}) => {
            const translations = getTranslationsForLocale(hostLocale) ?? {};
            this.store.dispatch({
                type: HostActionTypes.RECEIVED_TRANSLATIONS,
                data: {locale: hostLocale, translations},
            });
        },
    );

    registerAdminConsoleCustomSetting = reArg(
        ['key', 'component', 'options'],
        ({key, component, options}: CustomSettingArgs) => {
            this.store.dispatch({
                type: HostActionTypes.RECEIVED_ADMIN_CONSOLE_CUSTOM_COMPONENT,
                data: {
                    pluginId: this.id,
                    key,
                    component,
                    options: {showTitle: Boolean(options?.showTitle)},
                },
            });
        },
    );

    registerWebSocketEventHandler = reArg(
        ['event', 'handler'],
        ({event, handler}: {event: string; handler: WebSocketHandler}) => {
            registerWebSocketHandler(this.id, event, handler);
        },
    );

    unregisterWebSocketEventHandler = reArg(['event'], ({event}: {event: string}) => {
        unregisterWebSocketHandler(this.id, event);
    });

    registerReconnectHandler = reArg(['handler'], ({handler}: {handler: () => void}) => {
        registerReconnectHandler(this.id, handler);
    });

    unregisterReconnectHandler = () => {
        unregisterReconnectHandler(this.id);
    };

    unregisterComponent = reArg(['componentId'], ({componentId}: {componentId: string}) => {
        this.store.dispatch({type: HostActionTypes.REMOVED_PLUGIN_COMPONENT, id: componentId});
    });

    unregisterPostTypeComponent = reArg(
        ['componentId'],
        ({componentId}: {componentId: string}) => {
            const type = HostActionTypes.REMOVED_PLUGIN_POST_COMPONENT;
            this.store.dispatch({type, id: componentId});
        },
    );
}
