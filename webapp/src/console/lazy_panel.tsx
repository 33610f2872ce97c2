import React, {Suspense} from 'react';

import {setChunkPublicPath} from './chunk_public_path';
import type {CustomSettingProps, PanelDeps} from './types';

/**
 * Builds the component registered as the custom setting. It holds no panel code: the panel is a
 * separate webpack chunk, fetched from the plugin's static path the first time the System Console
 * page renders it, so the bundle every user downloads stays small.
 */
export function makeLazyPanel(deps: PanelDeps): React.ComponentType<CustomSettingProps> {
    const Panel = React.lazy(() => {
        setChunkPublicPath(deps.ownPluginId);
        return import(/* webpackChunkName: "console-panel" */ './panel');
    });

    function DeactivateConsoleSetting(props: CustomSettingProps) {
        return (
            <Suspense fallback={<div role='status'>{'Loading the Deactivate panel…'}</div>}>
                <Panel
                    {...props}
                    deps={deps}
                />
            </Suspense>
        );
    }

    return DeactivateConsoleSetting;
}
