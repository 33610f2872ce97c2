/**
 * Returns the Mattermost site URL as the web app computes it: the page origin plus the subpath in
 * `window.basename`, without a trailing slash. The plugin's own Client4 copy starts with an empty
 * URL, which would break on a server installed under a subpath.
 */
export function getSiteUrl(win: Window = window): string {
    const origin = win.location.origin.replace(/\/+$/, '');
    const basename = (win.basename || '').replace(/\/+$/, '');
    return origin + basename;
}
