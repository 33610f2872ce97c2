import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useIntl} from 'react-intl';

import {loadCaller} from '../hook/caller';
import type {Caller} from '../plan';

import {cancelAllBatches} from './batch/batch_runner';
import {describeError} from './describe_error';
import {HistoryTab} from './history/history_tab';
import {panelMessages as messages, settingsMessages} from './messages';
import {PLUGIN_READ_PERMISSION, USER_WRITE_PERMISSION, missingPermission} from './permissions';
import {panelStyles as styles} from './panel_styles';
import {PluginsTab} from './plugins/plugins_tab';
import {readPanelSettings, readSavedPanelSettings} from './settings/panel_settings';
import type {PanelSettings} from './settings/panel_settings';
import {SettingsTab} from './settings/settings_tab';
import type {CustomSettingProps, PanelDeps} from './types';
import {UsersTab} from './users/users_tab';

type TabName = 'users' | 'plugins' | 'history' | 'settings';

const TABS: TabName[] = ['users', 'plugins', 'history', 'settings'];

// Permissions each section needs before it can act. History needs none of its own: the server
// part lists only the caller's batches and checks again on undo.
const NEEDED: Record<TabName, string[]> = {
    users: [USER_WRITE_PERMISSION],
    plugins: [PLUGIN_READ_PERMISSION],
    history: [],
    settings: [],
};

const TAB_LABELS = {users: messages.tabUsers, plugins: messages.tabPlugins, history: messages.tabHistory, settings: messages.tabSettings};

/**
 * Renders the System Console panel, which webpack loads as its own chunk. The tabs follow the
 * WAI-ARIA tabs pattern: Tab reaches the selected tab, and Left and Right move between tabs.
 */
export default function ConsolePanel(props: CustomSettingProps & {deps: PanelDeps}) {
    const {deps} = props;
    const intl = useIntl();
    const [tab, setTab] = useState<TabName>('users');
    const [caller, setCaller] = useState<Caller>();
    const [error, setError] = useState('');
    // The Settings tab edits the form's value; every other tab plans with the saved config, so
    // an edit takes effect only after the page's Save.
    const [draft, setDraft] = useState<PanelSettings>(() => readPanelSettings(props.value));
    const settings = useMemo(() => readSavedPanelSettings(props.config, deps.ownPluginId, props.id), [props.config, deps.ownPluginId, props.id]);
    const invalidReason = useRef('');
    const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

    useEffect(() => {
        loadCaller(deps.store, deps.rest).then(setCaller, (caught: unknown) => setError(describeError(caught, intl)));
    }, [deps, intl]);

    // Leaving for another System Console page unmounts the panel: its batches stop, and each
    // records the writes that finished, so they can be undone from the history.
    useEffect(() => cancelAllBatches, []);

    useEffect(() => {
        setDraft(readPanelSettings(props.value));
    }, [props.value]);

    // Save runs this after it wrote the config, and shows the error it returns.
    const {registerSaveAction, unRegisterSaveAction} = props;
    useEffect(() => {
        const checkSettings = async () => {
            if (invalidReason.current === '') {
                return {};
            }
            return {error: {message: intl.formatMessage(settingsMessages.saveInvalid, {reason: invalidReason.current})}};
        };
        registerSaveAction(checkSettings);
        return () => unRegisterSaveAction(checkSettings);
    }, [registerSaveAction, unRegisterSaveAction, intl]);

    const changeSettings = (next: PanelSettings) => {
        setDraft(next);
        props.onChange(props.id, next);
        props.setSaveNeeded();
    };

    const markInvalid = useCallback((reason: string) => {
        invalidReason.current = reason;
    }, []);

    const moveTab = (event: React.KeyboardEvent, current: TabName) => {
        const step = {ArrowRight: 1, ArrowLeft: -1}[event.key as 'ArrowRight' | 'ArrowLeft'];
        if (step === undefined) {
            return;
        }
        event.preventDefault();
        const next = TABS[(TABS.indexOf(current) + step + TABS.length) % TABS.length];
        setTab(next);
        tabRefs.current[next]?.focus();
    };

    const renderTab = () => {
        if (!caller) {
            return error ? <p style={styles.error} role='alert'>{intl.formatMessage(messages.loadFailed, {reason: error})}</p> : <p role='status'>{intl.formatMessage(messages.loading)}</p>;
        }
        const missing = missingPermission(caller, NEEDED[tab]);
        if (missing) {
            return (
                <p
                    style={styles.warning}
                    role='alert'
                    data-testid='deactivate-missing-permission'
                >
                    {intl.formatMessage(messages.missingPermission, {permission: <code key='permission'>{missing}</code>})}
                </p>
            );
        }
        switch (tab) {
        case 'users':
            return <UsersTab deps={deps} caller={caller} settings={settings}/>;
        case 'plugins':
            return <PluginsTab deps={deps} caller={caller} settings={settings}/>;
        case 'history':
            return <HistoryTab deps={deps} settings={settings}/>;
        case 'settings':
            return (
                <SettingsTab
                    settings={draft}
                    disabled={props.disabled}
                    onChange={changeSettings}
                    onInvalid={markInvalid}
                />
            );
        }
    };

    return (
        <section
            style={styles.panel}
            aria-labelledby='deactivate-console-title'
            data-testid='deactivate-console'
        >
            <h3
                id='deactivate-console-title'
                style={styles.title}
            >
                {intl.formatMessage(messages.title)}
            </h3>
            <div
                role='tablist'
                aria-label={intl.formatMessage(messages.title)}
                style={styles.tabs}
            >
                {TABS.map((name) => (
                    <button
                        key={name}
                        ref={(element) => {
                            tabRefs.current[name] = element;
                        }}
                        type='button'
                        role='tab'
                        id={`deactivate-tab-${name}`}
                        aria-selected={tab === name}
                        aria-controls={`deactivate-tabpanel-${name}`}
                        tabIndex={tab === name ? 0 : -1}
                        style={tab === name ? styles.tabActive : styles.tab}
                        onClick={() => setTab(name)}
                        onKeyDown={(event) => moveTab(event, name)}
                        data-testid={`deactivate-tab-${name}`}
                    >
                        {intl.formatMessage(TAB_LABELS[name])}
                    </button>
                ))}
            </div>
            <div
                role='tabpanel'
                id={`deactivate-tabpanel-${tab}`}
                aria-labelledby={`deactivate-tab-${tab}`}
            >
                {renderTab()}
            </div>
        </section>
    );
}
