import React, {useEffect, useRef} from 'react';

import {panelStyles as styles} from '../panel_styles';

/**
 * A section heading that takes focus when it mounts. A view that replaces the one holding focus
 * starts with it, because focus on a removed element falls back to `<body>`, which drops
 * keyboard and screen reader users at the top of the page.
 */
export function FocusedHeading({text, testId}: {text: string; testId: string}) {
    const ref = useRef<HTMLHeadingElement>(null);
    useEffect(() => {
        ref.current?.focus();
    }, []);

    return (
        <h4
            ref={ref}
            tabIndex={-1}
            style={styles.groupHeading}
            data-testid={testId}
        >
            {text}
        </h4>
    );
}
