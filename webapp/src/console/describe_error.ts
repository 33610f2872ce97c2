import type {IntlShape} from 'react-intl';

import {describeRestError, isRestError} from '../rest';

/**
 * Words a failed call for the panel. RestClient calls reject with a RestError; Client4 calls
 * with its ClientError, whose `message` is the server's text and `status_code` the HTTP status.
 */
export function describeError(error: unknown, intl: IntlShape): string {
    if (isRestError(error)) {
        return describeRestError(error, intl).text;
    }
    if (error && typeof error === 'object' && 'status_code' in error) {
        const {message, status_code: status} = error as {message?: string; status_code?: number};
        return status ? `${message ?? ''} (HTTP ${status})` : message ?? String(error);
    }
    return error instanceof Error ? error.message : String(error);
}
