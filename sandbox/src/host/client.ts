import {Client4} from 'mattermost-redux/client';

/**
 * Points the host's Client4 at the page's own origin plus `window.basename`, as the web app's
 * `getSiteURL` does, and drops any bearer token so every call rides on the session cookie.
 */
export function configureHostClient(): typeof Client4 {
    Client4.setUrl(window.location.origin + (window.basename || ''));
    Client4.setIncludeCookies(true);
    Client4.setToken('');
    return Client4;
}

export {Client4};
