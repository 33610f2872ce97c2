import React from 'react';
import {useSelector} from 'react-redux';

import {pluginStateKey} from '../manifest';

import {ConfirmModal} from './confirm_modal';
import type {ConfirmState} from './state';

export interface ConfirmActions {
    confirm(): void;
    cancel(): void;
}

function selectConfirmState(state: Record<string, unknown>): ConfirmState | undefined {
    return state[pluginStateKey] as ConfirmState | undefined;
}

/**
 * Builds the component registered with `registerRootComponent`. The web app renders root
 * components on every page and passes them only `theme`, so the modal's visibility comes from the
 * plugin's own reducer.
 */
export function makeConfirmRoot(actions: ConfirmActions): React.ComponentType {
    function DeactivateConfirmRoot() {
        const state = useSelector(selectConfirmState);
        if (!state?.pending) {
            return null;
        }
        return (
            <ConfirmModal
                plan={state.pending.plan}
                running={state.running}
                done={state.done}
                total={state.total}
                onConfirm={actions.confirm}
                onCancel={actions.cancel}
            />
        );
    }
    return DeactivateConfirmRoot;
}
