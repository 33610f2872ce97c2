import type React from 'react';

// Inline styles on the web app's theme CSS variables, so the panel follows the admin's theme.
export const tableStyles: Record<string, React.CSSProperties> = {
    grid: {
        border: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.16)',
        borderRadius: 4,
        fontSize: 14,
    },
    headerRow: {
        display: 'grid',
        alignItems: 'center',
        fontWeight: 600,
        background: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.04)',
        borderBottom: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.16)',
        minHeight: 36,
    },
    body: {overflowY: 'auto', position: 'relative', outlineOffset: -2},
    row: {
        position: 'absolute',
        left: 0,
        right: 0,
        display: 'grid',
        alignItems: 'center',
        borderBottom: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.08)',
        boxSizing: 'border-box',
    },
    activeRow: {background: 'rgba(var(--button-bg-rgb, 28, 88, 217), 0.08)'},
    cell: {padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap'},
    empty: {padding: 16, opacity: 0.72},
    visuallyHidden: {
        position: 'absolute',
        width: 1,
        height: 1,
        overflow: 'hidden',
        clip: 'rect(0 0 0 0)',
        whiteSpace: 'nowrap',
    },
};
