import {readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

import {startEmulatorServer, type EmulatorServer} from '../../src/emulator';
import {send, sendJson, type HttpResponse} from '../support/http';
import {multipartBody, pluginBundle} from '../support/tar-writer';
import {buildFixture, RUN, type Credential, type TranscriptFixture} from './fixture';
import {match, patternFor, type MatchOptions} from './shape-match';
import {bundleHash} from '../../src/emulator/plugins/bundle';

interface Exchange {
    case: string;
    caller: string;
    request: {
        method: string;
        path: string;
        query?: Record<string, string>;
        body?: unknown;
        auth: string;
        headers?: Record<string, string>;
    };
    response: {
        status?: number;
        headers?: Record<string, string>;
        body?: unknown;
        body_filter?: string;
        set_cookies?: string[];
    };
    note?: string;
}

const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..');
const TRANSCRIPTS_DIR =
    process.env.MM_TRANSCRIPTS_DIR ?? resolve(REPOSITORY_ROOT, '..', 'shared', 'transcripts', 'mattermost-5.37');

const PROBE_MANIFEST = {
    id: 'com.example.transcript-probe',
    name: 'Transcript Probe',
    description: 'Webapp-only probe plugin.',
    version: '0.0.1',
    webapp: {bundle_path: 'webapp/dist/main.js'},
};

const PROBE_WEBAPP_BUNDLE = Buffer.from('// Webapp-only probe plugin.\n');

/** Steps the recordings took between two recorded exchanges without recording them. */
const UNRECORDED_STEPS: Record<string, (fixture: TranscriptFixture) => Promise<void>> = {
    'get-bot-user-after-user-delete': async (fixture) => {
        const token = fixture.credentials.get('sysadmin')?.token;
        const result = await sendJson(fixture.server.url, 'DELETE', `/users/${fixture.id('bdel')}`, token);
        expect(result.status).toBe(200);
    },
};

/** Who sent each exchange, by the recording's `caller` text. */
function credentialFor(fixture: TranscriptFixture, caller: string): Credential | undefined {
    const byCaller: Record<string, string> = {
        'system admin': 'sysadmin',
        'normal user': 'actor',
        'normal user (self)': 'actor',
        'target user via personal access token': 'target-pat',
        'deactivated target user via personal access token': 'target-pat',
        'reactivated target user via personal access token': 'target-pat',
        'deactivated target user via its earlier login token': 'target',
        'reactivated target user via its pre-deactivation login token': 'target',
        'second system admin (self)': 'admin2',
        'bot owner (normal user)': 'owner',
        'normal user (cookie login)': 'csrf-cookie',
        'normal user (bearer, token from the cookie login)': 'csrf-cookie',
        'system admin (cookie login)': 'sysadmin-cookie',
    };
    if (caller.startsWith('anonymous')) {
        return undefined;
    }
    const name = caller.startsWith('user with system_user_manager role') ? 'umgr' : byCaller[caller];
    const credential = name ? fixture.credentials.get(name) : undefined;
    if (!credential) {
        throw new Error(`no credential for caller "${caller}"`);
    }
    return credential;
}

function substituteDeep(value: unknown, fixture: TranscriptFixture): unknown {
    if (typeof value === 'string') {
        return fixture.substitute(value);
    }
    if (Array.isArray(value)) {
        return value.map((item) => substituteDeep(item, fixture));
    }
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(
            Object.entries(value).map(([key, item]) => [key, substituteDeep(item, fixture)]),
        );
    }
    return value;
}

function buildRequest(exchange: Exchange, fixture: TranscriptFixture) {
    const {request} = exchange;
    const headers: Record<string, string> = {};
    const credential = credentialFor(fixture, exchange.caller);
    const cookieAuth = request.auth.startsWith('cookie');
    if (credential && request.auth === 'bearer') {
        headers.Authorization = `Bearer ${credential.token}`;
    }
    if (credential && cookieAuth) {
        headers.Cookie = `MMAUTHTOKEN=${credential.token}; MMUSERID=${credential.userId}; MMCSRF=${credential.csrf}`;
    }
    for (const [name, value] of Object.entries(request.headers ?? {})) {
        headers[name] = value.startsWith('<token from MMCSRF') ? (credential?.csrf ?? '') : value;
    }

    let body: string | Buffer | undefined;
    const multipart = (request.body as {multipart?: unknown} | null)?.multipart;
    if (multipart) {
        const encoded = multipartBody({
            field: 'plugin',
            filename: `${PROBE_MANIFEST.id}-0.0.1.tar.gz`,
            data: pluginBundle(PROBE_MANIFEST, PROBE_WEBAPP_BUNDLE.toString('utf8')),
        });
        body = encoded.body;
        headers['Content-Type'] = encoded.contentType;
    } else if (typeof request.body === 'string') {
        body = request.body;
        headers['Content-Type'] = 'application/json';
    } else if (request.body !== null && request.body !== undefined) {
        body = JSON.stringify(substituteDeep(request.body, fixture));
        headers['Content-Type'] = 'application/json';
    }

    const query = new URLSearchParams(
        Object.entries(request.query ?? {}).map(([key, value]) => [key, fixture.substitute(value)]),
    ).toString();
    const path = fixture.substitute(request.path) + (query ? `?${query}` : '');
    return {method: request.method, path, headers, body};
}

/**
 * Rewrites the recorded bundle hash to the hash of the bundle this test uploads. The
 * recording's probe bundle bytes are not in the transcript, so its hash cannot be reproduced.
 */
function withProbeHash(body: unknown): unknown {
    const recorded = JSON.stringify(body ?? null);
    const hash = bundleHash(PROBE_WEBAPP_BUNDLE);
    return JSON.parse(recorded.replace(/(transcript-probe_)[0-9a-f]{16}(_bundle\.js)/g, `$1${hash}$2`));
}

function matchOptions(exchange: Exchange, fixture: TranscriptFixture): MatchOptions {
    const filter = exchange.response.body_filter ?? '';
    return {
        filtered: filter !== '',
        excerpt: filter.startsWith('excerpt'),
        resolve: (placeholder) => {
            if (placeholder === '<run>') {
                return RUN;
            }
            if (placeholder === '<RUN>') {
                return RUN.toUpperCase();
            }
            return fixture.placeholders.get(placeholder);
        },
        bind: (placeholder, value) => {
            if (/^<(user|pat):/.test(placeholder) && typeof value === 'string') {
                fixture.placeholders.set(placeholder, value);
            }
        },
        ownedByRecording: (value) =>
            value.includes(`t1-${RUN}`) ||
            value === PROBE_MANIFEST.id ||
            [...fixture.placeholders].some(
                ([key, id]) => key.startsWith('<user:') && key !== '<user:sysadmin>' && id === value,
            ),
    };
}

function parseBody(response: HttpResponse): {json?: unknown; parsed: boolean} {
    try {
        return {json: JSON.parse(response.text), parsed: true};
    } catch {
        return {parsed: false};
    }
}

/** Checks the parts of a response the recording kept: status, headers, cookies and body. */
function compare(exchange: Exchange, response: HttpResponse, fixture: TranscriptFixture): void {
    const expected = exchange.response;
    const options = matchOptions(exchange, fixture);
    expect(response.status).toBe(expected.status);

    const contentType = expected.headers?.['Content-Type'];
    if (contentType) {
        expect(response.headers['content-type']).toBe(contentType);
    }
    for (const name of Object.keys(response.headers)) {
        expect(name).not.toMatch(/^x-ratelimit-|^retry-after$/);
    }

    if (expected.set_cookies) {
        const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
        expect(cookies).toHaveLength(expected.set_cookies.length);
        expected.set_cookies.forEach((cookie, i) => {
            expect(cookies[i]).toMatch(patternFor(cookie, options));
        });
    }
    if (exchange.note?.startsWith('Token response header present: yes')) {
        expect(response.headers.token).toEqual(expect.any(String));
    }

    const body = parseBody(response);
    const summary = expected.body as {length?: number; first_item_keys?: string[]} | undefined;
    if (expected.body_filter?.startsWith('summarised') && summary?.length !== undefined) {
        const list = body.json as Record<string, unknown>[];
        expect(list).toHaveLength(summary.length);
        expect(Object.keys(list[0]).sort()).toEqual(summary.first_item_keys);
        return;
    }
    if (typeof expected.body === 'string') {
        expect(body.parsed).toBe(false);
        expect(response.text).toMatch(patternFor(expected.body, options));
        return;
    }
    expect(body.parsed).toBe(true);
    const errorId = (expected.body as {id?: unknown} | null)?.id;
    if (expected.status !== undefined && expected.status >= 400) {
        expect((body.json as {id?: unknown}).id).toBe(errorId);
    }
    expect(match(withProbeHash(expected.body), body.json, 'body', options)).toEqual([]);
}

/** Captures the cookie login of the CSRF recording, which later exchanges reuse. */
function rememberCookieLogin(exchange: Exchange, response: HttpResponse, fixture: TranscriptFixture): void {
    if (exchange.case !== 'csrf-login-sets-cookies') {
        return;
    }
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const value = (name: string) =>
        cookies.find((cookie) => cookie.startsWith(`${name}=`))?.split(/[=;]/)[1] ?? '';
    fixture.credentials.set('csrf-cookie', {
        token: value('MMAUTHTOKEN'),
        csrf: value('MMCSRF'),
        userId: value('MMUSERID'),
    });
}

/** Checks a recorded fact about state around the call, when the note states one. */
async function checkNote(exchange: Exchange, fixture: TranscriptFixture, before: number | undefined) {
    if (exchange.case === 'admin-put-inactive-already-deactivated-user') {
        const after = fixture.store.users.get(fixture.id('target'))?.delete_at ?? 0;
        expect(before).toBeGreaterThan(0);
        expect(after).toBeGreaterThan(before ?? 0);
    }
}

const files = readdirSync(TRANSCRIPTS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();

let rateLimitHeadersSeen = false;

describe.each(files)('%s', (file) => {
    const exchanges = JSON.parse(readFileSync(join(TRANSCRIPTS_DIR, file), 'utf8')) as Exchange[];
    let server: EmulatorServer;
    let fixture: TranscriptFixture;

    beforeAll(async () => {
        server = await startEmulatorServer({seed: 'empty'});
        fixture = await buildFixture(server, file);
    });

    afterAll(async () => {
        await server.close();
    });

    const seen = new Map<string, number>();
    for (const exchange of exchanges) {
        const count = (seen.get(exchange.case) ?? 0) + 1;
        seen.set(exchange.case, count);
        const name = count === 1 ? exchange.case : `${exchange.case} (step ${count})`;

        if (exchange.request.method === '*') {
            test(`${name}: no response had rate-limit headers`, () => {
                expect(rateLimitHeadersSeen).toBe(false);
            });
            continue;
        }

        test(name, async () => {
            await UNRECORDED_STEPS[exchange.case]?.(fixture);
            const before = fixture.store.users.get(fixture.placeholders.get('<user:target>') ?? '')?.delete_at;
            const response = await send(server.url, buildRequest(exchange, fixture));
            rateLimitHeadersSeen ||= Object.keys(response.headers).some((header) =>
                /^x-ratelimit-|^retry-after$/.test(header),
            );
            rememberCookieLogin(exchange, response, fixture);
            compare(exchange, response, fixture);
            await checkNote(exchange, fixture, before);
        });
    }
});
