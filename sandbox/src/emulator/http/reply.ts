import type {AppError} from '../errors';

/** Value a route handler returns. The pipeline turns it into the HTTP response. */
export interface Reply {
    status: number;
    /** Serialised with `JSON.stringify` and sent as `application/json`. */
    json?: unknown;
    /** Sent as is, with `contentType`. */
    raw?: string | Buffer;
    contentType?: string;
    headers?: Record<string, string | string[]>;
    /**
     * An error the handler set without returning: the server writes the body first and then
     * this error's JSON after it, under the body's status (see `getUsers`, `updateUserActive`).
     */
    trailingError?: AppError;
}

export function jsonReply(json: unknown, status = 200): Reply {
    return {status, json};
}

/** The server's `ReturnStatusOK`: 200 `{"status":"OK"}`. */
export function statusOk(): Reply {
    return {status: 200, json: {status: 'OK'}};
}
