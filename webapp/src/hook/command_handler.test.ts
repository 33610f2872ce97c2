import {combineReducers, legacy_createStore as createStore} from 'redux';
import type {Reducer} from 'redux';
import {createIntl} from 'react-intl';

import type {Role} from '@mattermost/types/roles';
import type {UserProfile} from '@mattermost/types/users';

import en from '../../i18n/en.json';
import {loginAs, startCountingEmulator} from '../../test/integration/emulator_session';
import type {CountingEmulator} from '../../test/integration/emulator_session';
import {confirmReducer} from '../confirm/state';
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

async function handlerFor(username: string) {
    const rest = await loginAs(server.url, username);
    const {store, posts} = await storeFor(rest);
    const handler = new CommandHandler({store, rest, intl, memory: new LastBatchMemory(), ownPluginId: 'app.deactivate'});
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
