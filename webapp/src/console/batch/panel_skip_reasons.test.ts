import {createIntl} from 'react-intl';

import en from '../../../i18n/en.json';
import {skipReasonMessages} from '../../plan';
import type {Outcome, PlanItem} from '../../plan';

import {panelSkipReason, withPanelSkipReasons} from './panel_skip_reasons';

const intl = createIntl({locale: 'en', messages: en});

describe('panel skip reasons', () => {
    test.each(Object.keys(skipReasonMessages))('%s names no flag', (planClass) => {
        expect(panelSkipReason(intl, planClass as PlanItem['class'])).not.toMatch(/--[a-z]/);
    });

    test('bot reason names the checkbox', () => {
        expect(panelSkipReason(intl, 'bot_skipped')).toBe('bot account (check "Include bots" to disable bots)');
    });

    test('outcome reasons are reworded', () => {
        const item: PlanItem = {kind: 'user', target: 'helper-bot', class: 'bot_skipped', warnings: []};
        const done: PlanItem = {kind: 'user', target: 'alice', class: 'deactivate', warnings: []};
        const outcome = {
            plan: {kind: 'users', items: [item, done], dryRun: false, command: '/deactivate'},
            items: [
                {item, state: 'skipped', reason: 'bot account (add --include-bots to disable bots)'},
                {item: done, state: 'done', reason: 'deactivated'},
            ],
            startedAt: 1,
            finishedAt: 2,
        } as Outcome;

        const reworded = withPanelSkipReasons(outcome, intl);
        expect(reworded.items[0].reason).toBe('bot account (check "Include bots" to disable bots)');
        expect(reworded.items[1].reason).toBe('deactivated');
    });
});
