import type {IncomingMessage} from 'node:http';

import {invalidUrlParam, permissionError, sessionExpired} from '../errors';
import {isValidId} from '../ids';
import type {SessionRecord} from '../records';
import type {Viewer} from '../sanitize';
import type {EmulatorStore} from '../store';
import type {CommandRegistry} from '../commands/registry';
import {parseJson, readBody} from './request';

/** Source of the session token. Only cookie sessions are CSRF-checked. */
export type TokenLocation = 'header' | 'cookie' | 'query' | 'none';

/** Per-request state handed to middleware and route handlers. */
export class RequestContext {
    /** Path params by the names of the route pattern, e.g. `user_id`. */
    params: Record<string, string> = {};
    session: SessionRecord | undefined;
    token = '';
    tokenLocation: TokenLocation = 'none';
    private bodyPromise: Promise<Buffer> | undefined;

    constructor(
        readonly req: IncomingMessage,
        readonly store: EmulatorStore,
        readonly commands: CommandRegistry,
        readonly requestId: string,
        /** The decoded path below `/api/v4`, as the server's router matches it. */
        readonly path: string,
        readonly query: URLSearchParams,
    ) {}

    get method(): string {
        return (this.req.method ?? 'GET').toUpperCase();
    }

    body(): Promise<Buffer> {
        this.bodyPromise ??= readBody(this.req);
        return this.bodyPromise;
    }

    async json(): Promise<unknown> {
        return parseJson(await this.body());
    }

    /** Returns the session, or throws the 401 that `APISessionRequired` routes return. */
    requireSession(): SessionRecord {
        if (!this.session) {
            throw sessionExpired('UserRequired');
        }
        return this.session;
    }

    get userId(): string {
        return this.requireSession().user_id;
    }

    hasPermission(permission: string): boolean {
        return this.store.hasPermission(this.userId, permission);
    }

    /** Throws the 403 of `c.SetPermissionError` unless the caller has `permission`. */
    requirePermission(permission: string): void {
        if (!this.hasPermission(permission)) {
            throw permissionError(this.userId, permission);
        }
    }

    /** Mirrors `c.IsSystemAdmin()`, which checks `manage_system`. */
    isSystemAdmin(): boolean {
        return this.hasPermission('manage_system');
    }

    viewer(): Viewer {
        return {userId: this.userId, isAdmin: this.isSystemAdmin()};
    }

    /** Mirrors `RequireUserId`: a 26-character id or `me` (mapped to the caller). */
    requireUserId(name = 'user_id'): string {
        const value = this.params[name] ?? '';
        if (value === 'me' && this.session) {
            return this.session.user_id;
        }
        if (!isValidId(value)) {
            throw invalidUrlParam(name);
        }
        return value;
    }

    requireId(name: string): string {
        const value = this.params[name] ?? '';
        if (!isValidId(value)) {
            throw invalidUrlParam(name);
        }
        return value;
    }
}
