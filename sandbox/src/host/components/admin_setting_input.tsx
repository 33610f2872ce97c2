import React from 'react';

/** A `settings_schema` setting of one of the manifest's built-in types. */
export interface PluginSetting {
    key: string;
    display_name?: string;
    type: string;
    help_text?: string;
    placeholder?: string;
    default?: unknown;
    options?: Array<{display_name: string; value: string}>;
}

interface Props {
    setting: PluginSetting;
    inputId: string;
    value: unknown;
    disabled: boolean;
    onChange: (value: unknown) => void;
}

/** Renders the input of a built-in setting type: bool, text, longtext, number, dropdown, radio. */
export function AdminSettingInput({setting, inputId, value, disabled, onChange}: Props) {
    switch (setting.type) {
    case 'bool':
        return (
            <span className='setting-bool'>
                {[true, false].map((option) => (
                    <label key={String(option)}>
                        <input
                            type='radio'
                            name={inputId}
                            checked={value === option}
                            disabled={disabled}
                            onChange={() => onChange(option)}
                        />
                        {option ? 'true' : 'false'}
                    </label>
                ))}
            </span>
        );
    case 'longtext':
        return (
            <textarea
                id={inputId}
                value={String(value ?? '')}
                placeholder={setting.placeholder}
                disabled={disabled}
                onChange={(event) => onChange(event.target.value)}
            />
        );
    case 'number':
        return (
            <input
                id={inputId}
                type='number'
                value={String(value ?? '')}
                disabled={disabled}
                onChange={(event) => onChange(Number(event.target.value))}
            />
        );
    case 'dropdown':
    case 'radio':
        return (
            <select
                id={inputId}
                value={String(value ?? '')}
                disabled={disabled}
                onChange={(event) => onChange(event.target.value)}
            >
                {(setting.options ?? []).map((option) => (
                    <option
                        key={option.value}
                        value={option.value}
                    >
                        {option.display_name}
                    </option>
                ))}
            </select>
        );
    default:
        return (
            <input
                id={inputId}
                type='text'
                value={String(value ?? '')}
                placeholder={setting.placeholder}
                disabled={disabled || setting.type === 'generated'}
                onChange={(event) => onChange(event.target.value)}
            />
        );
    }
}
