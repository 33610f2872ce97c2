import React from 'react';
import {useDispatch, useSelector} from 'react-redux';

import {HostActionTypes} from '../store/action_types';
import type {OpenModal} from '../store/modals_reducer';

/**
 * Renders the modals opened with `WebappUtils.modals.openModal`, each with its `dialogProps`
 * and an `onExited`/`onHide` that closes it, as the web app's `ModalController` does.
 */
export function ModalController() {
    const dispatch = useDispatch();
    const modals = useSelector((state: any) => state.views.modals.modalState) as Record<
        string,
        OpenModal
    >;

    return (
        <>
            {Object.entries(modals).map(([modalId, modal]) => {
                const Dialog = modal.dialogType;
                const close = () => {
                    dispatch({type: HostActionTypes.MODAL_CLOSE, modalId});
                    const onExited = modal.dialogProps?.onExited;
                    if (typeof onExited === 'function') {
                        onExited();
                    }
                };
                return (
                    <Dialog
                        key={modalId}
                        {...modal.dialogProps}
                        show={modal.open}
                        onExited={close}
                        onHide={close}
                    />
                );
            })}
        </>
    );
}
