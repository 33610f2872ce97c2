/**
 * Options for comparing a recorded response body with the emulator's. Keys and value types
 * must match recursively, and literal values must be equal. A placeholder matches any value of
 * its type, or the bound value once the fixture has one. Lists compare element by element when
 * the recording is complete, and by identifying field when it was filtered.
 */
export interface MatchOptions {
    /** The recording trimmed lists to some elements; compare those by identity. */
    filtered: boolean;
    /** The recording kept only some keys of objects (a config excerpt). */
    excerpt: boolean;
    /** Value of a placeholder such as `<user:alice>`, if known. */
    resolve(placeholder: string): string | undefined;
    /** Called for a placeholder that is not bound yet, with the emulator's value. */
    bind(placeholder: string, value: unknown): void;
    /** Whether a list element belongs to the recording's own fixture (checked for absence). */
    ownedByRecording(value: string): boolean;
}

const IDENTITY_FIELDS = ['id', 'user_id', 'plugin_id', 'Complete', 'name'];

const PLACEHOLDER = /<[^<>\s]+>/g;

function escapeRegex(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function typeOf(value: unknown): string {
    if (value === null) {
        return 'null';
    }
    return Array.isArray(value) ? 'array' : typeof value;
}

/** Turns a recorded string with placeholders into a regular expression for the actual one. */
export function patternFor(expected: string, options: MatchOptions): RegExp {
    let source = '';
    let last = 0;
    for (const match of expected.matchAll(PLACEHOLDER)) {
        source += escapeRegex(expected.slice(last, match.index));
        const bound = options.resolve(match[0]);
        if (bound) {
            source += escapeRegex(bound);
        } else if (match[0] === '<ts>') {
            source += '\\d+';
        } else {
            source += '.+?';
        }
        last = (match.index ?? 0) + match[0].length;
    }
    source += escapeRegex(expected.slice(last));
    return new RegExp(`^${source}$`, 's');
}

function matchString(expected: string, actual: unknown, path: string, options: MatchOptions): string[] {
    const whole = /^<[^<>\s]+>$/.test(expected) ? expected : undefined;
    if (whole === '<ts>') {
        return typeof actual === 'number' && actual > 0 ? [] : [`${path}: expected a timestamp, got ${JSON.stringify(actual)}`];
    }
    if (typeof actual !== 'string') {
        return [`${path}: expected a string, got ${typeOf(actual)}`];
    }
    if (whole && !options.resolve(whole)) {
        options.bind(whole, actual);
        return [];
    }
    return patternFor(expected, options).test(actual)
        ? []
        : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

function identityOf(element: unknown): {field: string; value: unknown} | undefined {
    if (typeof element !== 'object' || element === null) {
        return undefined;
    }
    const record = element as Record<string, unknown>;
    const field = IDENTITY_FIELDS.find((name) => name in record);
    return field ? {field, value: record[field]} : undefined;
}

function resolveIdentity(value: unknown, options: MatchOptions): unknown {
    if (typeof value !== 'string') {
        return value;
    }
    return options.resolve(value) ?? value.replace(PLACEHOLDER, (m) => options.resolve(m) ?? m);
}

function matchArray(expected: unknown[], actual: unknown, path: string, options: MatchOptions): string[] {
    if (!Array.isArray(actual)) {
        return [`${path}: expected an array, got ${typeOf(actual)}`];
    }
    if (!options.filtered) {
        if (expected.length !== actual.length) {
            return [`${path}: expected ${expected.length} elements, got ${actual.length}`];
        }
        return expected.flatMap((item, i) => match(item, actual[i], `${path}[${i}]`, options));
    }

    const problems: string[] = [];
    const used = new Set<number>();
    for (const [i, item] of expected.entries()) {
        const identity = identityOf(item);
        const wanted = identity ? resolveIdentity(identity.value, options) : undefined;
        const index = actual.findIndex((candidate, j) => {
            if (used.has(j)) {
                return false;
            }
            const other = identityOf(candidate);
            return identity ? other?.field === identity.field && other.value === wanted : true;
        });
        if (index < 0) {
            problems.push(`${path}[${i}]: no element with ${identity?.field}=${String(wanted)}`);
            continue;
        }
        used.add(index);
        problems.push(...match(item, actual[index], `${path}[${i}]`, options));
    }
    for (const [j, candidate] of actual.entries()) {
        const identity = identityOf(candidate);
        const value = identity?.value;
        if (!used.has(j) && typeof value === 'string' && options.ownedByRecording(value)) {
            problems.push(`${path}: unexpected element ${identity?.field}=${value}`);
        }
    }
    return problems;
}

function matchObject(
    expected: Record<string, unknown>,
    actual: unknown,
    path: string,
    options: MatchOptions,
): string[] {
    if (typeOf(actual) !== 'object') {
        return [`${path}: expected an object, got ${typeOf(actual)}`];
    }
    const record = actual as Record<string, unknown>;
    const problems: string[] = [];
    for (const key of Object.keys(expected)) {
        if (!(key in record)) {
            problems.push(`${path}.${key}: missing`);
        }
    }
    if (!options.excerpt) {
        for (const key of Object.keys(record)) {
            if (!(key in expected)) {
                problems.push(`${path}.${key}: not in the recording`);
            }
        }
    }
    for (const [key, value] of Object.entries(expected)) {
        if (key in record) {
            problems.push(...match(value, record[key], `${path}.${key}`, options));
        }
    }
    return problems;
}

/** Returns one line per difference; an empty list means the bodies match. */
export function match(expected: unknown, actual: unknown, path: string, options: MatchOptions): string[] {
    if (typeof expected === 'string') {
        return matchString(expected, actual, path, options);
    }
    if (Array.isArray(expected)) {
        return matchArray(expected, actual, path, options);
    }
    if (typeof expected === 'object' && expected !== null) {
        return matchObject(expected as Record<string, unknown>, actual, path, options);
    }
    return expected === actual
        ? []
        : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
