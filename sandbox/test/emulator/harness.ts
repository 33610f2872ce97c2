import {startEmulatorServer, type EmulatorOptions, type EmulatorServer} from '../../src/emulator';
import {sendJson} from '../support/http';

/** A demo emulator on loopback with helpers to log in and call the API as a user. */
export interface Harness {
    server: EmulatorServer;
    login(username: string): Promise<string>;
    call(
        method: string,
        path: string,
        token?: string,
        body?: unknown,
    ): Promise<{status: number; json: unknown}>;
    idOf(username: string): string;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
    const server = await startEmulatorServer(options);
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
        const result = await sendJson(server.url, method, path, token, body);
        return {status: result.status, json: result.json};
    };
    return {
        server,
        call,
        async login(username) {
            const result = await sendJson(server.url, 'POST', '/users/login', undefined, {
                login_id: username,
                password: 'password',
            });
            if (result.status !== 200) {
                throw new Error(`login of ${username} failed with ${result.status}`);
            }
            return String(result.response.headers.token);
        },
        idOf(username) {
            const user = server.emulator.store.userByUsername(username);
            if (!user) {
                throw new Error(`demo seed has no user ${username}`);
            }
            return user.id;
        },
    };
}

export function errorId(json: unknown): unknown {
    return (json as {id?: unknown} | undefined)?.id;
}
