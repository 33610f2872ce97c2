import type {EmulatorConfig} from '../config';
import type {RequestContext} from '../http/context';
import type {Middleware} from '../http/pipeline';
import type {Reply} from '../http/reply';
import {headerValue, parseCookies} from '../http/request';

import {GcraLimiter, rateLimitHeaders} from './gcra';
import type {GcraResult} from './gcra';

type RateLimitSettings = EmulatorConfig['RateLimitSettings'];

export type NanosecondClock = () => number;

export const monotonicNanoseconds: NanosecondClock = () => Math.round(performance.now() * 1e6);

/** The token as `app.ParseAuthTokenFromRequest` finds it: header, then cookie, then query. */
function requestToken(ctx: RequestContext): string {
    const match = /^(bearer|token) (.+)$/i.exec(headerValue(ctx.req, 'authorization'));
    if (match) {
        return match[2].trim();
    }
    return parseCookies(headerValue(ctx.req, 'cookie')).get('MMAUTHTOKEN') || ctx.query.get('access_token') || '';
}

/** `RateLimiter.GenerateKey`: the token with `VaryByUser`, else the client address, plus a header. */
function requestKey(ctx: RequestContext, settings: RateLimitSettings, token: string): string {
    const address = ctx.req.socket.remoteAddress ?? '';
    let key = '';
    if (settings.VaryByUser) {
        if (token) {
            key += token;
        } else if (settings.VaryByRemoteAddr) {
            key += address;
        }
    } else if (settings.VaryByRemoteAddr) {
        key += address;
    }

    if (settings.VaryByHeader) {
        key += headerValue(ctx.req, settings.VaryByHeader).toLowerCase();
    }
    return key;
}

/** Adds each header the way Go's `Header.Add` does: a second value makes a repeated header. */
function addHeaders(target: Record<string, string | string[]>, added: Record<string, string>): void {
    for (const [name, value] of Object.entries(added)) {
        const existing = target[name];
        if (existing === undefined) {
            target[name] = value;
        } else {
            target[name] = [...(Array.isArray(existing) ? existing : [existing]), value];
        }
    }
}

function limitExceeded(headers: Record<string, string | string[]>): Reply {
    return {
        status: 429,
        raw: 'limit exceeded\n',
        contentType: 'text/plain; charset=utf-8',
        headers: {...headers, 'X-Content-Type-Options': 'nosniff'},
    };
}

/**
 * Rate limiting as Mattermost 5.37 applies `RateLimitSettings`, read from the store's config on
 * every request so that tests can change it at run time. `RateLimitHandler` limits every request
 * by `GenerateKey`; with `VaryByUser`, `web.Handler.ServeHTTP` then limits requests that carry
 * a token a second time by the session's user id, which adds each header twice. A limited
 * request gets `http.Error(w, "limit exceeded", 429)`.
 * NOTE: the real 429 is written before the web handler runs, so it carries no `X-Request-Id` or
 * `X-Version-Id`. The emulator's pipeline adds both to every reply.
 */
export class RateLimiter {
    private limiter: GcraLimiter | undefined;
    private limiterSettings = '';

    constructor(private readonly nowNs: NanosecondClock = monotonicNanoseconds) {}

    /** Forgets every key, as a server restart does. */
    reset(): void {
        this.limiter = undefined;
        this.limiterSettings = '';
    }

    readonly middleware: Middleware = async (ctx, next) => {
        const settings = ctx.store.config.RateLimitSettings;
        if (!settings.Enable) {
            return next();
        }

        const limiter = this.limiterFor(settings);
        const token = requestToken(ctx);
        const headers: Record<string, string | string[]> = {};

        const checks = [requestKey(ctx, settings, token)];
        if (settings.VaryByUser && token) {
            checks.push(ctx.store.sessionForToken(token)?.user_id ?? '');
        }

        for (const key of checks) {
            const result: GcraResult = limiter.rateLimit(key);
            addHeaders(headers, rateLimitHeaders(result));
            if (result.limited) {
                return limitExceeded(headers);
            }
        }

        const reply = await next();
        return {...reply, headers: {...reply.headers, ...headers}};
    };

    // NewRateLimiter runs once at server start; the emulator builds a new limiter, with empty
    // state, whenever the quota settings change.
    private limiterFor(settings: RateLimitSettings): GcraLimiter {
        const signature = `${settings.PerSec}/${settings.MaxBurst}/${settings.MemoryStoreSize}`;
        if (!this.limiter || signature !== this.limiterSettings) {
            const quota = {perSec: settings.PerSec, maxBurst: settings.MaxBurst};
            this.limiter = new GcraLimiter(quota, settings.MemoryStoreSize, this.nowNs);
            this.limiterSettings = signature;
        }
        return this.limiter;
    }
}
