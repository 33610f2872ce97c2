import type {ReplayResponse} from './replay_server';

function appError(id: string, message: string, status: number, detailedError = ''): string {
    return JSON.stringify({id, message, detailed_error: detailedError, request_id: 'r1', status_code: status});
}

/**
 * Error responses as a Mattermost 5.37 server (Team Edition, EnableDeveloper on) sent them, with
 * ids and tokens replaced. The 429 and 501 bodies were not recorded: they follow
 * server/channels/app/ratelimit.go (`http.Error(w, "limit exceeded", 429)`) and
 * server/channels/api4/plugin.go (`app.plugin.disabled.app_error`).
 */
export const recordedErrors = {
    selfDeactivationDisabled: {
        status: 401,
        body: appError(
            'api.user.update_active.not_enable.app_error',
            'You cannot deactivate yourself because this feature is not enabled. Please contact your System Administrator.',
            401,
            'userId=actor',
        ),
    },
    updateActivePermission: {
        status: 403,
        body: appError('api.user.update_active.permissions.app_error', 'You do not have the appropriate permissions.', 403),
    },
    contextPermission: {
        status: 403,
        body: appError(
            'api.context.permissions.app_error',
            'You do not have the appropriate permissions.',
            403,
            'userId=actor, permission=sysconsole_read_plugins,',
        ),
    },
    userMissing: {
        status: 404,
        body: appError('app.user.missing_account.const', 'Unable to find the user.', 404, 'resource: User id: nobody'),
    },
    usernameMissing: {
        status: 404,
        body: appError(
            'app.user.get_by_username.app_error',
            'Unable to find an existing account matching your username for this team. This team may require an invite from the team owner to join.',
            404,
        ),
    },
    botMissing: {
        status: 404,
        body: appError('store.sql_bot.get.missing.app_error', 'Bot does not exist.', 404),
    },
    pluginMissing: {
        status: 404,
        body: appError('app.plugin.not_installed.app_error', 'Plugin is not installed.', 404),
    },
    routerNotFound: {
        status: 404,
        contentType: 'text/plain; charset=utf-8',
        body: JSON.stringify({
            id: 'api.context.404.app_error',
            message: 'Sorry, we could not find the page.',
            detailed_error: "There doesn't appear to be an api call for the url='/api/v4/plugins/probe/deactivate'.",
            status_code: 404,
        }),
    },
    sessionExpired: {
        status: 401,
        body: appError('api.context.session_expired.app_error', 'Invalid or expired session, please login again.', 401, 'token=x'),
    },
    csrfRejected: {
        status: 401,
        body: appError(
            'api.context.session_expired.app_error',
            'Invalid or expired session, please login again.',
            401,
            'token=x Appears to be a CSRF attempt',
        ),
    },
    emailInvalid: {
        status: 400,
        body: appError('api.context.invalid_url_param.app_error', 'Invalid or missing email parameter in request URL.', 400),
    },
    okWithAppendedError: {
        status: 200,
        body:
            '[{"id":"u1","username":"admin2","roles":"system_admin system_user","delete_at":0}]' +
            appError('api.context.invalid_url_param.app_error', 'Invalid or missing inactive parameter in request URL.', 400),
    },
    statusOkWithAppendedError: {
        status: 200,
        body:
            '{"status":"OK"}' +
            appError('app.user.update_active.user_limit.exceeded', 'The user limit was exceeded.', 400),
    },
    pluginsDisabled: {
        status: 501,
        body: appError('app.plugin.disabled.app_error', 'Plugins have been disabled. Please check your logs for details.', 501),
    },
    rateLimited: {
        status: 429,
        contentType: 'text/plain; charset=utf-8',
        body: 'limit exceeded\n',
        headers: {'Retry-After': '3', 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '3'},
    },
    hardenedServerError: {
        status: 500,
        body: JSON.stringify({id: '', message: 'Internal Server Error', detailed_error: '', status_code: 500}),
    },
} satisfies Record<string, ReplayResponse>;
