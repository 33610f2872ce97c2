import {Client4} from '@mattermost/client';

import {startEmulatorServer} from '../../../sandbox/src/emulator';
import type {EmulatorServer, Middleware} from '../../../sandbox/src/emulator';
import type {Caller} from '../../src/plan';
import {RestClient} from '../../src/rest';

/** A running demo emulator that counts the requests it receives. */
export interface CountingEmulator extends EmulatorServer {
    /** `METHOD path` of every request since the last resetCount, in order. */
    requests: string[];
    resetCount(): void;
}

export async function startCountingEmulator(options: Parameters<typeof startEmulatorServer>[0] = {}): Promise<CountingEmulator> {
    const server = await startEmulatorServer({seed: 'demo', ...options});
    const requests: string[] = [];

    const count: Middleware = (ctx, next) => {
        requests.push(`${ctx.method} ${ctx.path}`);
        return next();
    };
    server.emulator.use(count);

    return {
        ...server,
        requests,
        resetCount: () => {
            requests.length = 0;
        },
    };
}

/** Logs in with a password and returns a RestClient that sends the session as a bearer token. */
export async function loginAs(url: string, username: string, password = 'password'): Promise<RestClient> {
    const response = await fetch(`${url}/api/v4/users/login`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({login_id: username, password}),
    });
    const token = response.headers.get('Token');
    if (response.status !== 200 || !token) {
        throw new Error(`login as ${username} failed with status ${response.status}: ${await response.text()}`);
    }

    const client = new Client4();
    client.setUrl(url);
    client.setToken(token);
    return new RestClient(client);
}

/** Builds the caller over REST, as the hook does when the web app store lacks the roles. */
export async function loadCallerOverRest(rest: RestClient): Promise<Caller> {
    const user = await rest.getMe();
    const roles = await rest.getRolesByNames(user.roles.split(' ').filter(Boolean));
    const config = await rest.getClientConfig();

    return {
        user,
        permissions: new Set(roles.flatMap((role) => role.permissions)),
        enableUserDeactivation: config.EnableUserDeactivation === 'true',
    };
}
