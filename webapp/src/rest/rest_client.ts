import type {Client4} from '@mattermost/client';
import type {ClientConfig} from '@mattermost/types/config';
import type {PluginsResponse, PluginStatus} from '@mattermost/types/plugins';
import type {UserReport} from '@mattermost/types/reports';
import type {Role} from '@mattermost/types/roles';
import type {UserProfile, UserStatus} from '@mattermost/types/users';

import {pluginId as ownPluginId} from '../manifest';

import {parseResponseBody, readAppError} from './response_body';
import type {ResponseBody} from './response_body';
import {RestError} from './rest_error';
import type {RateLimitInfo} from './rest_error';

/** Mattermost silently clamps `per_page` and these batch lookups are sized to the same limit. */
export const MAX_PAGE_SIZE = 200;

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface RestClientOptions {
    /** Defaults to the global `fetch`. */
    fetch?: FetchFunction;

    /**
     * Times a read (and a call to this plugin's own routes) is repeated after HTTP 429. Defaults
     * to 2. The three product writes are sent once; the bulk engine retries them.
     */
    maxRateLimitRetries?: number;

    /** Longest `Retry-After` wait, in seconds, that is honoured before giving up. Defaults to 10. */
    maxRetryAfterSeconds?: number;

    /** Waits between rate-limit retries; tests replace it. */
    sleep?: (milliseconds: number) => Promise<void>;
}

export type Method = 'GET' | 'POST' | 'PUT';

export type Expected = 'object' | 'array';

/** Result of a successful write: its HTTP status and rate-limit headers. */
export interface WriteResult {
    status: number;
    rateLimit?: RateLimitInfo;
}

interface Received<T> {
    value: T;
    response: Response;
}

/**
 * The REST calls of `/deactivate`, made under the caller's session. Headers and routes come from
 * a `Client4` instance (cookie session, `X-Requested-With`, `X-CSRF-Token` from `MMCSRF`, or a
 * bearer token when one is set), but requests go through `fetch` directly so that the real HTTP
 * status, `Retry-After` and `X-RateLimit-*` are visible. No method deletes a user or sends
 * `permanent=true`: the only write to a user is `PUT /users/{id}/active`.
 * Reads repeat themselves after a 429; the writes `updateUserActive`, `disableBot`, `enableBot`
 * and `disablePlugin` do not, because `runBulk` in `../bulk` retries them with rate-limit pacing.
 */
export class RestClient {
    private readonly fetchFunction: FetchFunction;
    private readonly maxRateLimitRetries: number;
    private readonly maxRetryAfterSeconds: number;
    private readonly sleep: (milliseconds: number) => Promise<void>;

    constructor(readonly client: Client4, options: RestClientOptions = {}) {
        this.fetchFunction = options.fetch ?? ((input, init) => fetch(input, init));
        this.maxRateLimitRetries = options.maxRateLimitRetries ?? 2;
        this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 10;
        this.sleep = options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    }

    getMe(): Promise<UserProfile> {
        return this.request('GET', `${this.client.getUsersRoute()}/me`, 'object');
    }

    getRolesByNames(names: string[]): Promise<Role[]> {
        return this.request('POST', `${this.client.getRolesRoute()}/names`, 'array', names);
    }

    getClientConfig(): Promise<ClientConfig> {
        return this.request('GET', `${this.client.getBaseRoute()}/config/client?format=old`, 'object');
    }

    /** Looks up usernames in batches of MAX_PAGE_SIZE. The server matches names case-sensitively. */
    getUsersByUsernames(usernames: string[]): Promise<UserProfile[]> {
        const url = `${this.client.getUsersRoute()}/usernames`;
        return this.postInBatches(url, usernames);
    }

    /** Looks up user ids in batches of MAX_PAGE_SIZE. Unknown and malformed ids are left out. */
    getUsersByIds(ids: string[]): Promise<UserProfile[]> {
        const url = `${this.client.getUsersRoute()}/ids`;
        return this.postInBatches(url, ids);
    }

    getUserByEmail(email: string): Promise<UserProfile> {
        const url = `${this.client.getUsersRoute()}/email/${encodeURIComponent(email)}`;
        return this.request('GET', url, 'object');
    }

    /** Lists every active user with the `system_admin` role, page by page. */
    async getActiveSystemAdmins(): Promise<UserProfile[]> {
        const admins: UserProfile[] = [];

        for (let page = 0; ; page++) {
            const query = `role=system_admin&active=true&per_page=${MAX_PAGE_SIZE}&page=${page}`;
            const batch: UserProfile[] = await this.request('GET', `${this.client.getUsersRoute()}?${query}`, 'array');
            admins.push(...batch);

            if (batch.length < MAX_PAGE_SIZE) {
                return admins;
            }
        }
    }

    /** `GET /users?active=true`, one page of MAX_PAGE_SIZE users, bots included. */
    getActiveUsersPage(page: number): Promise<UserProfile[]> {
        const query = `active=true&per_page=${MAX_PAGE_SIZE}&page=${page}`;
        return this.request('GET', `${this.client.getUsersRoute()}?${query}`, 'array');
    }

    /** `POST /users/status/ids` for one batch; users without a status row come back offline. */
    getStatusesByIds(ids: string[]): Promise<UserStatus[]> {
        return this.request('POST', `${this.client.getUsersRoute()}/status/ids`, 'array', ids);
    }

    /**
     * `GET /reports/users` (Mattermost 9.6+): 100 active users sorted by username, after the
     * cursor when one is given. Older servers return 404.
     */
    getUserReportPage(cursor?: {fromColumnValue: string; fromId: string}): Promise<UserReport[]> {
        const query = new URLSearchParams({sort_column: 'Username', page_size: '100', hide_inactive: 'true'});
        if (cursor) {
            query.set('from_column_value', cursor.fromColumnValue);
            query.set('from_id', cursor.fromId);
        }
        return this.request('GET', `${this.client.getBaseRoute()}/reports/users?${query.toString()}`, 'array');
    }

    /** Sends `PUT /users/{id}/active` with exactly `{"active": active}`, once. */
    updateUserActive(userId: string, active: boolean): Promise<WriteResult> {
        const url = `${this.client.getUserRoute(encodeURIComponent(userId))}/active`;
        return this.write('PUT', url, {active});
    }

    /** Sends `POST /bots/{id}/disable`, once. */
    disableBot(botUserId: string): Promise<WriteResult> {
        const url = `${this.client.getBotRoute(encodeURIComponent(botUserId))}/disable`;
        return this.write('POST', url);
    }

    /** Enables a bot again; undo uses it for bots a batch disabled. */
    enableBot(botUserId: string): Promise<WriteResult> {
        const url = `${this.client.getBotRoute(encodeURIComponent(botUserId))}/enable`;
        return this.write('POST', url);
    }

    /** Sends `path` (such as `/batches`) to this plugin's own server routes under `/api/v1`. */
    pluginApi<T>(method: Method, path: string, expected: Expected, body?: unknown): Promise<T> {
        const url = `${this.client.getUrl()}/plugins/${encodeURIComponent(ownPluginId)}/api/v1${path}`;
        return this.request(method, url, expected, body);
    }

    getPlugins(): Promise<PluginsResponse> {
        return this.request('GET', this.client.getPluginsRoute(), 'object');
    }

    getPluginStatuses(): Promise<PluginStatus[]> {
        return this.request('GET', `${this.client.getPluginsRoute()}/statuses`, 'array');
    }

    /** Sends `POST /plugins/{id}/disable`, once. */
    disablePlugin(pluginId: string): Promise<WriteResult> {
        const url = `${this.client.getPluginRoute(encodeURIComponent(pluginId))}/disable`;
        return this.write('POST', url);
    }

    private async postInBatches(url: string, values: string[]): Promise<UserProfile[]> {
        const found: UserProfile[] = [];

        for (let start = 0; start < values.length; start += MAX_PAGE_SIZE) {
            const batch = values.slice(start, start + MAX_PAGE_SIZE);
            const users: UserProfile[] = await this.request('POST', url, 'array', batch);
            found.push(...users);
        }

        return found;
    }

    private async write(method: Method, url: string, body?: unknown): Promise<WriteResult> {
        const {response} = await this.send(method, url, 'object', body);
        return {status: response.status, rateLimit: readRateLimit(response.headers)};
    }

    private async request<T>(method: Method, url: string, expected: Expected, body?: unknown): Promise<T> {
        for (let attempt = 0; ; attempt++) {
            try {
                const {value} = await this.send<T>(method, url, expected, body);
                return value;
            } catch (error) {
                const wait = this.rateLimitWait(error, attempt);
                if (wait === undefined) {
                    throw error;
                }
                await this.sleep(wait * 1000);
            }
        }
    }

    // Returns the seconds to wait before repeating a rate-limited request, or undefined to give up.
    private rateLimitWait(error: unknown, attempt: number): number | undefined {
        if (!(error instanceof RestError) || error.status !== 429 || attempt >= this.maxRateLimitRetries) {
            return undefined;
        }

        const wait = error.retryAfterSeconds ?? 1;
        return wait <= this.maxRetryAfterSeconds ? wait : undefined;
    }

    private async send<T>(method: Method, url: string, expected: Expected, body?: unknown): Promise<Received<T>> {
        const init = this.client.getOptions({
            method,
            body: body === undefined ? undefined : JSON.stringify(body),
        }) as RequestInit;

        let response: Response;
        let text: string;
        try {
            response = await this.fetchFunction(url, init);
            text = await response.text();
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new RestError({status: 0, serverErrorId: '', message, detailedError: '', method, url});
        }

        const parsed = parseResponseBody(text);
        if (!response.ok) {
            throw this.responseError(response, parsed, method, url);
        }

        const isArray = parsed.kind === 'json' && Array.isArray(parsed.value);
        if (parsed.kind !== 'json' || isArray !== (expected === 'array')) {
            throw this.invalidBodyError(response, parsed, method, url);
        }

        return {value: parsed.value as T, response};
    }

    private responseError(response: Response, body: ResponseBody, method: string, url: string): RestError {
        const appError = readAppError(body);
        const plainText = body.kind === 'text' ? body.text.trim() : '';

        return new RestError({
            status: response.status,
            serverErrorId: appError?.id ?? '',
            message: appError?.message || plainText || response.statusText,
            detailedError: appError?.detailedError ?? '',
            method,
            url,
            retryAfterSeconds: readRetryAfter(response.headers.get('Retry-After')),
            rateLimit: readRateLimit(response.headers),
        });
    }

    // A 2xx whose body is not the expected JSON. The appended AppError of the PUT /active quirk,
    // when present, names what really failed.
    private invalidBodyError(response: Response, body: ResponseBody, method: string, url: string): RestError {
        const appError = readAppError(body);
        const received = body.kind === 'text' ? body.text : JSON.stringify(body.value);

        return new RestError({
            status: response.status,
            serverErrorId: appError?.id ?? '',
            message: appError?.message || 'Received an invalid response from the server.',
            detailedError: appError?.detailedError || received.slice(0, 500),
            method,
            url,
        });
    }
}

/** Reads `Retry-After` as delay seconds or as an HTTP date, rounded up to whole seconds. */
export function readRetryAfter(value: string | null, now = Date.now()): number | undefined {
    if (value === null || value.trim() === '') {
        return undefined;
    }

    // Repeated headers arrive joined by ", " (see readNumberHeader); the longest wait binds.
    const parts = value.split(',').map(Number);
    if (parts.every((seconds) => Number.isFinite(seconds))) {
        return Math.max(0, Math.ceil(Math.max(...parts)));
    }

    const date = Date.parse(value);
    if (Number.isNaN(date)) {
        return undefined;
    }

    return Math.max(0, Math.ceil((date - now) / 1000));
}

function readRateLimit(headers: Headers): RateLimitInfo | undefined {
    const limit = readNumberHeader(headers, 'X-RateLimit-Limit');
    const remaining = readNumberHeader(headers, 'X-RateLimit-Remaining');
    const resetSeconds = readNumberHeader(headers, 'X-RateLimit-Reset');

    if (limit === undefined && remaining === undefined && resetSeconds === undefined) {
        return undefined;
    }

    return {limit, remaining, resetSeconds};
}

// With `VaryByUser` Mattermost rate-limits twice, by token and by user id, and adds each header
// twice; `Headers.get` joins the copies with ", ". The smallest value is the binding one.
function readNumberHeader(headers: Headers, name: string): number | undefined {
    const value = headers.get(name);
    if (value === null) {
        return undefined;
    }

    const numbers = value.split(',').map(Number).filter((number) => Number.isFinite(number));
    return numbers.length > 0 ? Math.min(...numbers) : undefined;
}
