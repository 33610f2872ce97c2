import React from 'react';
import {useIntl} from 'react-intl';

import type {OutcomeItem} from '../../plan';

import {batchMessages as messages} from '../messages';
import {panelStyles as styles} from '../panel_styles';
import {ProgressView} from '../progress/progress_view';

import type {BatchJob, BatchRunner} from './batch_runner';
import {FocusedHeading} from './focused_heading';
import {ResultsView} from './results_view';

export interface BatchJobViewProps {
    job: BatchJob;
    runner: BatchRunner;
    /** Runs on "Start another batch", after the runner has dropped the finished batch. */
    onClose(): void;
}

function BatchResults({job, runner, onClose}: BatchJobViewProps) {
    const intl = useIntl();
    const items = job.result?.outcome.items ?? [];
    const count = (state: OutcomeItem['state']) => items.filter((entry) => entry.state === state).length;

    return (
        <div
            style={styles.section}
            data-testid='deactivate-batch'
        >
            <FocusedHeading
                text={intl.formatMessage(messages.resultsTitle)}
                testId='deactivate-results-title'
            />
            {job.error && (
                <p
                    style={styles.error}
                    role='alert'
                >
                    {job.error}
                </p>
            )}
            {job.result && (
                <p
                    role='status'
                    data-testid='deactivate-results-summary'
                >
                    {intl.formatMessage(messages.resultsSummary, {
                        done: count('done'),
                        skipped: count('skipped'),
                        failed: count('failed'),
                        canceled: String(job.result.cancelled),
                    })}
                </p>
            )}
            {job.notes.map((note) => (
                <p
                    key={note}
                    style={styles.note}
                    data-testid='deactivate-results-note'
                >
                    {note}
                </p>
            ))}
            {job.result && (
                <ResultsView
                    items={items}
                    fileName={job.fileName}
                />
            )}
            <div>
                <button
                    type='button'
                    style={styles.secondary}
                    onClick={() => {
                        runner.dismiss();
                        onClose();
                    }}
                    data-testid='deactivate-batch-close'
                >
                    {intl.formatMessage(messages.newBatch)}
                </button>
            </div>
        </div>
    );
}

/** Shows a runner's batch: the progress with Cancel while it runs, then the results and notes. */
export function BatchJobView(props: BatchJobViewProps) {
    const {job, runner} = props;
    if (job.stage === 'running') {
        return (
            <ProgressView
                progress={job.progress}
                total={job.total}
                canceling={job.canceling}
                onCancel={() => runner.cancel()}
            />
        );
    }
    return <BatchResults {...props}/>;
}
