import type {IntlShape} from 'react-intl';

import {classifyRestError, describeRestError, isRestError} from '../rest';
import type {RestClient} from '../rest';

import {protectionMessages as messages} from './protection_messages';

/** The protected accounts that apply to one plan, as the server part returned them. */
export interface Protection {
    /** Lower-cased usernames; empty when they could not be read. */
    usernames: ReadonlySet<string>;

    /** The reason the list could not be read, in plain words safe in markdown; undefined when it was read. */
    unreadable?: string;
}

/**
 * Reads the protected accounts from the server part's `GET /settings`, the source of truth for
 * every caller. Any failure yields an empty list with the reason, so planning goes on without
 * protection and the plan carries a note.
 */
export async function loadProtection(rest: RestClient, intl: IntlShape): Promise<Protection> {
    try {
        const body: {protected_usernames?: unknown} = await rest.pluginApi('GET', '/settings', 'object');
        const names = Array.isArray(body.protected_usernames) ? body.protected_usernames : [];
        const usernames = names.filter((name): name is string => typeof name === 'string');
        return {usernames: new Set(usernames.map((name) => name.toLowerCase()))};
    } catch (error) {
        return {usernames: new Set(), unreadable: describeProtectionError(error, intl)};
    }
}

// A 404, 405 or 501 from the plugin's own route, or a page that is not JSON, means the server
// part is not running, as for the batch history.
function describeProtectionError(error: unknown, intl: IntlShape): string {
    if (!isRestError(error)) {
        return intl.formatMessage(messages.unexpected);
    }
    const missing = [404, 405, 501].includes(error.status) || classifyRestError(error) === 'invalid_response';
    if (missing) {
        return intl.formatMessage(messages.serverPartMissing);
    }
    return describeRestError(error, intl).text;
}

/** Words the note that a plan was made without the protected accounts; '' when it was not. */
export function formatProtectionNote(intl: IntlShape, unreadable: string | undefined): string {
    return unreadable ? intl.formatMessage(messages.unreadable, {reason: unreadable}) : '';
}
