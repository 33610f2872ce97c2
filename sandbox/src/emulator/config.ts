/** The server settings the emulator honours, named as in Mattermost's `config.json`. */
export interface EmulatorConfig {
    ServiceSettings: {
        SiteURL: string;
        EnableDeveloper: boolean;
        EnableAPIUserDeletion: boolean;
        DisableBotsWhenOwnerIsDeactivated: boolean;
        ExperimentalStrictCSRFEnforcement: boolean;
        EnableUserAccessTokens: boolean;
        EnableBotAccountCreation: boolean;
        SessionLengthWebInDays: number;
    };
    TeamSettings: {
        SiteName: string;
        EnableUserDeactivation: boolean;
    };
    PluginSettings: {
        Enable: boolean;
        EnableUploads: boolean;
        Directory: string;
        ClientDirectory: string;
        /** Plugin settings by plugin id, with lower-cased setting keys as the server stores them. */
        Plugins: Record<string, Record<string, unknown>>;
    };
    GuestAccountsSettings: {
        Enable: boolean;
    };
    PrivacySettings: {
        ShowEmailAddress: boolean;
        ShowFullName: boolean;
    };
    RateLimitSettings: {
        Enable: boolean;
        PerSec: number;
        MaxBurst: number;
        MemoryStoreSize: number;
        VaryByRemoteAddr: boolean;
        VaryByUser: boolean;
        VaryByHeader: string;
    };
}

export type DeepPartial<T> = {
    [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** Default server version, reported by `/config/client` and the `X-Version-Id` header. */
export const SERVER_VERSION = '5.37.0';
export const BUILD_NUMBER = '5.37.0';
export const BUILD_HASH = 'emulator';

/**
 * Returns the default configuration: the 5.37 defaults except `EnableDeveloper` and
 * `PluginSettings.EnableUploads`, which are on because the sandbox needs them.
 */
export function defaultConfig(): EmulatorConfig {
    return {
        ServiceSettings: {
            SiteURL: '',
            EnableDeveloper: true,
            EnableAPIUserDeletion: false,
            DisableBotsWhenOwnerIsDeactivated: true,
            ExperimentalStrictCSRFEnforcement: false,
            EnableUserAccessTokens: true,
            EnableBotAccountCreation: true,
            SessionLengthWebInDays: 180,
        },
        TeamSettings: {
            SiteName: 'Mattermost',
            EnableUserDeactivation: false,
        },
        PluginSettings: {
            Enable: true,
            EnableUploads: true,
            Directory: './plugins',
            ClientDirectory: './client/plugins',
            Plugins: {},
        },
        GuestAccountsSettings: {Enable: false},
        PrivacySettings: {ShowEmailAddress: true, ShowFullName: true},
        RateLimitSettings: {
            Enable: false,
            PerSec: 10,
            MaxBurst: 100,
            MemoryStoreSize: 10000,
            VaryByRemoteAddr: true,
            VaryByUser: false,
            VaryByHeader: '',
        },
    };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies every value of `patch` into `target`, descending into nested objects. */
export function mergeDeep<T extends object>(target: T, patch: DeepPartial<T> | undefined): T {
    if (!patch) {
        return target;
    }
    const record = target as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) {
        if (isPlainObject(value) && isPlainObject(record[key])) {
            mergeDeep(record[key] as object, value as DeepPartial<object>);
        } else if (value !== undefined) {
            record[key] = value;
        }
    }
    return target;
}

/** Builds the `GET /config/client?format=old` map: every value is a string, as the web app expects. */
export function clientConfig(config: EmulatorConfig, version = SERVER_VERSION): Record<string, string> {
    const flag = (value: boolean) => String(value);
    return {
        Version: version,
        BuildNumber: BUILD_NUMBER,
        BuildDate: '',
        BuildHash: BUILD_HASH,
        BuildHashEnterprise: 'none',
        BuildEnterpriseReady: 'false',
        SiteURL: config.ServiceSettings.SiteURL,
        SiteName: config.TeamSettings.SiteName,
        WebsocketURL: '',
        PluginsEnabled: flag(config.PluginSettings.Enable),
        EnableUserDeactivation: flag(config.TeamSettings.EnableUserDeactivation),
        EnableDeveloper: flag(config.ServiceSettings.EnableDeveloper),
        EnableBotAccountCreation: flag(config.ServiceSettings.EnableBotAccountCreation),
        EnableUserAccessTokens: flag(config.ServiceSettings.EnableUserAccessTokens),
        EnableGuestAccounts: flag(config.GuestAccountsSettings.Enable),
        ShowEmailAddress: flag(config.PrivacySettings.ShowEmailAddress),
        ShowFullName: flag(config.PrivacySettings.ShowFullName),
        EnableSignInWithEmail: 'true',
        EnableSignInWithUsername: 'true',
        EnableSignUpWithEmail: 'true',
        EnableCustomEmoji: 'false',
        DiagnosticsEnabled: 'false',
        NoAccounts: 'false',
        IsLicensed: 'false',
    };
}
