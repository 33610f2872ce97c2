import {Client4} from '@mattermost/client';

import {startEmulatorServer} from '../sandbox/src/emulator';
import type {EmulatorServer} from '../sandbox/src/emulator';
import {parseCommand} from '../webapp/src/command';
import {executePlan, planUsers} from '../webapp/src/plan';
import {RestClient} from '../webapp/src/rest';
import type {FetchFunction} from '../webapp/src/rest';
import {loadCallerOverRest} from '../webapp/test/integration/emulator_session';

/** The server side of one benchmark row. */
export interface Scenario {
    users: number;
    perSec: number;
    maxBurst: number;
    latencyMs: number;
}

export interface RunMeasurement {
    wallMs: number;
    requests: number;
    rateLimited: number;
    failures: number;
}

/** Counts every request and every 429 that passes through `fetch`. */
class RequestCounter {
    requests = 0;
    rateLimited = 0;

    readonly fetch: FetchFunction = async (input, init) => {
        this.requests += 1;
        const response = await fetch(input, init);
        if (response.status === 429) {
            this.rateLimited += 1;
        }
        return response;
    };
}

async function startScenario(scenario: Scenario): Promise<{server: EmulatorServer; usernames: string[]; token: string}> {
    const server = await startEmulatorServer({
        seed: 'demo',
        faults: {latency: {fixedMs: scenario.latencyMs}},
    });
    const store = server.emulator.store;
    const usernames = Array.from({length: scenario.users}, (_, i) => store.createUser({username: `bench${i}`}).username);

    const response = await fetch(`${server.url}/api/v4/users/login`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({login_id: 'sysadmin', password: 'password'}),
    });
    const token = response.headers.get('Token');
    if (!token) {
        throw new Error(`login as sysadmin failed with status ${response.status}`);
    }

    // The limiter starts after the setup, so every run begins with a full burst.
    Object.assign(store.config.RateLimitSettings, {Enable: true, PerSec: scenario.perSec, MaxBurst: scenario.maxBurst});
    return {server, usernames, token};
}

/** `/deactivate bench0 … benchN` through the slash command's planning and the bulk engine. */
export async function runEngine(scenario: Scenario): Promise<RunMeasurement> {
    const {server, usernames, token} = await startScenario(scenario);
    try {
        const counter = new RequestCounter();
        const client = new Client4();
        client.setUrl(server.url);
        client.setToken(token);
        const rest = new RestClient(client, {fetch: counter.fetch});

        const started = performance.now();
        const caller = await loadCallerOverRest(rest);
        const parsed = parseCommand(`/deactivate ${usernames.join(' ')}`);
        if (parsed.command !== 'users') {
            throw new Error(`the benchmark command parsed as ${parsed.command}`);
        }
        const plan = await planUsers(parsed, caller, rest);
        const outcome = await executePlan(plan, rest);
        const wallMs = performance.now() - started;

        const failures = outcome.items.filter((item) => item.state !== 'done').length;
        return {wallMs, requests: counter.requests, rateLimited: counter.rateLimited, failures};
    } finally {
        await server.close();
    }
}

/**
 * Deactivates the users as a shell loop over `mmctl user deactivate <name>` does: one at a time, `GET
 * /users/username/{name}` then `PUT /users/{id}/active`. mmctl's Go `Client4`
 * (`doAPIRequestReader`) returns any status of 300 or more as an error without retrying, so a
 * 429 fails that user, as it does here.
 * NOTE: mmctl's `getUserFromArg` first tries `GET /users/email/{arg}` for every argument, so the
 * real command sends one request more per user than this baseline.
 */
export async function runBaseline(scenario: Scenario): Promise<RunMeasurement> {
    const {server, usernames, token} = await startScenario(scenario);
    try {
        const counter = new RequestCounter();
        const headers = {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json'};
        let failures = 0;

        const started = performance.now();
        for (const username of usernames) {
            const lookup = await counter.fetch(`${server.url}/api/v4/users/username/${username}`, {headers});
            const text = await lookup.text();
            if (!lookup.ok) {
                failures += 1;
                continue;
            }

            const {id} = JSON.parse(text) as {id: string};
            const body = JSON.stringify({active: false});
            const write = await counter.fetch(`${server.url}/api/v4/users/${id}/active`, {method: 'PUT', headers, body});
            await write.text();
            if (!write.ok) {
                failures += 1;
            }
        }
        const wallMs = performance.now() - started;

        return {wallMs, requests: counter.requests, rateLimited: counter.rateLimited, failures};
    } finally {
        await server.close();
    }
}
