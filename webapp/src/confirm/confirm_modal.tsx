import React, {useEffect, useRef} from 'react';
import {useIntl} from 'react-intl';

import {formatSelectionNote} from '../inactive/selection_note';
import {shortenEcho} from '../outcome/shorten_echo';
import {formatProtectionNote, skipReasonMessages} from '../plan';
import type {Plan} from '../plan';

import {actionHeadingMessages, confirmMessages as messages} from './messages';
import {countWrites, groupPlan, itemLabel} from './plan_groups';
import type {PlanGroup} from './plan_groups';
import {modalStyles as styles} from './styles';

// Past this many names a group is cut short, so a batch of thousands still fits on screen.
const MAX_NAMES_PER_GROUP = 25;

export interface ConfirmModalProps {
    plan: Plan;
    running: boolean;
    done: number;
    total: number;
    onConfirm(): void;
    onCancel(): void;
}

/** The dialog that shows a plan grouped by class and asks before anything is written. */
export function ConfirmModal({plan, running, done, total, onConfirm, onCancel}: ConfirmModalProps) {
    const intl = useIntl();
    const cancelRef = useRef<HTMLButtonElement>(null);
    const groups = groupPlan(plan);
    const writes = countWrites(plan);
    const writeCount = writes.users + writes.bots + writes.plugins + writes.reactivations;

    useEffect(() => {
        // Focus starts on Cancel, so a stray Enter never confirms a destructive action. The web
        // app's message box takes focus back right after a command is consumed, so focus is set
        // again once that has happened.
        cancelRef.current?.focus();
        const timer = window.setTimeout(() => cancelRef.current?.focus(), 100);
        return () => window.clearTimeout(timer);
    }, []);

    useEffect(() => {
        // Escape cancels wherever focus is, as in the web app's own modals.
        const handleEscape = (event: KeyboardEvent) => {
            if (event.key === 'Escape' && !running) {
                event.stopPropagation();
                onCancel();
            }
        };
        document.addEventListener('keydown', handleEscape, true);
        return () => document.removeEventListener('keydown', handleEscape, true);
    }, [running, onCancel]);

    const titleId = `${plan.kind}-confirm-title`;
    const ssoItems = plan.items.filter((item) => item.warnings.includes('sso_reactivation'));
    const hasSelfPlugin = plan.items.some((item) => item.warnings.includes('self_plugin'));
    const selectionNote = formatSelectionNote(intl, plan);
    const protectionNote = formatProtectionNote(intl, plan.protectionUnreadable);

    return (
        <div style={styles.backdrop} data-testid='deactivate-confirm-backdrop'>
            <div
                role='dialog'
                aria-modal='true'
                aria-labelledby={titleId}
                style={styles.dialog}
                data-testid='deactivate-confirm'
            >
                <h2 id={titleId} style={styles.title}>
                    {intl.formatMessage(titleMessage(plan, writes))}
                </h2>
                <p style={styles.command}>
                    {intl.formatMessage(messages.command, {command: <code key='command'>{shortenEcho(plan.command)}</code>})}
                </p>
                {selectionNote && (
                    <p style={styles.note} data-testid='deactivate-confirm-selection'>
                        {selectionNote}
                    </p>
                )}
                {protectionNote && (
                    <p
                        style={styles.warning}
                        role='alert'
                        data-testid='deactivate-confirm-protection'
                    >
                        {protectionNote}
                    </p>
                )}
                {groups.map((group) => (
                    <section key={group.planClass} data-testid={`deactivate-group-${group.planClass}`}>
                        <h3 style={headingStyle(group)}>
                            {intl.formatMessage(messages.groupHeading, {
                                label: groupLabel(intl, group),
                                count: group.items.length,
                            })}
                        </h3>
                        <ul style={styles.list}>
                            {group.items.slice(0, MAX_NAMES_PER_GROUP).map((item, index) => (
                                <li key={`${item.target}-${index}`}>{itemLabel(item)}</li>
                            ))}
                            {group.items.length > MAX_NAMES_PER_GROUP && (
                                <li>
                                    {intl.formatMessage(messages.andMore, {
                                        count: group.items.length - MAX_NAMES_PER_GROUP,
                                    })}
                                </li>
                            )}
                        </ul>
                    </section>
                ))}
                {writes.users > 0 && <p style={styles.note}>{intl.formatMessage(messages.consequences)}</p>}
                {writes.users > 0 && <p style={styles.note}>{intl.formatMessage(messages.botsFollowOwner)}</p>}
                {ssoItems.length > 0 && (
                    <p style={styles.warning} role='alert'>
                        {intl.formatMessage(messages.ssoWarning, {
                            count: ssoItems.length,
                            names: ssoItems.slice(0, MAX_NAMES_PER_GROUP).map(itemLabel).join(', '),
                        })}
                    </p>
                )}
                {hasSelfPlugin && (
                    <p style={styles.warning} role='alert'>
                        {intl.formatMessage(messages.selfPluginWarning)}
                    </p>
                )}
                {writeCount === 0 && <p style={styles.note}>{intl.formatMessage(messages.nothingToDo)}</p>}
                {running && (
                    <p style={styles.progress} role='status' data-testid='deactivate-confirm-progress'>
                        {intl.formatMessage(messages.running, {done, total})}
                    </p>
                )}
                <div style={styles.buttons}>
                    <button
                        ref={cancelRef}
                        type='button'
                        style={styles.cancelButton}
                        onClick={onCancel}
                        disabled={running}
                        data-testid='deactivate-confirm-cancel'
                    >
                        {intl.formatMessage(writeCount === 0 ? messages.close : messages.cancel)}
                    </button>
                    {writeCount > 0 && (
                        <button
                            type='button'
                            style={plan.kind === 'undo' ? styles.restoreButton : styles.confirmButton}
                            onClick={onConfirm}
                            disabled={running}
                            data-testid='deactivate-confirm-submit'
                        >
                            {confirmLabel(intl, writes)}
                        </button>
                    )}
                </div>
            </div>
        </div>
    );
}

function headingStyle(group: PlanGroup): React.CSSProperties {
    if (!group.actionable) {
        return styles.groupHeading;
    }
    return group.planClass === 'reactivate' ? styles.groupHeadingRestore : styles.groupHeadingAction;
}

function groupLabel(intl: ReturnType<typeof useIntl>, group: PlanGroup): string {
    if (group.actionable) {
        return intl.formatMessage(actionHeadingMessages[group.planClass]);
    }
    const reason = skipReasonMessages[group.planClass as keyof typeof skipReasonMessages];
    return intl.formatMessage(messages.skippedHeading, {reason: intl.formatMessage(reason)});
}

function titleMessage(plan: Plan, writes: ReturnType<typeof countWrites>) {
    if (plan.kind === 'plugins') {
        return messages.titlePlugins;
    }
    if (writes.users === 0 && writes.bots > 0) {
        return messages.titleBots;
    }
    if (plan.kind === 'undo') {
        return messages.titleUndo;
    }
    return messages.titleUsers;
}

function confirmLabel(intl: ReturnType<typeof useIntl>, writes: ReturnType<typeof countWrites>): string {
    if (writes.plugins > 0) {
        return intl.formatMessage(messages.confirmPlugins, {count: writes.plugins});
    }
    if (writes.reactivations > 0) {
        return intl.formatMessage(messages.confirmUndo, {count: writes.reactivations});
    }
    if (writes.users > 0 && writes.bots > 0) {
        return intl.formatMessage(messages.confirmUsersAndBots, {users: writes.users, bots: writes.bots});
    }
    if (writes.bots > 0) {
        return intl.formatMessage(messages.confirmBots, {count: writes.bots});
    }
    return intl.formatMessage(messages.confirmUsers, {count: writes.users});
}
