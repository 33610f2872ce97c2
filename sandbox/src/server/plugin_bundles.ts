import {readFile} from 'node:fs/promises';
import type {ServerResponse} from 'node:http';

import {sendText} from './host_page';

/**
 * Matches the path the web app loads a bundle from. `GET /plugins/webapp` returns
 * `/static/<id>/<id>_<hash>_bundle.js` and the web app's `loadPlugin` rewrites `/static/` to
 * `/static/plugins/`.
 */
const bundlePathPattern = /^\/static\/plugins\/([^/]+)\/[^/]*_bundle\.js$/;

/** Returns the plugin id of a bundle request path, or null for any other path. */
export function bundlePluginId(pathname: string): string | null {
    const match = pathname.match(bundlePathPattern);
    return match ? decodeURIComponent(match[1]) : null;
}

// Other files of a plugin's webapp/dist, such as lazily loaded chunks. The server copies that
// whole directory and serves it under /static/plugins/<id>/ (UnpackWebappBundle in
// server/public/plugin/environment.go).
const assetPathPattern = /^\/static\/plugins\/([^/]+)\/([A-Za-z0-9][A-Za-z0-9._-]*\.js)$/;

/** Returns the plugin id and file name of a request for another file of a plugin's webapp/dist. */
export function pluginAssetPath(pathname: string): {pluginId: string; file: string} | null {
    const match = pathname.match(assetPathPattern);
    return match ? {pluginId: decodeURIComponent(match[1]), file: match[2]} : null;
}

/** Sends a bundle's bytes as JavaScript, or a 404 naming the plugin when there are none. */
export function sendBundle(res: ServerResponse, pluginId: string, bundle: Buffer | undefined) {
    if (!bundle) {
        const message = `No webapp bundle for plugin ${pluginId}.\n`;
        sendText(res, 404, 'text/plain; charset=utf-8', message);
        return;
    }
    sendText(res, 200, 'application/javascript; charset=utf-8', bundle);
}

/**
 * Reads the local plugin bundle at request time, so a rebuild shows on the next page load.
 * Returns undefined when the file does not exist yet.
 */
export async function readLocalBundle(bundlePath: string): Promise<Buffer | undefined> {
    try {
        return await readFile(bundlePath);
    } catch (error: any) {
        if (error?.code === 'ENOENT') {
            return undefined;
        }
        throw error;
    }
}
