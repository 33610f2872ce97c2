import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

import {stableId} from './ids';
import type {PluginManifest, PluginRecord} from './records';
import type {EmulatorStore, NewUser} from './store';

/** An extra plugin for `EmulatorOptions.plugins`. */
export interface SeedPlugin {
    manifest: PluginManifest;
    enabled?: boolean;
    /** Enabled but failed to start: state 3 in statuses, listed as inactive. */
    failsToStart?: boolean;
    bundle?: Buffer | (() => Buffer | undefined);
}

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/** Seeds a user whose id is derived from its username, so ids survive restarts. */
function seedUser(store: EmulatorStore, input: NewUser) {
    return store.createUser({id: stableId(`user:${input.username}`), ...input});
}

export function addSeedPlugin(store: EmulatorStore, plugin: SeedPlugin): PluginRecord {
    const bundle = plugin.bundle;
    const record: PluginRecord = {
        manifest: plugin.manifest,
        enabled: plugin.enabled ?? true,
        failsToStart: plugin.failsToStart ?? false,
        bundle: typeof bundle === 'function' ? bundle : bundle ? () => bundle : undefined,
    };
    store.plugins.set(plugin.manifest.id.toLowerCase(), record);
    return record;
}

/**
 * This plugin as installed on the demo server: the manifest comes from `plugin.json`, and the
 * webapp bundle is read from `webapp/dist/main.js` on every request, so a rebuild changes the
 * bundle hash without a restart.
 */
function deactivatePlugin(): SeedPlugin {
    const manifest = JSON.parse(
        readFileSync(join(REPOSITORY_ROOT, 'plugin.json'), 'utf8'),
    ) as PluginManifest;
    const bundlePath = join(REPOSITORY_ROOT, manifest.webapp?.bundle_path ?? 'webapp/dist/main.js');
    return {
        manifest,
        enabled: true,
        bundle: () => (existsSync(bundlePath) ? readFileSync(bundlePath) : undefined),
    };
}

function serverPlugin(id: string, name: string, version: string): PluginManifest {
    return {id, name, description: `${name} (demo plugin without a webapp part).`, version};
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days since each demo user's last activity, for `/deactivate inactive`. Users left out (mallory
 * and the bots) have no status row, as on a server where they never opened a session. olivia's
 * row is from her deactivation, which writes one.
 */
const DAYS_SINCE_ACTIVITY: Record<string, number> = {
    sysadmin: 0,
    admin2: 250,
    alice: 2,
    bob: 200,
    carol: 30,
    dave: 365,
    'jane.doe': 190,
    umgr: 5,
    sysmgr: 10,
    'lee.ldap': 300,
    'gary.gitlab': 220,
    olivia: 7,
};

/** Every demo account was created this many days ago, so every one is old enough to select. */
const ACCOUNT_AGE_DAYS = 400;

function seedActivity(store: EmulatorStore): void {
    const now = Date.now();
    for (const user of store.users.values()) {
        user.create_at = now - ACCOUNT_AGE_DAYS * DAY_MS;
        const days = DAYS_SINCE_ACTIVITY[user.username];
        if (days !== undefined) {
            const status = store.setStatus(user.id, days === 0 ? 'online' : 'offline', false);
            status.last_activity_at = now - days * DAY_MS;
        }
    }
}

/**
 * Fills the store with the demo data other parts of the sandbox and its browser tests rely
 * on. Every password is `password`.
 */
export function seedDemo(store: EmulatorStore): void {
    const team = store.createTeam({id: stableId('team:acme'), name: 'acme', display_name: 'Acme'});
    const townSquare = store.createChannel({
        id: stableId('channel:acme/town-square'),
        team_id: team.id,
        name: 'town-square',
        display_name: 'Town Square',
    });

    const humans: NewUser[] = [
        {username: 'sysadmin', roles: 'system_admin system_user'},
        {username: 'admin2', roles: 'system_admin system_user'},
        {username: 'alice', first_name: 'Alice', last_name: 'Adams'},
        {username: 'bob', first_name: 'Bob', last_name: 'Brown'},
        {username: 'carol', first_name: 'Carol', last_name: 'Clark'},
        {username: 'dave', first_name: 'Dave', last_name: 'Davis'},
        {username: 'jane.doe', first_name: 'Jane', last_name: 'Doe'},
        {username: 'mallory', first_name: '**[click](http://evil.example)**', last_name: '<b>M</b>'},
        {username: 'umgr', roles: 'system_user_manager system_user'},
        {username: 'sysmgr', roles: 'system_manager system_user'},
        {username: 'lee.ldap', auth_service: 'ldap'},
        {username: 'gary.gitlab', auth_service: 'gitlab'},
        {username: 'olivia', delete_at: Date.now() - 7 * 24 * 3600 * 1000},
    ];
    const ids = new Map<string, string>();
    for (const human of humans) {
        const user = seedUser(store, human);
        ids.set(user.username, user.id);
        store.addChannelMember(townSquare.id, user.id);
    }

    const sysadmin = ids.get('sysadmin') ?? '';
    const alice = ids.get('alice') ?? '';
    store.createBot({
        id: stableId('user:helper-bot'),
        username: 'helper-bot',
        display_name: 'Helper Bot',
        description: 'Answers questions about the demo.',
        owner_id: sysadmin,
    });
    store.createBot({
        id: stableId('user:alerts-bot'),
        username: 'alerts-bot',
        display_name: 'Alerts Bot',
        description: 'Posts monitoring alerts.',
        owner_id: alice,
    });

    seedActivity(store);

    addSeedPlugin(store, deactivatePlugin());
    addSeedPlugin(store, {manifest: serverPlugin('com.mattermost.calls', 'Calls', '0.3.2')});
    addSeedPlugin(store, {
        manifest: serverPlugin('com.mattermost.nps', 'User Satisfaction Surveys', '1.1.0'),
    });
    addSeedPlugin(store, {
        manifest: serverPlugin('com.mattermost.plugin-jira', 'Jira', '3.0.0'),
        enabled: false,
    });
    addSeedPlugin(store, {manifest: serverPlugin('com.example.webhooks', 'Webhooks', '1.0.0')});
    addSeedPlugin(store, {
        manifest: serverPlugin('com.example.webhooks-legacy', 'Webhooks', '0.9.0'),
    });
    addSeedPlugin(store, {
        manifest: serverPlugin('com.example.broken', 'Broken', '0.0.1'),
        failsToStart: true,
    });
}
