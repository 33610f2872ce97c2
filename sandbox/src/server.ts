import {readFileSync} from 'node:fs';
import http from 'node:http';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';

import {createEmulator} from './emulator/index';
import type {Emulator, EmulatorOptions} from './emulator/index';
import {fixtureSeedPlugins} from './server/fixture_plugins';
import type {FixturePlugin} from './server/fixture_plugins';
import {
    hostPageHtml,
    hostScriptPath,
    hostStylesheetPath,
    loadHostBundle,
    sendText,
} from './server/host_page';
import {bundlePluginId, pluginAssetPath, readLocalBundle, sendBundle} from './server/plugin_bundles';
import {createUpstreamProxy} from './server/proxy';
import {createPluginServer} from './plugin_server/index';
import type {PluginServer} from './plugin_server/index';
import type {UpstreamProxy} from './server/proxy';

/** Id of the plugin this repository builds; its bundle is always served from disk. */
export const productPluginId = 'app.deactivate';

/** Default location of the product bundle, `webapp/dist/main.js` in this repository. */
export const defaultBundlePath = path.resolve(__dirname, '../../webapp/dist/main.js');

const productManifestPath = path.resolve(__dirname, '../../plugin.json');

function readProductManifest(): FixturePlugin['manifest'] {
    return JSON.parse(readFileSync(productManifestPath, 'utf8'));
}

export type {Emulator};


export interface SandboxOptions {
    /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
    port?: number;
    /** Base URL of a real Mattermost server to proxy `/api/v4` to instead of the emulator. */
    upstream?: string;
    /** File served as the `app.deactivate` bundle, read on every request. */
    bundlePath?: string;
    /** Extra plugins installed in the embedded emulator; ignored with `upstream`. */
    plugins?: FixturePlugin[];
    /** Directory with a prebuilt `host.js` and `host.css`; without it the host is built now. */
    hostDir?: string;
    /** Options passed to `createEmulator`. */
    emulatorOptions?: EmulatorOptions;
    /** Receives the server's log lines; defaults to stderr. */
    log?: (line: string) => void;
    /**
     * Runs the real Go server part (`server-proxy/cmd/sandboxhost`, needs `go`) beside the
     * emulator: `/deactivate` through `POST /commands/execute`, its buttons and its HTTP routes.
     * Ignored with `upstream`.
     */
    serverPart?: boolean;
}

export interface Sandbox {
    /** `http://127.0.0.1:<port>`, without a trailing slash. */
    url: string;
    /** Stops accepting requests, ends open connections and resolves when the server is down. */
    close: () => Promise<void>;
    /** The embedded emulator; absent in proxy mode. */
    emulator?: Emulator;
}

/**
 * Sets `ServiceSettings.SiteURL` to the sandbox URL, which is known only after `listen`, and
 * again after every `reset`, which rebuilds the config from the seed.
 */
function withSiteUrl(emulator: Emulator, url: string, pluginServer?: PluginServer): Emulator {
    const apply = () => {
        emulator.store.config.ServiceSettings.SiteURL = url;
    };
    apply();
    return {
        ...emulator,
        handle: emulator.handle,
        reset: () => {
            emulator.reset();
            apply();
            pluginServer?.afterReset();
        },
    };
}

const plainText = 'text/plain; charset=utf-8';

function defaultLog(line: string): void {
    process.stderr.write(`${line}\n`);
}

/**
 * Starts the sandbox on 127.0.0.1: the host page for every client route, the host and plugin
 * bundles, and `/api/v4` served by the embedded emulator or proxied to `options.upstream`.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
    const log = options.log ?? defaultLog;
    const bundlePath = path.resolve(options.bundlePath ?? defaultBundlePath);
    const hostBundle = await loadHostBundle(options.hostDir);
    const hostHtml = hostPageHtml();

    let emulator: Emulator | undefined;
    let proxy: UpstreamProxy | undefined;
    if (options.upstream) {
        proxy = createUpstreamProxy(options.upstream, log);
    } else {
        const seedPlugins = [
            ...(options.emulatorOptions?.plugins ?? []),
            ...fixtureSeedPlugins(options.plugins ?? []),
        ];
        if (options.bundlePath) {
            // The demo seed reads webapp/dist/main.js; this keeps the listed bundle hash in step
            // with the file actually served.
            const product = {manifest: readProductManifest(), bundlePath};
            seedPlugins.push(...fixtureSeedPlugins([product]));
        }
        emulator = createEmulator({...options.emulatorOptions, plugins: seedPlugins});
    }
    const pluginServer: PluginServer | undefined =
        emulator && options.serverPart ? createPluginServer(emulator, log) : undefined;

    const serveBundle = async (req: IncomingMessage, res: ServerResponse, pluginId: string) => {
        if (pluginId === productPluginId) {
            sendBundle(res, pluginId, await readLocalBundle(bundlePath));
        } else if (proxy) {
            proxy.forward(req, res);
        } else {
            sendBundle(res, pluginId, emulator?.store.pluginBundle(pluginId));
        }
    };

    const route = async (req: IncomingMessage, res: ServerResponse) => {
        const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;

        if (pluginServer && (await pluginServer.handle(req, res))) {
            return;
        }
        if (pathname.startsWith('/api/v4/') || pathname === '/api/v4') {
            if (proxy) {
                proxy.forward(req, res);
            } else {
                await emulator?.handle(req, res);
            }
            return;
        }

        const isRead = req.method === 'GET' || req.method === 'HEAD';
        if (!isRead) {
            sendText(res, 405, plainText, `${req.method} ${pathname} is not allowed.\n`);
            return;
        }

        const pluginId = bundlePluginId(pathname);
        const asset = pluginAssetPath(pathname);
        if (pluginId) {
            await serveBundle(req, res, pluginId);
        } else if (asset?.pluginId === productPluginId) {
            // The product's lazy chunks sit next to its bundle in webapp/dist.
            const file = await readLocalBundle(path.join(path.dirname(bundlePath), asset.file));
            sendBundle(res, `${asset.pluginId} (${asset.file})`, file);
        } else if (pathname === hostScriptPath) {
            sendText(res, 200, 'application/javascript; charset=utf-8', hostBundle.script);
        } else if (pathname === hostStylesheetPath) {
            sendText(res, 200, 'text/css; charset=utf-8', hostBundle.stylesheet);
        } else if (pathname.startsWith('/static/') || pathname === '/favicon.ico') {
            sendText(res, 404, plainText, `${pathname} not found.\n`);
        } else {
            sendText(res, 200, 'text/html; charset=utf-8', hostHtml);
        }
    };

    const server = http.createServer((req, res) => {
        route(req, res).catch((error: unknown) => {
            log(`sandbox: ${req.method} ${req.url} failed: ${String(error)}`);
            if (!res.headersSent) {
                sendText(res, 500, plainText, `Sandbox error: ${String(error)}\n`);
            } else {
                res.destroy();
            }
        });
    });

    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });

    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (emulator) {
        emulator = withSiteUrl(emulator, url, pluginServer);
    }

    // Calling close again returns the first call's promise, so tests may close in `finally`
    // and in `afterAll` alike.
    let closing: Promise<void> | undefined;
    const close = () => {
        closing ??= (async () => {
            await pluginServer?.stop();
            await new Promise<void>((resolve, reject) => {
                server.close((error) => (error ? reject(error) : resolve()));
                server.closeAllConnections();
            });
        })();
        return closing;
    };

    if (pluginServer) {
        try {
            await pluginServer.start(url);
        } catch (error) {
            await close();
            throw error;
        }
    }

    return {url, close, emulator};
}
