import type {AnyAction} from 'redux';

import {HostActionTypes} from './action_types';

/** `state.views.i18n.translations`: messages by locale, merged from every plugin. */
export function translationsReducer(
    state: Record<string, Record<string, string>> = {},
    action: AnyAction,
): Record<string, Record<string, string>> {
    if (action.type !== HostActionTypes.RECEIVED_TRANSLATIONS) {
        return state;
    }

    const locale = action.data.locale as string;
    return {...state, [locale]: {...state[locale], ...action.data.translations}};
}
