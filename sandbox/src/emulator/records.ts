/** Row types of the in-memory store, with Mattermost's JSON field names. */

export interface UserRecord {
    id: string;
    create_at: number;
    update_at: number;
    delete_at: number;
    username: string;
    password: string;
    auth_data: string;
    auth_service: string;
    email: string;
    nickname: string;
    first_name: string;
    last_name: string;
    position: string;
    roles: string;
    notify_props: Record<string, string>;
    last_password_update: number;
    locale: string;
    timezone: Record<string, string>;
    is_bot: boolean;
}

export interface BotRecord {
    user_id: string;
    display_name: string;
    description: string;
    owner_id: string;
    create_at: number;
    update_at: number;
    delete_at: number;
}

export interface SessionRecord {
    id: string;
    token: string;
    create_at: number;
    expires_at: number;
    last_activity_at: number;
    user_id: string;
    device_id: string;
    roles: string;
    is_oauth: boolean;
    expired_notify: boolean;
    props: Record<string, string>;
    local: boolean;
}

export interface AccessTokenRecord {
    id: string;
    token: string;
    user_id: string;
    description: string;
    is_active: boolean;
}

export interface StatusRecord {
    user_id: string;
    status: string;
    manual: boolean;
    last_activity_at: number;
    dnd_end_time: number;
}

export interface TeamRecord {
    id: string;
    create_at: number;
    update_at: number;
    delete_at: number;
    display_name: string;
    name: string;
    description: string;
    email: string;
    type: 'O' | 'I';
}

export interface ChannelRecord {
    id: string;
    create_at: number;
    update_at: number;
    delete_at: number;
    team_id: string;
    type: 'O' | 'P' | 'D' | 'G';
    display_name: string;
    name: string;
    header: string;
    purpose: string;
    last_post_at: number;
    creator_id: string;
}

export interface PostRecord {
    id: string;
    create_at: number;
    update_at: number;
    edit_at: number;
    delete_at: number;
    is_pinned: boolean;
    user_id: string;
    channel_id: string;
    root_id: string;
    parent_id: string;
    original_id: string;
    message: string;
    type: string;
    props: Record<string, unknown>;
    hashtags: string;
    pending_post_id: string;
}

/** A plugin manifest as uploaded; unknown keys are kept so `GET /plugins` can return them. */
export interface PluginManifest {
    id: string;
    name: string;
    description?: string;
    version: string;
    min_server_version?: string;
    homepage_url?: string;
    support_url?: string;
    release_notes_url?: string;
    icon_path?: string;
    server?: Record<string, unknown>;
    webapp?: {bundle_path: string};
    settings_schema?: Record<string, unknown>;
    props?: Record<string, unknown>;
    [key: string]: unknown;
}

/** State 3 (`PluginStateFailedToStart`) models a plugin that is enabled but did not start. */
export interface PluginRecord {
    manifest: PluginManifest;
    enabled: boolean;
    failsToStart: boolean;
    /** Returns the current webapp bundle; read at request time so rebuilt bundles show up. */
    bundle?: () => Buffer | undefined;
}
