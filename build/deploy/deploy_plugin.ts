import {readFile} from 'node:fs/promises';
import {basename} from 'node:path';

/** Where to deploy and how to authenticate, in the starter template's variable names. */
export interface DeployOptions {
    siteUrl: string;
    bundlePath: string;
    pluginId: string;
    token?: string;
    username?: string;
    password?: string;
    log?: (line: string) => void;
}

/** A deployment step failed; `message` says what to change. */
export class DeployError extends Error {}

interface ServerError {
    status: number;
    id: string;
    message: string;
}

/** Reads the options from the environment, naming every missing variable. */
export function optionsFromEnv(env: NodeJS.ProcessEnv, bundlePath: string, pluginId: string): DeployOptions {
    const siteUrl = env.MM_SERVICESETTINGS_SITEURL;
    if (!siteUrl) {
        throw new DeployError(
            'MM_SERVICESETTINGS_SITEURL is not set: set it to the server URL, for example http://localhost:8065',
        );
    }
    const token = env.MM_ADMIN_TOKEN;
    const username = env.MM_ADMIN_USERNAME;
    const password = env.MM_ADMIN_PASSWORD;
    if (!token && !(username && password)) {
        throw new DeployError(
            'no credentials: set MM_ADMIN_TOKEN to a personal access token, or MM_ADMIN_USERNAME and MM_ADMIN_PASSWORD',
        );
    }
    return {siteUrl, bundlePath, pluginId, token, username, password};
}

/** Uploads the bundle with `force=true` and enables the plugin, as System Console > Plugins does. */
export async function deployPlugin(options: DeployOptions): Promise<void> {
    const log = options.log || ((line: string) => console.log(line));
    const api = `${options.siteUrl.replace(/\/+$/, '')}/api/v4`;
    const token = options.token || (await logIn(api, options));

    const bundle = await readFile(options.bundlePath);
    const form = new FormData();
    form.append('plugin', new Blob([bundle], {type: 'application/gzip'}), basename(options.bundlePath));
    form.append('force', 'true');
    log(`Uploading ${basename(options.bundlePath)} to ${options.siteUrl}...`);
    await send(api, 'POST', '/plugins', token, form, 'upload');

    log(`Enabling ${options.pluginId}...`);
    await send(api, 'POST', `/plugins/${encodeURIComponent(options.pluginId)}/enable`, token, undefined, 'enable');
    log(`Deployed and enabled ${options.pluginId} on ${options.siteUrl}.`);
}

async function logIn(api: string, options: DeployOptions): Promise<string> {
    const body = JSON.stringify({login_id: options.username, password: options.password});
    const response = await request(api, 'POST', '/users/login', undefined, body);
    if (!response.ok) {
        const error = await readServerError(response);
        throw new DeployError(`login as ${options.username} failed: ${explain(error, 'login')}`);
    }
    const token = response.headers.get('Token');
    if (!token) {
        throw new DeployError('login succeeded but the server sent no Token header; use MM_ADMIN_TOKEN instead');
    }
    return token;
}

async function send(
    api: string,
    method: string,
    path: string,
    token: string,
    body: FormData | undefined,
    step: 'upload' | 'enable',
): Promise<void> {
    const response = await request(api, method, path, token, body);
    if (!response.ok) {
        const error = await readServerError(response);
        throw new DeployError(`${step} failed: ${explain(error, step)}`);
    }
}

async function request(
    api: string,
    method: string,
    path: string,
    token: string | undefined,
    body: string | FormData | undefined,
): Promise<Response> {
    const headers: Record<string, string> = {'X-Requested-With': 'XMLHttpRequest'};
    if (token) {
        headers.Authorization = `Bearer ${token}`;
    }
    if (typeof body === 'string') {
        headers['Content-Type'] = 'application/json';
    }
    try {
        return await fetch(api + path, {method, headers, body});
    } catch (error) {
        const cause = (error as {cause?: {code?: string; message?: string}}).cause;
        const detail = cause?.code || cause?.message || String(error);
        throw new DeployError(
            `cannot reach ${api}${path} (${detail}): check MM_SERVICESETTINGS_SITEURL and that the server is running`,
        );
    }
}

async function readServerError(response: Response): Promise<ServerError> {
    const text = await response.text();
    try {
        const parsed = JSON.parse(text) as {id?: string; message?: string};
        return {status: response.status, id: parsed.id || '', message: parsed.message || text};
    } catch {
        return {status: response.status, id: '', message: text.trim()};
    }
}

/** Turns a server error into the fix the admin has to make. */
function explain(error: ServerError, step: 'login' | 'upload' | 'enable'): string {
    const detail = `(HTTP ${error.status}${error.id ? `, ${error.id}` : ''})`;
    switch (error.id) {
    case 'app.plugin.upload_disabled.app_error':
        return `uploads are disabled: set PluginSettings.EnableUploads to true and PluginSettings.RequirePluginSignature to false ${detail}`;
    case 'app.plugin.disabled.app_error':
        return `plugins are disabled on this server: set PluginSettings.Enable to true ${detail}`;
    case 'api.user.login.invalid_credentials_email_username':
    case 'api.user.check_user_password.invalid.app_error':
        return `wrong username or password: check MM_ADMIN_USERNAME and MM_ADMIN_PASSWORD ${detail}`;
    case 'api.context.session_expired.app_error':
        return `the token is invalid or expired: create a new personal access token for MM_ADMIN_TOKEN ${detail}`;
    default:
        break;
    }
    if (error.status === 403) {
        return `the account lacks the permission sysconsole_write_plugins: deploy as a system admin ${detail}`;
    }
    if (error.status === 413) {
        return `the bundle is larger than the server accepts: raise ServiceSettings.MaximumPayloadSizeBytes ${detail}`;
    }
    if (error.status === 401 && step === 'login') {
        return `the server refused the login: ${error.message} ${detail}`;
    }
    return `${error.message || 'the server gave no reason'} ${detail}`;
}
