import {Client4} from '@mattermost/client';

import {startReplayServer} from '../../test/replay_server';
import type {ReplayResponse, ReplayServer} from '../../test/replay_server';

import {MAX_PAGE_SIZE, readRetryAfter, RestClient} from './rest_client';
import type {RestClientOptions} from './rest_client';
import {RestError} from './rest_error';

// Awaits a call that must fail and returns its RestError.
async function rejection(call: Promise<unknown>): Promise<RestError> {
    const error = await call.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(RestError);
    return error as RestError;
}

const OK: ReplayResponse = {status: 200, body: '{"status":"OK"}'};

function userJson(id: string): string {
    return JSON.stringify({id, username: id, roles: 'system_user', delete_at: 0});
}

async function withServer(
    routes: Record<string, ReplayResponse | ReplayResponse[]>,
    options: RestClientOptions = {},
): Promise<{server: ReplayServer; rest: RestClient; client: Client4}> {
    const server = await startReplayServer(routes);
    const client = new Client4();
    client.setUrl(server.url);
    client.setToken('token-1');
    return {server, rest: new RestClient(client, options), client};
}

describe('RestClient requests', () => {
    test('sends session headers', async () => {
        const {server, rest, client} = await withServer({'PUT /api/v4/users/u1/active': OK});
        client.setCSRF('csrf-1');

        await rest.updateUserActive('u1', false);
        await server.close();

        const [request] = server.requests;
        expect(request.headers['x-requested-with']).toBe('XMLHttpRequest');
        expect(request.headers.authorization).toBe('BEARER token-1');
        expect(request.headers['x-csrf-token']).toBe('csrf-1');
        expect(request.headers['content-type']).toBe('application/json');
    });

    test('deactivation body is only active', async () => {
        const {server, rest} = await withServer({'PUT /api/v4/users/u1/active': OK});

        await rest.updateUserActive('u1', false);
        await server.close();

        expect(server.requests[0].body).toBe('{"active":false}');
        expect(server.requests[0].url).not.toContain('permanent');
    });

    test('path segments are encoded', async () => {
        const {server, rest} = await withServer({
            'GET /api/v4/users/email/a%2Bb%40example.com': {status: 200, body: userJson('u1')},
            'POST /api/v4/plugins/..%2Fx/disable': OK,
            'POST /api/v4/bots/b%3F1/disable': {status: 200, body: '{"user_id":"b?1"}'},
        });

        await rest.getUserByEmail('a+b@example.com');
        await rest.disablePlugin('../x');
        await rest.disableBot('b?1');
        await server.close();

        expect(server.requests.map((request) => request.url)).toEqual([
            '/api/v4/users/email/a%2Bb%40example.com',
            '/api/v4/plugins/..%2Fx/disable',
            '/api/v4/bots/b%3F1/disable',
        ]);
    });

    test('username lookups chunked at 200', async () => {
        const names = Array.from({length: 250}, (_, i) => `user${i}`);
        const {server, rest} = await withServer({
            'POST /api/v4/users/usernames': [
                {status: 200, body: `[${userJson('user0')}]`},
                {status: 200, body: `[${userJson('user249')}]`},
            ],
        });

        const users = await rest.getUsersByUsernames(names);
        await server.close();

        expect(users.map((user) => user.id)).toEqual(['user0', 'user249']);
        expect(server.requests).toHaveLength(2);
        expect(JSON.parse(server.requests[0].body)).toHaveLength(MAX_PAGE_SIZE);
        expect(JSON.parse(server.requests[1].body)).toHaveLength(50);
    });

    test('empty id list sends nothing', async () => {
        const {server, rest} = await withServer({});

        expect(await rest.getUsersByIds([])).toEqual([]);
        await server.close();

        expect(server.requests).toHaveLength(0);
    });

    test('active admins fetched page by page', async () => {
        const fullPage = `[${Array.from({length: MAX_PAGE_SIZE}, (_, i) => userJson(`a${i}`)).join(',')}]`;
        const query = 'role=system_admin&active=true&per_page=200';
        const {server, rest} = await withServer({
            [`GET /api/v4/users?${query}&page=0`]: {status: 200, body: fullPage},
            [`GET /api/v4/users?${query}&page=1`]: {status: 200, body: `[${userJson('last')}]`},
        });

        const admins = await rest.getActiveSystemAdmins();
        await server.close();

        expect(admins).toHaveLength(MAX_PAGE_SIZE + 1);
        expect(server.requests).toHaveLength(2);
    });

    test('client config uses old format', async () => {
        const {server, rest} = await withServer({
            'GET /api/v4/config/client?format=old': {status: 200, body: '{"EnableUserDeactivation":"true"}'},
        });

        const config = await rest.getClientConfig();
        await server.close();

        expect(config.EnableUserDeactivation).toBe('true');
    });
});

describe('RestClient responses', () => {
    test('object where array expected fails', async () => {
        const {server, rest} = await withServer({'POST /api/v4/users/ids': {status: 200, body: '{"status":"OK"}'}});

        const error = await rejection(rest.getUsersByIds(['u1']));
        await server.close();

        expect(error.status).toBe(200);
        expect(error.detailedError).toBe('{"status":"OK"}');
    });

    test('empty 200 body fails', async () => {
        const {server, rest} = await withServer({'POST /api/v4/plugins/jira/disable': {status: 200, body: ''}});

        const error = await rejection(rest.disablePlugin('jira'));
        await server.close();

        expect(error.message).toBe('Received an invalid response from the server.');
    });

    test('JSON scalar is not a body', async () => {
        const {server, rest} = await withServer({'GET /api/v4/users/me': {status: 200, body: '"me"'}});

        const error = await rejection(rest.getMe());
        await server.close();

        expect(error.status).toBe(200);
    });

    test('HTML error page keeps status', async () => {
        const {server, rest} = await withServer({
            'GET /api/v4/plugins': {status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>'},
        });

        const error = await rejection(rest.getPlugins());
        await server.close();

        expect(error.status).toBe(502);
        expect(error.serverErrorId).toBe('');
        expect(error.message).toBe('<html>Bad Gateway</html>');
    });
});

describe('RestClient rate limits', () => {
    const limited: ReplayResponse = {
        status: 429,
        contentType: 'text/plain; charset=utf-8',
        body: 'limit exceeded\n',
        headers: {'Retry-After': '2'},
    };

    test('lookup retried after Retry-After', async () => {
        const waits: number[] = [];
        const sleep = async (milliseconds: number) => {
            waits.push(milliseconds);
        };
        const found: ReplayResponse = {status: 200, body: `[${userJson('u1')}]`};
        const {server, rest} = await withServer({'POST /api/v4/users/usernames': [limited, found]}, {sleep});

        const users = await rest.getUsersByUsernames(['u1']);
        await server.close();

        expect(users.map((user) => user.id)).toEqual(['u1']);
        expect(waits).toEqual([2000]);
        expect(server.requests).toHaveLength(2);
    });

    test('429 gives up after retries', async () => {
        const sleep = async () => undefined;
        const {server, rest} = await withServer({'GET /api/v4/users/me': limited}, {sleep, maxRateLimitRetries: 2});

        const error = await rejection(rest.getMe());
        await server.close();

        expect(error.status).toBe(429);
        expect(server.requests).toHaveLength(3);
    });

    test('write sent once on 429', async () => {
        const sleep = jest.fn(async () => undefined);
        const {server, rest} = await withServer({'PUT /api/v4/users/u1/active': [limited, OK]}, {sleep});

        const error = await rejection(rest.updateUserActive('u1', false));
        await server.close();

        expect(error.status).toBe(429);
        expect(error.retryAfterSeconds).toBe(2);
        expect(sleep).not.toHaveBeenCalled();
        expect(server.requests).toHaveLength(1);
    });

    test('write returns rate-limit headers', async () => {
        const headers = {'X-RateLimit-Limit': '101', 'X-RateLimit-Remaining': '42', 'X-RateLimit-Reset': '6'};
        const {server, rest} = await withServer({'POST /api/v4/plugins/jira/disable': {...OK, headers}});

        const result = await rest.disablePlugin('jira');
        await server.close();

        expect(result.status).toBe(200);
        expect(result.rateLimit).toEqual({limit: 101, remaining: 42, resetSeconds: 6});
    });

    test('repeated rate-limit headers read', async () => {
        const headers = {'X-RateLimit-Remaining': '7, 3', 'Retry-After': '1, 2'};
        const {server, rest} = await withServer({'PUT /api/v4/users/u1/active': {...limited, headers}});

        const error = await rejection(rest.updateUserActive('u1', false));
        await server.close();

        expect(error.rateLimit?.remaining).toBe(3);
        expect(error.retryAfterSeconds).toBe(2);
    });

    test('long Retry-After not waited', async () => {
        const sleep = jest.fn(async () => undefined);
        const longWait = {...limited, headers: {'Retry-After': '3600'}};
        const {server, rest} = await withServer({'GET /api/v4/users/me': longWait}, {sleep});

        const error = await rejection(rest.getMe());
        await server.close();

        expect(error.retryAfterSeconds).toBe(3600);
        expect(sleep).not.toHaveBeenCalled();
        expect(server.requests).toHaveLength(1);
    });

    test('Retry-After parsed as seconds or date', () => {
        const now = Date.parse('2026-01-01T00:00:00Z');

        expect(readRetryAfter('1.2', now)).toBe(2);
        expect(readRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5);
        expect(readRetryAfter('1, 3', now)).toBe(3);
        expect(readRetryAfter('soon', now)).toBeUndefined();
        expect(readRetryAfter(null, now)).toBeUndefined();
    });
});
