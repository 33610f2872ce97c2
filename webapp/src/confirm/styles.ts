import type React from 'react';

// Inline styles built on the web app's theme CSS variables, so the modal follows the user's theme
// without shipping a stylesheet.
const buttonBase: React.CSSProperties = {
    borderRadius: 4,
    border: 'none',
    padding: '10px 16px',
    fontSize: 14,
    fontWeight: 600,
    cursor: 'pointer',
};

export const modalStyles: Record<string, React.CSSProperties> = {
    backdrop: {
        position: 'fixed',
        inset: 0,
        zIndex: 1050,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'rgba(0, 0, 0, 0.5)',
    },
    dialog: {
        width: 'min(560px, calc(100vw - 32px))',
        maxHeight: 'calc(100vh - 64px)',
        overflowY: 'auto',
        padding: 24,
        borderRadius: 8,
        background: 'var(--center-channel-bg, #fff)',
        color: 'var(--center-channel-color, #3f4350)',
        boxShadow: '0 20px 32px rgba(0, 0, 0, 0.12)',
    },
    title: {margin: '0 0 8px', fontSize: 22, fontWeight: 600},
    command: {margin: '0 0 16px', wordBreak: 'break-word'},
    groupHeading: {margin: '12px 0 4px', fontSize: 14, fontWeight: 600},
    groupHeadingAction: {margin: '12px 0 4px', fontSize: 14, fontWeight: 700, color: 'var(--error-text, #d24b4e)'},
    list: {margin: 0, paddingLeft: 20, wordBreak: 'break-word'},
    note: {margin: '12px 0 0', fontSize: 13, opacity: 0.8},
    warning: {
        margin: '12px 0 0',
        padding: '8px 12px',
        borderRadius: 4,
        fontSize: 13,
        background: 'rgba(var(--away-indicator-rgb, 255, 188, 31), 0.16)',
    },
    progress: {margin: '12px 0 0', fontWeight: 600},
    buttons: {display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 24},
    cancelButton: {
        ...buttonBase,
        background: 'rgba(var(--button-bg-rgb, 28, 88, 217), 0.08)',
        color: 'var(--button-bg, #1c58d9)',
    },
    confirmButton: {...buttonBase, background: 'var(--error-text, #d24b4e)', color: '#fff'},
    // Reactivation restores access, so it gets the theme's ordinary button colour, not the red of
    // a destructive action.
    restoreButton: {...buttonBase, background: 'var(--button-bg, #1c58d9)', color: 'var(--button-color, #fff)'},
    groupHeadingRestore: {margin: '12px 0 4px', fontSize: 14, fontWeight: 700},
};
