import React from 'react';
import {createRoot} from 'react-dom/client';
import {Provider} from 'react-redux';

import {configureHostClient} from './client';
import {App} from './components/app';
import {installGlobals} from './globals';
import {browserHistory, currentPath} from './history';
import {PluginLoader} from './plugins/loader';
import {startEphemeralPoller} from './ephemeral_poller';
import {countWebSocketHandlers, emitWebSocketEvent} from './plugins/websocket_handlers';
import {loadClientConfig, loadMe, logOut} from './session';
import {createHostStore} from './store/store';
import './styles.css';

declare global {
    interface Window {
        /** Handles for browser tests; the web app has no such object. */
        sandboxHost: Record<string, unknown>;
    }
}

async function boot(): Promise<void> {
    installGlobals();
    configureHostClient();

    const store = createHostStore();
    const loader = new PluginLoader(store);
    const root = createRoot(document.getElementById('root') as HTMLElement);

    window.sandboxHost = {
        store,
        loader,
        emitWebSocketEvent,
        countWebSocketHandlers,
        syncPlugins: () => loader.syncPlugins(),
    };

    const config = await loadClientConfig(store);

    const render = (loggedIn: boolean) => {
        root.render(
            <Provider store={store}>
                <App
                    loggedIn={loggedIn}
                    onLoggedIn={startSession}
                    onLogOut={endSession}
                />
            </Provider>,
        );
    };

    async function startSession(): Promise<void> {
        const me = await loadMe(store);
        if (!me) {
            render(false);
            return;
        }

        if (currentPath() === '/login') {
            browserHistory.replace('/');
        }
        await loader.initializePlugins(config);
        startEphemeralPoller(store);
        render(true);
    }

    async function endSession(): Promise<void> {
        try {
            await logOut(store);
        } finally {
            // A full page load drops every plugin, registration and store entry, as the web app's
            // logout does.
            window.location.assign((window.basename || '') + '/login');
        }
    }

    await startSession();
    document.body.dataset.hostReady = 'true';
}

boot().catch((error: unknown) => {
    console.error('sandbox host failed to start', error);
    const message = document.createElement('pre');
    message.className = 'boot-error';
    message.dataset.testid = 'boot-error';
    message.textContent = `The sandbox host failed to start: ${String(error)}`;
    document.body.appendChild(message);
});
