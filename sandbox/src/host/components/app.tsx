import React, {useEffect, useState} from 'react';
import {IntlProvider} from 'react-intl';
import {useSelector} from 'react-redux';

import {browserHistory, currentPath} from '../history';
import {hostLocale} from '../plugins/registry';
import {defaultChannelName, defaultTeamName} from '../session';

import {AdminConsole} from './admin_console';
import {ChannelView} from './channel_view';
import {LoginForm} from './login_form';
import {ModalController} from './modal_controller';
import {RootComponents} from './root_components';
import {TopBar} from './top_bar';

/** A client route the host understands. */
type Route =
    | {page: 'channel'; teamName: string; channelName: string}
    | {page: 'admin'; pluginId: string}
    | {page: 'login'};

/** Maps a path to a page, as the web app's router does for the routes the sandbox has. */
export function parseRoute(path: string): Route {
    const admin = path.match(/^\/admin_console\/plugins\/plugin_([^/]+)\/?$/);
    if (admin) {
        return {page: 'admin', pluginId: decodeURIComponent(admin[1])};
    }
    const channel = path.match(/^\/([^/]+)\/channels\/([^/]+)\/?$/);
    if (channel) {
        return {page: 'channel', teamName: channel[1], channelName: channel[2]};
    }
    if (path === '/login') {
        return {page: 'login'};
    }
    return {page: 'channel', teamName: defaultTeamName, channelName: defaultChannelName};
}

interface Props {
    loggedIn: boolean;
    onLoggedIn: () => void;
    onLogOut: () => void;
}

/** Renders the login form, or the top bar, the routed page, root components and modals. */
export function App({loggedIn, onLoggedIn, onLogOut}: Props) {
    const [path, setPath] = useState(currentPath());
    const messages = useSelector((state: any) => state.views.i18n.translations[hostLocale]);

    useEffect(() => browserHistory.listen(() => setPath(currentPath())), []);

    const route = parseRoute(path);
    let page: React.ReactNode;
    if (!loggedIn || route.page === 'login') {
        page = <LoginForm onLoggedIn={onLoggedIn}/>;
    } else if (route.page === 'admin') {
        page = (
            <AdminConsole
                key={route.pluginId}
                pluginId={route.pluginId}
            />
        );
    } else {
        page = (
            <ChannelView
                teamName={route.teamName}
                channelName={route.channelName}
            />
        );
    }

    return (
        <IntlProvider
            locale={hostLocale}
            defaultLocale={hostLocale}
            messages={messages}
        >
            {loggedIn && <TopBar onLogOut={onLogOut}/>}
            {page}
            {loggedIn && <RootComponents/>}
            {loggedIn && <ModalController/>}
        </IntlProvider>
    );
}
