import type {EmulatorServer} from '../../src/emulator';
import {newId} from '../../src/emulator/ids';
import {sendJson} from '../support/http';

/** The per-recording suffix that the transcripts write as `<run>`. */
export const RUN = 'r7q2';

/** A login the replay can send: a token and, for cookie logins, the CSRF token. */
export interface Credential {
    token: string;
    csrf?: string;
    userId: string;
}

/**
 * The accounts, team, channels, bots and logins that the transcript placeholders name, built
 * in an empty emulator, plus the map from each placeholder to the emulator's value.
 */
export class TranscriptFixture {
    readonly placeholders = new Map<string, string>();
    readonly credentials = new Map<string, Credential>();

    constructor(readonly server: EmulatorServer) {}

    get store() {
        return this.server.emulator.store;
    }

    id(name: string): string {
        const value = this.placeholders.get(`<user:${name}>`);
        if (!value) {
            throw new Error(`fixture has no user ${name}`);
        }
        return value;
    }

    /** Returns the id bound to a placeholder, creating a fresh unused id for `<nonexistent-id…>`. */
    resolve(placeholder: string): string | undefined {
        const known = this.placeholders.get(placeholder);
        if (known) {
            return known;
        }
        if (placeholder.startsWith('<nonexistent-id')) {
            const fresh = newId();
            this.placeholders.set(placeholder, fresh);
            return fresh;
        }
        return undefined;
    }

    /** Replaces every placeholder bound in this fixture inside a string of a request. */
    substitute(text: string): string {
        return text
            .replace(/<run>/g, RUN)
            .replace(/<RUN>/g, RUN.toUpperCase())
            .replace(/<password>/g, 'password')
            .replace(/<[a-z_-]+(?::[^<>]+)?>/g, (match) => this.resolve(match) ?? match);
    }

    async login(name: string, username: string, xhr = false): Promise<Credential> {
        // The recordings were made from a Linux client whose browser the server did not know.
        const headers: Record<string, string> = {'User-Agent': 'transcript-replay (X11; Linux x86_64)'};
        if (xhr) {
            headers['X-Requested-With'] = 'XMLHttpRequest';
        }
        const {status, response, json} = await sendJson(
            this.server.url,
            'POST',
            '/users/login',
            undefined,
            {login_id: username, password: 'password'},
            headers,
        );
        if (status !== 200) {
            throw new Error(`fixture login of ${username} failed with ${status}: ${response.text}`);
        }
        const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
        const csrf = cookies.find((cookie) => cookie.startsWith('MMCSRF='))?.split(/[=;]/)[1];
        const credential = {
            token: String(response.headers.token),
            csrf,
            userId: (json as {id: string}).id,
        };
        this.credentials.set(name, credential);
        return credential;
    }
}

const RECORDING_USERS = [
    'actor',
    'target',
    'target2',
    'victim',
    'umgr',
    'umtarget',
    'admin2',
    'ssod',
    'perm',
    'lookup',
    'sso',
    'csrf',
    'csrfvic',
    'owner',
];

const FIXTURE_BOTS = ['bput', 'bdis', 'bodis', 'bown'];

/** Number of extra accounts, so that a listing can hit the 200-per-page cap. */
const FILLER_USERS = 210;

/**
 * Builds the state the recordings started from: `sysadmin` in team `acme`, the recording's
 * accounts in team `t1-<run>`, the bot owner's bots, and logins for every caller.
 */
export async function buildFixture(server: EmulatorServer, file: string): Promise<TranscriptFixture> {
    const fixture = new TranscriptFixture(server);
    const store = fixture.store;
    store.environment = {RateLimitSettings: {Enable: true}};

    const sysadmin = store.createUser({
        username: 'sysadmin',
        email: 'admin@example.com',
        roles: 'system_admin system_user',
    });
    fixture.placeholders.set('<user:sysadmin>', sysadmin.id);

    const acme = store.createTeam({name: 'acme', display_name: 'Acme'});
    const acmeTown = store.createChannel({team_id: acme.id, name: 'town-square', display_name: 'Town Square'});
    const run = store.createTeam({name: `t1-${RUN}`, display_name: `T1 ${RUN}`});
    const runTown = store.createChannel({team_id: run.id, name: 'town-square', display_name: 'Town Square'});
    fixture.placeholders.set('<team:acme>', acme.id);
    fixture.placeholders.set('<team:run>', run.id);
    fixture.placeholders.set('<channel:acme/town-square>', acmeTown.id);
    fixture.placeholders.set('<channel:run/town-square>', runTown.id);
    for (const role of store.roles.values()) {
        fixture.placeholders.set(`<role:${role.name}>`, role.id);
    }
    store.addChannelMember(acmeTown.id, sysadmin.id);
    store.addChannelMember(runTown.id, sysadmin.id);

    for (const name of RECORDING_USERS) {
        const user = store.createUser({
            username: `t1-${RUN}-${name}`,
            auth_service: name === 'ssod' || name === 'sso' ? 'gitlab' : '',
            roles: name === 'umgr' ? 'system_user_manager system_user' : 'system_user',
        });
        fixture.placeholders.set(`<user:${name}>`, user.id);
        store.addChannelMember(runTown.id, user.id);
    }
    // Only the bot recording had bots; elsewhere they would show up in searches and listings.
    for (const name of file === 'bots.json' ? FIXTURE_BOTS : []) {
        const bot = store.createBot({
            username: `t1-${RUN}-${name}`,
            display_name: `Bot ${name}`,
            description: `probe ${name}`,
            owner_id: fixture.id('owner'),
        });
        fixture.placeholders.set(`<user:${name}>`, bot.user_id);
    }

    await fixture.login('sysadmin', 'sysadmin');
    await fixture.login('sysadmin-cookie', 'sysadmin', true);
    for (const name of ['actor', 'target', 'umgr', 'admin2', 'owner']) {
        await fixture.login(name, `t1-${RUN}-${name}`);
    }
    const sysadminToken = fixture.credentials.get('sysadmin')?.token;
    const pat = await sendJson(server.url, 'POST', `/users/${fixture.id('target')}/tokens`, sysadminToken, {
        description: 'transcript probe',
    });
    const patRecord = pat.json as {token: string; id: string};
    fixture.credentials.set('target-pat', {token: patRecord.token, userId: fixture.id('target')});
    fixture.placeholders.set('<pat:target>', patRecord.id);

    if (file === 'lookups.json') {
        prepareLookups(fixture);
    }
    return fixture;
}

/**
 * Recreates the state of the lookup recording, which came after the deactivation cases: `admin2`, `ssod` and `target2` are
 * deactivated, `owner` and `target` have a status row left by an earlier deactivation, and
 * the server had more than 200 accounts.
 */
function prepareLookups(fixture: TranscriptFixture): void {
    const store = fixture.store;
    const user = (name: string) => {
        const record = store.users.get(fixture.id(name));
        if (!record) {
            throw new Error(`fixture has no user ${name}`);
        }
        return record;
    };
    store.updateRoles(user('admin2'), 'system_admin system_user');
    store.updateActive(user('target'), false);
    store.updateActive(user('target'), true);
    // Deactivating the owner here would also disable its bots, which the lookups did not see.
    store.setStatus(fixture.id('owner'), 'offline', false);
    for (const name of ['admin2', 'ssod', 'target2']) {
        store.updateActive(user(name), false);
    }
    for (let i = 0; i < FILLER_USERS; i++) {
        store.createUser({username: `filler-${String(i).padStart(3, '0')}`});
    }
}
