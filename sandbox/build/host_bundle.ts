import path from 'node:path';

import * as esbuild from 'esbuild';

/** The host page's compiled script and stylesheet, held in memory. */
export interface HostBundle {
    script: string;
    stylesheet: string;
}

const hostEntry = path.resolve(__dirname, '../src/host/index.tsx');

/**
 * Bundles the host page from `sandbox/src/host/` with esbuild, without writing to disk.
 *
 * React, Redux and the other libraries the host puts on `window` are bundled in, in their
 * production builds, so plugin bundles that take them as webpack externals share these copies.
 */
export async function buildHostBundle(): Promise<HostBundle> {
    const result = await esbuild.build({
        entryPoints: [hostEntry],
        bundle: true,
        write: false,
        outdir: 'out',
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        jsx: 'transform',
        minify: false,
        sourcemap: false,
        logLevel: 'silent',
        define: {'process.env.NODE_ENV': '"production"'},
    });

    const script = result.outputFiles.find((file) => file.path.endsWith('.js'));
    const stylesheet = result.outputFiles.find((file) => file.path.endsWith('.css'));
    if (!script) {
        throw new Error(`esbuild produced no script for ${hostEntry}`);
    }

    return {script: script.text, stylesheet: stylesheet?.text ?? ''};
}
