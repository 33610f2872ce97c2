import {createIntl} from 'react-intl';

import en from '../../i18n/en.json';
import {confirmMessages} from '../confirm/messages';

import * as panelGroups from './messages';

type Message = {id: string; defaultMessage: string};

const translations: Record<string, string> = en;

// Values like the ones the panel passes, one per placeholder name used by its messages.
const realisticValues = {
    bots: 1,
    canceled: 'true',
    changed: 3,
    columns: 'id, email',
    command: '/deactivate @alice @bob',
    complete: 'false',
    count: 3,
    done: 5,
    eta: '12 s',
    expected: '26',
    failed: 1,
    hidden: 5,
    id: 'r1x3k9q8pbgmtd7aw5zi4yhe6c',
    ids: 'r1x3k9q8pbgmtd7aw5zi4yhe6c, 9h2qk1x0mz8b7c6v5n4l3j2k1w',
    label: 'Will be deactivated',
    list: 2,
    loaded: 200,
    max: 36500,
    min: 1,
    name: 'Calls',
    names: '@alice (Alice Adams), @bob',
    percent: 40,
    permission: 'sysconsole_write_user_management_users',
    rate: '3.2',
    reason: 'Network error: the server did not respond',
    row: 4,
    running: 'node-2',
    shown: 20,
    skipped: 0,
    status: 403,
    stopped: 2,
    succeeded: 4,
    table: 3,
    threshold: 25,
    total: 30,
    undone: 'true',
    username: 'alice',
    users: 2,
    value: 'not/valid',
};

const panelMessages = Object.entries(panelGroups).flatMap(([group, entries]) =>
    Object.entries(entries as Record<string, Message>).map(([key, message]) => [`${group}.${key}`, message] as const),
);

// The panel shows these slash-command texts in its preview too.
const sharedMessages = Object.entries(confirmMessages).map(([key, message]) => [`confirmMessages.${key}`, message] as const);

describe('panel messages', () => {
    test.each(panelMessages)('%s is in en.json', (_name, message) => {
        expect(translations[message.id]).toBe(message.defaultMessage);
    });

    test.each(panelMessages)('%s uses US spelling', (_name, message) => {
        // Mattermost's English texts write "canceled" and "canceling".
        expect(message.defaultMessage).not.toMatch(/cancell(ed|ing)/i);
    });

    test.each([...panelMessages, ...sharedMessages])('%s formats without syntax', (_name, message) => {
        const errors: string[] = [];
        const intl = createIntl({locale: 'en', messages: en, onError: (error) => errors.push(error.message)});
        const text = intl.formatMessage(message, realisticValues);

        expect(errors).toEqual([]);
        expect(text).not.toContain('{');
    });
});
