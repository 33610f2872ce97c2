import {combineReducers, legacy_createStore as createStore} from 'redux';
import type {Reducer} from 'redux';
import {createIntl} from 'react-intl';

import type {Role} from '@mattermost/types/roles';
import type {UserProfile} from '@mattermost/types/users';

import en from '../../i18n/en.json';
import {loginAs, startCountingEmulator} from '../../test/integration/emulator_session';
import type {CountingEmulator} from '../../test/integration/emulator_session';
import {confirmReducer} from '../confirm/state';
import {BatchHistory} from '../history/batch_history';
import type {Batch, BatchRequest} from '../history/batch_record';
import type {ConfirmState} from '../confirm/state';
import {pluginStateKey} from '../manifest';
import type {RestClient} from '../rest';
import type {WebappStore} from '../types/mattermost_webapp';
import {LastBatchMemory} from '../undo/last_batch';

import {CommandHandler} from './command_handler';

const intl = createIntl({locale: 'en', messages: en});
const args = {channel_id: 'channel-id', team_id: 'team-id', root_id: ''};

interface PostedMessage {
    channelId: string;
    message: string;
    type: string;
}

let server: CountingEmulator;

beforeEach(async () => {
    server = await startCountingEmulator();
});

afterEach(() => server.close());

/** Builds a store with the slices the handler reads, filled the way the web app fills them. */
async function storeFor(rest: RestClient): Promise<{store: WebappStore; posts: PostedMessage[]}> {
    const me: UserProfile = await rest.getMe();
    const roles: Role[] = await rest.getRolesByNames(me.roles.split(' '));
    const posts: PostedMessage[] = [];
    const entities: Reducer = (state = {
        users: {currentUserId: me.id, profiles: {[me.id]: me}},
        roles: {roles: Object.fromEntries(roles.map((role) => [role.name, role]))},
        general: {config: {EnableUserDeactivation: 'false'}},
    }) => state;
    const postsReducer: Reducer = (state = null, action) => {
        if (action.type === 'RECEIVED_NEW_POST') {
            const {channelId, data} = action as unknown as {channelId: string; data: {message: string; type: string}};
            posts.push({channelId, message: data.message, type: data.type});
        }
        return state;
    };
    const reducer = combineReducers({entities, posts: postsReducer, [pluginStateKey]: confirmReducer});
    return {store: createStore(reducer) as unknown as WebappStore, posts};
}

async function handlerFor(username: string, rest?: RestClient) {
    rest = rest || await loginAs(server.url, username);
    const {store, posts} = await storeFor(rest);
    const history = new BatchHistory(rest);
    const memory = new LastBatchMemory();
    const handler = new CommandHandler({store, rest, intl, memory, history, ownPluginId: 'app.deactivate'});
    server.resetCount();
    const confirmState = () => (store.getState() as unknown as Record<string, ConfirmState>)[pluginStateKey];
    return {handler, posts, confirmState};
}

function writes(): string[] {
    return server.requests.filter((request) => !request.startsWith('GET') && !request.includes('/users/usernames') &&
        !request.includes('/users/ids') && !request.includes('/roles/names'));
}

function isActive(username: string): boolean {
    const user = server.emulator.store.userByUsername(username);
    return user !== undefined && user.delete_at === 0;
}

describe('CommandHandler', () => {
    test('other commands pass through unchanged', async () => {
        const {handler} = await handlerFor('sysadmin');
        const result = await handler.hook('/away', args);
        expect(result).toEqual({message: '/away', args});
        expect(server.requests).toEqual([]);
    });

    test('similar trigger passes through', async () => {
        const {handler} = await handlerFor('sysadmin');
        const result = await handler.hook('/deactivatex @alice', args);
        expect(result).toEqual({message: '/deactivatex @alice', args});
    });

    test('invalid target is an editor error', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        const result = await handler.hook('/deactivate al!ce', args);
        expect(result).toHaveProperty('error.message');
        expect((result as {error: {message: string}}).error.message).toContain('al!ce');
        expect(posts).toEqual([]);
        expect(server.requests).toEqual([]);
    });

    test('help posts ephemeral and consumes', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        const result = await handler.hook('/DEACTIVATE help', args);
        expect(result).toEqual({});
        expect(posts).toHaveLength(1);
        expect(posts[0].type).toBe('system_ephemeral');
        expect(posts[0].channelId).toBe('channel-id');
        expect(posts[0].message).toContain('/deactivate');
    });

    test('permanent delete is explained only', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        const result = await handler.hook('/deactivate delete @alice', args);
        expect(result).toEqual({});
        expect(posts).toHaveLength(1);
        expect(server.requests).toEqual([]);
        expect(isActive('alice')).toBe(true);
    });

    test('admin command opens confirmation first', async () => {
        const {handler, posts, confirmState} = await handlerFor('sysadmin');
        const result = await handler.hook('/deactivate @alice', args);
        expect(result).toEqual({});
        expect(confirmState().pending?.plan.items[0].class).toBe('deactivate');
        expect(posts).toEqual([]);
        expect(writes()).toEqual([]);
        expect(isActive('alice')).toBe(true);
    });

    test('confirm deactivates and posts outcome', async () => {
        const {handler, posts, confirmState} = await handlerFor('sysadmin');
        await handler.hook('/deactivate @alice', args);
        await handler.confirm();
        expect(isActive('alice')).toBe(false);
        expect(confirmState().pending).toBeNull();
        expect(posts).toHaveLength(1);
        expect(posts[0].message).toContain('alice');
        expect(posts[0].message).toContain('/deactivate undo');
    });

    test('cancel writes nothing', async () => {
        const {handler, posts, confirmState} = await handlerFor('sysadmin');
        await handler.hook('/deactivate @alice @bob', args);
        handler.cancel();
        expect(confirmState().pending).toBeNull();
        expect(writes()).toEqual([]);
        expect(isActive('alice')).toBe(true);
        expect(isActive('bob')).toBe(true);
        expect(posts[0].message).toContain('Nothing was changed');
    });

    test('undo reactivates the last batch', async () => {
        const {handler} = await handlerFor('sysadmin');
        await handler.hook('/deactivate @alice bob', args);
        await handler.confirm();
        expect(isActive('alice')).toBe(false);
        await handler.hook('/deactivate undo', args);
        await handler.confirm();
        expect(isActive('alice')).toBe(true);
        expect(isActive('bob')).toBe(true);
    });

    test('undo without a batch says so', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        const result = await handler.hook('/deactivate undo', args);
        expect(result).toEqual({});
        expect(posts[0].message).toContain('nothing to undo');
    });

    test('dry run posts plan without writing', async () => {
        const {handler, posts, confirmState} = await handlerFor('sysadmin');
        await handler.hook('/deactivate @alice --dry-run', args);
        expect(confirmState().pending).toBeNull();
        expect(writes()).toEqual([]);
        expect(posts).toHaveLength(1);
        expect(posts[0].message).toContain('alice');
        expect(isActive('alice')).toBe(true);
    });

    test('normal user gets permission notice', async () => {
        const {handler, posts, confirmState} = await handlerFor('bob');
        const result = await handler.hook('/deactivate @alice', args);
        expect(result).toEqual({});
        expect(confirmState().pending).toBeNull();
        expect(posts[0].message).toContain('sysconsole_write_user_management_users');
        expect(server.requests).toEqual([]);
    });

    test('normal user cannot disable plugins', async () => {
        const {handler, posts} = await handlerFor('bob');
        await handler.hook('/deactivate plugin com.mattermost.calls', args);
        expect(posts[0].message).toContain('sysconsole_write_plugins');
        expect(server.requests).toEqual([]);
    });

    test('only skips are reported at once', async () => {
        const {handler, posts, confirmState} = await handlerFor('sysadmin');
        await handler.hook('/deactivate olivia nobody-here', args);
        expect(confirmState().pending).toBeNull();
        expect(posts).toHaveLength(1);
        expect(posts[0].message).toContain('olivia');
        expect(posts[0].message).toContain('no such user: nobody\\-here');
        expect(writes()).toEqual([]);
    });

    test('plugin disable after confirmation', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        await handler.hook('/deactivate plugin com.mattermost.calls', args);
        await handler.confirm();
        const calls = server.emulator.store.plugins.get('com.mattermost.calls');
        expect(calls?.enabled).toBe(false);
        expect(posts[0].message).toContain('Calls');
    });

    test('failed planning request is reported', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        server.emulator.store.config.PluginSettings.Enable = false;
        const result = await handler.hook('/deactivate plugin com.mattermost.calls', args);
        expect(result).toEqual({});
        expect(posts[0].message).toContain('app.plugin.disabled.app_error');
        expect(posts[0].message).toContain('Nothing was changed');
    });

    test('unsaved history is noted', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        await handler.hook('/deactivate @alice', args);
        await handler.confirm();
        expect(posts[0].message).toContain('not saved in the history');
        expect(posts[0].message).toContain("the plugin's server part is not running");
    });

    test('plugin batch note skips undo claim', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        await handler.hook('/deactivate plugin com.mattermost.calls', args);
        await handler.confirm();
        expect(posts[0].message).toContain('System Console > Plugins');
        expect(posts[0].message).not.toContain('only this browser tab');
    });

    test('new command cancels the open one', async () => {
        const {handler, posts, confirmState} = await handlerFor('sysadmin');
        await handler.hook('/deactivate @alice', args);
        await handler.hook('/deactivate @bob', args);
        expect(posts).toHaveLength(1);
        expect(posts[0].message).toContain('Canceled');
        expect(posts[0].message).toContain('alice');
        expect(confirmState().pending?.plan.command).toBe('/deactivate @bob');
    });

    test('normal user undo names reactivation', async () => {
        const {handler, posts} = await handlerFor('bob');
        await handler.hook('/deactivate undo', args);
        expect(posts[0].message).toContain('You cannot reactivate users');
    });

    test('long command echo is shortened', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        const names = Array.from({length: 300}, (_, index) => `ghost${index}`).join(' ');
        await handler.hook(`/deactivate ${names}`, args);
        expect(posts[0].message.length).toBeLessThan(3000);
        expect(posts[0].message).toContain('…');
    });

    test('undo without history or batch', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        await handler.hook('/deactivate undo', args);
        expect(posts[0].message).toContain('nothing to undo');
        expect(posts[0].message).toContain('history could not be read');
    });

    test('second command waits for a running batch', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        await handler.hook('/deactivate @alice', args);
        const run = handler.confirm();
        await handler.hook('/deactivate @bob', args);
        await run;
        expect(posts.some((post) => post.message.includes('still running'))).toBe(true);
        expect(isActive('bob')).toBe(true);
    });
});

/**
 * Stands in for the server part's history routes, which run in Go, so these tests can check what
 * the web app sends and how it reads the responses. The Go side has its own tests of the routes.
 */
class FakeHistoryRoutes {
    readonly batches: Batch[] = [];
    readonly undone: string[] = [];
    readonly confirmedIds: string[] = [];

    /** Makes the next undo return 409, as when another undo of the batch is running. */
    conflict = false;

    /** What `GET /settings` returns; undefined returns 500, as a failing server part does. */
    protectedUsernames: string[] | undefined = [];

    /** Set in the answer of `POST /batches`, as when the summary post failed. */
    summaryError = '';

    constructor(private readonly userId: string) {}

    fetch = async (input: string, init: RequestInit): Promise<Response> => {
        const match = (/\/plugins\/app\.deactivate\/api\/v1(\/batches.*|\/settings)$/).exec(input);
        if (!match) {
            return fetch(input, init);
        }
        const path = match[1];
        if (init.method === 'GET' && path === '/settings') {
            return this.protectedUsernames ?
                Response.json({protected_usernames: this.protectedUsernames}) :
                Response.json({id: 'user_lookup_failed', message: 'Your account could not be read.'}, {status: 500});
        }
        if (init.method === 'POST' && path === '/batches') {
            const body = JSON.parse(String(init.body)) as BatchRequest;
            const batch: Batch = {...body, id: `batch${this.batches.length}`, user_id: this.userId, created_at: Date.now(), source: 'webapp'};
            this.batches.unshift(batch);
            const summary = this.summaryError ? {summary_error: this.summaryError} : {};
            return Response.json({...batch, ...summary}, {status: 201});
        }
        const single = (/^\/batches\/([^/?]+)$/).exec(path);
        if (init.method === 'GET' && single) {
            const batch = this.batches.find((candidate) => candidate.id === single[1]);
            return batch ? Response.json(batch) : Response.json({id: 'not_found', message: 'No such batch.'}, {status: 404});
        }
        if (init.method === 'GET' && path.startsWith('/batches?')) {
            return Response.json({batches: this.batches, page: 0, per_page: 20});
        }
        const undo = (/^\/batches\/([^/]+)\/undo$/).exec(path);
        if (init.method === 'POST' && undo && this.conflict) {
            return Response.json({id: 'undo_conflict', message: 'The batch was undone already.'}, {status: 409});
        }
        if (init.method === 'POST' && undo) {
            const batch = this.batches.find((candidate) => candidate.id === undo[1]);
            if (!batch) {
                return Response.json({id: 'not_found', message: 'No such batch.'}, {status: 404});
            }
            this.undone.push(batch.id);
            const {user_ids: confirmed} = JSON.parse(String(init.body)) as {user_ids: string[]};
            this.confirmedIds.push(...confirmed);
            const reactivated = batch.outcomes.filter((entry) =>
                entry.result === 'deactivated' && confirmed.includes(entry.target_id || ''));
            for (const entry of reactivated) {
                const user = server.emulator.store.users.get(entry.target_id || '');
                if (user) {
                    server.emulator.store.updateActive(user, true);
                }
            }
            batch.undone_at = Date.now();
            batch.undo_outcomes = reactivated.map((entry) => ({...entry, result: 'reactivated' as const}));
            return Response.json(batch);
        }
        return Response.json({id: 'not_found', message: 'No such route.'}, {status: 404});
    };
}

describe('CommandHandler with batch history', () => {
    async function clientWithHistory(username: string) {
        const plain = await loginAs(server.url, username);
        const me = await plain.getMe();
        const routes = new FakeHistoryRoutes(me.id);
        const {RestClient} = await import('../rest');
        return {rest: new RestClient(plain.client, {fetch: routes.fetch}), routes};
    }

    test('confirmed batch is recorded', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        const {handler, posts} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate @alice olivia', args);
        await handler.confirm();
        expect(routes.batches).toHaveLength(1);
        const batch = routes.batches[0];
        expect(batch.command).toBe('/deactivate @alice olivia');
        expect(batch.outcomes.map((entry) => [entry.name, entry.result])).toEqual([
            ['alice', 'deactivated'],
            ['olivia', 'skipped'],
        ]);
        expect(batch.outcomes[1].reason).toBe('already_inactive');
        expect(batch.targets[0].kind).toBe('username');
        expect(posts[0].message).not.toContain('not saved');
        expect(posts[0].message).toContain(`Saved in the history as batch ${batch.id}.`);
    });

    test('dry run is not recorded', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        const {handler} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate @alice --dry-run', args);
        expect(routes.batches).toHaveLength(0);
    });

    test('undo after reload uses history', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        const first = await handlerFor('sysadmin', rest);
        await first.handler.hook('/deactivate @alice @bob', args);
        await first.handler.confirm();
        expect(isActive('alice')).toBe(false);

        // A new handler has an empty tab memory, as after a page reload.
        const second = await handlerFor('sysadmin', rest);
        await second.handler.hook('/deactivate undo', args);
        expect(second.confirmState().pending?.plan.historyBatchId).toBe(routes.batches[0].id);
        expect(routes.undone).toEqual([]);
        await second.handler.confirm();
        expect(routes.undone).toEqual([routes.batches[0].id]);
        const ids = ['alice', 'bob'].map((name) => server.emulator.store.userByUsername(name)?.id);
        expect(routes.confirmedIds.sort()).toEqual(ids.sort());
        expect(isActive('alice')).toBe(true);
        expect(isActive('bob')).toBe(true);
        expect(second.posts[0].message).toContain('**Reactivated (2):**');
    });

    test('undo cancel leaves batch alone', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        const first = await handlerFor('sysadmin', rest);
        await first.handler.hook('/deactivate @alice', args);
        await first.handler.confirm();
        await first.handler.hook('/deactivate undo', args);
        first.handler.cancel();
        expect(routes.undone).toEqual([]);
        expect(isActive('alice')).toBe(false);
    });

    test('named undone batch says so', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        const {handler, posts, confirmState} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate @alice', args);
        await handler.confirm();
        routes.batches[0].undone_at = Date.now();
        await handler.hook(`/deactivate undo ${routes.batches[0].id}`, args);
        expect(confirmState().pending).toBeNull();
        expect(posts[1].message).toContain('was undone already');
    });

    test('conflicting undo is reported plainly', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        const {handler, posts} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate @alice', args);
        await handler.confirm();
        await handler.hook('/deactivate undo', args);
        routes.conflict = true;
        await handler.confirm();
        expect(posts[1].message).toContain('was undone already');
        expect(posts[1].message).not.toContain('stopped unexpectedly');
    });

    test('named batch that is missing fails clearly', async () => {
        const {rest} = await clientWithHistory('sysadmin');
        const {handler, posts} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate undo nosuchbatch', args);
        expect(posts[0].message).toContain('There is no batch nosuchbatch in your history.');
        expect(posts[0].message).toContain('Nothing was changed');
    });

    test('protected user is skipped', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        routes.protectedUsernames = ['alice'];
        const {handler, confirmState} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate @alice @bob', args);

        const items = confirmState().pending?.plan.items ?? [];
        expect(items.map((item) => [item.target, item.class])).toEqual([['@alice', 'protected_skipped'], ['@bob', 'deactivate']]);
        expect(confirmState().pending?.plan.protectionUnreadable).toBeUndefined();

        await handler.confirm();
        expect(isActive('alice')).toBe(true);
        expect(isActive('bob')).toBe(false);
        expect(routes.batches[0].targets[0].class).toBe('protected_skipped');
        expect(routes.batches[0].outcomes[0]).toMatchObject({name: 'alice', result: 'skipped', reason: 'protected_skipped'});
    });

    test('protected only skips at once', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        routes.protectedUsernames = ['alice'];
        const {handler, posts, confirmState} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate --include-admins --include-bots alice', args);

        expect(confirmState().pending).toBeNull();
        expect(posts[0].message).toContain('protected in the plugin settings');
        expect(writes()).toEqual([]);
    });

    test('unreadable protection is noted', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        routes.protectedUsernames = undefined;
        const {handler, posts, confirmState} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate @alice --dry-run', args);
        expect(posts[0].message).toContain('The protected accounts could not be read');
        expect(posts[0].message).toContain('so this plan does not skip them');

        await handler.hook('/deactivate @alice', args);
        const plan = confirmState().pending?.plan;
        expect(plan?.items[0].class).toBe('deactivate');
        expect(plan?.protectionUnreadable).toBeTruthy();
        await handler.confirm();
        expect(posts[1].message).toContain('The protected accounts could not be read');
    });

    test('missing server part is named', async () => {
        const {handler, posts} = await handlerFor('sysadmin');
        await handler.hook('/deactivate @alice --dry-run', args);
        expect(posts[0].message).toContain("could not be read (the plugin's server part is not running)");
    });

    test('summary failure is shown', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        routes.summaryError = 'channel c1: you may not post in that channel (HTTP 403)';
        const {handler, posts} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate @alice', args);
        await handler.confirm();

        expect(posts[0].message).toContain(`Saved in the history as batch ${routes.batches[0].id}.`);
        expect(posts[0].message).toContain('No summary was posted to the summary channel: channel c1');
        expect(posts[0].message).toContain('you may not post in that channel');
        expect(posts[0].message).toContain('HTTP 403');
    });

    test('summary error is escaped', async () => {
        const {rest, routes} = await clientWithHistory('sysadmin');
        routes.summaryError = 'failed for **@all** [x](http://evil)';
        const {handler, posts} = await handlerFor('sysadmin', rest);
        await handler.hook('/deactivate @alice', args);
        await handler.confirm();

        expect(posts[0].message).not.toContain('**@all**');
        expect(posts[0].message).not.toContain('[x](http://evil)');
    });
});
