import React, {useState} from 'react';
import {useIntl} from 'react-intl';

import {batchMessages as messages} from '../messages';
import {buttonStyle, panelStyles as styles} from '../panel_styles';

import {isConfirmTyped} from './type_to_confirm';
import type {ConfirmRequirement} from './type_to_confirm';

export interface ConfirmBoxProps {
    requirement: ConfirmRequirement;
    threshold: number;
    /** The label of the confirm button, such as "Deactivate 26 users". */
    confirmLabel: string;
    onConfirm(): void;
    onBack(): void;
}

/** The confirm and back buttons, with a text field first when the batch needs typing. */
export function ConfirmBox({requirement, threshold, confirmLabel, onConfirm, onBack}: ConfirmBoxProps) {
    const intl = useIntl();
    const [typed, setTyped] = useState('');
    const ready = isConfirmTyped(requirement, typed);

    const reason = {
        over_threshold: intl.formatMessage(messages.reasonOverThreshold, {threshold}),
        includes_admins: intl.formatMessage(messages.reasonIncludesAdmins),
        own_plugin: intl.formatMessage(messages.reasonOwnPlugin),
    };

    return (
        <div
            style={styles.section}
            data-testid='deactivate-confirm-box'
        >
            {requirement.expected !== undefined && (
                <label style={styles.field}>
                    <span>
                        {requirement.reason && `${reason[requirement.reason]} `}
                        {intl.formatMessage(messages.typeToConfirm, {expected: <strong key='expected'>{requirement.expected}</strong>})}
                    </span>
                    <input
                        style={styles.input}
                        value={typed}
                        autoComplete='off'
                        aria-label={intl.formatMessage(messages.confirmInput)}
                        data-testid='deactivate-confirm-typed'
                        onChange={(event) => setTyped(event.target.value)}
                        onKeyDown={(event) => {
                            if (event.key === 'Enter' && ready) {
                                onConfirm();
                            }
                        }}
                    />
                </label>
            )}
            <div style={styles.row}>
                <button
                    type='button'
                    style={styles.secondary}
                    onClick={onBack}
                    data-testid='deactivate-confirm-back'
                >
                    {intl.formatMessage(messages.back)}
                </button>
                <button
                    type='button'
                    style={buttonStyle(styles.danger, !ready)}
                    disabled={!ready}
                    onClick={onConfirm}
                    data-testid='deactivate-confirm-run'
                >
                    {confirmLabel}
                </button>
            </div>
        </div>
    );
}
