/**
 * @jest-environment jsdom
 */
import {fireEvent, render, screen} from '@testing-library/react';
import React from 'react';
import {IntlProvider} from 'react-intl';

import type {UserProfile} from '@mattermost/types/users';

import en from '../../i18n/en.json';
import type {Plan, PluginPlanItem, UserPlanItem} from '../plan';

import {ConfirmModal} from './confirm_modal';

function user(username: string, extra: Partial<UserProfile> = {}): UserProfile {
    return {id: `${username}-id`, username, first_name: '', last_name: '', roles: 'system_user', ...extra} as UserProfile;
}

function userItem(target: string, planClass: UserPlanItem['class'], extra: Partial<UserPlanItem> = {}): UserPlanItem {
    return {kind: 'user', target, class: planClass, user: user(target.replace(/^@/, '')), warnings: [], ...extra};
}

function usersPlan(items: UserPlanItem[]): Plan {
    return {kind: 'users', items, dryRun: false, command: '/deactivate @alice @bob'};
}

function renderModal(plan: Plan, props: Partial<React.ComponentProps<typeof ConfirmModal>> = {}) {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    render(
        <IntlProvider locale='en' messages={en}>
            <ConfirmModal plan={plan} running={false} done={0} total={0} onConfirm={onConfirm} onCancel={onCancel} {...props}/>
        </IntlProvider>,
    );
    return {onConfirm, onCancel};
}

describe('ConfirmModal', () => {
    test('confirm button names action and count', () => {
        renderModal(usersPlan([userItem('@alice', 'deactivate'), userItem('@bob', 'deactivate')]));
        expect(screen.getByTestId('deactivate-confirm-submit').textContent).toBe('Deactivate 2 users');
    });

    test('singular count reads naturally', () => {
        renderModal(usersPlan([userItem('@alice', 'deactivate')]));
        expect(screen.getByTestId('deactivate-confirm-submit').textContent).toBe('Deactivate 1 user');
    });

    test('users and bots share one button', () => {
        renderModal(usersPlan([userItem('@alice', 'deactivate'), userItem('@helper-bot', 'disable_bot')]));
        expect(screen.getByTestId('deactivate-confirm-submit').textContent).toBe('Deactivate 1 user and disable 1 bot');
    });

    test('groups plan by class with counts', () => {
        renderModal(usersPlan([
            userItem('@alice', 'deactivate'),
            userItem('@sysadmin', 'admin_skipped'),
            userItem('@bob', 'deactivate'),
        ]));
        const deactivate = screen.getByTestId('deactivate-group-deactivate');
        expect(deactivate.querySelector('h3')?.textContent).toBe('Will be deactivated (2)');
        expect(deactivate.querySelectorAll('li')).toHaveLength(2);
        const skipped = screen.getByTestId('deactivate-group-admin_skipped');
        expect(skipped.querySelector('h3')?.textContent).toContain('(1)');
    });

    test('actionable group comes first', () => {
        renderModal(usersPlan([userItem('@sysadmin', 'admin_skipped'), userItem('@alice', 'deactivate')]));
        const sections = screen.getAllByRole('heading', {level: 3});
        expect(sections[0].textContent).toContain('Will be deactivated');
    });

    test('cancel has initial focus', () => {
        renderModal(usersPlan([userItem('@alice', 'deactivate')]));
        expect(document.activeElement).toBe(screen.getByTestId('deactivate-confirm-cancel'));
    });

    test('cancel button calls onCancel only', () => {
        const {onConfirm, onCancel} = renderModal(usersPlan([userItem('@alice', 'deactivate')]));
        fireEvent.click(screen.getByTestId('deactivate-confirm-cancel'));
        expect(onCancel).toHaveBeenCalledTimes(1);
        expect(onConfirm).not.toHaveBeenCalled();
    });

    test('escape key cancels', () => {
        const {onCancel} = renderModal(usersPlan([userItem('@alice', 'deactivate')]));
        fireEvent.keyDown(screen.getByRole('dialog'), {key: 'Escape'});
        expect(onCancel).toHaveBeenCalledTimes(1);
    });

    test('confirm button calls onConfirm', () => {
        const {onConfirm} = renderModal(usersPlan([userItem('@alice', 'deactivate')]));
        fireEvent.click(screen.getByTestId('deactivate-confirm-submit'));
        expect(onConfirm).toHaveBeenCalledTimes(1);
    });

    test('running disables both buttons', () => {
        const {onCancel} = renderModal(usersPlan([userItem('@alice', 'deactivate')]), {running: true, done: 1, total: 3});
        expect(screen.getByTestId('deactivate-confirm-submit')).toBeDisabled();
        expect(screen.getByTestId('deactivate-confirm-cancel')).toBeDisabled();
        expect(screen.getByTestId('deactivate-confirm-progress').textContent).toContain('1 of 3');
        fireEvent.keyDown(screen.getByRole('dialog'), {key: 'Escape'});
        expect(onCancel).not.toHaveBeenCalled();
    });

    test('dialog is labelled for screen readers', () => {
        renderModal(usersPlan([userItem('@alice', 'deactivate')]));
        const dialog = screen.getByRole('dialog');
        expect(dialog.getAttribute('aria-modal')).toBe('true');
        const title = document.getElementById(dialog.getAttribute('aria-labelledby') || '');
        expect(title?.textContent).toBe('Deactivate users?');
    });

    test('hostile display name stays text', () => {
        const hostile = userItem('@mallory', 'deactivate', {
            user: user('mallory', {first_name: '<img src=x onerror=alert(1)>', last_name: '**bold**'}),
        });
        renderModal(usersPlan([hostile]));
        expect(document.querySelector('img')).toBeNull();
        expect(screen.getByText('@mallory (<img src=x onerror=alert(1)> **bold**)')).toBeInTheDocument();
    });

    test('sso users get a reactivation warning', () => {
        renderModal(usersPlan([userItem('@gary.gitlab', 'deactivate', {warnings: ['sso_reactivation']})]));
        expect(screen.getByRole('alert').textContent).toContain('identity provider');
    });

    test('own plugin gets an unload warning', () => {
        const item: PluginPlanItem = {
            kind: 'plugin',
            target: 'app.deactivate',
            class: 'disable_plugin',
            plugin: {id: 'app.deactivate', name: 'Deactivate'},
            warnings: ['self_plugin'],
        };
        renderModal({kind: 'plugins', items: [item], dryRun: false, command: '/deactivate plugin app.deactivate'});
        expect(screen.getByTestId('deactivate-confirm-submit').textContent).toBe('Disable 1 plugin');
        expect(screen.getByRole('alert').textContent).toContain('Deactivate plugin itself');
    });

    test('long group is cut with a count', () => {
        const items = Array.from({length: 30}, (_, index) => userItem(`@user${index}`, 'deactivate'));
        renderModal(usersPlan(items));
        const group = screen.getByTestId('deactivate-group-deactivate');
        expect(group.querySelectorAll('li')).toHaveLength(26);
        expect(group.textContent).toContain('and 5 more');
    });
});
