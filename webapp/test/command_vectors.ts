import vectorsFile from '../../testdata/command-vectors.json';

/** Types of testdata/command-vectors.json, the vectors shared with the server part. */
export interface VectorUser {
    id: string;
    username: string;
    email: string;
    roles: string;
    delete_at: number;
    is_bot: boolean;
    auth_service: string;
}

export interface VectorPlugin {
    id: string;
    name: string;
    enabled: boolean;
}

export interface VectorFixture {
    caller_id: string;
    caller_permissions: string[];
    enable_user_deactivation: boolean;

    /** Lower-cased usernames of the plugin settings that plans skip as `protected_skipped`. */
    protected_usernames: string[];
    users: VectorUser[];
    plugins: VectorPlugin[];
    own_plugin_id: string;
}

export interface VectorFlags {
    dry_run: boolean;
    include_admins: boolean;
    include_bots: boolean;
    include_never_active: boolean;
}

export interface VectorParse {
    command: string;
    flags: VectorFlags;
    targets?: Array<{kind: string; value: string; raw: string}>;
    names?: string[];
    text?: string;
    batch?: string;
    duration?: string;
    days?: number;
    reason?: {code: string; value: string};
    error?: {code: string; value: string};
}

export interface VectorPlanItem {
    target: string;
    class: string;
    id?: string;
    warnings: string[];
}

export interface Vector {
    name: string;
    line: string;
    is_command?: boolean;
    parse?: VectorParse;
    plan?: VectorPlanItem[];
    fixture_overrides?: Partial<
        Pick<VectorFixture, 'caller_id' | 'caller_permissions' | 'enable_user_deactivation' | 'protected_usernames'>
    >;
}

export const fixture = vectorsFile.fixture as VectorFixture;
export const vectors = vectorsFile.vectors as Vector[];

/** Returns the fixture with a vector's overrides applied. */
export function fixtureFor(vector: Vector): VectorFixture {
    return {...fixture, ...vector.fixture_overrides};
}
