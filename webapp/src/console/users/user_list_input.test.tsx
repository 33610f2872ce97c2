import {render, screen} from '@testing-library/react';
import React from 'react';
import {IntlProvider} from 'react-intl';

import en from '../../../i18n/en.json';

import {UserListInput, readUserListText} from './user_list_input';

function renderInput(text: string) {
    render(
        <IntlProvider locale='en' messages={en}>
            <UserListInput value={readUserListText(text)} onChange={jest.fn()}/>
        </IntlProvider>,
    );
}

describe('UserListInput', () => {
    test('names the columns read', () => {
        renderInput('id,email\n,alice@example.com\n');
        expect(screen.getByTestId('deactivate-user-list-summary')).toHaveTextContent('1 user in the list (read from id, email).');
    });

    test('reports rows without identifiers', () => {
        renderInput('email,team\nalice@example.com,red\n,blue\n');
        expect(screen.getByTestId('deactivate-user-list-rejected')).toHaveTextContent('Row 3: no id, username or email address');
    });

    test('shows the rejected total', () => {
        const rows = Array.from({length: 25}, (_, index) => `bad/${index}`);
        renderInput(`username\n${rows.join('\n')}\n`);
        expect(screen.getByTestId('deactivate-user-list-rejected-total')).toHaveTextContent('25 entries were not read, the first 20 are listed:');
        expect(screen.getByTestId('deactivate-user-list-rejected').querySelectorAll('li')).toHaveLength(20);
    });

    test('lists every rejected entry when few', () => {
        renderInput('alice not/valid\n');
        expect(screen.getByTestId('deactivate-user-list-rejected-total')).toHaveTextContent('1 entry was not read:');
        expect(screen.getByText('Row 1: not/valid is not a username, email address or user id')).toBeInTheDocument();
    });
});
