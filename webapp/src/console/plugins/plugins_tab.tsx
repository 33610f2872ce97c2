import React, {useCallback, useEffect, useState} from 'react';
import {useIntl} from 'react-intl';
import type {PluginStatus} from '@mattermost/types/plugins';

import {confirmMessages} from '../../confirm/messages';
import {executePlan, listInstalledPlugins, planPlugins} from '../../plan';
import type {Caller, InstalledPlugin, Plan} from '../../plan';

import {BatchFlow} from '../batch/batch_flow';
import {BatchJobView} from '../batch/batch_job_view';
import {sectionRunner, useBatchJob} from '../batch/batch_runner';
import {useFocusOnReturn} from '../batch/focus_on_return';
import {confirmRequirement} from '../batch/type_to_confirm';
import {describeError} from '../describe_error';
import {panelMessages, pluginMessages as messages} from '../messages';
import {PLUGIN_WRITE_PERMISSION} from '../permissions';
import {buttonStyle, panelStyles as styles} from '../panel_styles';
import type {PanelSettings} from '../settings/panel_settings';
import {VirtualTable} from '../table/virtual_table';
import type {Column} from '../table/virtual_table';
import type {PanelDeps} from '../types';

import {nodeStates, waitForNodesStopped} from './node_states';

interface PluginRow {
    plugin: InstalledPlugin;
    statuses: PluginStatus[];
}

const PLUGIN_EVENTS = new Set(['plugin_enabled', 'plugin_disabled', 'plugin_statuses_changed']);

/**
 * Renders the Plugins section: every installed plugin with its state on each cluster node, and
 * Disable through the same planning and writes as `/deactivate plugin`.
 */
export function PluginsTab({deps, caller, settings}: {deps: PanelDeps; caller: Caller; settings: PanelSettings}) {
    const intl = useIntl();
    const [rows, setRows] = useState<PluginRow[]>();
    const [error, setError] = useState('');
    const [plan, setPlan] = useState<Plan>();
    const canWrite = caller.permissions.has(PLUGIN_WRITE_PERMISSION);
    const runner = sectionRunner('plugins');
    const {containerRef, focusOnReturn} = useFocusOnReturn<HTMLDivElement>();
    const job = useBatchJob(runner);

    const load = useCallback(async () => {
        try {
            const [plugins, statuses] = await Promise.all([
                listInstalledPlugins(deps.rest),
                deps.rest.getPluginStatuses().catch((): PluginStatus[] => []),
            ]);
            setRows(plugins.map((plugin) => ({plugin, statuses})));
            setError('');
        } catch (caught) {
            setError(intl.formatMessage(panelMessages.loadFailed, {reason: describeError(caught, intl)}));
        }
    }, [deps.rest, intl]);

    useEffect(() => {
        load();
    }, [load]);

    useEffect(() => deps.events.subscribe((message) => {
        if (PLUGIN_EVENTS.has(message.event) && !plan && !job) {
            load();
        }
    }), [deps.events, load, plan, job]);

    const disable = async (plugin: InstalledPlugin) => {
        try {
            const planned = await planPlugins({names: [plugin.id], text: plugin.id, flags: {dryRun: false, includeAdmins: false, includeBots: false, includeNeverActive: false}}, deps.rest, deps.ownPluginId);
            setPlan({...planned, command: `/deactivate plugin ${plugin.id}`});
        } catch (caught) {
            setError(describeError(caught, intl));
        }
    };

    const columns: Array<Column<PluginRow>> = [
        {key: 'name', header: intl.formatMessage(messages.columnName), width: '2fr', render: ({plugin}) => `${plugin.name} (${plugin.id})`},
        {key: 'version', header: intl.formatMessage(messages.columnVersion), width: '90px', render: ({plugin}) => plugin.version ?? ''},
        {
            key: 'enabled',
            header: intl.formatMessage(messages.columnEnabled),
            width: '90px',
            render: ({plugin}) => intl.formatMessage(plugin.enabled ? messages.enabled : messages.disabled),
        },
        {
            key: 'nodes',
            header: intl.formatMessage(messages.columnNodes),
            width: '2fr',
            render: ({plugin, statuses}) => {
                const states = nodeStates(statuses, plugin.id);
                return states.length === 0 ? intl.formatMessage(messages.noStatuses) : states.map((state) => `${state.node}: ${state.state}`).join(', ');
            },
        },
        {
            key: 'action',
            header: intl.formatMessage(messages.columnAction),
            width: '180px',
            render: ({plugin}) => (plugin.enabled && canWrite ? (
                <button
                    type='button'
                    style={buttonStyle(styles.secondary, false)}
                    onClick={() => disable(plugin)}
                    data-testid={`deactivate-plugin-disable-${plugin.id}`}
                >
                    {intl.formatMessage(messages.disable, {name: plugin.name})}
                </button>
            ) : null),
        },
    ];

    if (job) {
        return (
            <BatchJobView
                job={job}
                runner={runner}
                onClose={() => {
                    setPlan(undefined);
                    focusOnReturn('deactivate-plugins-refresh');
                    load();
                }}
            />
        );
    }

    if (plan) {
        const target = plan.items[0]?.kind === 'plugin' ? plan.items[0].plugin : undefined;
        const writes = plan.items.filter((item) => item.class === 'disable_plugin').length;
        return (
            <BatchFlow
                runner={runner}
                plan={plan}
                requirement={confirmRequirement(plan, settings.confirm_threshold, deps.ownPluginId)}
                threshold={settings.confirm_threshold}
                confirmLabel={intl.formatMessage(confirmMessages.confirmPlugins, {count: writes})}
                total={writes}
                run={async () => ({outcome: await executePlan(plan, deps.rest, undefined, intl), cancelled: false})}
                afterRun={async (outcome) => {
                    const disabled = outcome.items.some((entry) => entry.state === 'done');
                    if (!target || !disabled) {
                        return [];
                    }
                    const check = await waitForNodesStopped(() => deps.rest.getPluginStatuses(), target.id);
                    return [intl.formatMessage(messages.nodeCheck, {
                        name: target.name,
                        stopped: check.stopped,
                        total: check.total,
                        running: check.running.length > 0 ? check.running.join(', ') : 'none',
                    })];
                }}
                fileName='deactivate-plugins.csv'
                onBack={() => {
                    setPlan(undefined);
                    focusOnReturn(`deactivate-plugin-disable-${target?.id ?? ''}`);
                }}
            />
        );
    }

    return (
        <div
            ref={containerRef}
            style={styles.section}
        >
            <div>
                <button
                    type='button'
                    style={styles.secondary}
                    onClick={load}
                    data-testid='deactivate-plugins-refresh'
                >
                    {intl.formatMessage(messages.refresh)}
                </button>
            </div>
            {error && (
                <p
                    style={styles.error}
                    role='alert'
                >
                    {error}
                </p>
            )}
            {rows === undefined && !error && <p role='status'>{intl.formatMessage(panelMessages.loading)}</p>}
            {rows && (
                <VirtualTable
                    rows={rows}
                    columns={columns}
                    rowKey={(row) => row.plugin.id}
                    label={intl.formatMessage(messages.tableLabel)}
                    rowHeight={44}
                    height={Math.min(440, Math.max(1, rows.length) * 44)}
                    testId='deactivate-plugins-table'
                />
            )}
        </div>
    );
}
