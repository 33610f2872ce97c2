import {fireEvent, render, screen} from '@testing-library/react';
import React from 'react';
import {IntlProvider} from 'react-intl';

import en from '../../../i18n/en.json';

import {ConfirmBox} from './confirm_box';
import type {ConfirmRequirement} from './type_to_confirm';

function renderBox(requirement: ConfirmRequirement) {
    const onConfirm = jest.fn();
    render(
        <IntlProvider locale='en' messages={en}>
            <ConfirmBox requirement={requirement} threshold={25} confirmLabel='Deactivate 26 users' onConfirm={onConfirm} onBack={jest.fn()}/>
        </IntlProvider>,
    );
    return onConfirm;
}

describe('ConfirmBox', () => {
    test('click is enough without requirement', () => {
        const onConfirm = renderBox({});
        expect(screen.queryByTestId('deactivate-confirm-typed')).toBeNull();
        fireEvent.click(screen.getByTestId('deactivate-confirm-run'));
        expect(onConfirm).toHaveBeenCalledTimes(1);
    });

    test('typed count enables confirm', () => {
        const onConfirm = renderBox({expected: '26', reason: 'over_threshold'});
        const run = screen.getByTestId('deactivate-confirm-run');
        expect(screen.getByText(/larger than 25 accounts/)).toBeInTheDocument();
        expect(run).toBeDisabled();

        fireEvent.change(screen.getByTestId('deactivate-confirm-typed'), {target: {value: '25'}});
        expect(run).toBeDisabled();
        fireEvent.change(screen.getByTestId('deactivate-confirm-typed'), {target: {value: '26'}});
        expect(run).not.toBeDisabled();

        fireEvent.click(run);
        expect(onConfirm).toHaveBeenCalledTimes(1);
    });

    test('enter confirms only when typed', () => {
        const onConfirm = renderBox({expected: '2', reason: 'includes_admins'});
        const input = screen.getByTestId('deactivate-confirm-typed');
        fireEvent.keyDown(input, {key: 'Enter'});
        expect(onConfirm).not.toHaveBeenCalled();

        fireEvent.change(input, {target: {value: '2'}});
        fireEvent.keyDown(input, {key: 'Enter'});
        expect(onConfirm).toHaveBeenCalledTimes(1);
    });

    test('input has an accessible name', () => {
        renderBox({expected: 'app.deactivate', reason: 'own_plugin'});
        expect(screen.getByRole('textbox', {name: 'Confirmation'})).toBeInTheDocument();
    });
});
