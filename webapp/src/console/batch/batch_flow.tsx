import React from 'react';
import {useIntl} from 'react-intl';

import type {BulkProgress} from '../../bulk';
import type {Outcome} from '../../plan';

import {batchMessages as messages} from '../messages';
import {panelStyles as styles} from '../panel_styles';

import type {BatchRun, BatchRunner} from './batch_runner';
import {ConfirmBox} from './confirm_box';
import {FocusedHeading} from './focused_heading';
import {PlanPreview} from './plan_preview';
import type {PlanPreviewProps} from './plan_preview';
import type {ConfirmRequirement} from './type_to_confirm';

export interface BatchFlowProps extends PlanPreviewProps {
    /** Runs the batch once it is confirmed, and keeps it when this component unmounts. */
    runner: BatchRunner;
    requirement: ConfirmRequirement;
    threshold: number;
    confirmLabel: string;
    /** Number of writes, for the progress bar. */
    total: number;
    run(signal: AbortSignal, onProgress: (progress: BulkProgress) => void): Promise<BatchRun>;
    /** Runs after the batch (recording, cluster check) and returns notes to show. */
    afterRun?(outcome: Outcome): Promise<string[]>;
    fileName: string;
    onBack(): void;
}

/**
 * Shows a plan grouped by class with a confirmation (typed when confirmRequirement requires
 * it). Confirm hands the batch to `runner`, whose job the section then shows with BatchJobView.
 */
export function BatchFlow(props: BatchFlowProps) {
    const intl = useIntl();

    const start = () => {
        props.runner.start({total: props.total, fileName: props.fileName, run: props.run, afterRun: props.afterRun});
    };

    return (
        <div
            style={styles.section}
            data-testid='deactivate-batch'
        >
            <FocusedHeading
                text={intl.formatMessage(messages.previewTitle)}
                testId='deactivate-preview-title'
            />
            <PlanPreview
                plan={props.plan}
                protectionNote={props.protectionNote}
            />
            <ConfirmBox
                requirement={props.requirement}
                threshold={props.threshold}
                confirmLabel={props.confirmLabel}
                onConfirm={start}
                onBack={props.onBack}
            />
        </div>
    );
}
