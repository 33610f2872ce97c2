import {AppError, invalidBodyParam, permissionError, userNotFound} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, statusOk, type Reply} from '../http/reply';
import type {Route} from '../http/router';
import type {UserRecord} from '../records';
import {UNLICENSED_ASSIGNABLE_ROLES} from '../roles';
import {sanitizeUser} from '../sanitize';
import {USER} from './patterns';

/**
 * Mirrors `App.SessionHasPermissionToUser` (5.37): `manage_system` always passes, so does the
 * user itself; `edit_other_users` passes for an existing target that is not a system admin.
 * A nonexistent target therefore gives 403, not 404, to everyone but system admins.
 */
export function hasPermissionToUser(ctx: RequestContext, userId: string): boolean {
    if (ctx.hasPermission('manage_system') || ctx.userId === userId) {
        return true;
    }
    if (!ctx.hasPermission('edit_other_users')) {
        return false;
    }
    const target = ctx.store.users.get(userId);
    return target !== undefined && !ctx.store.isSystemAdmin(target);
}

function notEnabledError(userId: string): AppError {
    return new AppError(
        'api.user.update_active.not_enable.app_error',
        'You cannot deactivate yourself because this feature is not enabled. ' +
            'Please contact your System Administrator.',
        401,
        `userId=${userId}`,
    );
}

function requireUser(ctx: RequestContext, userId: string): UserRecord {
    const user = ctx.store.users.get(userId);
    if (!user) {
        throw userNotFound(userId);
    }
    return user;
}

/**
 * `DELETE /users/{id}` in the order of 5.37 `deleteUser`. In 5.37 a bot target goes through
 * the ordinary user checks too. `permanent=true` is refused unless `EnableAPIUserDeletion`.
 */
function deleteUser(ctx: RequestContext): Reply {
    const userId = ctx.requireUserId();
    if (!hasPermissionToUser(ctx, userId)) {
        throw permissionError(ctx.userId, 'edit_other_users');
    }
    const deactivationEnabled = ctx.store.config.TeamSettings.EnableUserDeactivation;
    if (userId === ctx.userId && !deactivationEnabled && !ctx.hasPermission('manage_system')) {
        throw notEnabledError(userId);
    }
    const user = requireUser(ctx, userId);
    if (ctx.store.isSystemAdmin(user) && !ctx.hasPermission('manage_system')) {
        throw permissionError(ctx.userId, 'manage_system');
    }

    if ((ctx.query.get('permanent') ?? '').toLowerCase() === 'true') {
        if (!ctx.store.config.ServiceSettings.EnableAPIUserDeletion) {
            throw new AppError(
                'api.user.delete_user.not_enabled.app_error',
                'Permanent user deletion feature is not enabled. ' +
                    'Please contact your System Administrator.',
                401,
                `userId=${userId}`,
            );
        }
        ctx.store.permanentDeleteUser(user.id);
        return statusOk();
    }

    ctx.store.updateActive(user, false);
    return statusOk();
}

/** `PUT /users/{id}/active` in the order of 5.37 `updateUserActive`. */
async function updateUserActive(ctx: RequestContext): Promise<Reply> {
    const userId = ctx.requireUserId();
    const props = await ctx.json();
    const active = typeof props === 'object' && props !== null ? (props as {active?: unknown}).active : undefined;
    if (typeof active !== 'boolean') {
        throw invalidBodyParam('active');
    }

    const isSelfDeactivate = !active && userId === ctx.userId;
    if (!isSelfDeactivate && !ctx.hasPermission('sysconsole_write_user_management_users')) {
        throw new AppError(
            'api.user.update_active.permissions.app_error',
            'You do not have the appropriate permissions.',
            403,
            `userId=${userId}`,
        );
    }
    if (isSelfDeactivate && !ctx.store.config.TeamSettings.EnableUserDeactivation) {
        throw notEnabledError(userId);
    }
    const user = requireUser(ctx, userId);
    if (ctx.store.isSystemAdmin(user) && !ctx.hasPermission('manage_system')) {
        throw permissionError(ctx.userId, 'manage_system');
    }
    const isGuest = user.roles.split(' ').includes('system_guest');
    if (active && isGuest && !ctx.store.config.GuestAccountsSettings.Enable) {
        throw new AppError(
            'api.user.update_active.cannot_enable_guest_when_guest_feature_is_disabled.app_error',
            'You cannot activate a guest account because Guest Access feature is not enabled.',
            401,
            `userId=${userId}`,
        );
    }

    ctx.store.updateActive(user, active);
    return statusOk();
}

/** Roles that need the `CustomPermissionsSchemes` license feature (`model.NewSystemRoleIDs`). */
const LICENSED_ROLES = new Set(['system_user_manager', 'system_read_only_admin', 'system_manager']);

/** Mirrors `model.IsValidUserRoles`: valid role names, and not `system_admin` alone. */
function isValidUserRoles(roles: string): boolean {
    const names = roles.split(/\s+/).filter(Boolean);
    if (names.length === 1 && names[0] === 'system_admin') {
        return false;
    }
    return names.every((name) => /^[a-z0-9_]{1,64}$/.test(name));
}

/** `PUT /users/{id}/roles`; the emulator, like the recorded server, has no license. */
async function updateUserRoles(ctx: RequestContext): Promise<Reply> {
    const userId = ctx.requireUserId();
    const props = (await ctx.json()) as {roles?: unknown} | undefined;
    const roles = typeof props?.roles === 'string' ? props.roles : '';
    if (!isValidUserRoles(roles)) {
        throw invalidBodyParam('roles');
    }
    const names = roles.split(/\s+/).filter(Boolean);
    if (names.some((name) => LICENSED_ROLES.has(name))) {
        throw new AppError(
            'api.user.update_user_roles.license.app_error',
            'Custom Permission Schemes not supported by current license',
            400,
        );
    }
    ctx.requirePermission('manage_roles');
    const user = requireUser(ctx, userId);
    if (names.some((name) => !UNLICENSED_ASSIGNABLE_ROLES.has(name) && !ctx.store.roles.has(name))) {
        throw new AppError(
            'app.role.get_by_name.app_error',
            'Unable to get role.',
            404,
            `roles=${roles}`,
        );
    }
    ctx.store.updateRoles(user, names.join(' '));
    return statusOk();
}

const PATCHABLE_FIELDS = ['nickname', 'first_name', 'last_name', 'position', 'locale'] as const;

/** `PUT /users/{id}/patch` for the profile fields a host page edits. */
async function patchUser(ctx: RequestContext): Promise<Reply> {
    const userId = ctx.requireUserId();
    const patch = await ctx.json();
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        throw invalidBodyParam('user');
    }
    if (!hasPermissionToUser(ctx, userId)) {
        throw permissionError(ctx.userId, 'edit_other_users');
    }
    const user = requireUser(ctx, userId);
    const fields = patch as Record<string, unknown>;
    for (const field of PATCHABLE_FIELDS) {
        const value = fields[field];
        if (typeof value === 'string') {
            user[field] = value;
        }
    }
    user.update_at = Date.now();
    const asSelf = user.id === ctx.userId;
    return jsonReply(sanitizeUser(ctx.store, user, ctx.viewer(), {asSelf}));
}

const STATUSES = new Set(['online', 'offline', 'away', 'dnd']);

/** `PUT /users/{id}/status`; only `online` is stored as not manual, as on the server. */
async function updateUserStatus(ctx: RequestContext): Promise<Reply> {
    const userId = ctx.requireUserId();
    const body = (await ctx.json()) as {user_id?: unknown; status?: unknown} | undefined;
    const status = typeof body?.status === 'string' ? body.status : '';
    if (!STATUSES.has(status)) {
        throw invalidBodyParam('status');
    }
    if (body?.user_id !== userId) {
        throw invalidBodyParam('user_id');
    }
    if (!hasPermissionToUser(ctx, userId)) {
        throw permissionError(ctx.userId, 'edit_other_users');
    }
    requireUser(ctx, userId);
    return jsonReply(ctx.store.setStatus(userId, status, status !== 'online'));
}

export function userActivationRoutes(): Route[] {
    return [
        {method: 'DELETE', pattern: USER, auth: 'session', handler: deleteUser},
        {method: 'PUT', pattern: `${USER}/active`, auth: 'session', handler: updateUserActive},
        {method: 'PUT', pattern: `${USER}/roles`, auth: 'session', handler: updateUserRoles},
        {method: 'PUT', pattern: `${USER}/patch`, auth: 'session', handler: patchUser},
        {method: 'PUT', pattern: `${USER}/status`, auth: 'session', handler: updateUserStatus},
    ];
}
