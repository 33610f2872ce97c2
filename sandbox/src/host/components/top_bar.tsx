import React from 'react';
import {useSelector} from 'react-redux';

import {getCurrentUser} from 'mattermost-redux/selectors/entities/users';

import {browserHistory} from '../history';

import {MainMenu} from './main_menu';

/** Renders the bar above every logged-in page: the user, the page links and Log out. */
export function TopBar({onLogOut}: {onLogOut: () => void}) {
    const user = useSelector(getCurrentUser);
    const isAdmin = Boolean(user?.roles.split(' ').includes('system_admin'));

    const go = (path: string) => (event: React.MouseEvent) => {
        event.preventDefault();
        browserHistory.push(path);
    };

    return (
        <header className='top-bar'>
            <span className='top-bar-title'>{'Deactivate sandbox'}</span>
            <MainMenu/>
            <nav>
                <a
                    href='/'
                    onClick={go('/')}
                >
                    {'Channel'}
                </a>
                {isAdmin && (
                    <a
                        href='/admin_console/plugins/plugin_app.deactivate'
                        data-testid='admin-console-link'
                        onClick={go('/admin_console/plugins/plugin_app.deactivate')}
                    >
                        {'System Console'}
                    </a>
                )}
            </nav>
            <span
                className='top-bar-user'
                data-testid='current-user'
            >
                {user ? `@${user.username}` : ''}
            </span>
            <button
                type='button'
                className='btn'
                data-testid='logout-button'
                onClick={onLogOut}
            >
                {'Log out'}
            </button>
        </header>
    );
}
