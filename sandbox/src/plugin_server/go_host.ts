import {spawn, spawnSync} from 'node:child_process';
import type {ChildProcess} from 'node:child_process';
import path from 'node:path';
import {createInterface} from 'node:readline';

/** The Go module of the server part, with the sandbox host program in `cmd/sandboxhost`. */
export const serverProxyDir = path.resolve(__dirname, '../../../server-proxy');

/** Where the host binary is built; `server-proxy/bin/` is ignored by git. */
export const hostBinaryPath = path.join(serverProxyDir, 'bin', 'sandboxhost');

const startTimeoutMs = 60_000;
const stopTimeoutMs = 10_000;

/** Returns whether a `go` command is on the PATH. */
export function goAvailable(): boolean {
    return spawnSync('go', ['version'], {stdio: 'ignore'}).status === 0;
}

/**
 * Builds `server-proxy/cmd/sandboxhost` into `server-proxy/bin/sandboxhost`. Go's build cache
 * makes a rebuild without changes take about a second.
 */
function buildHost(log: (line: string) => void): void {
    const result = spawnSync('go', ['build', '-o', hostBinaryPath, './cmd/sandboxhost'], {
        cwd: serverProxyDir,
        encoding: 'utf8',
    });
    if (result.error) {
        throw new Error(`go build of the sandbox host failed to start: ${result.error.message}`);
    }
    if (result.status !== 0) {
        log(result.stderr);
        throw new Error(`go build ./cmd/sandboxhost in ${serverProxyDir} failed: ${result.stderr}`);
    }
}

/** A running sandbox host process. */
export interface GoHost {
    /** `http://127.0.0.1:<port>` of the host. */
    url: string;
    /** Closes the host's stdin, which makes it exit, and resolves when it has exited. */
    stop(): Promise<void>;
}

/**
 * Builds and starts the sandbox host with `SANDBOX_URL` and `SANDBOX_SECRET`, and resolves
 * once it printed its port. Its stderr (the plugin's log) goes to `log` line by line.
 */
export async function startGoHost(
    sandboxUrl: string,
    secret: string,
    log: (line: string) => void,
): Promise<GoHost> {
    buildHost(log);

    const child = spawn(hostBinaryPath, [], {
        cwd: serverProxyDir,
        env: {...process.env, SANDBOX_URL: sandboxUrl, SANDBOX_SECRET: secret},
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    createInterface({input: child.stderr!}).on('line', log);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

    const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
            reject(new Error(`the sandbox host printed no port within ${startTimeoutMs} ms`));
        }, startTimeoutMs);
        const lines = createInterface({input: child.stdout!});
        lines.on('line', (line) => {
            const match = /^listening on (127\.0\.0\.1:\d+)$/.exec(line.trim());
            if (match) {
                clearTimeout(timer);
                resolve(`http://${match[1]}`);
            } else {
                log(`sandboxhost: ${line}`);
            }
        });
        child.once('exit', (code, signal) => {
            clearTimeout(timer);
            reject(new Error(`the sandbox host exited before it listened (code ${code}, ` +
                `signal ${signal}); its log lines are above`));
        });
        child.once('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
    }).catch((error: unknown) => {
        stopChild(child, exited);
        throw error;
    });

    return {url, stop: () => stopChild(child, exited)};
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return;
    }
    child.stdin?.end();

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), stopTimeoutMs);
    });
    const late = await Promise.race([exited.then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) {
        // The host ignored its closed stdin; end this one process by its own handle.
        child.kill('SIGKILL');
        await exited;
    }
}
