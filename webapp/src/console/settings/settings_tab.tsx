import React, {useEffect, useState} from 'react';
import {useIntl} from 'react-intl';

import {settingsMessages as messages} from '../messages';
import {panelStyles as styles} from '../panel_styles';

import {SETTING_RANGES, normalizeUsernames} from './panel_settings';
import type {PanelSettings} from './panel_settings';

export interface SettingsTabProps {
    settings: PanelSettings;
    disabled: boolean;
    /** Stores the new value in the System Console form; the page's Save writes it. */
    onChange(settings: PanelSettings): void;
    /** Receives why a field is invalid, or an empty string once every field is valid. */
    onInvalid(reason: string): void;
}

type NumberKey = keyof typeof SETTING_RANGES;

/** Renders the Settings section: one field per property of the `ConsolePanel` setting value. */
export function SettingsTab({settings, disabled, onChange, onInvalid}: SettingsTabProps) {
    const intl = useIntl();
    // The text area keeps what is typed, blank lines included; the value gets the cleaned list.
    const [protectedText, setProtectedText] = useState(settings.protected_usernames.join('\n'));
    // Number fields keep what is typed too, so an invalid entry stays visible with its error.
    const [numberText, setNumberText] = useState<Record<NumberKey, string>>({
        inactive_days: String(settings.inactive_days),
        confirm_threshold: String(settings.confirm_threshold),
    });

    const invalidField = (key: NumberKey, text: string): string => {
        const {min, max} = SETTING_RANGES[key];
        const parsed = Number(text);
        const valid = text.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;
        return valid ? '' : intl.formatMessage(messages.outOfRange, {min, max});
    };
    const errors = {
        inactive_days: invalidField('inactive_days', numberText.inactive_days),
        confirm_threshold: invalidField('confirm_threshold', numberText.confirm_threshold),
    };
    const firstError = errors.inactive_days ?
        `${intl.formatMessage(messages.inactiveDays)}: ${errors.inactive_days}` :
        errors.confirm_threshold && `${intl.formatMessage(messages.confirmThreshold)}: ${errors.confirm_threshold}`;

    useEffect(() => {
        onInvalid(firstError);
    }, [firstError, onInvalid]);
    useEffect(() => () => onInvalid(''), [onInvalid]);

    const changeNumber = (key: NumberKey, text: string) => {
        setNumberText({...numberText, [key]: text});
        if (invalidField(key, text) === '') {
            onChange({...settings, [key]: Number(text)});
        }
    };

    const numberField = (key: NumberKey, label: string, testId: string) => (
        <label style={styles.field}>
            {label}
            <input
                style={{...styles.input, width: 120}}
                type='number'
                min={SETTING_RANGES[key].min}
                max={SETTING_RANGES[key].max}
                value={numberText[key]}
                disabled={disabled}
                aria-invalid={errors[key] !== ''}
                aria-describedby={errors[key] ? `${testId}-error` : undefined}
                data-testid={testId}
                onChange={(event) => changeNumber(key, event.target.value)}
            />
            {errors[key] && (
                <span
                    id={`${testId}-error`}
                    style={styles.error}
                    role='alert'
                    data-testid={`${testId}-error`}
                >
                    {errors[key]}
                </span>
            )}
        </label>
    );

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
            {numberField('inactive_days', intl.formatMessage(messages.inactiveDays), 'deactivate-settings-inactive-days')}
            {numberField('confirm_threshold', intl.formatMessage(messages.confirmThreshold), 'deactivate-settings-threshold')}
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
