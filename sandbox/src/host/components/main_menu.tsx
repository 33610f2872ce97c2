import React, {useState} from 'react';
import {useSelector} from 'react-redux';

import type {PluginComponent} from '../store/plugins_types';

const noActions: PluginComponent[] = [];

/** Renders the main menu with the actions plugins added through `registerMainMenuAction`. */
export function MainMenu() {
    const [open, setOpen] = useState(false);
    const actions = useSelector((state: any) => state.plugins.components.MainMenu ?? noActions);

    return (
        <div className='main-menu'>
            <button
                type='button'
                className='btn'
                data-testid='main-menu-button'
                aria-expanded={open}
                onClick={() => setOpen(!open)}
            >
                {'Menu'}
            </button>
            {open && (
                <ul
                    className='main-menu-list'
                    role='menu'
                >
                    {actions.length === 0 && (
                        <li className='main-menu-empty'>{'No plugin actions'}</li>
                    )}
                    {actions.map((item: PluginComponent) => (
                        <li key={item.id}>
                            <button
                                type='button'
                                role='menuitem'
                                data-testid='main-menu-action'
                                onClick={() => {
                                    setOpen(false);
                                    item.action?.();
                                }}
                            >
                                {item.text}
                            </button>
                        </li>
                    ))}
                </ul>
            )}
        </div>
    );
}
