import React from 'react';
import {useSelector} from 'react-redux';

import type {PluginComponent} from '../store/plugins_types';
import {defaultTheme} from '../theme';

import {PluginErrorBoundary} from './plugin_error_boundary';

const noComponents: PluginComponent[] = [];

/**
 * Renders every component registered with `registerRootComponent`, with the `theme` prop.
 * NOTE: the sandbox opens no WebSocket, so the web app's `webSocketClient` prop is not passed.
 */
export function RootComponents() {
    const roots = useSelector((state: any) => state.plugins.components.Root ?? noComponents);

    return (
        <div data-testid='root-components'>
            {roots.map((item: PluginComponent) => {
                const Component = item.component;
                if (!Component) {
                    return null;
                }
                return (
                    <PluginErrorBoundary
                        key={item.id}
                        pluginId={item.pluginId}
                    >
                        <Component theme={defaultTheme}/>
                    </PluginErrorBoundary>
                );
            })}
        </div>
    );
}
