import type React from 'react';

// Inline styles on the web app's theme CSS variables, so the panel follows the admin's theme
// without shipping a stylesheet.
const button: React.CSSProperties = {
    borderRadius: 4,
    border: 'none',
    padding: '8px 14px',
    fontSize: 14,
    fontWeight: 600,
    cursor: 'pointer',
};

export const panelStyles: Record<string, React.CSSProperties> = {
    panel: {color: 'var(--center-channel-color, #3f4350)', padding: '8px 0'},
    title: {fontSize: 20, fontWeight: 600, margin: '0 0 12px'},
    tabs: {display: 'flex', gap: 4, borderBottom: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.16)', marginBottom: 16},
    tab: {...button, borderRadius: '4px 4px 0 0', background: 'transparent', color: 'inherit', fontWeight: 400},
    tabActive: {
        ...button,
        borderRadius: '4px 4px 0 0',
        background: 'transparent',
        color: 'var(--button-bg, #1c58d9)',
        boxShadow: 'inset 0 -2px 0 var(--button-bg, #1c58d9)',
    },
    section: {display: 'flex', flexDirection: 'column', gap: 12},
    row: {display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 12},
    field: {display: 'flex', flexDirection: 'column', gap: 4, fontSize: 13},
    input: {
        padding: '6px 8px',
        borderRadius: 4,
        border: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.32)',
        background: 'var(--center-channel-bg, #fff)',
        color: 'inherit',
        fontSize: 14,
    },
    textarea: {
        minHeight: 96,
        padding: 8,
        borderRadius: 4,
        border: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.32)',
        background: 'var(--center-channel-bg, #fff)',
        color: 'inherit',
        fontFamily: 'inherit',
        fontSize: 14,
    },
    primary: {...button, background: 'var(--button-bg, #1c58d9)', color: 'var(--button-color, #fff)'},
    secondary: {...button, background: 'rgba(var(--button-bg-rgb, 28, 88, 217), 0.08)', color: 'var(--button-bg, #1c58d9)'},
    danger: {...button, background: 'var(--error-text, #d24b4e)', color: '#fff'},
    disabledButton: {opacity: 0.5, cursor: 'not-allowed'},
    note: {fontSize: 13, opacity: 0.8, margin: 0},
    error: {color: 'var(--error-text, #d24b4e)', margin: 0},
    warning: {
        padding: '8px 12px',
        borderRadius: 4,
        fontSize: 13,
        background: 'rgba(var(--away-indicator-rgb, 255, 188, 31), 0.16)',
        margin: 0,
    },
    box: {
        padding: 16,
        borderRadius: 4,
        border: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.16)',
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
    },
    barTrack: {height: 8, borderRadius: 4, background: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.12)', overflow: 'hidden'},
    barFill: {height: '100%', background: 'var(--online-indicator, #06d6a0)', transition: 'width 0.2s'},
    groupHeading: {margin: '8px 0 2px', fontSize: 14, fontWeight: 600},
    groupHeadingAction: {margin: '8px 0 2px', fontSize: 14, fontWeight: 700, color: 'var(--error-text, #d24b4e)'},
    list: {margin: 0, paddingLeft: 20, wordBreak: 'break-word'},
};

/** Adds the disabled look to a button style. */
export function buttonStyle(style: React.CSSProperties, disabled: boolean): React.CSSProperties {
    return disabled ? {...style, ...panelStyles.disabledButton} : style;
}
