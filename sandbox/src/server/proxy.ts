import http from 'node:http';
import https from 'node:https';
import type {IncomingHttpHeaders, IncomingMessage, ServerResponse} from 'node:http';

// Headers that describe one connection, not the message, so a proxy must not forward them
// (RFC 9110, section 7.6.1).
const hopByHopHeaders = new Set([
    'connection',
    'keep-alive',
    'proxy-authenticate',
    'proxy-authorization',
    'proxy-connection',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
]);

function forwardableHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
    const result: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) {
        if (!hopByHopHeaders.has(name.toLowerCase()) && value !== undefined) {
            result[name] = value;
        }
    }
    return result;
}

/**
 * Rewrites one `Set-Cookie` header so the browser stores it for the sandbox on
 * http://127.0.0.1: drops `Domain` and `Secure`, and turns `SameSite=None`, which browsers
 * accept only with `Secure`, into `SameSite=Lax`.
 */
export function rewriteSetCookie(cookie: string): string {
    return cookie
        .split(';')
        .map((part) => part.trim())
        .filter((part) => {
            const name = part.split('=')[0].trim().toLowerCase();
            return name !== 'domain' && name !== 'secure';
        })
        .map((part) => (/^samesite\s*=\s*none$/i.test(part) ? 'SameSite=Lax' : part))
        .join('; ');
}

/** A reverse proxy from the sandbox to one upstream Mattermost server. */
export interface UpstreamProxy {
    readonly upstream: URL;
    forward(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * Creates a streaming reverse proxy to `upstreamUrl`. Method, path, headers and body go upstream
 * unchanged except `Host`. Status, headers and body come back with each `Set-Cookie` rewritten
 * by `rewriteSetCookie`. A failed upstream connection returns 502 with a Mattermost-shaped JSON
 * error. WebSocket upgrades are not proxied.
 */
export function createUpstreamProxy(
    upstreamUrl: string,
    log: (line: string) => void,
): UpstreamProxy {
    const upstream = new URL(upstreamUrl);
    if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') {
        throw new Error(`upstream ${upstreamUrl} is invalid: use an http:// or https:// URL`);
    }
    const transport = upstream.protocol === 'https:' ? https : http;
    const basePath = upstream.pathname.replace(/\/$/, '');

    const forward = (req: IncomingMessage, res: ServerResponse) => {
        const headers = forwardableHeaders(req.headers);
        headers.host = upstream.host;

        const upstreamRequest = transport.request(
            {
                protocol: upstream.protocol,
                hostname: upstream.hostname,
                port: upstream.port,
                method: req.method,
                path: basePath + (req.url ?? '/'),
                headers,
            },
            (upstreamResponse) => {
                const responseHeaders = forwardableHeaders(upstreamResponse.headers);
                const cookies = upstreamResponse.headers['set-cookie'];
                if (cookies) {
                    responseHeaders['set-cookie'] = cookies.map(rewriteSetCookie);
                }
                res.writeHead(upstreamResponse.statusCode ?? 502, responseHeaders);
                upstreamResponse.pipe(res);
            },
        );

        upstreamRequest.on('error', (error) => {
            log(`proxy: ${req.method} ${req.url} to ${upstream.origin} failed: ${error.message}`);
            if (res.headersSent) {
                res.destroy(error);
                return;
            }
            const body = JSON.stringify({
                id: 'sandbox.proxy.upstream_failed',
                message: `The sandbox failed to reach the upstream server ${upstream.origin}: ` +
                    error.message,
                detailed_error: '',
                request_id: '',
                status_code: 502,
            });
            res.writeHead(502, {'Content-Type': 'application/json'});
            res.end(body);
        });

        req.pipe(upstreamRequest);
    };

    return {upstream, forward};
}
