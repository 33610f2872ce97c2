import {render, screen} from '@testing-library/react';
import type {UserProfile} from '@mattermost/types/users';
import React from 'react';
import {IntlProvider} from 'react-intl';

import en from '../../../i18n/en.json';
import type {Plan, PlanItem} from '../../plan';

import {PlanPreview} from './plan_preview';

function ssoUser(username: string): PlanItem {
    const user = {id: `${username}-id`, username, first_name: '', last_name: '', nickname: '', auth_service: 'gitlab'} as UserProfile;
    return {kind: 'user', target: username, class: 'deactivate', user, warnings: ['sso_reactivation']};
}

function renderPreview(plan: Plan) {
    const errors: string[] = [];
    render(
        <IntlProvider locale='en' messages={en} onError={(error) => errors.push(error.message)}>
            <PlanPreview plan={plan}/>
        </IntlProvider>,
    );
    return errors;
}

describe('PlanPreview', () => {
    test('SSO warning names the users', () => {
        const plan: Plan = {kind: 'users', dryRun: false, command: '/deactivate', items: [ssoUser('gary'), ssoUser('hana')]};
        const errors = renderPreview(plan);
        const preview = screen.getByTestId('deactivate-preview');

        expect(errors).toEqual([]);
        expect(preview.textContent).not.toContain('{');
        expect(screen.getByText(/identity provider/)).toHaveTextContent(/: @gary, @hana\.$/);
    });
});
