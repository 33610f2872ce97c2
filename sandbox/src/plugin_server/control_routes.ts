import {timingSafeEqual} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';

import type {Emulator, EmulatorStore, UserRecord} from '../emulator/index';

import {callerUserId} from './caller_session';
import type {EphemeralFeed} from './ephemeral_feed';
import {compareValues} from '../emulator/compare';

/** Path prefix of the routes between the sandbox and its Go host, outside `/api/v4`. */
export const controlPrefix = '/__sandbox/';

/** Header with the secret that only the sandbox and its Go host know. */
export const secretHeader = 'x-sandbox-secret';

/** Dependencies of a control route: the emulator, the ephemeral feed and the command hook. */
export interface ControlContext {
    emulator: Emulator;
    feed: EphemeralFeed;
    secret: string;
    /** Registers a command the Go host sent (`RegisterCommand`). */
    registerCommand(command: Record<string, unknown>): void;
}

class ControlError extends Error {
    constructor(
        readonly status: number,
        readonly id: string,
        message: string,
    ) {
        super(message);
    }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(payload),
        'Cache-Control': 'no-store',
    });
    res.end(payload);
}

async function readJson(req: IncomingMessage): Promise<any> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
        chunks.push(chunk as Buffer);
    }
    try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
        throw new ControlError(400, 'sandbox.control.invalid_body', 'The body is not valid JSON.');
    }
}

function hasSecret(req: IncomingMessage, secret: string): boolean {
    const given = Buffer.from(String(req.headers[secretHeader] ?? ''));
    const expected = Buffer.from(secret);
    return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A user as the plugin API returns it: the stored row without the password. */
function userJson(user: UserRecord): Record<string, unknown> {
    const {password: _password, ...rest} = user;
    return rest;
}

function requireUser(store: EmulatorStore, id: string): UserRecord {
    const user = store.users.get(id);
    if (!user) {
        throw new ControlError(404, 'app.user.missing_account.const', `No user has id ${id}.`);
    }
    return user;
}

/**
 * Lists users for `GetUsers` and `SearchUsers`: `active`/`inactive` filter, `term` matches the
 * start of the username, first name, last name or nickname without regard to case, sorted by
 * username, paged by `page` and `per_page`.
 */
function listUsers(store: EmulatorStore, query: URLSearchParams): Record<string, unknown>[] {
    const term = (query.get('term') ?? '').toLowerCase();
    const page = Number(query.get('page') ?? 0);
    const perPage = Number(query.get('per_page') ?? 60);
    const matches = [...store.users.values()]
        .filter((user) => query.get('active') !== 'true' || user.delete_at === 0)
        .filter((user) => query.get('inactive') !== 'true' || user.delete_at !== 0)
        .filter((user) =>
            term === '' ||
            [user.username, user.first_name, user.last_name, user.nickname].some((field) =>
                field.toLowerCase().startsWith(term),
            ),
        )
        .sort((a, b) => compareValues(a.username, b.username));
    return matches.slice(page * perPage, page * perPage + perPage).map(userJson);
}

/** The emulator config with `PluginSettings.PluginStates` filled in from the installed plugins. */
function configJson(store: EmulatorStore): unknown {
    const states: Record<string, {Enable: boolean}> = {};
    for (const [id, plugin] of store.plugins) {
        states[id] = {Enable: plugin.enabled};
    }
    return {
        ...store.config,
        PluginSettings: {...store.config.PluginSettings, PluginStates: states},
    };
}

function createSession(store: EmulatorStore, body: any): unknown {
    const userId = typeof body?.user_id === 'string' ? body.user_id : '';
    const user = requireUser(store, userId);
    const session = store.createSession({userId: user.id, props: {...(body.props ?? {})}});
    if (typeof body.roles === 'string' && body.roles !== '') {
        session.roles = body.roles;
    }
    if (typeof body.expires_at === 'number' && body.expires_at > 0) {
        session.expires_at = body.expires_at;
    }
    return session;
}

function revokeSession(store: EmulatorStore, sessionId: string): void {
    for (const [token, session] of store.sessions) {
        if (session.id === sessionId) {
            store.sessions.delete(token);
            return;
        }
    }
    throw new ControlError(404, 'app.session.get.app_error', `No session has id ${sessionId}.`);
}

function hasPermission(store: EmulatorStore, query: URLSearchParams): boolean {
    const userId = query.get('user_id') ?? '';
    const permission = query.get('permission') ?? '';
    const channelId = query.get('channel_id');
    if (channelId) {
        return store.hasChannelPermission(userId, channelId, permission);
    }
    return store.hasPermission(userId, permission);
}

function channelJson(store: EmulatorStore, id: string): unknown {
    const channel = store.channels.get(id);
    if (!channel) {
        throw new ControlError(404, 'app.channel.get.existing.app_error', `No channel has id ${id}.`);
    }
    return {channel, team: store.teams.get(channel.team_id) ?? {}};
}

/** Serves the host page's poll of its ephemeral posts, authenticated by its session. */
function pollEphemeralPosts(ctx: ControlContext, req: IncomingMessage, res: ServerResponse) {
    const userId = callerUserId(req, ctx.emulator.store);
    if (!userId) {
        throw new ControlError(401, 'api.context.session_expired.app_error', 'Log in first.');
    }
    const after = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('after');
    if (after === null) {
        // A page that just loaded starts at the current end: ephemeral posts do not survive a
        // reload in the web app either.
        sendJson(res, 200, {events: [], last_seq: ctx.feed.since(userId, Infinity).last_seq});
        return;
    }
    sendJson(res, 200, ctx.feed.since(userId, Number(after) || 0));
}

async function routeWithSecret(
    ctx: ControlContext,
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
    query: URLSearchParams,
): Promise<void> {
    const store = ctx.emulator.store;
    const method = req.method ?? 'GET';
    let match: RegExpExecArray | null;

    if (method === 'GET' && route === 'config') {
        sendJson(res, 200, configJson(store));
    } else if (method === 'GET' && route === 'users') {
        sendJson(res, 200, listUsers(store, query));
    } else if (method === 'GET' && (match = /^users\/([A-Za-z0-9]+)$/.exec(route))) {
        sendJson(res, 200, userJson(requireUser(store, match[1])));
    } else if (method === 'GET' && route === 'permissions') {
        sendJson(res, 200, {allowed: hasPermission(store, query)});
    } else if (method === 'GET' && route === 'plugins') {
        sendJson(res, 200, [...store.plugins.values()].map((plugin) => plugin.manifest));
    } else if (method === 'GET' && (match = /^channels\/([A-Za-z0-9]+)$/.exec(route))) {
        sendJson(res, 200, channelJson(store, match[1]));
    } else if (method === 'POST' && route === 'sessions') {
        sendJson(res, 201, createSession(store, await readJson(req)));
    } else if (method === 'DELETE' && (match = /^sessions\/([A-Za-z0-9]+)$/.exec(route))) {
        revokeSession(store, match[1]);
        sendJson(res, 200, {status: 'OK'});
    } else if (method === 'POST' && route === 'commands') {
        ctx.registerCommand(await readJson(req));
        sendJson(res, 200, {status: 'OK'});
    } else if (method === 'POST' && route === 'ephemeral_posts') {
        const body = await readJson(req);
        if (typeof body?.user_id !== 'string' || typeof body?.post?.id !== 'string') {
            throw new ControlError(400, 'sandbox.control.invalid_body', 'Send user_id and post.');
        }
        ctx.feed.add(body.user_id, body.event === 'edited' ? 'edited' : 'posted', body.post);
        sendJson(res, 200, {status: 'OK'});
    } else {
        throw new ControlError(404, 'sandbox.control.not_found', `No control route ${method} ${route}.`);
    }
}

/**
 * Serves `/__sandbox/…`. `GET ephemeral_posts` is the host page's poll and takes the caller's
 * session. Every other route reads or changes the emulator's store for the Go host and needs
 * the `X-Sandbox-Secret` header, so a page in the browser cannot mint sessions through it.
 */
export async function handleControlRoute(
    ctx: ControlContext,
    req: IncomingMessage,
    res: ServerResponse,
): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname.slice(controlPrefix.length);
    try {
        if (req.method === 'GET' && route === 'ephemeral_posts') {
            pollEphemeralPosts(ctx, req, res);
            return;
        }
        if (!hasSecret(req, ctx.secret)) {
            throw new ControlError(403, 'sandbox.control.forbidden', 'The sandbox secret is missing.');
        }
        await routeWithSecret(ctx, req, res, route, url.searchParams);
    } catch (error) {
        if (!(error instanceof ControlError)) {
            throw error;
        }
        sendJson(res, error.status, {id: error.id, message: error.message});
    }
}
