/**
 * A Mattermost `model.AppError`. Handlers throw it; the pipeline serialises it with the
 * request id and wipes `detailed_error` unless `ServiceSettings.EnableDeveloper` is on.
 */
export class AppError extends Error {
    constructor(
        readonly id: string,
        message: string,
        readonly statusCode: number,
        readonly detailedError = '',
    ) {
        super(message);
        this.name = 'AppError';
    }
}

/** 403 `api.context.permissions.app_error`, with the detail format of `MakePermissionError`. */
export function permissionError(userId: string, ...permissions: string[]): AppError {
    const detail = `userId=${userId}, permission=${permissions.map((p) => `${p},`).join('')}`;
    return new AppError(
        'api.context.permissions.app_error',
        'You do not have the appropriate permissions.',
        403,
        detail,
    );
}

/** 400 `api.context.invalid_url_param.app_error` for a path or query parameter. */
export function invalidUrlParam(name: string): AppError {
    return new AppError(
        'api.context.invalid_url_param.app_error',
        `Invalid or missing ${name} parameter in request URL.`,
        400,
    );
}

/** 400 `api.context.invalid_body_param.app_error` for a body field. */
export function invalidBodyParam(name: string): AppError {
    return new AppError(
        'api.context.invalid_body_param.app_error',
        `Invalid or missing ${name} in request body.`,
        400,
    );
}

/** 401 `api.context.session_expired.app_error`. */
export function sessionExpired(detail: string): AppError {
    return new AppError(
        'api.context.session_expired.app_error',
        'Invalid or expired session, please login again.',
        401,
        detail,
    );
}

/** 404 `app.user.missing_account.const` with the store's `resource: User id: …` detail. */
export function userNotFound(lookup: string): AppError {
    return new AppError(
        'app.user.missing_account.const',
        'Unable to find the user.',
        404,
        `resource: User id: ${lookup}`,
    );
}

/** 404 `store.sql_bot.get.missing.app_error`, also used to hide that a user is a bot. */
export function botNotFound(): AppError {
    return new AppError('store.sql_bot.get.missing.app_error', 'Bot does not exist.', 404);
}

/** 404 `app.plugin.not_installed.app_error`. */
export function pluginNotInstalled(): AppError {
    return new AppError('app.plugin.not_installed.app_error', 'Plugin is not installed.', 404);
}

/** 501 `app.plugin.disabled.app_error`, returned by every plugin route while plugins are off. */
export function pluginsDisabled(): AppError {
    return new AppError('app.plugin.disabled.app_error', 'Plugins have been disabled.', 501);
}
