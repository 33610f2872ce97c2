/** Rate-limit headers of a response, when the server sent them. */
export interface RateLimitInfo {
    limit?: number;
    remaining?: number;
    resetSeconds?: number;
}

export interface RestErrorFields {
    /** HTTP status, or 0 when no response arrived. */
    status: number;
    serverErrorId: string;
    message: string;
    detailedError: string;
    method: string;
    url: string;
    retryAfterSeconds?: number;
    rateLimit?: RateLimitInfo;
}

/**
 * A failed REST call: a network failure (status 0), a non-2xx response, or a 2xx response whose
 * body is not the JSON the endpoint returns.
 */
export class RestError extends Error {
    readonly status: number;
    readonly serverErrorId: string;
    readonly detailedError: string;
    readonly method: string;
    readonly url: string;
    readonly retryAfterSeconds?: number;
    readonly rateLimit?: RateLimitInfo;

    constructor(fields: RestErrorFields) {
        super(fields.message || `${fields.method} ${fields.url} failed with status ${fields.status}`);
        this.name = 'RestError';
        this.status = fields.status;
        this.serverErrorId = fields.serverErrorId;
        this.detailedError = fields.detailedError;
        this.method = fields.method;
        this.url = fields.url;
        this.retryAfterSeconds = fields.retryAfterSeconds;
        this.rateLimit = fields.rateLimit;
    }
}

export function isRestError(error: unknown): error is RestError {
    return error instanceof RestError;
}
