/** The body of a response, read without trusting its `Content-Type`. */
export type ResponseBody =
    | {kind: 'json'; value: Record<string, unknown> | unknown[]}
    | {kind: 'text'; text: string};

/**
 * Parses a body as JSON only when the whole text is one JSON object or array. Router-level 404s
 * of Mattermost 5.37 carry a JSON error under `Content-Type: text/plain`, so the header is ignored.
 */
export function parseResponseBody(text: string): ResponseBody {
    const trimmed = text.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
        return {kind: 'text', text};
    }

    try {
        const value: unknown = JSON.parse(trimmed);
        if (value !== null && typeof value === 'object') {
            return {kind: 'json', value: value as Record<string, unknown> | unknown[]};
        }
    } catch {
        // Not one JSON value; handled below.
    }

    return {kind: 'text', text};
}

/** The fields of a Mattermost `AppError` body that the client reports. */
export interface AppErrorFields {
    id: string;
    message: string;
    detailedError: string;
}

/**
 * Reads the AppError fields from an error body. When a handler writes `{"status":"OK"}` and then
 * appends its error (a `PUT /users/{id}/active` quirk), the error is the last JSON object.
 */
export function readAppError(body: ResponseBody): AppErrorFields | undefined {
    if (body.kind === 'json') {
        return Array.isArray(body.value) ? undefined : toAppError(body.value);
    }

    const lastObjectStart = body.text.lastIndexOf('{"');
    if (lastObjectStart <= 0) {
        return undefined;
    }

    const tail = parseResponseBody(body.text.slice(lastObjectStart));
    if (tail.kind !== 'json' || Array.isArray(tail.value)) {
        return undefined;
    }

    return toAppError(tail.value);
}

function toAppError(value: Record<string, unknown>): AppErrorFields | undefined {
    if (typeof value.id !== 'string' && typeof value.message !== 'string') {
        return undefined;
    }

    return {
        id: typeof value.id === 'string' ? value.id : '',
        message: typeof value.message === 'string' ? value.message : '',
        detailedError: typeof value.detailed_error === 'string' ? value.detailed_error : '',
    };
}
