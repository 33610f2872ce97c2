import {gunzipSync} from 'node:zlib';

import {AppError} from '../errors';
import type {PluginManifest} from '../records';
import {readTar, type TarEntry} from './tar';

/** An unpacked plugin bundle: its manifest and the bytes of its webapp bundle, if any. */
export interface ExtractedPlugin {
    manifest: PluginManifest;
    webappBundle?: Buffer;
}

/** Mirrors `plugin.IsValidId` (5.37): 3 to 190 characters of `[a-zA-Z0-9-_.]`. */
export function isValidPluginId(id: string): boolean {
    return id.length >= 3 && id.length <= 190 && /^[a-zA-Z0-9-_.]+$/.test(id);
}

function extractError(detail: string): AppError {
    return new AppError(
        'app.plugin.extract.app_error',
        'Encountered error extracting plugin',
        400,
        detail,
    );
}

function stripDotSlash(name: string): string {
    return name.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/**
 * Returns the folder the server treats as the plugin root: the single top-level folder when
 * the archive has exactly one, otherwise the archive root.
 */
function pluginRoot(entries: TarEntry[]): string {
    const tops = new Set<string>();
    let topLevelFile = false;
    for (const entry of entries) {
        const name = stripDotSlash(entry.name);
        if (name === '') {
            continue;
        }
        const slash = name.indexOf('/');
        if (slash < 0 && entry.type !== 'directory') {
            topLevelFile = true;
        }
        tops.add(slash < 0 ? name : name.slice(0, slash));
    }
    return tops.size === 1 && !topLevelFile ? `${[...tops][0]}/` : '';
}

function findFile(entries: TarEntry[], path: string): Buffer | undefined {
    const wanted = stripDotSlash(path);
    return entries.find((entry) => entry.type === 'file' && stripDotSlash(entry.name) === wanted)?.data;
}

/**
 * Unpacks a `.tar.gz` plugin bundle and validates its manifest the way `extractPlugin` and
 * `Manifest.IsValid` do. Throws the server's `AppError` for each failure.
 */
export function extractPlugin(archive: Buffer): ExtractedPlugin {
    let entries: TarEntry[];
    try {
        entries = readTar(gunzipSync(archive));
    } catch (error) {
        throw extractError(error instanceof Error ? error.message : String(error));
    }

    const root = pluginRoot(entries);
    const manifestBytes = findFile(entries, `${root}plugin.json`);
    if (!manifestBytes) {
        throw new AppError(
            'app.plugin.manifest.app_error',
            'Unable to find manifest for extracted plugin.',
            400,
        );
    }
    let manifest: PluginManifest;
    try {
        manifest = JSON.parse(manifestBytes.toString('utf8')) as PluginManifest;
    } catch (error) {
        throw extractError(`unable to parse plugin.json: ${String(error)}`);
    }
    if (typeof manifest !== 'object' || manifest === null || typeof manifest.id !== 'string') {
        throw extractError('plugin.json has no id');
    }

    if (!isValidPluginId(manifest.id)) {
        throw new AppError(
            'app.plugin.invalid_id.app_error',
            'Plugin Id must be at least 3 characters, at most 190 characters and match ' +
                '^[a-zA-Z0-9-_\\.]+$.',
            400,
        );
    }
    if (typeof manifest.name !== 'string' || manifest.name.trim() === '') {
        // NOTE: the id of this error is not confirmed against a recording.
        throw new AppError(
            'app.plugin.manifest.invalid.app_error',
            'The plugin manifest is invalid.',
            400,
            'a plugin name is needed',
        );
    }

    const bundlePath = manifest.webapp?.bundle_path;
    const webappBundle = bundlePath ? findFile(entries, `${root}${bundlePath}`) : undefined;
    return {manifest, webappBundle};
}

/** Returns `%x` of the FNV-1a 64-bit hash, the `BundleHash` in a client manifest's path. */
export function bundleHash(bytes: Buffer): string {
    let hash = 0xcbf29ce484222325n;
    const prime = 0x100000001b3n;
    for (const byte of bytes) {
        hash ^= BigInt(byte);
        hash = (hash * prime) & 0xffffffffffffffffn;
    }
    return hash.toString(16).padStart(16, '0');
}

const MANIFEST_KEYS = [
    'id',
    'name',
    'description',
    'homepage_url',
    'support_url',
    'release_notes_url',
    'icon_path',
    'version',
    'min_server_version',
    'server',
    'backend',
    'webapp',
    'settings_schema',
    'props',
    'requires_configuration',
] as const;

/** Serialises a manifest in `model.Manifest` field order, leaving out empty optional fields. */
export function manifestJson(manifest: PluginManifest): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of MANIFEST_KEYS) {
        const value = manifest[key];
        const required = key === 'id' || key === 'name' || key === 'version';
        if (required) {
            out[key] = value ?? '';
        } else if (value !== undefined && value !== '' && value !== null) {
            out[key] = value;
        }
    }
    return out;
}

/**
 * Builds `Manifest.ClientManifest()`: no name (kept as ""), description, server part or
 * settings, and the bundle path rewritten to `/static/<id>/<id>_<hash>_bundle.js`.
 */
export function clientManifestJson(manifest: PluginManifest, bundle: Buffer): Record<string, unknown> {
    const out = manifestJson(manifest);
    out.name = '';
    delete out.description;
    delete out.server;
    delete out.backend;
    delete out.settings_schema;
    out.webapp = {
        bundle_path: `/static/${manifest.id}/${manifest.id}_${bundleHash(bundle)}_bundle.js`,
    };
    return out;
}
