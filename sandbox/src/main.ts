import {parseArgs} from 'node:util';

import {goAvailable} from './plugin_server/index';
import {startSandbox} from './server';
import type {Emulator} from './server';

const usage = `Usage: npx tsx sandbox/src/main.ts [--port 8066] [--upstream URL] [--bundle FILE]
                                      [--host-dir DIR]

  --port      TCP port on 127.0.0.1 (env SANDBOX_PORT, default 8066; 0 picks a free port)
  --upstream  base URL of a Mattermost server to proxy /api/v4 to (env UPSTREAM);
              without it the embedded emulator answers
  --bundle    file served as the app.deactivate bundle (default webapp/dist/main.js)
  --host-dir  directory with a prebuilt host.js and host.css (npm run build:host)
  --server-part / --no-server-part
              run the Go server part (server-proxy/cmd/sandboxhost) beside the emulator;
              on by default when \`go\` is on the PATH, ignored with --upstream`;

function parsePort(text: string): number {
    const port = Number(text);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`port ${JSON.stringify(text)} is invalid: use an integer from 0 to 65535`);
    }
    return port;
}

function describeLogins(emulator: Emulator): string[] {
    const lines = ['Demo logins (password "password" for all):'];
    const bots: string[] = [];
    for (const user of emulator.store.users.values()) {
        if (user.is_bot) {
            bots.push(user.username);
            continue;
        }
        const state = user.delete_at ? ', deactivated' : '';
        const sso = user.auth_service ? `, ${user.auth_service}` : '';
        lines.push(`  ${user.username.padEnd(14)} ${user.roles}${sso}${state}`);
    }
    if (bots.length > 0) {
        lines.push(`Bot accounts (no password login): ${bots.join(', ')}`);
    }
    return lines;
}

async function main(): Promise<void> {
    const {values} = parseArgs({
        options: {
            port: {type: 'string'},
            upstream: {type: 'string'},
            bundle: {type: 'string'},
            'host-dir': {type: 'string'},
            'server-part': {type: 'boolean'},
            'no-server-part': {type: 'boolean'},
            help: {type: 'boolean', short: 'h'},
        },
    });
    if (values.help) {
        console.log(usage);
        return;
    }

    const upstream = values.upstream ?? process.env.UPSTREAM;
    const serverPart =
        !upstream && !values['no-server-part'] && (values['server-part'] || goAvailable());
    const sandbox = await startSandbox({
        serverPart,
        port: parsePort(values.port ?? process.env.SANDBOX_PORT ?? '8066'),
        upstream: values.upstream ?? process.env.UPSTREAM,
        bundlePath: values.bundle,
        hostDir: values['host-dir'],
    });

    console.log(`Sandbox listening on ${sandbox.url}`);
    if (serverPart) {
        console.log('The Go server part runs: /deactivate also works without the web app plugin.');
    } else if (!upstream) {
        console.log('The Go server part is off (no `go` on the PATH, or --no-server-part).');
    }
    if (sandbox.emulator) {
        console.log(describeLogins(sandbox.emulator).join('\n'));
    } else {
        const upstream = values.upstream ?? process.env.UPSTREAM;
        console.log(`Proxying /api/v4 to ${upstream}; log in with that server's users.`);
    }

    let stopping = false;
    const stop = (signal: string) => {
        if (stopping) {
            return;
        }
        stopping = true;
        console.log(`Received ${signal}, stopping the sandbox.`);
        sandbox.close().then(
            () => process.exit(0),
            (error: unknown) => {
                console.error('Sandbox failed to stop cleanly:', error);
                process.exit(1);
            },
        );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Sandbox failed to start: ${message}`);
    console.error(usage);
    process.exit(1);
});
