import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';

import {bundlePath, listEntries, repoRoot, unpack} from './bundle_archive';

interface Manifest {
    id: string;
    name: string;
    version: string;
    min_server_version?: string;
    icon_path?: string;
    webapp?: {bundle_path: string};
    server?: {executables?: Record<string, string>; executable?: string};
}

const sourceManifest = JSON.parse(readFileSync(join(repoRoot, 'plugin.json'), 'utf8')) as Manifest;

// The rules of model.IsValidPluginId and Manifest.IsValid in server/public/model/manifest.go.
const PLUGIN_ID = /^[a-zA-Z0-9-_.]{3,190}$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

describe('plugin bundle archive', () => {
    const archive = bundlePath();
    const entries = listEntries(archive);
    const root = unpack(archive);
    const folder = join(root, sourceManifest.id);
    const manifest = JSON.parse(readFileSync(join(folder, 'plugin.json'), 'utf8')) as Manifest;

    test('file name is id and version', () => {
        expect(archive.endsWith(`${sourceManifest.id}-${sourceManifest.version}.tar.gz`)).toBe(true);
    });

    test('has one top-level folder named after the id', () => {
        const topLevel = new Set(entries.map((entry) => entry.replace(/^\.\//, '').split('/')[0]));
        expect([...topLevel]).toEqual([sourceManifest.id]);
    });

    test('contains manifest, assets and web app bundle', () => {
        expect(entries).toContain(`${manifest.id}/plugin.json`);
        expect(entries).toContain(`${manifest.id}/assets/icon.svg`);
        expect(entries).toContain(`${manifest.id}/webapp/dist/main.js`);
    });

    test('manifest equals the source manifest', () => {
        expect(manifest).toEqual(sourceManifest);
    });

    test('manifest id and name pass server validation', () => {
        expect(manifest.id).toMatch(PLUGIN_ID);
        expect(manifest.id.startsWith('com.mattermost')).toBe(false);
        expect(manifest.name.trim()).not.toBe('');
    });

    test('manifest versions are semver', () => {
        expect(manifest.version).toMatch(SEMVER);
        expect(manifest.min_server_version).toMatch(SEMVER);
    });

    test('bundle path points at a non-empty file', () => {
        const bundle = manifest.webapp?.bundle_path || '';
        expect(bundle.startsWith('.')).toBe(false);
        expect(statSync(join(folder, bundle)).size).toBeGreaterThan(0);
    });

    test('icon is an SVG file', () => {
        const icon = readFileSync(join(folder, manifest.icon_path || ''), 'utf8');
        expect(icon.trimStart().startsWith('<svg')).toBe(true);
    });

    test('every listed server executable is packed', () => {
        const executables = Object.values(manifest.server?.executables || {});
        for (const executable of executables) {
            const mode = statSync(join(folder, executable)).mode;
            expect(mode & 0o111).not.toBe(0);
        }
    });
});
