import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

export const repoRoot = resolve(__dirname, '../..');

const manifest = require(join(repoRoot, 'plugin.json')) as {id: string; version: string};

/** Path of the archive that `make dist` writes, failing clearly when it has not run. */
export function bundlePath(): string {
    const path = join(repoRoot, 'dist', `${manifest.id}-${manifest.version}.tar.gz`);
    if (!existsSync(path)) {
        throw new Error(`${path} is missing: run 'make dist' first`);
    }
    return path;
}

/** Lists the archive's entries with GNU tar, as the server's extractor would see them. */
export function listEntries(archive: string): string[] {
    const output = execFileSync('tar', ['-tzf', archive], {encoding: 'utf8'});
    return output.split('\n').filter(Boolean);
}

/** Unpacks the archive into a new temporary folder and returns that folder. */
export function unpack(archive: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'deactivate-bundle-'));
    execFileSync('tar', ['-xzf', archive, '-C', dir]);
    return dir;
}
