import type {IncomingMessage, ServerResponse} from 'node:http';

import {BUILD_HASH, BUILD_NUMBER} from '../config';
import {AppError, sessionExpired} from '../errors';
import {newId} from '../ids';
import type {EmulatorStore} from '../store';
import {RequestContext} from './context';
import type {Reply} from './reply';
import {headerValue, parseCookies} from './request';
import type {Router} from './router';
import type {CommandRegistry} from '../commands/registry';

export const API_PREFIX = '/api/v4';

/**
 * A request middleware. It receives every request before routing and may reply itself
 * (rate limiting, fault injection) or call `next` and change the reply (latency, headers).
 */
export type Middleware = (ctx: RequestContext, next: () => Promise<Reply>) => Promise<Reply>;

function errorJson(error: AppError, requestId: string, developer: boolean): string {
    return JSON.stringify({
        id: error.id,
        message: error.message,
        detailed_error: developer ? error.detailedError : '',
        request_id: requestId,
        status_code: error.statusCode,
    });
}

/** The router's `Handle404`: plain text content type, a JSON-looking body, no request id. */
function routerNotFound(ctx: RequestContext): Reply {
    const body = JSON.stringify({
        id: 'api.context.404.app_error',
        message: 'Sorry, we could not find the page.',
        detailed_error:
            `There doesn't appear to be an api call for the url='${API_PREFIX}${ctx.path}'.` +
            '  Typo? are you missing a team_id or user_id as part of the url?',
        status_code: 404,
    });
    return {status: 404, raw: body, contentType: 'text/plain; charset=utf-8'};
}

/** Compares dotted versions numerically: `9.10.0` is at least `9.6.0`. */
export function versionAtLeast(version: string, minimum: string): boolean {
    const have = version.split('.').map(Number);
    const need = minimum.split('.').map(Number);
    for (let i = 0; i < need.length; i++) {
        const difference = (have[i] || 0) - need[i];
        if (difference !== 0) {
            return difference > 0;
        }
    }
    return true;
}

/** Reads the token the way `app.ParseAuthTokenFromRequest` does: header, cookie, query. */
function readToken(ctx: RequestContext): void {
    const authorization = headerValue(ctx.req, 'authorization');
    const match = /^(bearer|token) (.+)$/i.exec(authorization);
    if (match) {
        ctx.token = match[2].trim();
        ctx.tokenLocation = 'header';
        return;
    }
    const cookie = parseCookies(headerValue(ctx.req, 'cookie')).get('MMAUTHTOKEN');
    if (cookie) {
        ctx.token = cookie;
        ctx.tokenLocation = 'cookie';
        return;
    }
    const queryToken = ctx.query.get('access_token');
    if (queryToken) {
        ctx.token = queryToken;
        ctx.tokenLocation = 'query';
    }
}

/**
 * Resolves the session and applies `Handler.checkCSRFToken`: a cookie session on a non-GET
 * request needs `X-CSRF-Token` equal to the session's token, or `X-Requested-With:
 * XMLHttpRequest` unless `ExperimentalStrictCSRFEnforcement` is on.
 */
function authenticate(ctx: RequestContext, store: EmulatorStore, trustRequester: boolean): void {
    readToken(ctx);
    if (!ctx.token) {
        return;
    }
    const session = store.sessionForToken(ctx.token);
    if (!session) {
        throw sessionExpired(`token=${ctx.token}`);
    }
    ctx.session = session;

    const csrfNeeded = ctx.tokenLocation === 'cookie' && !trustRequester && ctx.method !== 'GET';
    if (!csrfNeeded) {
        return;
    }
    const csrfHeader = headerValue(ctx.req, 'x-csrf-token');
    let passed = csrfHeader !== '' && csrfHeader === session.props.csrf;
    if (!passed && headerValue(ctx.req, 'x-requested-with') === 'XMLHttpRequest') {
        passed = !store.config.ServiceSettings.ExperimentalStrictCSRFEnforcement;
    }
    if (!passed) {
        ctx.session = undefined;
        throw sessionExpired(`token=${ctx.token} Appears to be a CSRF attempt`);
    }
}

/** Routes one request, runs the handler and converts a thrown `AppError` into its reply. */
async function dispatch(ctx: RequestContext, router: Router): Promise<Reply> {
    const match = router.match(ctx.method, ctx.path);
    if (match.kind === 'not-found') {
        return routerNotFound(ctx);
    }
    if (match.kind === 'found' && match.route.since && !versionAtLeast(ctx.store.serverVersion, match.route.since)) {
        return routerNotFound(ctx);
    }
    if (match.kind === 'method-not-allowed') {
        return {status: 405, raw: '', contentType: 'text/plain; charset=utf-8'};
    }

    ctx.params = match.params;
    try {
        authenticate(ctx, ctx.store, match.route.trustRequester ?? false);
        if (match.route.auth === 'session') {
            ctx.requireSession();
        }
        return await match.route.handler(ctx);
    } catch (error) {
        if (error instanceof AppError) {
            return {status: error.statusCode, raw: '', trailingError: error};
        }
        throw error;
    }
}

function writeReply(res: ServerResponse, reply: Reply, ctx: RequestContext): void {
    const developer = ctx.store.config.ServiceSettings.EnableDeveloper;
    let body: string | Buffer;
    if (reply.json !== undefined) {
        body = JSON.stringify(reply.json);
    } else {
        body = reply.raw ?? '';
    }
    if (reply.trailingError) {
        body = Buffer.concat([
            Buffer.from(body),
            Buffer.from(errorJson(reply.trailingError, ctx.requestId, developer)),
        ]);
    }

    res.setHeader('X-Request-Id', ctx.requestId);
    res.setHeader('X-Version-Id', `${ctx.store.serverVersion}.${BUILD_NUMBER}.${BUILD_HASH}.false`);
    res.setHeader('Content-Type', reply.contentType ?? 'application/json');
    for (const [name, value] of Object.entries(reply.headers ?? {})) {
        res.setHeader(name, value);
    }
    res.statusCode = reply.status;
    res.end(body);
}

/** The one place every request passes through: middleware, routing, auth, handler, reply. */
export class Pipeline {
    private readonly middleware: Middleware[] = [];

    constructor(
        private readonly store: EmulatorStore,
        private readonly router: Router,
        private readonly commands: CommandRegistry,
    ) {}

    use(middleware: Middleware): void {
        this.middleware.push(middleware);
    }

    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://emulator.invalid');
        let path = url.pathname;
        try {
            path = decodeURIComponent(path);
        } catch {
            // Keep the raw path: an invalid escape matches no route and gets the router 404.
        }
        const apiPath = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : path;
        const ctx = new RequestContext(
            req,
            this.store,
            this.commands,
            newId(),
            apiPath,
            url.searchParams,
        );

        const run = (index: number): Promise<Reply> => {
            if (index < this.middleware.length) {
                return this.middleware[index](ctx, () => run(index + 1));
            }
            return dispatch(ctx, this.router);
        };

        try {
            writeReply(res, await run(0), ctx);
        } catch (error) {
            const internal = new AppError(
                'api.emulator.internal.app_error',
                'The emulator failed to handle the request.',
                500,
                error instanceof Error ? error.message : String(error),
            );
            writeReply(res, {status: 500, raw: '', trailingError: internal}, ctx);
        }
    }
}
