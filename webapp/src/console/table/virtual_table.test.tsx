import {act, fireEvent, render, screen} from '@testing-library/react';
import React from 'react';

import {VirtualTable, visibleRange} from './virtual_table';
import type {Column} from './virtual_table';

interface Row {
    id: string;
    name: string;
}

const columns: Array<Column<Row>> = [{key: 'name', header: 'Name', width: '1fr', render: (row) => row.name}];

function makeRows(count: number): Row[] {
    return Array.from({length: count}, (_, index) => ({id: `id${index}`, name: `user${index}`}));
}

function Harness({rows, onEndReached}: {rows: Row[]; onEndReached?: () => void}) {
    const [selected, setSelected] = React.useState<Set<string>>(new Set());
    const toggle = (row: Row) => {
        setSelected((current) => {
            const next = new Set(current);
            if (next.has(row.id)) {
                next.delete(row.id);
            } else {
                next.add(row.id);
            }
            return next;
        });
    };
    return (
        <VirtualTable
            rows={rows}
            columns={columns}
            rowKey={(row) => row.id}
            label='Users'
            rowHeight={30}
            height={300}
            overscan={5}
            selected={selected}
            onToggle={toggle}
            onEndReached={onEndReached}
            rowLabel={(row) => `Select ${row.name}`}
            testId='table'
        />
    );
}

function renderedNames(): string[] {
    return screen.getAllByTestId('virtual-row').map((row) => row.textContent ?? '');
}

describe('visibleRange', () => {
    test('adds overscan and clamps', () => {
        expect(visibleRange(0, 300, 30, 5, 10000)).toEqual({start: 0, end: 15});
        expect(visibleRange(3000, 300, 30, 5, 10000)).toEqual({start: 95, end: 115});
        expect(visibleRange(299700, 300, 30, 5, 10000)).toEqual({start: 9985, end: 10000});
    });
});

describe('VirtualTable', () => {
    test('renders only visible rows', () => {
        const started = performance.now();
        render(<Harness rows={makeRows(10000)}/>);
        const elapsed = performance.now() - started;

        expect(screen.getAllByTestId('virtual-row')).toHaveLength(15);
        expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10001');
        // A generous bound for slow CI machines; it fails if every row were rendered.
        expect(elapsed).toBeLessThan(1000);
    });

    test('scrolling moves the window', () => {
        render(<Harness rows={makeRows(10000)}/>);
        const body = screen.getByTestId('table-body');

        act(() => {
            body.scrollTop = 150000;
            fireEvent.scroll(body);
        });

        const names = renderedNames();
        expect(names[0]).toBe('user4995');
        expect(names).toContain('user5000');
        expect(names).toHaveLength(20);
    });

    test('arrow keys move active row', () => {
        render(<Harness rows={makeRows(100)}/>);
        const body = screen.getByTestId('table-body');

        fireEvent.keyDown(body, {key: 'ArrowDown'});
        fireEvent.keyDown(body, {key: 'ArrowDown'});
        const active = document.getElementById(body.getAttribute('aria-activedescendant') ?? '');
        expect(active?.getAttribute('aria-rowindex')).toBe('4');

        fireEvent.keyDown(body, {key: 'End'});
        expect(body.getAttribute('aria-activedescendant')).toMatch(/row-99$/);
        expect(body.scrollTop).toBe(100 * 30 - 300);
    });

    test('space toggles selection', () => {
        render(<Harness rows={makeRows(100)}/>);
        const body = screen.getByTestId('table-body');

        fireEvent.keyDown(body, {key: 'ArrowDown'});
        fireEvent.keyDown(body, {key: ' '});
        const rows = screen.getAllByTestId('virtual-row');
        expect(rows[1].getAttribute('aria-selected')).toBe('true');
        expect(rows[0].getAttribute('aria-selected')).toBe('false');

        fireEvent.keyDown(body, {key: 'Enter'});
        expect(screen.getAllByTestId('virtual-row')[1].getAttribute('aria-selected')).toBe('false');
    });

    test('near the end requests more', () => {
        const onEndReached = jest.fn();
        render(<Harness rows={makeRows(12)} onEndReached={onEndReached}/>);
        expect(onEndReached).toHaveBeenCalled();
    });

    test('far from the end waits', () => {
        const onEndReached = jest.fn();
        render(<Harness rows={makeRows(1000)} onEndReached={onEndReached}/>);
        expect(onEndReached).not.toHaveBeenCalled();
    });

    test('checkboxes named by rowLabel', () => {
        render(<Harness rows={makeRows(3)}/>);
        expect(screen.getByRole('checkbox', {name: 'Select user1'})).toBeInTheDocument();
        expect(screen.queryByRole('checkbox', {name: 'Select row 2'})).toBeNull();
    });
});
