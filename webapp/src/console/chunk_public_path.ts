// Webpack's run-time public path; assigning it changes where lazy chunks are loaded from.
declare let __webpack_public_path__: string;

/**
 * Returns the URL path under which the server serves this plugin's webapp/dist files:
 * `<subpath>/static/plugins/<id>/`. The subpath comes from `window.basename`, which the web app
 * sets from its public path.
 */
export function chunkPublicPath(pluginId: string, win: Window = window): string {
    const basename = (win.basename || '').replace(/\/+$/, '');
    return `${basename}/static/plugins/${encodeURIComponent(pluginId)}/`;
}

/** Points webpack's chunk loading at this plugin's static path. Call it before any `import()`. */
export function setChunkPublicPath(pluginId: string): void {
    __webpack_public_path__ = chunkPublicPath(pluginId);
}
