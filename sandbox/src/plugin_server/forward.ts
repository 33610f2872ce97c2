import http from 'node:http';
import type {IncomingHttpHeaders, IncomingMessage, ServerResponse} from 'node:http';

import {secretHeader} from './control_routes';

// Headers of one connection, which a proxy must not forward (RFC 9110, section 7.6.1).
const hopByHop = new Set([
    'connection',
    'keep-alive',
    'proxy-connection',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
]);

function copyHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
    const copied: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) {
        if (!hopByHop.has(name) && value !== undefined) {
            copied[name] = value;
        }
    }
    return copied;
}

/**
 * Streams a request for `/plugins/app.deactivate/…` to the Go host, as the server hands it to
 * the plugin's `ServeHTTP`: any `Mattermost-User-Id` the client sent is dropped and the
 * caller's id set in its place (left out without a valid session).
 */
export function forwardPluginRequest(
    hostUrl: string,
    secret: string,
    userId: string,
    req: IncomingMessage,
    res: ServerResponse,
    log: (line: string) => void,
): void {
    const headers = copyHeaders(req.headers);
    delete headers['mattermost-user-id'];
    delete headers[secretHeader];
    if (userId) {
        headers['mattermost-user-id'] = userId;
    }
    headers[secretHeader] = secret;

    const target = new URL(req.url ?? '/', hostUrl);
    const upstream = http.request(
        target,
        {method: req.method, headers},
        (reply) => {
            res.writeHead(reply.statusCode ?? 502, copyHeaders(reply.headers));
            reply.pipe(res);
        },
    );
    upstream.on('error', (error) => {
        log(`plugin server: ${req.method} ${req.url} failed: ${error.message}`);
        if (res.headersSent) {
            res.destroy(error);
            return;
        }
        res.writeHead(502, {'Content-Type': 'application/json'});
        res.end(JSON.stringify({id: 'sandbox.plugin_server.unreachable', message: error.message}));
    });
    req.pipe(upstream);
}

/** Posts JSON to the Go host and returns the status and the decoded reply. */
export async function postToHost(
    hostUrl: string,
    secret: string,
    path: string,
    body: unknown,
): Promise<{status: number; json: any}> {
    const response = await fetch(new URL(path, hostUrl), {
        method: 'POST',
        headers: {'Content-Type': 'application/json', [secretHeader]: secret},
        body: JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
        json = text ? JSON.parse(text) : undefined;
    } catch {
        json = {message: text};
    }
    return {status: response.status, json};
}
