import {readFileSync} from 'node:fs';

import type {PluginManifest, SeedPlugin} from '../emulator/index';

/** A plugin installed straight into the embedded emulator, in place of an upload. */
export interface FixturePlugin {
    /** Manifest in the `plugin.json` format; `version` and `webapp` may be left out. */
    manifest: {id: string; name: string; version?: string; [field: string]: unknown};
    /** File served as the plugin's webapp bundle, read at request time. */
    bundlePath: string;
    /** Whether the plugin starts enabled; defaults to true. */
    enabled?: boolean;
}

/** Turns fixture plugins into the emulator's seed plugins, with bundles read on each request. */
export function fixtureSeedPlugins(fixtures: FixturePlugin[]): SeedPlugin[] {
    return fixtures.map((fixture) => ({
        manifest: {
            version: '0.0.1',
            webapp: {bundle_path: 'webapp/dist/main.js'},
            ...fixture.manifest,
        } as PluginManifest,
        enabled: fixture.enabled ?? true,
        bundle: () => readFileSync(fixture.bundlePath),
    }));
}
