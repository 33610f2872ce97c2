import {useEffect, useRef, useState} from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * Moves focus when a section comes back from a batch view to its form, because the button that
 * held focus is gone and focus would fall to `<body>`. `focusOnReturn(testId)` names the element
 * to focus after the next render; when it is missing or disabled, the section's first enabled
 * control gets focus instead.
 */
export function useFocusOnReturn<T extends HTMLElement>() {
    const containerRef = useRef<T>(null);
    const [pending, setPending] = useState<string>();

    useEffect(() => {
        const container = containerRef.current;
        if (pending === undefined || !container) {
            return;
        }
        setPending(undefined);
        const named = container.querySelector<HTMLElement>(`[data-testid="${pending}"]`);
        const target = named && !named.matches(':disabled') ? named : container.querySelector<HTMLElement>(FOCUSABLE);
        target?.focus();
    });

    return {containerRef, focusOnReturn: setPending};
}
