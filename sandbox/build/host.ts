import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';

import {buildHostBundle} from './host_bundle';

/** Directory the prebuilt host page goes to; `startSandbox({hostDir})` serves it from there. */
export const prebuiltHostDir = path.resolve(__dirname, '../dist/host');

async function main(): Promise<void> {
    const started = Date.now();
    const bundle = await buildHostBundle();

    await mkdir(prebuiltHostDir, {recursive: true});
    await writeFile(path.join(prebuiltHostDir, 'host.js'), bundle.script);
    await writeFile(path.join(prebuiltHostDir, 'host.css'), bundle.stylesheet);

    const kib = Math.round(bundle.script.length / 1024);
    const elapsed = Date.now() - started;
    console.log(`host page built to ${prebuiltHostDir} (${kib} KiB) in ${elapsed} ms`);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error('host page build failed:', error);
        process.exitCode = 1;
    });
}
