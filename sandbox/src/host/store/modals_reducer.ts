import type React from 'react';
import type {AnyAction} from 'redux';

import {HostActionTypes} from './action_types';

/** One modal opened through `WebappUtils.modals.openModal`. */
export interface OpenModal {
    open: boolean;
    dialogType: React.ComponentType<any>;
    dialogProps?: Record<string, unknown>;
}

/** `state.views.modals`, keyed by modal id as in the web app. */
export interface ModalsState {
    modalState: Record<string, OpenModal>;
}

/** Stores the modals that `openModal` opened until `closeModal` or their `onExited`. */
export function modalsReducer(
    state: ModalsState = {modalState: {}},
    action: AnyAction,
): ModalsState {
    switch (action.type) {
    case HostActionTypes.MODAL_OPEN:
        return {
            modalState: {
                ...state.modalState,
                [action.modalId]: {
                    open: true,
                    dialogType: action.dialogType,
                    dialogProps: action.dialogProps,
                },
            },
        };
    case HostActionTypes.MODAL_CLOSE: {
        const modalState = {...state.modalState};
        delete modalState[action.modalId];
        return {modalState};
    }
    default:
        return state;
    }
}
