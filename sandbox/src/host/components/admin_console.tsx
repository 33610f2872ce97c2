import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useSelector, useStore} from 'react-redux';

import {haveISystemPermission} from 'mattermost-redux/selectors/entities/roles';

import {Client4} from '../client';
import {loadAdminData} from '../session';
import type {AdminConsoleCustomComponent} from '../store/plugins_types';
import type {HostStore} from '../store/store';

import {AdminSettingInput} from './admin_setting_input';
import type {PluginSetting} from './admin_setting_input';
import {PluginErrorBoundary} from './plugin_error_boundary';
import {Markdown, SettingRow} from './setting_row';

type SaveAction = () => Promise<{error?: {message?: string}} | undefined> | unknown;

interface PluginManifest {
    id: string;
    name: string;
    settings_schema?: {header?: string; footer?: string; settings?: PluginSetting[]};
}

/** Words a failed `PUT /api/v4/config/patch` with the server's text, error id and status. */
function describeSaveError(error: any): string {
    const details = [error?.server_error_id, error?.status_code ? `HTTP ${error.status_code}` : '']
        .filter(Boolean)
        .join(', ');
    const text = `Saving the configuration failed: ${error?.message || String(error)}`;
    return details ? `${text} (${details})` : text;
}

const noCustomComponents: Record<string, AdminConsoleCustomComponent> = {};

/** Text shown in place of a `custom` setting whose plugin registered no component. */
export const missingCustomSettingText =
    'In order to view this setting, enable the plugin and click Save.';

/**
 * Renders the System Console page of one plugin (`/admin_console/plugins/plugin_<id>`), modelled
 * on the web app's `SchemaAdminSettings`. Each `settings_schema` setting shows its value from
 * `PluginSettings.Plugins.<id>.<lower-cased key>`. A `custom` setting renders the component the
 * plugin registered, or a banner when there is none. Save patches the config and then runs every
 * registered save action.
 */
export function AdminConsole({pluginId}: {pluginId: string}) {
    const store = useStore() as HostStore;
    const [manifest, setManifest] = useState<PluginManifest | null>(null);
    const [enabled, setEnabled] = useState(false);
    const [config, setConfig] = useState<any>(null);
    const [loadError, setLoadError] = useState('');
    const [values, setValues] = useState<Record<string, unknown>>({});
    const [saveNeeded, setSaveNeeded] = useState(false);
    const [saving, setSaving] = useState(false);
    const [saveError, setSaveError] = useState('');
    const [showConfirmId, setShowConfirmId] = useState('');
    const saveActions = useRef<SaveAction[]>([]);
    const saveRef = useRef<() => Promise<void>>();
    const [submitRequested, setSubmitRequested] = useState(false);

    const customComponents = useSelector(
        (state: any) => state.plugins.adminConsoleCustomComponents[pluginId] ?? noCustomComponents,
    ) as Record<string, AdminConsoleCustomComponent>;
    const license = useSelector((state: any) => state.entities.general.license);
    const canWrite = useSelector((state: any) =>
        haveISystemPermission(state, {permission: 'sysconsole_write_plugins'}),
    );

    useEffect(() => {
        loadAdminData(store).then(
            ({config: loadedConfig, plugins}) => {
                const active = (plugins as any).active as PluginManifest[];
                const all = [...active, ...((plugins as any).inactive as PluginManifest[])];
                const found = all.find((item) => item.id === pluginId);
                if (!found) {
                    setLoadError(`plugin ${pluginId} is not in the GET /api/v4/plugins list`);
                    return;
                }
                setManifest(found);
                setEnabled(active.some((item) => item.id === pluginId));
                setConfig(loadedConfig);
                setValues({...((loadedConfig as any).PluginSettings?.Plugins?.[pluginId] ?? {})});
            },
            (caught: any) => setLoadError(caught?.message || String(caught)),
        );
    }, [store, pluginId]);

    const handleChange = useCallback(
        (id: string, value: unknown, confirm?: boolean, doSubmit?: boolean) => {
            setValues((current) => ({...current, [id.toLowerCase()]: value}));
            setSaveNeeded(true);
            if (confirm) {
                setShowConfirmId(id);
            }
            if (doSubmit) {
                setSubmitRequested(true);
            }
        },
        [],
    );

    // `onChange(..., doSubmit)` saves after the new value has rendered, so the save includes it.
    useEffect(() => {
        if (submitRequested) {
            setSubmitRequested(false);
            saveRef.current?.();
        }
    }, [submitRequested]);

    const customProps = useMemo(
        () => ({
            registerSaveAction: (action: SaveAction) => {
                saveActions.current.push(action);
            },
            unRegisterSaveAction: (action: SaveAction) => {
                saveActions.current = saveActions.current.filter((item) => item !== action);
            },
            setSaveNeeded: () => setSaveNeeded(true),
            cancelSubmit: () => setShowConfirmId(''),
        }),
        [],
    );

    if (loadError) {
        return (
            <div
                className='page-error'
                role='alert'
            >
                {`System Console failed to load: ${loadError}`}
            </div>
        );
    }
    if (!manifest || !config) {
        return <div className='loading'>{'Loading System Console...'}</div>;
    }

    const disabled = !enabled || !canWrite;
    const schema = manifest.settings_schema;

    const save = async () => {
        setSaving(true);
        setSaveError('');
        try {
            // Only changed values are patched, so a form that only a save action made dirty
            // sends no config write. The web app patches on every save.
            const stored = config.PluginSettings?.Plugins?.[pluginId] ?? {};
            if (JSON.stringify(stored) !== JSON.stringify(values)) {
                const plugins = {...config.PluginSettings?.Plugins, [pluginId]: values};
                const patch = {PluginSettings: {Plugins: plugins}} as any;
                const updated = await Client4.patchConfig(patch);
                setConfig(updated);
            }

            const errors: string[] = [];
            for (const action of saveActions.current) {
                const result = (await action()) as {error?: {message?: string}} | undefined;
                if (result?.error?.message) {
                    errors.push(result.error.message);
                }
            }
            if (errors.length > 0) {
                setSaveError(errors.join(' '));
            } else {
                setSaveNeeded(false);
            }
        } catch (caught: any) {
            setSaveError(describeSaveError(caught));
        } finally {
            setSaving(false);
        }
    };
    saveRef.current = save;

    const renderSetting = (setting: PluginSetting) => {
        const key = setting.key.toLowerCase();
        const inputId = `PluginSettings.Plugins.${pluginId}.${key}`;
        const value = key in values ? values[key] : setting.default;

        if (setting.type === 'custom') {
            const registered = customComponents[key];
            if (!registered) {
                return (
                    <div
                        key={key}
                        className='setting-banner'
                        data-testid='custom-setting-missing'
                    >
                        {missingCustomSettingText}
                    </div>
                );
            }

            const Component = registered.component;
            const component = (
                <PluginErrorBoundary pluginId={pluginId}>
                    <Component
                        id={setting.key}
                        label={setting.display_name ?? ''}
                        helpText={<Markdown text={setting.help_text}/>}
                        value={value}
                        disabled={disabled}
                        config={config}
                        license={license}
                        // NOTE: `GET /config/environment` is not read, so this is always false.
                        setByEnv={false}
                        onChange={handleChange}
                        showConfirm={showConfirmId === setting.key}
                        {...customProps}
                    />
                </PluginErrorBoundary>
            );

            if (!registered.options.showTitle) {
                return (
                    <div
                        key={key}
                        className='setting-row setting-row--full'
                        data-testid={`setting-${key}`}
                    >
                        {component}
                    </div>
                );
            }
            return (
                <SettingRow
                    key={key}
                    settingKey={key}
                    inputId={inputId}
                    label={setting.display_name}
                    helpText={setting.help_text}
                >
                    {component}
                </SettingRow>
            );
        }

        return (
            <SettingRow
                key={key}
                settingKey={key}
                inputId={inputId}
                label={setting.display_name}
                helpText={setting.help_text}
            >
                <AdminSettingInput
                    setting={setting}
                    inputId={inputId}
                    value={value}
                    disabled={disabled}
                    onChange={(next) => handleChange(setting.key, next)}
                />
            </SettingRow>
        );
    };

    return (
        <main
            className='admin-console'
            data-testid='admin-console'
        >
            <h2>{manifest.name}</h2>
            {!schema?.settings?.length && <p>{'This plugin has no settings.'}</p>}
            <div className='admin-header'>
                <Markdown text={schema?.header}/>
            </div>
            {(schema?.settings ?? []).map(renderSetting)}
            <div className='admin-footer'>
                <Markdown text={schema?.footer}/>
            </div>
            <div className='admin-save'>
                <button
                    type='button'
                    className='btn btn-primary'
                    data-testid='admin-save'
                    disabled={saving || !saveNeeded}
                    onClick={save}
                >
                    {saving ? 'Saving...' : 'Save'}
                </button>
                {saveError && (
                    <span
                        className='editor-error'
                        data-testid='admin-save-error'
                        role='alert'
                    >
                        {saveError}
                    </span>
                )}
            </div>
        </main>
    );
}
