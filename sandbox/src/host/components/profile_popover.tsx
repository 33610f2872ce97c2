import React from 'react';
import {useSelector} from 'react-redux';

import type {UserProfile} from '@mattermost/types/users';

import type {PluginComponent} from '../store/plugins_types';
import {defaultTheme} from '../theme';

import {PluginErrorBoundary} from './plugin_error_boundary';

const noComponents: PluginComponent[] = [];

interface Props {
    user: UserProfile;
    hide: () => void;
}

/**
 * Renders a user's profile card with the components plugins added through
 * `registerPopoverUserActionsComponent`, each given `{user, hide, status, theme}`.
 */
export function ProfilePopover({user, hide}: Props) {
    const actions = useSelector(
        (state: any) => state.plugins.components.PopoverUserActions ?? noComponents,
    );
    const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');

    return (
        <div
            className='profile-popover'
            data-testid='profile-popover'
            role='dialog'
        >
            <div className='profile-popover-name'>{`@${user.username}`}</div>
            {fullName && <div className='profile-popover-full-name'>{fullName}</div>}
            <div className='profile-popover-actions'>
                {actions.map((item: PluginComponent) => {
                    const Component = item.component;
                    if (!Component) {
                        return null;
                    }
                    return (
                        <PluginErrorBoundary
                            key={item.id}
                            pluginId={item.pluginId}
                        >
                            <Component
                                user={user}
                                hide={hide}
                                status={null}
                                theme={defaultTheme}
                            />
                        </PluginErrorBoundary>
                    );
                })}
            </div>
            <button
                type='button'
                className='btn'
                data-testid='profile-popover-close'
                onClick={hide}
            >
                {'Close'}
            </button>
        </div>
    );
}
