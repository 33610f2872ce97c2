import {combineReducers} from 'redux';

import configureStore from 'mattermost-redux/store';
import reducerRegistry from 'mattermost-redux/store/reducer_registry';

import {modalsReducer} from './modals_reducer';
import {pluginsReducer} from './plugins_reducer';
import {translationsReducer} from './translations_reducer';

const viewsReducer = combineReducers({
    modals: modalsReducer,
    i18n: combineReducers({translations: translationsReducer}),
});

/**
 * Creates the host's Redux store with mattermost-redux's `configureStore`: its own entity,
 * request and error reducers and thunk middleware, plus the `plugins` and `views` slices of the
 * web app. Plugin reducers join later through `reducerRegistry`, under `plugins-<id>`.
 */
export function createHostStore() {
    return configureStore({appReducers: {plugins: pluginsReducer, views: viewsReducer}});
}

export type HostStore = ReturnType<typeof createHostStore>;

/** Adds a plugin's reducer at `state['plugins-<pluginId>']`, as `registerReducer` does. */
export function registerPluginReducer(
    pluginId: string,
    reducer: (...args: any[]) => unknown,
): void {
    reducerRegistry.register(`plugins-${pluginId}`, reducer as any);
}
