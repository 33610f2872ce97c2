import Client4 from '@mattermost/client/lib/client4';
import {createIntl, createIntlCache} from 'react-intl';

import {makeConfirmRoot} from './confirm/confirm_root';
import {confirmReducer} from './confirm/state';
import {ConsoleEvents} from './console/console_events';
import {registerConsole} from './console/register_console';
import type {ConsoleRegistry} from './console/types';
import {BatchHistory} from './history/batch_history';
import {CommandHandler} from './hook/command_handler';
import {pluginId} from './manifest';
import {RestClient} from './rest';
import {getSiteUrl} from './site_url';
import type {PluginClass, PluginRegistry, WebappStore} from './types/mattermost_webapp';
import {LastBatchMemory} from './undo/last_batch';

import en from '../i18n/en.json';

// Only English ships today; every locale gets it so that no id is shown raw.
function getTranslations(): Record<string, string> {
    return en;
}

function currentLocale(store: WebappStore): string {
    const state = store.getState();
    const user = state.entities.users.profiles[state.entities.users.currentUserId];
    return user?.locale || 'en';
}

export class DeactivatePlugin implements PluginClass {
    private readonly registered: string[] = [];
    private registry?: PluginRegistry;
    private unregisterConsole?: () => void;

    initialize(registry: ConsoleRegistry, store: WebappStore): void {
        this.registry = registry;

        // The plugin bundles its own Client4; the web app's instance is not shared with plugins.
        const client = new Client4();
        client.setUrl(getSiteUrl());
        const rest = new RestClient(client);

        const intl = createIntl(
            {locale: currentLocale(store), defaultLocale: 'en', messages: en, onError: () => undefined},
            createIntlCache(),
        );
        const history = new BatchHistory(rest);
        const handler = new CommandHandler({
            store,
            rest,
            intl,
            memory: new LastBatchMemory(),
            history,
            ownPluginId: pluginId,
        });

        registry.registerTranslations(getTranslations);
        registry.registerReducer(confirmReducer);
        this.registered.push(registry.registerRootComponent(makeConfirmRoot(handler)));
        this.registered.push(registry.registerSlashCommandWillBePostedHook(handler.hook));

        const events = new ConsoleEvents();
        this.unregisterConsole = registerConsole(registry, {store, rest, intl, history, events, ownPluginId: pluginId});
    }

    uninitialize(): void {
        for (const id of this.registered) {
            this.registry?.unregisterComponent(id);
        }
        this.registered.length = 0;
        this.unregisterConsole?.();
        this.unregisterConsole = undefined;
    }
}

window.registerPlugin(pluginId, new DeactivatePlugin());
