import {createIntl} from 'react-intl';

import en from '../i18n/en.json';
import {actionHeadingMessages, confirmMessages} from '../src/confirm/messages';
import {noticeMessages} from '../src/hook/notices';
import {inactiveMessages} from '../src/inactive/messages';
import {outcomeMessages} from '../src/outcome';
import {doneMessages, dryRunMessage, protectionMessages, skipReasonMessages} from '../src/plan';
import {errorMessages} from '../src/rest/error_messages';

type Message = {id: string; defaultMessage: string};

const translations: Record<string, string> = en;

const groups: Record<string, Record<string, Message>> = {
    outcomeMessages,
    doneMessages,
    skipReasonMessages,
    errorMessages,
    dryRun: {dryRunMessage},
    confirmMessages,
    actionHeadingMessages,
    noticeMessages,
    inactiveMessages,
    protectionMessages,
};

const messages = Object.entries(groups).flatMap(([group, entries]) =>
    Object.entries(entries).map(([key, message]) => [`${group}.${key}`, message] as const),
);

describe('en.json', () => {
    test.each(messages)('%s is in en.json', (_name, message) => {
        expect(message.id.startsWith('deactivate.')).toBe(true);
        expect(translations[message.id]).toBe(message.defaultMessage);
    });

    test('message ids are unique', () => {
        const ids = messages.map(([, message]) => message.id);

        expect(new Set(ids).size).toBe(ids.length);
    });

    test('every message formats', () => {
        const errors: string[] = [];
        const intl = createIntl({locale: 'en', messages: en, onError: (error) => errors.push(error.message)});
        const values = {
            command: 'c', count: 2, names: 'n', reason: 'r', detail: 'd', name: 'x', value: 'v', seconds: 3,
            status: 400, errorId: 'e', message: 'm', flag: 'f', label: 'l', done: 1, skipped: 0, failed: 0,
            total: 3, users: 2, bots: 1, batchId: 'b', days: 180, cutoff: '2024-01-01',
        };

        for (const [, message] of messages) {
            intl.formatMessage(message, values);
        }

        expect(errors).toEqual([]);
    });
});
