import type {UserProfile} from '@mattermost/types/users';
import {createIntl} from 'react-intl';

import en from '../../i18n/en.json';
import type {Outcome, OutcomeItem, Plan, PluginPlanItem, UserPlanItem} from '../plan';
import {RestError} from '../rest';

import {describeParseError} from './describe_parse_error';
import {formatHelp} from './format_help';
import {formatOutcome} from './format_outcome';
import {formatPermanentExplanation} from './format_permanent';
import {formatPlanPreview} from './format_plan_preview';
import {formatUserLabel} from './labels';

const intl = createIntl({locale: 'en', messages: en});

function user(username: string, extra: Partial<UserProfile> = {}): UserProfile {
    return {id: `${username}-id`, username, first_name: '', last_name: '', nickname: '', roles: 'system_user', ...extra} as UserProfile;
}

function userItem(username: string, planClass: UserPlanItem['class'], extra: Partial<UserPlanItem> = {}): UserPlanItem {
    return {kind: 'user', target: username, class: planClass, user: user(username), warnings: [], ...extra};
}

function pluginItem(id: string, name: string, planClass: PluginPlanItem['class']): PluginPlanItem {
    return {kind: 'plugin', target: id, class: planClass, plugin: {id, name}, warnings: []};
}

function plan(items: Plan['items'], extra: Partial<Plan> = {}): Plan {
    return {kind: 'users', items, dryRun: false, command: '/deactivate alice bob', ...extra};
}

function outcomeOf(entries: OutcomeItem[], kind: Plan['kind'] = 'users'): Outcome {
    return {plan: plan(entries.map((entry) => entry.item), {kind}), items: entries, startedAt: 1, finishedAt: 2};
}

const forbidden = new RestError({
    status: 403,
    serverErrorId: 'api.user.update_active.permissions.app_error',
    message: 'You do not have the appropriate permissions.',
    detailedError: '',
    method: 'PUT',
    url: '/api/v4/users/x/active',
});

describe('formatHelp', () => {
    const help = formatHelp(intl);

    test('help has heading', () => {
        expect(help.startsWith('#### /deactivate\n')).toBe(true);
    });

    test.each([
        '/deactivate @alice bob',
        '/deactivate alice@example.com',
        '/deactivate 8x3k6zqg7jfy5mcbd1bqoe4wiw',
        '/deactivate me',
        '/deactivate plugin com.mattermost.calls',
        '/deactivate undo',
        '--dry-run',
        '--include-admins',
        '--include-bots',
        '--permanent',
        'sysconsole_write_user_management_users',
        'sysconsole_write_plugins',
    ])('help mentions %s', (text) => {
        expect(help).toContain(text);
    });

    test('unknown flag is escaped', () => {
        const text = formatHelp(intl, {code: 'unknown_flag', value: '--**x**'});

        expect(text).toContain('Unknown option **\\-\\-\\*\\*x\\*\\***.');
    });
});

describe('formatPermanentExplanation', () => {
    const text = formatPermanentExplanation(intl);

    test('permanent text explains difference', () => {
        expect(text).toContain('keeps the account, its posts');
        expect(text).toContain('cannot be undone');
        expect(text).toContain('never deletes accounts');
    });

    test('permanent text points elsewhere', () => {
        expect(text).toContain('System Console');
        expect(text).toContain('`mmctl user delete`');
    });
});

describe('formatPlanPreview', () => {
    test('preview groups with counts', () => {
        const text = formatPlanPreview(intl, plan([
            userItem('alice', 'deactivate'),
            userItem('olivia', 'already_inactive'),
            userItem('bob', 'deactivate'),
            {kind: 'user', target: 'ghost', class: 'not_found', warnings: []},
        ], {dryRun: true, command: '/deactivate --dry-run alice olivia bob ghost'}));

        expect(text).toContain('**Dry run** of \\/deactivate \\-\\-dry\\-run alice olivia bob ghost: nothing was changed.');
        expect(text).toContain('- **Would be deactivated (2):** @alice, @bob');
        expect(text).toContain('- **Skipped, already deactivated (1):** @olivia');
        expect(text).toContain('- **Skipped, no such user (1):** ghost');
        expect(text).toContain('without `--dry-run`');
    });

    test('preview lists actions first', () => {
        const text = formatPlanPreview(intl, plan([userItem('olivia', 'already_inactive'), userItem('alice', 'deactivate')]));

        expect(text.indexOf('Would be deactivated')).toBeLessThan(text.indexOf('already deactivated'));
    });

    test('preview counts sso warnings', () => {
        const items = [userItem('gary', 'deactivate', {warnings: ['sso_reactivation']})];

        expect(formatPlanPreview(intl, plan(items))).toContain('1 user signs in with an identity provider');
    });

    test('preview warns about own plugin', () => {
        const item: PluginPlanItem = {...pluginItem('app.deactivate', 'Deactivate', 'disable_plugin'), warnings: ['self_plugin']};
        const text = formatPlanPreview(intl, plan([item], {kind: 'plugins'}));

        expect(text).toContain('- **Plugins that would be disabled (1):** Deactivate (app\\.deactivate)');
        expect(text).toContain('this plugin itself');
    });

    test('preview cuts long groups', () => {
        const items = Array.from({length: 25}, (_, i) => userItem(`user${i}`, 'deactivate'));
        const text = formatPlanPreview(intl, plan(items));

        expect(text).toContain('@user19 and 5 more');
        expect(text).not.toContain('@user20');
    });

    test('preview without actions has no hint', () => {
        const text = formatPlanPreview(intl, plan([userItem('olivia', 'already_inactive')]));

        expect(text).not.toContain('--dry-run');
    });
});

describe('formatOutcome', () => {
    test('outcome lists done skipped failed', () => {
        const text = formatOutcome(intl, outcomeOf([
            {item: userItem('alice', 'deactivate'), state: 'done', reason: 'deactivated'},
            {item: userItem('admin2', 'admin_skipped'), state: 'skipped', reason: 'system admin'},
            {
                item: userItem('bob', 'deactivate'),
                state: 'failed',
                reason: 'no permission',
                errorId: forbidden.serverErrorId,
                status: 403,
                error: forbidden,
            },
        ]));

        expect(text).toContain('**\\/deactivate alice bob** finished: 1 changed, 1 skipped, 1 failed.');
        expect(text).toContain('**Deactivated (1):** @alice');
        expect(text).toContain('**Skipped (1):**\n- system admin (add --include-admins to include system admins): @admin2');
        expect(text).toContain(
            '**Failed (1):**\n- @bob: Your account lacks the permission for this action. ' +
                '(HTTP 403, `api.user.update_active.permissions.app_error`)',
        );
    });

    test('outcome suggests undo after deactivation', () => {
        const text = formatOutcome(intl, outcomeOf([{item: userItem('alice', 'deactivate'), state: 'done', reason: ''}]));

        expect(text).toContain('`/deactivate undo`');
    });

    test('outcome without deactivation has no undo', () => {
        const text = formatOutcome(intl, outcomeOf([
            {item: pluginItem('jira', 'Jira', 'disable_plugin'), state: 'done', reason: ''},
        ], 'plugins'));

        expect(text).toContain('**Plugins disabled (1):** Jira (jira)');
        expect(text).not.toContain('undo');
    });

    test('undo outcome lists reactivated', () => {
        const text = formatOutcome(intl, outcomeOf([
            {item: userItem('alice', 'reactivate'), state: 'done', reason: ''},
            {item: userItem('bob', 'still_active'), state: 'skipped', reason: ''},
        ], 'undo'));

        expect(text).toContain('**Reactivated (1):** @alice');
        expect(text).toContain('- already active: @bob');
        expect(text).not.toContain('/deactivate undo');
    });

    test('failure without rest error escaped', () => {
        const text = formatOutcome(intl, outcomeOf([
            {item: userItem('alice', 'deactivate'), state: 'failed', reason: 'broke [x](http://e)'},
        ]));

        expect(text).toContain('- @alice: broke \\[x\\]');
    });

    test('many failures are cut', () => {
        const entries: OutcomeItem[] = Array.from({length: 23}, (_, i) => ({
            item: userItem(`user${i}`, 'deactivate'),
            state: 'failed',
            reason: '',
            error: forbidden,
        }));
        const text = formatOutcome(intl, outcomeOf(entries));

        expect(text).toContain('- @user19:');
        expect(text).not.toContain('- @user20:');
        expect(text).toContain('- and 3 more');
    });

    test('hostile display names stay inert', () => {
        const hostile = user('mallory', {first_name: '**x** [a](http://e)', last_name: '<img src=x> @all ~town-square `|`'});
        const text = formatOutcome(intl, outcomeOf([{item: {...userItem('mallory', 'deactivate'), user: hostile}, state: 'done', reason: ''}]));

        const line = text.split('\n').find((candidate) => candidate.startsWith('**Deactivated')) ?? '';

        expect(line).not.toContain('**x**');
        expect(line).not.toContain('](');
        expect(line).not.toMatch(/[^\\]</);
        expect(line).not.toMatch(/[^\\]@all|[^\\]~town/);
        expect(line).not.toMatch(/[^\\][`|]/);
    });
});

describe('formatUserLabel', () => {
    test('label with full name', () => {
        expect(formatUserLabel(user('jane.doe', {first_name: 'Jane', last_name: 'Doe'}))).toBe('@jane\\.doe (Jane Doe)');
    });

    test('label falls back to nickname', () => {
        expect(formatUserLabel(user('bob', {nickname: 'Bobby'}))).toBe('@bob (Bobby)');
    });

    test('label without names', () => {
        expect(formatUserLabel(user('carol'))).toBe('@carol');
    });
});

describe('describeParseError', () => {
    test.each([
        ['invalid_target', 'bad/name', '"bad/name" is not a username'],
        ['missing_targets', '', 'Name at least one user'],
        ['missing_plugins', '', 'Name at least one plugin'],
        ['invalid_batch', 'a b', 'at most one batch id, but got "a b"'],
    ] as const)('%s is described', (code, value, expected) => {
        expect(describeParseError(intl, {code, value})).toContain(expected);
    });
});
