import React, {useState} from 'react';
import {useIntl} from 'react-intl';

import {settingsMessages as messages} from '../messages';
import {panelStyles as styles} from '../panel_styles';

import {normalizeUsernames} from './panel_settings';
import type {PanelSettings} from './panel_settings';

export interface SettingsTabProps {
    settings: PanelSettings;
    disabled: boolean;
    /** Stores the new value in the System Console form; the page's Save writes it. */
    onChange(settings: PanelSettings): void;
}

/** Renders the Settings section: one field per property of the `ConsolePanel` setting value. */
export function SettingsTab({settings, disabled, onChange}: SettingsTabProps) {
    const intl = useIntl();
    // The text area keeps what is typed, blank lines included; the value gets the cleaned list.
    const [protectedText, setProtectedText] = useState(settings.protected_usernames.join('\n'));

    const number = (value: string, fallback: number) => {
        const parsed = Number(value);
        return value.trim() !== '' && Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
    };

    return (
        <div
            style={styles.section}
            data-testid='deactivate-settings'
        >
            {disabled && <p style={styles.warning}>{intl.formatMessage(messages.disabled)}</p>}
            <label style={styles.field}>
                {intl.formatMessage(messages.protectedUsernames)}
                <textarea
                    style={styles.textarea}
                    value={protectedText}
                    disabled={disabled}
                    data-testid='deactivate-settings-protected'
                    onChange={(event) => {
                        setProtectedText(event.target.value);
                        onChange({...settings, protected_usernames: normalizeUsernames(event.target.value.split(/[\s,]+/))});
                    }}
                />
            </label>
            <label style={styles.field}>
                {intl.formatMessage(messages.inactiveDays)}
                <input
                    style={{...styles.input, width: 120}}
                    type='number'
                    min={1}
                    value={settings.inactive_days}
                    disabled={disabled}
                    data-testid='deactivate-settings-inactive-days'
                    onChange={(event) => onChange({...settings, inactive_days: Math.max(1, number(event.target.value, settings.inactive_days))})}
                />
            </label>
            <label style={styles.field}>
                {intl.formatMessage(messages.confirmThreshold)}
                <input
                    style={{...styles.input, width: 120}}
                    type='number'
                    min={0}
                    value={settings.confirm_threshold}
                    disabled={disabled}
                    data-testid='deactivate-settings-threshold'
                    onChange={(event) => onChange({...settings, confirm_threshold: number(event.target.value, settings.confirm_threshold)})}
                />
            </label>
            <label style={styles.field}>
                {intl.formatMessage(messages.summaryChannel)}
                <input
                    style={styles.input}
                    value={settings.summary_channel_id}
                    disabled={disabled}
                    data-testid='deactivate-settings-summary-channel'
                    onChange={(event) => onChange({...settings, summary_channel_id: event.target.value.trim()})}
                />
            </label>
            <p style={styles.note}>{intl.formatMessage(messages.saveHint)}</p>
        </div>
    );
}
