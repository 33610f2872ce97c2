import React, {useCallback, useEffect, useRef, useState} from 'react';

import {tableStyles as styles} from './table_styles';

export interface Column<T> {
    key: string;
    header: string;
    /** A CSS grid track, such as `2fr` or `120px`. */
    width: string;
    render(row: T): React.ReactNode;
}

export interface VirtualTableProps<T> {
    rows: readonly T[];
    columns: Array<Column<T>>;
    rowKey(row: T): string;
    /** Accessible name of the table. */
    label: string;
    /** Pixels per row; every row has this height, which is what makes virtual rendering cheap. */
    rowHeight?: number;
    /** Pixels of the scrolling body. */
    height?: number;
    /** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
    overscan?: number;
    /** With these two, a checkbox column selects rows and Space toggles the active row. */
    selected?: ReadonlySet<string>;
    onToggle?(row: T): void;
    /** Accessible name of a row's checkbox, such as "Select @alice"; "Select row N" without it. */
    rowLabel?(row: T): string;
    /** Called when the visible rows come near the end, to load the next page. */
    onEndReached?(): void;
    emptyText?: string;
    testId?: string;
}

// React 17, which the web app ships before Mattermost 11, has no useId.
let tableSequence = 0;

function useTableId(): string {
    const id = useRef('');
    if (id.current === '') {
        tableSequence += 1;
        id.current = `deactivate-table-${tableSequence}`;
    }
    return id.current;
}

interface Range {
    start: number;
    end: number;
}

/** Returns the rows to render, [start, end), for a scroll position. */
export function visibleRange(scrollTop: number, height: number, rowHeight: number, overscan: number, count: number): Range {
    const first = Math.floor(scrollTop / rowHeight);
    const last = Math.ceil((scrollTop + height) / rowHeight);
    return {start: Math.max(0, first - overscan), end: Math.min(count, last + overscan)};
}

/**
 * A table that renders only the rows in view, positioned inside a spacer as tall as every row
 * together, so 10,000 rows cost as much as 30. It is an ARIA grid: arrow keys, Page Up/Down,
 * Home and End move the active row, Space or Enter toggles its selection, and
 * `aria-rowcount`/`aria-rowindex` tell screen readers where they are in the whole list.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
    const {rows, columns, rowKey, label, selected, onToggle, rowLabel, onEndReached, emptyText, testId} = props;
    const rowHeight = props.rowHeight ?? 36;
    const height = props.height ?? 360;
    const overscan = props.overscan ?? 6;
    const bodyRef = useRef<HTMLDivElement>(null);
    const [scrollTop, setScrollTop] = useState(0);
    const [active, setActive] = useState(0);
    const idPrefix = useTableId();
    const selectable = Boolean(selected && onToggle);

    const range = visibleRange(scrollTop, height, rowHeight, overscan, rows.length);
    const template = [selectable ? '40px' : '', ...columns.map((column) => column.width)].join(' ').trim();

    useEffect(() => {
        if (rows.length > 0 && range.end >= rows.length - overscan) {
            onEndReached?.();
        }
    }, [range.end, rows.length, overscan, onEndReached]);

    useEffect(() => {
        if (active >= rows.length && rows.length > 0) {
            setActive(rows.length - 1);
        }
    }, [active, rows.length]);

    // Scrolls just enough to show the active row after a key press.
    const reveal = useCallback((index: number) => {
        const body = bodyRef.current;
        if (!body) {
            return;
        }
        const top = index * rowHeight;
        if (top < body.scrollTop) {
            body.scrollTop = top;
        } else if (top + rowHeight > body.scrollTop + height) {
            body.scrollTop = top + rowHeight - height;
        }
        setScrollTop(body.scrollTop);
    }, [rowHeight, height]);

    const handleKeyDown = (event: React.KeyboardEvent) => {
        if (rows.length === 0) {
            return;
        }
        const page = Math.max(1, Math.floor(height / rowHeight) - 1);
        const moves: Record<string, number> = {
            ArrowDown: active + 1,
            ArrowUp: active - 1,
            PageDown: active + page,
            PageUp: active - page,
            Home: 0,
            End: rows.length - 1,
        };
        if (event.key in moves) {
            event.preventDefault();
            const next = Math.min(rows.length - 1, Math.max(0, moves[event.key]));
            setActive(next);
            reveal(next);
        } else if ((event.key === ' ' || event.key === 'Enter') && selectable) {
            event.preventDefault();
            onToggle?.(rows[active]);
        }
    };

    const rowId = (index: number) => `${idPrefix}-row-${index}`;
    const rendered: React.ReactNode[] = [];
    for (let index = range.start; index < range.end; index++) {
        const row = rows[index];
        const key = rowKey(row);
        const isSelected = selected?.has(key) ?? false;
        rendered.push(
            <div
                key={key}
                id={rowId(index)}
                role='row'
                aria-rowindex={index + 2}
                aria-selected={selectable ? isSelected : undefined}
                data-testid='virtual-row'
                style={{
                    ...styles.row,
                    gridTemplateColumns: template,
                    top: index * rowHeight,
                    height: rowHeight,
                    ...(index === active ? styles.activeRow : {}),
                }}
                onClick={() => setActive(index)}
            >
                {selectable && (
                    <div
                        role='gridcell'
                        style={styles.cell}
                    >
                        <input
                            type='checkbox'
                            tabIndex={-1}
                            checked={isSelected}
                            aria-label={rowLabel ? rowLabel(row) : `Select row ${index + 1}`}
                            onChange={() => onToggle?.(row)}
                        />
                    </div>
                )}
                {columns.map((column) => (
                    <div
                        key={column.key}
                        role='gridcell'
                        style={styles.cell}
                    >
                        {column.render(row)}
                    </div>
                ))}
            </div>,
        );
    }

    return (
        <div
            role='grid'
            aria-label={label}
            aria-rowcount={rows.length + 1}
            aria-multiselectable={selectable || undefined}
            data-testid={testId}
            style={styles.grid}
        >
            <div
                role='row'
                aria-rowindex={1}
                style={{...styles.headerRow, gridTemplateColumns: template}}
            >
                {selectable && (
                    <div
                        role='columnheader'
                        style={styles.cell}
                    >
                        <span style={styles.visuallyHidden}>{'Selected'}</span>
                    </div>
                )}
                {columns.map((column) => (
                    <div
                        key={column.key}
                        role='columnheader'
                        style={styles.cell}
                    >
                        {column.header}
                    </div>
                ))}
            </div>
            <div
                ref={bodyRef}
                tabIndex={0}
                role='rowgroup'
                aria-activedescendant={rows.length > 0 ? rowId(active) : undefined}
                style={{...styles.body, height}}
                onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
                onKeyDown={handleKeyDown}
                data-testid={testId ? `${testId}-body` : undefined}
            >
                {rows.length === 0 && emptyText && <div style={styles.empty}>{emptyText}</div>}
                <div style={{position: 'relative', height: rows.length * rowHeight}}>{rendered}</div>
            </div>
        </div>
    );
}
