function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}

/**
 * Wraps a registry method so it accepts either positional arguments in `keyOrder` or one plain
 * object whose keys are all in `keyOrder`, like the web app's `reArg` (`utils/func.ts`).
 */
export function reArg<TArgs extends Record<string, any>, TResult>(
    keyOrder: Array<keyof TArgs & string>,
    method: (args: TArgs) => TResult,
): (...args: any[]) => TResult {
    return (...args: any[]) => {
        const single = args.length === 1 ? args[0] : undefined;
        if (isPlainObject(single)) {
            const keys = Object.keys(single);
            if (keys.every((key) => keyOrder.includes(key))) {
                return method(single as TArgs);
            }
        }

        const named: Record<string, unknown> = {};
        keyOrder.forEach((key, index) => {
            named[key] = args[index];
        });
        return method(named as TArgs);
    };
}
