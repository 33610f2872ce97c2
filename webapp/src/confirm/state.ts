import type {Plan} from '../plan';
import type {PostLocation} from '../posts/ephemeral';

import {pluginId} from '../manifest';

/** A plan waiting for the user's decision in the confirmation modal. */
export interface PendingConfirmation {
    plan: Plan;
    location: PostLocation;
}

export interface ConfirmState {
    pending: PendingConfirmation | null;
    running: boolean;
    done: number;
    total: number;
}

export const OPEN_CONFIRMATION = `${pluginId}/open_confirmation`;
export const START_RUN = `${pluginId}/start_run`;
export const PROGRESS = `${pluginId}/progress`;
export const CLOSE_CONFIRMATION = `${pluginId}/close_confirmation`;

// The action types embed the plugin id, so TypeScript types them as plain strings and cannot narrow
// a union on them. The reducer therefore reads the fields of each action shape explicitly.
type OpenConfirmationAction = {
    type: string;
    pending: PendingConfirmation;
};

type ProgressAction = {
    type: string;
    done: number;
    total: number;
};

export type ConfirmAction = OpenConfirmationAction | ProgressAction | {type: string};

export const initialConfirmState: ConfirmState = {pending: null, running: false, done: 0, total: 0};

export function openConfirmation(pending: PendingConfirmation): ConfirmAction {
    return {type: OPEN_CONFIRMATION, pending};
}

export function startRun(total: number): ConfirmAction {
    return {type: START_RUN, done: 0, total};
}

export function reportProgress(done: number, total: number): ConfirmAction {
    return {type: PROGRESS, done, total};
}

export function closeConfirmation(): ConfirmAction {
    return {type: CLOSE_CONFIRMATION};
}

/** Reduces the confirmation state. The web app mounts it under `plugins-<id>`. */
export function confirmReducer(state: ConfirmState = initialConfirmState, action: ConfirmAction): ConfirmState {
    switch (action.type) {
    case OPEN_CONFIRMATION:
        // A second command while a run is in progress must not replace the running plan.
        if (state.running) {
            return state;
        }
        return {pending: (action as OpenConfirmationAction).pending, running: false, done: 0, total: 0};
    case START_RUN:
        return {...state, running: true, done: 0, total: (action as ProgressAction).total};
    case PROGRESS: {
        const {done, total} = action as ProgressAction;
        return {...state, done, total};
    }
    case CLOSE_CONFIRMATION:
        return initialConfirmState;
    default:
        return state;
    }
}
