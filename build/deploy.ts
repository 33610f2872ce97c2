// Uploads and enables the plugin bundle on a Mattermost server: `make deploy` runs it.
import {DeployError, deployPlugin, optionsFromEnv} from './deploy/deploy_plugin';

const manifest = require('../plugin.json') as {id: string};

async function main(): Promise<void> {
    const bundlePath = process.argv[2];
    if (!bundlePath) {
        throw new DeployError('usage: tsx build/deploy.ts dist/<id>-<version>.tar.gz');
    }
    await deployPlugin(optionsFromEnv(process.env, bundlePath, manifest.id));
}

main().catch((error: unknown) => {
    const message = error instanceof DeployError ? error.message : String(error);
    console.error(`deploy: ${message}`);
    process.exit(1);
});
