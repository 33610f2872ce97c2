import {createIntl} from 'react-intl';

import en from '../../../i18n/en.json';
import {loadCallerOverRest, loginAs, startCountingEmulator} from '../../../test/integration/emulator_session';
import type {CountingEmulator} from '../../../test/integration/emulator_session';
import {RestClient} from '../../rest';

import {planSelection} from './plan_selection';

const intl = createIntl({locale: 'en', messages: en});
const flags = {dryRun: false, includeAdmins: false, includeBots: false, includeNeverActive: false};

let server: CountingEmulator;

beforeEach(async () => {
    server = await startCountingEmulator();
});

afterEach(() => server.close());

/**
 * Logs in as sysadmin with `GET /settings` of the server part answered by `settings`: the
 * protected usernames, or undefined for a failing route. Other requests reach the emulator.
 */
async function clientWithSettings(settings: string[] | undefined): Promise<RestClient> {
    const plain = await loginAs(server.url, 'sysadmin');
    const fetchWithSettings = async (input: string, init: RequestInit): Promise<Response> => {
        if (!input.endsWith('/plugins/app.deactivate/api/v1/settings')) {
            return fetch(input, init);
        }
        return settings ?
            Response.json({protected_usernames: settings}) :
            Response.json({id: 'store_failed', message: 'Failed.'}, {status: 500});
    };
    return new RestClient(plain.client, {fetch: fetchWithSettings});
}

function targets(...usernames: string[]) {
    return usernames.map((name) => ({kind: 'username' as const, value: name, raw: `@${name}`}));
}

describe('planSelection', () => {
    test('server list is the class', async () => {
        const rest = await clientWithSettings(['alice']);
        const caller = await loadCallerOverRest(rest);

        const planned = await planSelection(targets('alice', 'bob'), flags, caller, rest, intl, ['bob']);

        expect(planned.plan.items.map((item) => [item.target, item.class])).toEqual([
            ['@alice', 'protected_skipped'],
            ['@bob', 'deactivate'],
        ]);
        expect(planned.protectionNote).toBeUndefined();
    });

    test('saved list when server fails', async () => {
        const rest = await clientWithSettings(undefined);
        const caller = await loadCallerOverRest(rest);

        const planned = await planSelection(targets('alice', 'bob'), flags, caller, rest, intl, ['bob']);

        expect(planned.plan.items.map((item) => [item.target, item.class])).toEqual([
            ['@alice', 'deactivate'],
            ['@bob', 'protected_skipped'],
        ]);
        expect(planned.protectionNote).toContain('could not be read from the server part');
        expect(planned.protectionNote).toContain('saved in the Settings section');
    });
});
