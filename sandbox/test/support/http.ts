import {request} from 'node:http';

export interface HttpResponse {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    text: string;
}

export interface HttpRequest {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
}

/** Sends one request with `node:http`, so the exact path and headers reach the server. */
export function send(baseUrl: string, input: HttpRequest): Promise<HttpResponse> {
    const url = new URL(baseUrl);
    return new Promise((resolve, reject) => {
        const req = request(
            {
                host: url.hostname,
                port: url.port,
                method: input.method,
                path: input.path,
                headers: input.headers,
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () =>
                    resolve({
                        status: res.statusCode ?? 0,
                        headers: res.headers,
                        text: Buffer.concat(chunks).toString('utf8'),
                    }),
                );
                res.on('error', reject);
            },
        );
        req.on('error', reject);
        req.end(input.body);
    });
}

/** Sends a JSON request with a bearer token and parses the JSON answer. */
export async function sendJson(
    baseUrl: string,
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
): Promise<{status: number; json: unknown; response: HttpResponse}> {
    const allHeaders: Record<string, string> = {...headers};
    if (token) {
        allHeaders.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
        allHeaders['Content-Type'] = 'application/json';
    }
    const response = await send(baseUrl, {
        method,
        path: `/api/v4${path}`,
        headers: allHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    let json: unknown;
    try {
        json = JSON.parse(response.text);
    } catch {
        json = undefined;
    }
    return {status: response.status, json, response};
}
