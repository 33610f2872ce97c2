import {Client4} from '@mattermost/client';
import {createIntl} from 'react-intl';

import en from '../../i18n/en.json';
import {recordedErrors} from '../../test/recorded_errors';
import {startReplayServer} from '../../test/replay_server';
import type {ReplayResponse, ReplayServer} from '../../test/replay_server';

import {describeRestError} from './describe_error';
import {RestClient} from './rest_client';
import {isRestError, RestError} from './rest_error';

type CaseName = keyof typeof recordedErrors;

const intl = createIntl({locale: 'en', messages: en});

let server: ReplayServer;

// Each recorded response is served under its own site URL, `<server>/case/<name>`.
beforeAll(async () => {
    const routes: Record<string, ReplayResponse> = {};
    for (const [name, response] of Object.entries(recordedErrors)) {
        routes[`GET /case/${name}/api/v4/users/me`] = response;
    }
    server = await startReplayServer(routes);
});

afterAll(() => server.close());

function clientFor(siteUrl: string): RestClient {
    const client = new Client4();
    client.setUrl(siteUrl);
    return new RestClient(client, {maxRateLimitRetries: 0});
}

async function failureOf(name: CaseName): Promise<RestError> {
    const error = await clientFor(`${server.url}/case/${name}`).getMe().catch((caught: unknown) => caught);
    if (!isRestError(error)) {
        throw new Error(`expected a RestError for ${name}, got ${String(error)}`);
    }
    return error;
}

describe('describeRestError', () => {
    test.each([
        ['selfDeactivationDisabled', 'self_deactivation_disabled', 401, 'api.user.update_active.not_enable.app_error'],
        ['updateActivePermission', 'missing_permission', 403, 'api.user.update_active.permissions.app_error'],
        ['contextPermission', 'missing_permission', 403, 'api.context.permissions.app_error'],
        ['userMissing', 'user_not_found', 404, 'app.user.missing_account.const'],
        ['usernameMissing', 'user_not_found', 404, 'app.user.get_by_username.app_error'],
        ['botMissing', 'user_not_found', 404, 'store.sql_bot.get.missing.app_error'],
        ['pluginMissing', 'plugin_not_found', 404, 'app.plugin.not_installed.app_error'],
        ['routerNotFound', 'generic', 404, 'api.context.404.app_error'],
        ['sessionExpired', 'session_expired', 401, 'api.context.session_expired.app_error'],
        ['csrfRejected', 'session_expired', 401, 'api.context.session_expired.app_error'],
        ['emailInvalid', 'generic', 400, 'api.context.invalid_url_param.app_error'],
        ['pluginsDisabled', 'plugins_disabled', 501, 'app.plugin.disabled.app_error'],
        ['rateLimited', 'rate_limited', 429, ''],
        ['hardenedServerError', 'generic', 500, ''],
    ] as const)('%s maps to %s', async (name, kind, status, errorId) => {
        const error = await failureOf(name);
        const description = describeRestError(error, intl);

        expect(error.status).toBe(status);
        expect(error.serverErrorId).toBe(errorId);
        expect(description.kind).toBe(kind);
    });

    test('self-deactivation text names the setting', async () => {
        const description = describeRestError(await failureOf('selfDeactivationDisabled'), intl);

        expect(description.text).toContain('Enable account deactivation');
        expect(description.detail).toBe('HTTP 401, `api.user.update_active.not_enable.app_error`');
    });

    test('router 404 keeps id from text', async () => {
        const error = await failureOf('routerNotFound');

        expect(error.message).toBe('Sorry, we could not find the page.');
        expect(describeRestError(error, intl).detail).toContain('api.context.404.app_error');
    });

    test('rate limit reads retry headers', async () => {
        const error = await failureOf('rateLimited');
        const description = describeRestError(error, intl);

        expect(error.message).toBe('limit exceeded');
        expect(error.retryAfterSeconds).toBe(3);
        expect(error.rateLimit).toEqual({limit: 10, remaining: 0, resetSeconds: 3});
        expect(description.text).toContain('Try again in 3 seconds');
        expect(description.detail).toBe('HTTP 429');
    });

    test('rate limit without retry header', () => {
        const error = new RestError({
            status: 429,
            serverErrorId: '',
            message: 'limit exceeded',
            detailedError: '',
            method: 'GET',
            url: '/api/v4/users/me',
        });

        expect(describeRestError(error, intl).text).toContain('Try again in a minute');
    });

    test('array with appended error fails', async () => {
        const error = await failureOf('okWithAppendedError');
        const description = describeRestError(error, intl);

        expect(error.status).toBe(200);
        expect(error.serverErrorId).toBe('api.context.invalid_url_param.app_error');
        expect(description.kind).toBe('invalid_response');
        expect(description.detail).toBe('HTTP 200, `api.context.invalid_url_param.app_error`');
    });

    test('status OK with appended error fails', async () => {
        const error = await failureOf('statusOkWithAppendedError');

        expect(error.status).toBe(200);
        expect(error.serverErrorId).toBe('app.user.update_active.user_limit.exceeded');
        expect(describeRestError(error, intl).kind).toBe('invalid_response');
    });

    test('unreachable server is network failure', async () => {
        const closed = await startReplayServer({});
        const siteUrl = closed.url;
        await closed.close();

        const error = await clientFor(siteUrl).getMe().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(RestError);
        const description = describeRestError(error as RestError, intl);

        expect((error as RestError).status).toBe(0);
        expect(description.kind).toBe('network');
        expect(description.detail).toMatch(/^no response: `.+`$/);
    });

    test('generic fallback shows status and id', async () => {
        const description = describeRestError(await failureOf('emailInvalid'), intl);

        expect(description.text).toBe('The server rejected the request.');
        expect(description.detail).toBe('HTTP 400, `api.context.invalid_url_param.app_error`');
    });

    test('detail neutralises backticks in ids', () => {
        const error = new RestError({
            status: 400,
            serverErrorId: 'x`](http://e)',
            message: '',
            detailedError: '',
            method: 'GET',
            url: '/api/v4/users/me',
        });

        expect(describeRestError(error, intl).detail).toBe("HTTP 400, `x'](http://e)`");
    });
});
