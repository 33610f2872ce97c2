import {parseCommand} from '../../src/command';
import {executePlan, planUsers} from '../../src/plan';
import type {RestClient} from '../../src/rest';

import {loadCallerOverRest, loginAs, startCountingEmulator} from './emulator_session';
import type {CountingEmulator} from './emulator_session';

let server: CountingEmulator;
let admin: RestClient;

beforeEach(async () => {
    server = await startCountingEmulator();
    admin = await loginAs(server.url, 'sysadmin');
});

afterEach(() => server.close());

// Creates `count` active users and returns their usernames.
function createUsers(count: number, prefix: string): string[] {
    return Array.from({length: count}, (_, i) => server.emulator.store.createUser({username: `${prefix}${i}`}).username);
}

// Plans and runs one command, returning the requests of each phase.
async function countRequests(line: string): Promise<{planning: string[]; writes: string[]}> {
    const caller = await loadCallerOverRest(admin);
    const parsed = parseCommand(line);
    if (parsed.command !== 'users') {
        throw new Error(`${line} parsed as ${parsed.command}`);
    }

    server.resetCount();
    const plan = await planUsers(parsed, caller, admin);
    const planning = [...server.requests];

    server.resetCount();
    await executePlan(plan, admin);
    return {planning, writes: [...server.requests]};
}

describe('request counts', () => {
    test.each([1, 10, 100])('%i usernames cost one lookup', async (count) => {
        const usernames = createUsers(count, 'load');

        const {planning, writes} = await countRequests(`/deactivate ${usernames.join(' ')}`);

        expect(planning).toEqual(['POST /users/usernames']);
        expect(writes).toHaveLength(count);
    });

    test('250 usernames cost two lookups', async () => {
        const usernames = createUsers(250, 'bulk');

        const {planning, writes} = await countRequests(`/deactivate ${usernames.join(',')}`);

        expect(planning).toEqual(['POST /users/usernames', 'POST /users/usernames']);
        expect(writes).toHaveLength(250);
    });

    test('ids add one batch lookup', async () => {
        const ids = createUsers(10, 'byid').map((username) => server.emulator.store.userByUsername(username)?.id ?? '');

        const {planning, writes} = await countRequests(`/deactivate ${ids.join(' ')}`);

        expect(planning).toEqual(['POST /users/usernames', 'POST /users/ids']);
        expect(writes).toHaveLength(10);
    });

    test('emails cost one request each', async () => {
        const emails = createUsers(3, 'mail').map((username) => `${username}@example.com`);

        const {planning} = await countRequests(`/deactivate alice ${emails.join(' ')}`);

        expect(planning).toEqual([
            'POST /users/usernames',
            'GET /users/email/mail0@example.com',
            'GET /users/email/mail1@example.com',
            'GET /users/email/mail2@example.com',
        ]);
    });

    test('admin target adds admin count', async () => {
        const {planning} = await countRequests('/deactivate --include-admins admin2 alice');

        expect(planning).toEqual(['POST /users/usernames', 'GET /users']);
    });
});
