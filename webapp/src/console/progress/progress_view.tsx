import React from 'react';
import {useIntl} from 'react-intl';

import type {BulkProgress} from '../../bulk';

import {FocusedHeading} from '../batch/focused_heading';
import {formatDuration} from '../batch/format_duration';
import {batchMessages as messages} from '../messages';
import {buttonStyle, panelStyles as styles} from '../panel_styles';

export interface ProgressViewProps {
    /** The engine's latest progress event; undefined until the first item finished. */
    progress?: BulkProgress;
    total: number;
    canceling: boolean;
    onCancel(): void;
}

/**
 * Shows a running batch: a progress bar, counts per state, rate and ETA, and Cancel. The live
 * region announces every tenth of the way, so a screen reader is not flooded with each item.
 */
export function ProgressView({progress, total, canceling, onCancel}: ProgressViewProps) {
    const intl = useIntl();
    const done = progress?.done ?? 0;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    // The live region's text changes only at each tenth, and only a change is announced.
    const announcedPercent = Math.floor(percent / 10) * 10;

    const counts = {
        done,
        total,
        succeeded: progress?.succeeded ?? 0,
        failed: progress?.failed ?? 0,
        skipped: progress?.skipped ?? 0,
    };
    // The first writes of a batch finish together, one per concurrent slot, so a rate taken
    // from them alone is far too high. It is shown once more items finished than run at once.
    const measured = progress !== undefined && progress.done > progress.concurrency && progress.ratePerSecond > 0;
    const rate = measured ? progress.ratePerSecond : undefined;

    return (
        <div
            style={styles.box}
            data-testid='deactivate-progress'
        >
            <FocusedHeading
                text={intl.formatMessage(messages.progressTitle)}
                testId='deactivate-progress-title'
            />
            <div
                role='progressbar'
                aria-label={intl.formatMessage(messages.progressLabel)}
                aria-valuemin={0}
                aria-valuemax={total}
                aria-valuenow={done}
                style={styles.barTrack}
            >
                <div style={{...styles.barFill, width: `${percent}%`}}/>
            </div>
            <p
                style={styles.note}
                data-testid='deactivate-progress-counts'
            >
                {intl.formatMessage(messages.progressCounts, counts)}
            </p>
            <p
                style={styles.note}
                data-testid='deactivate-progress-rate'
            >
                {rate === undefined ? intl.formatMessage(messages.progressStarting) : intl.formatMessage(messages.progressRate, {
                    rate: rate.toFixed(1),
                    eta: formatDuration(progress?.etaMs ?? 0),
                })}
            </p>
            <p
                aria-live='polite'
                style={{...styles.note, position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)'}}
                data-testid='deactivate-progress-live'
            >
                {intl.formatMessage(messages.progressAnnounce, {percent: announcedPercent})}
            </p>
            {canceling && <p style={styles.warning}>{intl.formatMessage(messages.canceling)}</p>}
            <div>
                <button
                    type='button'
                    style={buttonStyle(styles.secondary, canceling)}
                    disabled={canceling}
                    onClick={onCancel}
                    data-testid='deactivate-progress-cancel'
                >
                    {intl.formatMessage(messages.cancel)}
                </button>
            </div>
        </div>
    );
}
