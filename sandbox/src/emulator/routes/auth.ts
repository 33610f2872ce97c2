import {now} from '../clock';
import {AppError, invalidBodyParam, permissionError} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, statusOk, type Reply} from '../http/reply';
import {headerValue} from '../http/request';
import type {Route} from '../http/router';
import {newToken} from '../ids';
import type {SessionRecord, UserRecord} from '../records';
import {sanitizeUser, sessionJson} from '../sanitize';
import {hasPermissionToUser} from './user-activation';
import {USER, USERS} from './patterns';

function stringProp(props: unknown, name: string): string {
    if (typeof props !== 'object' || props === null) {
        return '';
    }
    const value = (props as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : '';
}

/** Reads the operating system from a User-Agent the way the server's session props name it. */
function platformOf(userAgent: string): string {
    if (/Windows/.test(userAgent)) {
        return 'Windows';
    }
    if (/Macintosh|Mac OS/.test(userAgent)) {
        return 'Macintosh';
    }
    if (/Linux|X11/.test(userAgent)) {
        return 'Linux';
    }
    return 'Unknown';
}

function browserOf(userAgent: string): string {
    const match = /(Firefox|Edg|Chrome|Safari)\/(\d+\.\d+)/.exec(userAgent);
    return match ? `${match[1]}/${match[2]}` : 'Unknown/0.0';
}

function invalidCredentials(): AppError {
    return new AppError(
        'api.user.login.invalid_credentials_email_username',
        'Enter a valid email or username and/or password.',
        401,
    );
}

/**
 * Checks a password login like `AuthenticateUserForLogin`: an unknown user and a wrong
 * password both give the masked 401, SSO accounts must use their provider, and the inactive
 * check comes after the password check.
 */
function authenticate(ctx: RequestContext, loginId: string, password: string): UserRecord {
    if (password === '') {
        throw new AppError(
            'api.user.login.blank_pwd.app_error',
            'Password field must not be blank',
            400,
        );
    }
    const user = ctx.store.userByUsername(loginId.toLowerCase()) ?? ctx.store.userByEmail(loginId);
    if (!user) {
        throw invalidCredentials();
    }
    if (user.auth_service === 'ldap') {
        throw new AppError(
            'api.user.login_ldap.not_available.app_error',
            'AD/LDAP is not available on this server',
            501,
        );
    }
    if (user.auth_service !== '') {
        const service = user.auth_service === 'saml' ? 'SAML' : user.auth_service;
        throw new AppError(
            'api.user.login.use_auth_service.app_error',
            `Please sign in using ${service}.`,
            400,
        );
    }
    if (user.is_bot) {
        throw new AppError(
            'api.user.login.bot_login_forbidden.app_error',
            'Bot login is forbidden.',
            401,
            `user_id=${user.id}`,
        );
    }
    if (user.password !== password) {
        throw invalidCredentials();
    }
    if (user.delete_at !== 0) {
        throw new AppError(
            'api.user.login.inactive.app_error',
            'Login failed because your account has been deactivated.  Please contact an administrator.',
            401,
            `user_id=${user.id}`,
        );
    }
    return user;
}

/** Builds the three cookies of `AttachSessionCookies`; only the token cookie is HttpOnly. */
function sessionCookies(ctx: RequestContext, session: SessionRecord): string[] {
    const maxAge = ctx.store.config.ServiceSettings.SessionLengthWebInDays * 24 * 3600;
    const expires = new Date(Date.now() + maxAge * 1000).toUTCString();
    const attributes = `Path=/; Expires=${expires}; Max-Age=${maxAge}`;
    return [
        `MMAUTHTOKEN=${session.token}; ${attributes}; HttpOnly`,
        `MMUSERID=${session.user_id}; ${attributes}`,
        `MMCSRF=${session.props.csrf}; ${attributes}`,
    ];
}

/**
 * `POST /users/login`. The `Token` header is always set; cookies only when the request carries
 * `X-Requested-With: XMLHttpRequest`, as the 5.37 server does.
 */
async function login(ctx: RequestContext): Promise<Reply> {
    const props = await ctx.json();
    const user = authenticate(ctx, stringProp(props, 'login_id'), stringProp(props, 'password'));

    const userAgent = headerValue(ctx.req, 'user-agent');
    const platform = platformOf(userAgent);
    ctx.store.lastLogins.set(user.id, now());
    const session = ctx.store.createSession({
        userId: user.id,
        props: {
            browser: browserOf(userAgent),
            csrf: newToken(),
            isMobile: 'false',
            isOAuthUser: 'false',
            isSaml: 'false',
            is_guest: String(user.roles.split(' ').includes('system_guest')),
            os: platform,
            platform,
        },
    });
    session.device_id = stringProp(props, 'device_id');

    const headers: Record<string, string | string[]> = {Token: session.token};
    if (headerValue(ctx.req, 'x-requested-with') === 'XMLHttpRequest') {
        headers['Set-Cookie'] = sessionCookies(ctx, session);
    }
    const viewer = {userId: user.id, isAdmin: ctx.store.hasPermission(user.id, 'manage_system')};
    return {status: 200, json: sanitizeUser(ctx.store, user, viewer, {asSelf: true}), headers};
}

/** `POST /users/logout`: clears the cookies and revokes the caller's session if there is one. */
function logout(ctx: RequestContext): Reply {
    if (ctx.session) {
        ctx.store.sessions.delete(ctx.session.token);
    }
    const expired = 'Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
    const reply = statusOk();
    reply.headers = {
        'Set-Cookie': [`MMAUTHTOKEN=; ${expired}`, `MMUSERID=; ${expired}`, `MMCSRF=; ${expired}`],
    };
    return reply;
}

/** `GET /users/{id}/sessions`: sanitised sessions, most recently active first. */
function getSessions(ctx: RequestContext): Reply {
    const userId = ctx.requireUserId();
    if (!hasPermissionToUser(ctx, userId)) {
        throw permissionError(ctx.userId, 'edit_other_users');
    }
    const sessions = [...ctx.store.sessions.values()]
        .filter((session) => session.user_id === userId)
        .sort((a, b) => b.last_activity_at - a.last_activity_at);
    return jsonReply(sessions.map((session) => sessionJson(ctx.store, session)));
}

/** `POST /users/{id}/tokens`: creates a personal access token and returns it once. */
async function createUserAccessToken(ctx: RequestContext): Promise<Reply> {
    const userId = ctx.requireUserId();
    const description = stringProp(await ctx.json(), 'description');
    if (description === '') {
        throw invalidBodyParam('description');
    }
    if (!ctx.store.config.ServiceSettings.EnableUserAccessTokens) {
        throw new AppError(
            'api.user.create_user_access_token.disabled.app_error',
            'Personal access tokens are disabled on this server. ' +
                'Please contact your system administrator for details.',
            501,
        );
    }
    ctx.requirePermission('create_user_access_token');
    if (!hasPermissionToUser(ctx, userId)) {
        throw permissionError(ctx.userId, 'edit_other_users');
    }
    const record = ctx.store.createAccessToken(userId, description);
    return jsonReply({...record});
}

export function authRoutes(): Route[] {
    return [
        {method: 'POST', pattern: `${USERS}/login`, auth: 'optional', handler: login},
        {method: 'POST', pattern: `${USERS}/logout`, auth: 'optional', handler: logout},
        {method: 'GET', pattern: `${USER}/sessions`, auth: 'session', handler: getSessions},
        {method: 'POST', pattern: `${USER}/tokens`, auth: 'session', handler: createUserAccessToken},
    ];
}

