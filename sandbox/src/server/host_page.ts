import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {ServerResponse} from 'node:http';

import {buildHostBundle} from '../../build/host_bundle';
import type {HostBundle} from '../../build/host_bundle';

/** URL paths of the host page's own assets, outside every Mattermost route. */
export const hostScriptPath = '/sandbox/host.js';
export const hostStylesheetPath = '/sandbox/host.css';

/** Returns the host page's HTML: an empty root element and the host bundle. */
export function hostPageHtml(): string {
    return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>Deactivate sandbox</title>',
        `<link rel="stylesheet" href="${hostStylesheetPath}">`,
        '</head>',
        '<body>',
        '<div id="root"></div>',
        `<script src="${hostScriptPath}"></script>`,
        '</body>',
        '</html>',
    ].join('\n');
}

/**
 * Loads the host bundle: from `hostDir` (written by `npm run build:host --workspace sandbox`)
 * when given, otherwise by building `sandbox/src/host/` with esbuild now, in about 1.5 s.
 */
export async function loadHostBundle(hostDir?: string): Promise<HostBundle> {
    if (!hostDir) {
        return buildHostBundle();
    }

    const [script, stylesheet] = await Promise.all([
        readFile(path.join(hostDir, 'host.js'), 'utf8'),
        readFile(path.join(hostDir, 'host.css'), 'utf8'),
    ]);
    return {script, stylesheet};
}

/** Sends a text body with its content type and no caching, so reloads pick up rebuilds. */
export function sendText(
    res: ServerResponse,
    status: number,
    contentType: string,
    body: string | Buffer,
) {
    res.writeHead(status, {
        'Content-Type': contentType,
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
    });
    res.end(body);
}
