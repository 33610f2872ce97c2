import manifest from '../../plugin.json';

export const pluginId: string = manifest.id;
export const pluginVersion: string = manifest.version;

/** The key under which the web app mounts this plugin's reducer (`registerReducer`). */
export const pluginStateKey = `plugins-${manifest.id}`;
