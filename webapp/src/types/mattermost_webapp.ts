// Types of the web app's plugin host, limited to what this plugin calls. The web app's registry
// lives in webapp/channels/src/plugins/registry.ts of mattermost/mattermost and is not published as
// a package, so the shapes are declared here.
import type React from 'react';
import type {Store} from 'redux';

import type {GlobalState} from '@mattermost/types/store';

export interface SlashCommandArgs {
    channel_id: string;
    team_id: string;
    root_id: string;
}

export type SlashCommandHookResult =
    | {error: {message: string}}
    | {message: string; args: SlashCommandArgs}
    | Record<string, never>;

export type SlashCommandHook = (
    message: string,
    args: SlashCommandArgs,
) => Promise<SlashCommandHookResult> | SlashCommandHookResult;

export interface PluginRegistry {
    registerSlashCommandWillBePostedHook(hook: SlashCommandHook): string;
    registerRootComponent(component: React.ComponentType<any>): string;
    registerReducer(reducer: (state: any, action: any) => any): void;
    registerTranslations(getTranslations: (locale: string) => Record<string, string>): void;
    unregisterComponent(componentId: string): void;
}

export type WebappStore = Store<GlobalState>;

export interface PluginClass {
    initialize(registry: PluginRegistry, store: WebappStore): void | Promise<void>;
    uninitialize?(): void;
}

declare global {
    interface Window {
        registerPlugin(pluginId: string, plugin: PluginClass): void;
        basename?: string;
    }
}
