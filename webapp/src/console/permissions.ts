import type {Caller} from '../plan';

export const USER_WRITE_PERMISSION = 'sysconsole_write_user_management_users';
export const PLUGIN_READ_PERMISSION = 'sysconsole_read_plugins';
export const PLUGIN_WRITE_PERMISSION = 'sysconsole_write_plugins';

/** Returns the first permission of `needed` the caller lacks, or undefined when it has them all. */
export function missingPermission(caller: Caller, needed: string[]): string | undefined {
    return needed.find((permission) => !caller.permissions.has(permission));
}
