import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';

import {createEmulator, type Emulator, type EmulatorOptions} from './emulator';
import {API_PREFIX} from './http/pipeline';

export interface EmulatorServer {
    url: string;
    emulator: Emulator;
    close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 (port 0 unless given) serving only /api/v4 from an
 * emulator. Other paths get a plain 404.
 */
export function startEmulatorServer(
    options: EmulatorOptions & {port?: number} = {},
): Promise<EmulatorServer> {
    const emulator = createEmulator(options);
    const server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
            emulator.handle(req, res);
            return;
        }
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('404 page not found\n');
    });

    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
            const {port} = server.address() as AddressInfo;
            resolve({
                url: `http://127.0.0.1:${port}`,
                emulator,
                close: () =>
                    new Promise<void>((done, fail) => {
                        server.closeAllConnections();
                        server.close((error) => (error ? fail(error) : done()));
                    }),
            });
        });
    });
}
