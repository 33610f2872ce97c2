/**
 * The value of the `ConsolePanel` custom setting, stored by the System Console at
 * `PluginSettings.Plugins.app.deactivate.consolepanel`. The server part reads the same object
 * from the plugin configuration.
 */
export interface PanelSettings {
    /** Usernames, lower-cased, that the panel never deactivates. */
    protected_usernames: string[];
    /** Default of the "inactive for at least N days" filter. */
    inactive_days: number;
    /** A batch that deactivates more users than this asks the admin to type the count. */
    confirm_threshold: number;
    /** Channel id for a short summary of each batch; empty for none. */
    summary_channel_id: string;
}

export const defaultPanelSettings: PanelSettings = {
    protected_usernames: [],
    inactive_days: 180,
    confirm_threshold: 25,
    summary_channel_id: '',
};

/** Whole numbers the number settings accept, inclusive. */
export const SETTING_RANGES = {
    inactive_days: {min: 1, max: 36500},
    confirm_threshold: {min: 0, max: 1000000},
} as const;

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
        return fallback;
    }
    return number;
}

/**
 * Reads a stored value, which may be missing, from an older version or edited by hand in
 * config.json. Anything invalid falls back to its default.
 */
export function readPanelSettings(value: unknown): PanelSettings {
    const stored = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    const names = Array.isArray(stored.protected_usernames) ? stored.protected_usernames : [];
    return {
        protected_usernames: normalizeUsernames(names.filter((name): name is string => typeof name === 'string')),
        inactive_days: wholeNumber(stored.inactive_days, defaultPanelSettings.inactive_days, SETTING_RANGES.inactive_days.min, SETTING_RANGES.inactive_days.max),
        confirm_threshold: wholeNumber(stored.confirm_threshold, defaultPanelSettings.confirm_threshold, SETTING_RANGES.confirm_threshold.min, SETTING_RANGES.confirm_threshold.max),
        summary_channel_id: typeof stored.summary_channel_id === 'string' ? stored.summary_channel_id.trim() : '',
    };
}

/**
 * Reads the saved value of a custom setting from the stored config
 * (`PluginSettings.Plugins.<plugin id>.<lower-cased key>`), which changes only on Save.
 */
export function readSavedPanelSettings(config: unknown, pluginId: string, settingKey: string): PanelSettings {
    const plugins = (config as {PluginSettings?: {Plugins?: Record<string, Record<string, unknown>>}} | undefined)?.PluginSettings?.Plugins;
    return readPanelSettings(plugins?.[pluginId]?.[settingKey.toLowerCase()]);
}

/** Lower-cases usernames, drops a leading `@` and blanks, and keeps each name once. */
export function normalizeUsernames(names: string[]): string[] {
    const cleaned = names.map((name) => name.trim().replace(/^@/, '').toLowerCase()).filter(Boolean);
    return [...new Set(cleaned)];
}
