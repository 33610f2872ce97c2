import type {IncomingMessage} from 'node:http';

import type {EmulatorStore} from '../emulator/index';

function header(req: IncomingMessage, name: string): string {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] ?? '' : value ?? '';
}

function cookieValue(req: IncomingMessage, name: string): string {
    for (const part of header(req, 'cookie').split(';')) {
        const index = part.indexOf('=');
        if (index > 0 && part.slice(0, index).trim() === name) {
            return part.slice(index + 1).trim();
        }
    }
    return '';
}

/**
 * Returns the user id of a request's valid session, or '' when there is none, the way the
 * server's `servePluginRequest` decides which `Mattermost-User-Id` to set
 * (server/channels/app/plugin_requests.go). The token comes from the `Authorization` header,
 * the `MMAUTHTOKEN` cookie or the `access_token` query parameter. A cookie session on a request
 * other than GET also needs `X-CSRF-Token` equal to the session's CSRF token, or
 * `X-Requested-With: XMLHttpRequest` unless `ExperimentalStrictCSRFEnforcement` is on; without
 * it the request goes on without a user id.
 */
export function callerUserId(req: IncomingMessage, store: EmulatorStore): string {
    let token = '';
    let fromCookie = false;
    const authorization = /^(bearer|token) (.+)$/i.exec(header(req, 'authorization'));
    if (authorization) {
        token = authorization[2].trim();
    } else if (cookieValue(req, 'MMAUTHTOKEN')) {
        token = cookieValue(req, 'MMAUTHTOKEN');
        fromCookie = true;
    } else {
        token = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('access_token') ?? '';
    }

    const session = token ? store.sessionForToken(token) : undefined;
    if (!session) {
        return '';
    }

    const method = (req.method ?? 'GET').toUpperCase();
    if (fromCookie && method !== 'GET') {
        const csrf = header(req, 'x-csrf-token');
        let passed = csrf !== '' && csrf === session.props.csrf;
        if (!passed && header(req, 'x-requested-with') === 'XMLHttpRequest') {
            passed = !store.config.ServiceSettings.ExperimentalStrictCSRFEnforcement;
        }
        if (!passed) {
            return '';
        }
    }

    return session.user_id;
}
