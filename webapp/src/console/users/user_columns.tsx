import type {IntlShape} from 'react-intl';
import type {UserProfile} from '@mattermost/types/users';

import {itemLabel} from '../../confirm/plan_groups';

import {userMessages as messages} from '../messages';
import type {Column} from '../table/virtual_table';

/** A loaded user with the `last_activity_at` of its status row (0 when there is none). */
export interface UserRow {
    user: UserProfile;
    lastActivityAt: number;
}

function formatActivity(intl: IntlShape, at: number): string {
    return at > 0 ? intl.formatDate(at, {year: 'numeric', month: 'short', day: 'numeric'}) : intl.formatMessage(messages.activityUnknown);
}

/** The columns of the users table. React escapes every value, so names need no escaping. */
export function userColumns(intl: IntlShape): Array<Column<UserRow>> {
    return [
        {
            key: 'user',
            header: intl.formatMessage(messages.columnUser),
            width: '2fr',
            render: ({user}) => itemLabel({kind: 'user', target: user.username, class: 'deactivate', user, warnings: []}),
        },
        {key: 'email', header: intl.formatMessage(messages.columnEmail), width: '2fr', render: ({user}) => user.email},
        {key: 'roles', header: intl.formatMessage(messages.columnRoles), width: '1.5fr', render: ({user}) => user.roles},
        {key: 'auth', header: intl.formatMessage(messages.columnAuth), width: '90px', render: ({user}) => user.auth_service || 'email'},
        {
            key: 'state',
            header: intl.formatMessage(messages.columnState),
            width: '110px',
            render: ({user}) => intl.formatMessage(user.delete_at > 0 ? messages.statusInactive : messages.statusActive),
        },
        {
            key: 'activity',
            header: intl.formatMessage(messages.columnActivity),
            width: '130px',
            render: ({lastActivityAt}) => formatActivity(intl, lastActivityAt),
        },
    ];
}
