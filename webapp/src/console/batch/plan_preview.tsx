import React from 'react';
import {useIntl} from 'react-intl';

import {actionHeadingMessages, confirmMessages} from '../../confirm/messages';
import {groupPlan, itemLabel} from '../../confirm/plan_groups';
import type {PlanGroup} from '../../confirm/plan_groups';
import type {Plan} from '../../plan';

import {panelStyles as styles} from '../panel_styles';

import {panelSkipReason} from './panel_skip_reasons';

// The confirmation modal cuts groups at the same length.
const MAX_NAMES_PER_GROUP = 25;

export interface PlanPreviewProps {
    plan: Plan;

    /** A warning about how the protected accounts were read, shown above the groups. */
    protectionNote?: string;
}

function NameList({labels}: {labels: string[]}) {
    const intl = useIntl();
    return (
        <ul style={styles.list}>
            {labels.slice(0, MAX_NAMES_PER_GROUP).map((label, index) => (
                <li key={`${label}-${index}`}>{label}</li>
            ))}
            {labels.length > MAX_NAMES_PER_GROUP && (
                <li>{intl.formatMessage(confirmMessages.andMore, {count: labels.length - MAX_NAMES_PER_GROUP})}</li>
            )}
        </ul>
    );
}

/**
 * Shows a plan grouped by class with the wording of the slash command's confirmation modal:
 * the groups that write first, then each skip reason.
 */
export function PlanPreview({plan, protectionNote}: PlanPreviewProps) {
    const intl = useIntl();

    const heading = (group: PlanGroup) => {
        const label = group.actionable ?
            intl.formatMessage(actionHeadingMessages[group.planClass]) :
            intl.formatMessage(confirmMessages.skippedHeading, {
                reason: panelSkipReason(intl, group.planClass),
            });
        return intl.formatMessage(confirmMessages.groupHeading, {label, count: group.items.length});
    };

    const ssoItems = plan.items.filter((item) => item.warnings.includes('sso_reactivation'));
    const writesUsers = plan.items.some((item) => item.class === 'deactivate');

    return (
        <div data-testid='deactivate-preview'>
            {protectionNote && (
                <p
                    style={styles.warning}
                    role='alert'
                    data-testid='deactivate-preview-protection'
                >
                    {protectionNote}
                </p>
            )}
            {groupPlan(plan).map((group) => (
                <section
                    key={group.planClass}
                    data-testid={`deactivate-preview-group-${group.planClass}`}
                >
                    <h4 style={group.actionable ? styles.groupHeadingAction : styles.groupHeading}>{heading(group)}</h4>
                    <NameList labels={group.items.map(itemLabel)}/>
                </section>
            ))}
            {writesUsers && <p style={styles.note}>{intl.formatMessage(confirmMessages.consequences)}</p>}
            {writesUsers && <p style={styles.note}>{intl.formatMessage(confirmMessages.botsFollowOwner)}</p>}
            {ssoItems.length > 0 && (
                <p
                    style={styles.warning}
                    role='alert'
                >
                    {intl.formatMessage(confirmMessages.ssoWarning, {
                        count: ssoItems.length,
                        names: ssoItems.slice(0, MAX_NAMES_PER_GROUP).map(itemLabel).join(', '),
                    })}
                </p>
            )}
            {plan.items.some((item) => item.warnings.includes('self_plugin')) && (
                <p
                    style={styles.warning}
                    role='alert'
                >
                    {intl.formatMessage(confirmMessages.selfPluginWarning)}
                </p>
            )}
        </div>
    );
}
