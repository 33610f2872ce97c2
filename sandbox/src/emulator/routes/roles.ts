import {AppError, invalidBodyParam} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, type Reply} from '../http/reply';
import type {Route} from '../http/router';

const ROLE_NAME = /^[a-z0-9_]{1,64}$/;

function roleNotFound(detail: string): AppError {
    return new AppError('app.role.get_by_name.app_error', 'Unable to get role.', 404, detail);
}

/** `POST /roles/names`: no permission check; unknown names are left out of the result. */
async function getRolesByNames(ctx: RequestContext): Promise<Reply> {
    const body = await ctx.json();
    const names = Array.isArray(body) ? body : [];
    if (names.length === 0) {
        throw invalidBodyParam('rolenames');
    }
    if (names.some((name) => typeof name !== 'string' || !ROLE_NAME.test(name))) {
        throw invalidBodyParam('rolename');
    }
    const roles = (names as string[])
        .map((name) => ctx.store.roles.get(name))
        .filter((role) => role !== undefined);
    return jsonReply(roles);
}

function getRoleByName(ctx: RequestContext): Reply {
    const name = ctx.params.role_name;
    const role = ctx.store.roles.get(name);
    if (!role) {
        throw roleNotFound(`name=${name}`);
    }
    return jsonReply(role);
}

function getRoleById(ctx: RequestContext): Reply {
    const roleId = ctx.requireId('role_id');
    const role = [...ctx.store.roles.values()].find((candidate) => candidate.id === roleId);
    if (!role) {
        throw new AppError('app.role.get.app_error', 'Unable to get role.', 404, `id=${roleId}`);
    }
    return jsonReply(role);
}

export function roleRoutes(): Route[] {
    return [
        {
            method: 'POST',
            pattern: '/roles/names',
            auth: 'session',
            trustRequester: true,
            handler: getRolesByNames,
        },
        {
            method: 'GET',
            pattern: '/roles/name/{role_name:[a-z0-9_]+}',
            auth: 'session',
            trustRequester: true,
            handler: getRoleByName,
        },
        {
            method: 'GET',
            pattern: '/roles/{role_id:[A-Za-z0-9]+}',
            auth: 'session',
            trustRequester: true,
            handler: getRoleById,
        },
    ];
}
