import {fireEvent, render, screen} from '@testing-library/react';
import React from 'react';
import {IntlProvider} from 'react-intl';

import type {BulkProgress} from '../../bulk';

import en from '../../../i18n/en.json';

import {ProgressView} from './progress_view';

function progress(done: number, extra: Partial<BulkProgress> = {}): BulkProgress {
    return {done, total: 200, succeeded: done, failed: 0, skipped: 0, ratePerSecond: 0, concurrency: 4, ...extra};
}

function renderView(props: Partial<React.ComponentProps<typeof ProgressView>> = {}) {
    const onCancel = jest.fn();
    const view = render(
        <IntlProvider locale='en' messages={en}>
            <ProgressView total={200} canceling={false} onCancel={onCancel} {...props}/>
        </IntlProvider>,
    );
    return {onCancel, view};
}

describe('ProgressView', () => {
    test('bar reports done and total', () => {
        renderView({progress: progress(50)});
        const bar = screen.getByRole('progressbar');
        expect(bar.getAttribute('aria-valuenow')).toBe('50');
        expect(bar.getAttribute('aria-valuemax')).toBe('200');
        expect(bar.getAttribute('aria-label')).toBe('Batch progress');
    });

    test('counts every state', () => {
        renderView({progress: progress(60, {succeeded: 50, failed: 7, skipped: 3})});
        expect(screen.getByTestId('deactivate-progress-counts').textContent).toBe('60 of 200 done: 50 succeeded, 7 failed, 3 skipped');
    });

    test('shows rate and ETA', () => {
        renderView({progress: progress(60, {ratePerSecond: 9.96, etaMs: 14_060})});
        expect(screen.getByTestId('deactivate-progress-rate').textContent).toBe('10.0 per second, about 14 s left');
    });

    test('no rate during first wave', () => {
        renderView({progress: progress(4, {ratePerSecond: 140})});
        expect(screen.getByTestId('deactivate-progress-rate').textContent).toBe('Measuring the rate…');
    });

    test('live region rounds to tens', () => {
        const {view} = renderView({progress: progress(74)});
        const live = screen.getByTestId('deactivate-progress-live');
        expect(live.getAttribute('aria-live')).toBe('polite');
        expect(live.textContent).toBe('30% done');
        view.rerender(
            <IntlProvider locale='en' messages={en}>
                <ProgressView total={200} canceling={false} onCancel={jest.fn()} progress={progress(82)}/>
            </IntlProvider>,
        );
        expect(screen.getByTestId('deactivate-progress-live').textContent).toBe('40% done');
    });

    test('cancel calls back once', () => {
        const {onCancel} = renderView({progress: progress(10)});
        fireEvent.click(screen.getByTestId('deactivate-progress-cancel'));
        expect(onCancel).toHaveBeenCalledTimes(1);
    });

    test('canceling disables the button', () => {
        renderView({progress: progress(10), canceling: true});
        expect(screen.getByTestId('deactivate-progress-cancel')).toBeDisabled();
        expect(screen.getByText(/nothing new starts/)).toBeInTheDocument();
    });
});
