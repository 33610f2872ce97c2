import {Client4} from '../client';
import {HostActionTypes} from '../store/action_types';
import type {ClientPluginManifest} from '../store/plugins_types';
import type {HostStore} from '../store/store';

import {PluginRegistry} from './registry';
import {unregisterAllWebSocketHandlers, unregisterReconnectHandler} from './websocket_handlers';

/** The object a bundle passes to `window.registerPlugin`. */
export interface PluginInstance {
    initialize?: (registry: PluginRegistry, store: HostStore) => unknown;
    uninitialize?: () => void;
    deinitialize?: () => void;
}

declare global {
    interface Window {
        plugins: Record<string, PluginInstance>;
        registerPlugin: (id: string, plugin: PluginInstance) => void;
    }
}

/** Returns the bundle URL the web app's `loadPlugin` builds from a manifest's `bundle_path`. */
export function bundleUrl(manifest: ClientPluginManifest): string {
    const path = manifest.webapp.bundle_path.replace('/static/', '/static/plugins/');
    return window.location.origin + (window.basename || '') + path;
}

/**
 * Loads and unloads webapp plugin bundles the way `webapp/channels/src/plugins/index.ts` does:
 * a deferred `<script id="plugin_<id>">` per plugin, initialisation when the bundle calls
 * `window.registerPlugin`, and `uninitialize` plus removal of every registration on unload.
 */
export class PluginLoader {
    private readonly store: HostStore;
    private readonly loaded: Record<string, ClientPluginManifest> = {};
    private readonly pending: Record<string, ClientPluginManifest> = {};

    constructor(store: HostStore) {
        this.store = store;

        window.plugins = {};
        window.registerPlugin = (id, plugin) => this.registerPlugin(id, plugin);
    }

    private registerPlugin(id: string, plugin: PluginInstance): void {
        const previous = window.plugins[id];
        if (previous && typeof previous.uninitialize === 'function') {
            previous.uninitialize();
        }
        window.plugins[id] = plugin;

        const manifest = this.pending[id];
        if (manifest) {
            delete this.pending[id];
            this.initializePlugin(manifest, plugin);
        }
    }

    private initializePlugin(manifest: ClientPluginManifest, plugin: PluginInstance): void {
        const registry = new PluginRegistry(manifest.id, this.store);

        // Not awaited: the web app fires an async initialize and moves on.
        plugin.initialize?.(registry, this.store);
    }

    /** Loads every plugin from `GET /plugins/webapp` when `PluginsEnabled` is `'true'`. */
    async initializePlugins(config: Record<string, string>): Promise<void> {
        if (config.PluginsEnabled !== 'true') {
            return;
        }

        const manifests = (await Client4.getWebappPlugins()) as unknown as ClientPluginManifest[];
        this.store.dispatch({type: HostActionTypes.RECEIVED_WEBAPP_PLUGINS, data: manifests});
        await Promise.all(manifests.map((manifest) => this.loadPlugin(manifest)));
    }

    /**
     * Brings the loaded bundles in line with `GET /plugins/webapp`, like the web app's
     * `loadPluginsIfNecessary` on reconnect: new or changed plugins load, missing ones unload.
     */
    async syncPlugins(): Promise<void> {
        const manifests = (await Client4.getWebappPlugins()) as unknown as ClientPluginManifest[];
        const current = new Set(manifests.map((manifest) => manifest.id));

        for (const manifest of Object.values(this.loaded)) {
            if (!current.has(manifest.id)) {
                this.removePlugin(manifest);
            }
        }
        await Promise.all(manifests.map((manifest) => this.loadPlugin(manifest)));
    }

    /** Appends the plugin's script unless the same bundle is loaded; resolves once it ran. */
    loadPlugin(manifest: ClientPluginManifest): Promise<void> {
        const previous = this.loaded[manifest.id];
        if (previous?.webapp.bundle_path === manifest.webapp.bundle_path) {
            return Promise.resolve();
        }
        if (previous) {
            this.removePlugin(previous);
        }

        this.loaded[manifest.id] = manifest;
        this.pending[manifest.id] = manifest;
        this.store.dispatch({type: HostActionTypes.RECEIVED_WEBAPP_PLUGIN, data: manifest});

        return new Promise((resolve) => {
            const script = document.createElement('script');
            script.id = `plugin_${manifest.id}`;
            script.src = bundleUrl(manifest);
            script.defer = true;
            script.onload = () => resolve();
            script.onerror = () => {
                console.error(`plugin ${manifest.id}: failed to load bundle ${script.src}`);
                resolve();
            };
            document.head.appendChild(script);
        });
    }

    /**
     * Unloads a plugin in the web app's order: registrations, `uninitialize`, event handlers,
     * then the `<script>` element.
     */
    removePlugin(manifest: ClientPluginManifest): void {
        this.store.dispatch({type: HostActionTypes.REMOVED_WEBAPP_PLUGIN, data: manifest});

        const plugin = window.plugins[manifest.id];
        if (plugin?.uninitialize) {
            plugin.uninitialize();
        } else if (plugin?.deinitialize) {
            plugin.deinitialize();
        }
        delete window.plugins[manifest.id];

        unregisterAllWebSocketHandlers(manifest.id);
        unregisterReconnectHandler(manifest.id);
        document.getElementById(`plugin_${manifest.id}`)?.remove();

        delete this.loaded[manifest.id];
        delete this.pending[manifest.id];
    }

    /** Returns the manifests of the plugins currently loaded. */
    loadedPlugins(): ClientPluginManifest[] {
        return Object.values(this.loaded);
    }
}
