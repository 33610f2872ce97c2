import type React from 'react';

/** A webapp plugin manifest as `GET /api/v4/plugins/webapp` returns it. */
export interface ClientPluginManifest {
    id: string;
    name?: string;
    version?: string;
    webapp: {bundle_path: string};
}

/** The hook signature `registerSlashCommandWillBePostedHook` accepts. */
export type SlashCommandHook = (message: string, args: CommandArgs) => unknown;

/** Arguments a slash command carries: where it was typed. */
export interface CommandArgs {
    channel_id: string;
    team_id: string;
    root_id: string;
}

/** One registered item in `state.plugins.components[name]`. */
export interface PluginComponent {
    id: string;
    pluginId: string;
    component?: React.ComponentType<any>;
    hook?: SlashCommandHook;
    text?: React.ReactNode;
    action?: (...args: unknown[]) => void;
    mobileIcon?: React.ReactNode;
}

/** A component that renders posts of one `custom_` type. */
export interface PostTypeComponent {
    id: string;
    pluginId: string;
    type: string;
    component: React.ComponentType<any>;
}

/** A System Console custom setting component, keyed by its lower-cased setting key. */
export interface AdminConsoleCustomComponent {
    pluginId: string;
    key: string;
    component: React.ComponentType<any>;
    options: {showTitle: boolean};
}

/** The `state.plugins` slice, shaped like the web app's. */
export interface PluginsState {
    plugins: Record<string, ClientPluginManifest>;
    components: Record<string, PluginComponent[]>;
    postTypes: Record<string, PostTypeComponent>;
    adminConsoleCustomComponents: Record<string, Record<string, AdminConsoleCustomComponent>>;
}
