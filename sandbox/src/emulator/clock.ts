let last = 0;

/**
 * Returns the current time in milliseconds, strictly increasing between calls, so that a
 * repeated deactivation always moves `delete_at` later, as it does on a real server.
 */
export function now(): number {
    const current = Date.now();
    last = current > last ? current : last + 1;
    return last;
}
