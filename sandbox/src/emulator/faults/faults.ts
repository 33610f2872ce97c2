import {AppError} from '../errors';
import type {RequestContext} from '../http/context';
import type {Middleware} from '../http/pipeline';
import type {Reply} from '../http/reply';

import {seededRandom} from './seeded_random';

export interface LatencyOptions {
    /** Milliseconds added to every covered request. */
    fixedMs?: number;

    /** Up to this many more milliseconds, drawn uniformly per request. */
    jitterMs?: number;
}

/**
 * Faults injected into covered requests. Rates are probabilities per request in [0, 1]; at most
 * one fault hits a request, and their rates add up (they must total 1 or less).
 */
export interface FaultOptions {
    /** Seeds the generator, so that the same requests in the same order get the same faults. */
    seed?: number;

    /** 500 with an AppError body, or 502/503 with a proxy's HTML page, before the handler runs. */
    serverErrorRate?: number;

    /** 504 with a proxy's HTML page after the handler ran: the write took effect. */
    gatewayTimeoutRate?: number;

    /** The socket closes without a response before the handler runs: nothing was written. */
    dropBeforeRate?: number;

    /** The socket closes without a response after the handler ran: the write took effect. */
    dropAfterRate?: number;

    /** A plain-text `limit exceeded` 429, as the rate limiter sends it. */
    rateLimitRate?: number;

    /** `Retry-After` of an injected 429, in seconds. Defaults to 1. */
    retryAfterSeconds?: number;

    latency?: LatencyOptions;

    /** Filter of the requests that the faults and latency cover. Defaults to every request. */
    covers?: (ctx: RequestContext) => boolean;
}

/** How many requests each fault hit since the last reset. */
export interface FaultCounts {
    covered: number;
    serverErrors: number;
    gatewayTimeouts: number;
    droppedBefore: number;
    droppedAfter: number;
    rateLimited: number;
}

type Fault = 'server_error' | 'gateway_timeout' | 'drop_before' | 'drop_after' | 'rate_limit';

const PROXY_STATUS_TEXT: Record<number, string> = {
    502: 'Bad Gateway',
    503: 'Service Temporarily Unavailable',
    504: 'Gateway Time-out',
};

/** The error page nginx sends for a 5xx of its own. */
function proxyPage(status: number): Reply {
    const title = `${status} ${PROXY_STATUS_TEXT[status]}`;
    const raw =
        `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
        `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
    return {status, raw, contentType: 'text/html'};
}

function emptyCounts(): FaultCounts {
    return {covered: 0, serverErrors: 0, gatewayTimeouts: 0, droppedBefore: 0, droppedAfter: 0, rateLimited: 0};
}

function checkRates(options: FaultOptions): void {
    const rates = [
        options.serverErrorRate,
        options.gatewayTimeoutRate,
        options.dropBeforeRate,
        options.dropAfterRate,
        options.rateLimitRate,
    ].map((rate) => rate ?? 0);

    if (rates.some((rate) => !(rate >= 0 && rate <= 1))) {
        throw new RangeError(`every fault rate must be in [0, 1], received ${rates.join(', ')}`);
    }
    const total = rates.reduce((sum, rate) => sum + rate, 0);
    if (total > 1 + 1e-9) {
        throw new RangeError(`fault rates add up to ${total}, which is more than 1`);
    }
}

/**
 * Injects latency and faults from seeded generators (one for latency, one for faults, so that
 * changing the latency never moves a fault). `configure` changes the options at run time.
 */
export class FaultInjector {
    private options: FaultOptions = {};
    private faultRandom = seededRandom(1);
    private latencyRandom = seededRandom(2);
    private hits = emptyCounts();

    constructor(options: FaultOptions = {}) {
        this.configure(options);
    }

    /** Replaces the options and restarts both generators from the seed. */
    configure(options: FaultOptions): void {
        checkRates(options);
        this.options = {...options};
        const seed = options.seed ?? 1;
        this.faultRandom = seededRandom(seed);
        this.latencyRandom = seededRandom(seed ^ 0x5bd1e995);
        this.hits = emptyCounts();
    }

    get counts(): FaultCounts {
        return {...this.hits};
    }

    readonly middleware: Middleware = async (ctx, next) => {
        const options = this.options;
        if (options.covers && !options.covers(ctx)) {
            return next();
        }

        this.hits.covered += 1;
        await this.delay(options.latency);

        const fault = this.drawFault(options);
        switch (fault) {
        case 'server_error':
            this.hits.serverErrors += 1;
            return this.serverError(ctx);
        case 'rate_limit':
            this.hits.rateLimited += 1;
            return {
                status: 429,
                raw: 'limit exceeded\n',
                contentType: 'text/plain; charset=utf-8',
                headers: {'Retry-After': String(options.retryAfterSeconds ?? 1), 'X-Content-Type-Options': 'nosniff'},
            };
        case 'drop_before':
            this.hits.droppedBefore += 1;
            ctx.req.socket.destroy();
            return {status: 500, raw: ''};
        case 'drop_after': {
            this.hits.droppedAfter += 1;
            const reply = await next();
            ctx.req.socket.destroy();
            return reply;
        }
        case 'gateway_timeout':
            this.hits.gatewayTimeouts += 1;
            await next();
            return proxyPage(504);
        default:
            return next();
        }
    };

    private async delay(latency: LatencyOptions | undefined): Promise<void> {
        const fixed = latency?.fixedMs ?? 0;
        const jitter = latency?.jitterMs ?? 0;
        const milliseconds = fixed + (jitter > 0 ? this.latencyRandom() * jitter : 0);
        if (milliseconds > 0) {
            await new Promise((resolve) => setTimeout(resolve, milliseconds));
        }
    }

    // Draws exactly one number per covered request, so the schedule depends only on the order.
    private drawFault(options: FaultOptions): Fault | undefined {
        const draw = this.faultRandom();
        const bands: Array<[Fault, number | undefined]> = [
            ['server_error', options.serverErrorRate],
            ['gateway_timeout', options.gatewayTimeoutRate],
            ['drop_before', options.dropBeforeRate],
            ['drop_after', options.dropAfterRate],
            ['rate_limit', options.rateLimitRate],
        ];

        let upper = 0;
        for (const [fault, rate] of bands) {
            upper += rate ?? 0;
            if (draw < upper) {
                return fault;
            }
        }
        return undefined;
    }

    // One in three server errors is the server's own 500; the rest are a proxy's 502 or 503.
    private serverError(ctx: RequestContext): Reply {
        const kind = Math.floor(this.faultRandom() * 3);
        if (kind === 0) {
            const error = new AppError(
                'api.emulator.injected_fault.app_error',
                'An injected internal server error occurred.',
                500,
                `${ctx.method} ${ctx.path}`,
            );
            return {status: 500, raw: '', trailingError: error};
        }
        return proxyPage(kind === 1 ? 502 : 503);
    }
}
