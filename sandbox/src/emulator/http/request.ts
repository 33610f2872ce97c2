import type {IncomingMessage} from 'node:http';

/** Upper bound of a request body; Mattermost's default `MaxFileSize` is 100 MiB (5.37). */
const MAX_BODY_BYTES = 100 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new Error(`request body exceeds ${MAX_BODY_BYTES} bytes`));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}

/** Parses JSON, returning `undefined` for an empty or malformed body (as Go's decoders fail). */
export function parseJson(body: Buffer): unknown {
    if (body.length === 0) {
        return undefined;
    }
    try {
        return JSON.parse(body.toString('utf8'));
    } catch {
        return undefined;
    }
}

export function parseCookies(header: string | undefined): Map<string, string> {
    const cookies = new Map<string, string>();
    for (const part of (header ?? '').split(';')) {
        const index = part.indexOf('=');
        if (index > 0) {
            cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
        }
    }
    return cookies;
}

export function headerValue(req: IncomingMessage, name: string): string {
    const value = req.headers[name.toLowerCase()];
    return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
