import React, {useEffect, useRef, useState} from 'react';
import {useIntl} from 'react-intl';

import type {BulkProgress} from '../../bulk';
import type {Outcome, OutcomeItem} from '../../plan';

import {batchMessages as messages} from '../messages';
import {panelStyles as styles} from '../panel_styles';
import {ProgressView} from '../progress/progress_view';

import {ConfirmBox} from './confirm_box';
import {PlanPreview} from './plan_preview';
import type {PlanPreviewProps} from './plan_preview';
import {ResultsView} from './results_view';
import type {ConfirmRequirement} from './type_to_confirm';

export interface BatchRun {
    outcome: Outcome;
    cancelled: boolean;
}

export interface BatchFlowProps extends PlanPreviewProps {
    requirement: ConfirmRequirement;
    threshold: number;
    confirmLabel: string;
    /** Number of writes, for the progress bar. */
    total: number;
    run(signal: AbortSignal, onProgress: (progress: BulkProgress) => void): Promise<BatchRun>;
    /** Runs after the batch (recording, cluster check) and returns notes to show. */
    afterRun?(outcome: Outcome): Promise<string[]>;
    fileName: string;
    onClose(): void;
}

type Stage = 'confirm' | 'running' | 'results';

/**
 * Runs one batch from preview to results: the plan grouped by class with a confirmation (typed
 * when confirmRequirement requires it), then the progress with Cancel, then the results table
 * and the notes of `afterRun`. Leaving the page while it runs cancels it.
 */
export function BatchFlow(props: BatchFlowProps) {
    const intl = useIntl();
    const [stage, setStage] = useState<Stage>('confirm');
    const [progress, setProgress] = useState<BulkProgress>();
    const [cancelling, setCancelling] = useState(false);
    const [result, setResult] = useState<BatchRun>();
    const [notes, setNotes] = useState<string[]>([]);
    const [error, setError] = useState('');
    const controller = useRef<AbortController>();
    const mounted = useRef(true);

    useEffect(() => {
        mounted.current = true;
        return () => {
            mounted.current = false;
            controller.current?.abort();
        };
    }, []);

    const start = async () => {
        controller.current = new AbortController();
        setStage('running');
        try {
            const run = await props.run(controller.current.signal, (next) => {
                if (mounted.current) {
                    setProgress(next);
                }
            });
            if (!mounted.current) {
                return;
            }
            setResult(run);
            setStage('results');
            setNotes(await (props.afterRun?.(run.outcome) ?? Promise.resolve([])));
        } catch (caught) {
            if (mounted.current) {
                setError(caught instanceof Error ? caught.message : String(caught));
                setStage('results');
            }
        }
    };

    const cancel = () => {
        setCancelling(true);
        controller.current?.abort();
    };

    if (stage === 'confirm') {
        return (
            <div
                style={styles.section}
                data-testid='deactivate-batch'
            >
                <PlanPreview
                    plan={props.plan}
                    protectionNote={props.protectionNote}
                />
                <ConfirmBox
                    requirement={props.requirement}
                    threshold={props.threshold}
                    confirmLabel={props.confirmLabel}
                    onConfirm={start}
                    onBack={props.onClose}
                />
            </div>
        );
    }

    if (stage === 'running') {
        return (
            <ProgressView
                progress={progress}
                total={props.total}
                cancelling={cancelling}
                onCancel={cancel}
            />
        );
    }

    const items = result?.outcome.items ?? [];
    const count = (state: OutcomeItem['state']) => items.filter((entry) => entry.state === state).length;

    return (
        <div
            style={styles.section}
            data-testid='deactivate-batch'
        >
            <h4 style={styles.groupHeading}>{intl.formatMessage(messages.resultsTitle)}</h4>
            {error && (
                <p
                    style={styles.error}
                    role='alert'
                >
                    {error}
                </p>
            )}
            {result && (
                <p
                    role='status'
                    data-testid='deactivate-results-summary'
                >
                    {intl.formatMessage(messages.resultsSummary, {
                        done: count('done'),
                        skipped: count('skipped'),
                        failed: count('failed'),
                        cancelled: String(result.cancelled),
                    })}
                </p>
            )}
            {notes.map((note) => (
                <p
                    key={note}
                    style={styles.note}
                    data-testid='deactivate-results-note'
                >
                    {note}
                </p>
            ))}
            {result && (
                <ResultsView
                    items={items}
                    fileName={props.fileName}
                />
            )}
            <div>
                <button
                    type='button'
                    style={styles.secondary}
                    onClick={props.onClose}
                    data-testid='deactivate-batch-close'
                >
                    {intl.formatMessage(messages.newBatch)}
                </button>
            </div>
        </div>
    );
}
