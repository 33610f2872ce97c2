import {stableId} from './ids';
import {
    SYSTEM_ADMIN_PERMISSIONS,
    SYSTEM_USER_MANAGER_PERMISSIONS,
    SYSTEM_USER_PERMISSIONS,
} from './role-permissions';

/** A role row as `GET /roles/name/{name}` returns it. */
export interface RoleRecord {
    id: string;
    name: string;
    display_name: string;
    description: string;
    create_at: number;
    update_at: number;
    delete_at: number;
    permissions: string[];
    scheme_managed: boolean;
    built_in: boolean;
}

function adminSysconsole(prefixes: string[]): string[] {
    return SYSTEM_ADMIN_PERMISSIONS.filter((permission) =>
        prefixes.some((prefix) => permission.startsWith(prefix)),
    );
}

/** Channel and team read permissions that both delegated admin roles below hold. */
const DELEGATED_READ_PERMISSIONS = [
    'read_public_channel',
    'read_channel',
    'read_public_channel_groups',
    'read_private_channel_groups',
    'list_private_teams',
    'list_public_teams',
    'view_team',
    'read_ldap_sync_job',
];

// NOTE: the two lists below were not recorded. They follow the defaults in Mattermost's
// delegated granular administration docs. The System Manager reads and writes user-management
// groups, teams, channels and permissions, the environment, the site and the integrations. It
// only reads plugins and authentication. The Viewer reads everything.
const SYSTEM_MANAGER_PERMISSIONS = [
    ...adminSysconsole([
        'sysconsole_read_about',
        'sysconsole_read_reporting',
        'sysconsole_read_user_management_groups',
        'sysconsole_read_user_management_teams',
        'sysconsole_read_user_management_channels',
        'sysconsole_read_user_management_permissions',
        'sysconsole_write_user_management_groups',
        'sysconsole_write_user_management_teams',
        'sysconsole_write_user_management_channels',
        'sysconsole_write_user_management_permissions',
        'sysconsole_read_environment',
        'sysconsole_write_environment',
        'sysconsole_read_site',
        'sysconsole_write_site',
        'sysconsole_read_authentication',
        'sysconsole_read_plugins',
        'sysconsole_read_integrations',
        'sysconsole_write_integrations',
    ]),
    ...DELEGATED_READ_PERMISSIONS,
    'test_ldap',
];

const SYSTEM_READ_ONLY_ADMIN_PERMISSIONS = [
    ...adminSysconsole(['sysconsole_read_']),
    'read_other_users_teams',
    ...DELEGATED_READ_PERMISSIONS,
    'read_compliance_export_job',
    'read_data_retention_job',
    'read_elasticsearch_post_indexing_job',
    'read_elasticsearch_post_aggregation_job',
    'read_license_information',
    'read_audits',
];

// NOTE: team and channel scheme roles follow the 5.37 defaults from memory of `model/role.go`;
// they were not recorded. They matter only for posts and slash commands.
const TEAM_USER_PERMISSIONS = [
    'list_team_channels',
    'join_public_channels',
    'read_public_channel',
    'view_team',
    'create_public_channel',
    'create_private_channel',
    'invite_user',
    'add_user_to_team',
];

const CHANNEL_USER_PERMISSIONS = [
    'read_channel',
    'add_reaction',
    'remove_reaction',
    'manage_public_channel_members',
    'upload_file',
    'get_public_link',
    'create_post',
    'use_channel_mentions',
    'use_slash_commands',
    'manage_public_channel_properties',
    'delete_public_channel',
    'manage_private_channel_properties',
    'delete_private_channel',
    'manage_private_channel_members',
    'read_public_channel_groups',
    'read_private_channel_groups',
    'edit_post',
    'delete_post',
];

interface RoleDefinition {
    name: string;
    displayName: string;
    description: string;
    permissions: readonly string[];
    schemeManaged: boolean;
}

const ROLE_DEFINITIONS: RoleDefinition[] = [
    {
        name: 'system_admin',
        displayName: 'authentication.roles.global_admin.name',
        description: 'authentication.roles.global_admin.description',
        permissions: SYSTEM_ADMIN_PERMISSIONS,
        schemeManaged: true,
    },
    {
        name: 'system_user',
        displayName: 'authentication.roles.global_user.name',
        description: 'authentication.roles.global_user.description',
        permissions: SYSTEM_USER_PERMISSIONS,
        schemeManaged: true,
    },
    {
        name: 'system_user_manager',
        displayName: 'authentication.roles.system_user_manager.name',
        description: 'authentication.roles.system_user_manager.description',
        permissions: SYSTEM_USER_MANAGER_PERMISSIONS,
        schemeManaged: false,
    },
    {
        name: 'system_manager',
        displayName: 'authentication.roles.system_manager.name',
        description: 'authentication.roles.system_manager.description',
        permissions: SYSTEM_MANAGER_PERMISSIONS,
        schemeManaged: false,
    },
    {
        name: 'system_read_only_admin',
        displayName: 'authentication.roles.system_read_only_admin.name',
        description: 'authentication.roles.system_read_only_admin.description',
        permissions: SYSTEM_READ_ONLY_ADMIN_PERMISSIONS,
        schemeManaged: false,
    },
    {
        name: 'system_guest',
        displayName: 'authentication.roles.global_guest.name',
        description: 'authentication.roles.global_guest.description',
        permissions: ['create_direct_channel', 'create_group_channel'],
        schemeManaged: true,
    },
    {
        name: 'team_user',
        displayName: 'authentication.roles.team_user.name',
        description: 'authentication.roles.team_user.description',
        permissions: TEAM_USER_PERMISSIONS,
        schemeManaged: true,
    },
    {
        name: 'channel_user',
        displayName: 'authentication.roles.channel_user.name',
        description: 'authentication.roles.channel_user.description',
        permissions: CHANNEL_USER_PERMISSIONS,
        schemeManaged: true,
    },
];

/** Builds the built-in roles, with ids derived from their names. */
export function defaultRoles(createdAt: number): Map<string, RoleRecord> {
    const roles = new Map<string, RoleRecord>();
    for (const definition of ROLE_DEFINITIONS) {
        roles.set(definition.name, {
            id: stableId(`role:${definition.name}`),
            name: definition.name,
            display_name: definition.displayName,
            description: definition.description,
            create_at: createdAt,
            update_at: createdAt,
            delete_at: 0,
            permissions: [...definition.permissions],
            scheme_managed: definition.schemeManaged,
            built_in: true,
        });
    }
    return roles;
}

/** Roles that `PUT /users/{id}/roles` accepts without a license (`model.IsValidUserRoles`). */
export const UNLICENSED_ASSIGNABLE_ROLES = new Set(['system_user', 'system_admin', 'system_guest']);
