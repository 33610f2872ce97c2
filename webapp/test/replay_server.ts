import {createServer} from 'http';
import type {IncomingMessage} from 'http';
import type {AddressInfo} from 'net';

/** One canned HTTP response, sent byte for byte as given. */
export interface ReplayResponse {
    status: number;
    contentType?: string;
    body: string;
    headers?: Record<string, string>;
}

export interface RecordedRequest {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
}

export interface ReplayServer {
    url: string;
    requests: RecordedRequest[];
    close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 with a free port that replies to each `METHOD path` key with its
 * response (a list is served in turn, the last one repeating) and 404 for anything else. The
 * server does not keep the process alive.
 */
export async function startReplayServer(routes: Record<string, ReplayResponse | ReplayResponse[]>): Promise<ReplayServer> {
    const requests: RecordedRequest[] = [];
    const served = new Map<string, number>();

    const server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
            const url = request.url || '';
            requests.push({method: request.method || '', url, headers: request.headers, body: Buffer.concat(chunks).toString()});

            const key = `${request.method} ${url}`;
            const route = routes[key];
            const list = route === undefined ? [] : [route].flat();
            const count = served.get(key) ?? 0;
            served.set(key, count + 1);

            const reply = list[Math.min(count, list.length - 1)] ?? {status: 404, body: `no route for ${key}`};
            response.writeHead(reply.status, {
                'Content-Type': reply.contentType ?? 'application/json',
                ...reply.headers,
            });
            response.end(reply.body);
        });
    });

    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    server.unref();

    const {port} = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
