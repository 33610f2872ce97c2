import type {IntlShape} from 'react-intl';
import type {UserProfile} from '@mattermost/types/users';

import type {PlanItem} from '../plan';

import {escapeMarkdown} from './escape_markdown';
import {outcomeMessages as messages} from './messages';

/** Names shown per group before the rest is summed up as "and N more". */
export const MAX_NAMES_PER_GROUP = 20;

/** Formats a user as `@username (Display Name)`, escaped for markdown. */
export function formatUserLabel(user: UserProfile): string {
    const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
    const displayName = fullName || user.nickname || '';
    const username = `@${escapeMarkdown(user.username)}`;

    return displayName ? `${username} (${escapeMarkdown(displayName)})` : username;
}

/** Formats a plan item by its user or plugin, or by the target as typed when nothing matched. */
export function formatItemLabel(item: PlanItem): string {
    if (item.kind === 'user') {
        return item.user ? formatUserLabel(item.user) : escapeMarkdown(item.target);
    }
    if (!item.plugin) {
        return escapeMarkdown(item.target);
    }

    const {id, name} = item.plugin;
    return name && name !== id ? `${escapeMarkdown(name)} (${escapeMarkdown(id)})` : escapeMarkdown(id);
}

/** Joins labels with commas, cutting the list at MAX_NAMES_PER_GROUP. */
export function formatLabelList(intl: IntlShape, labels: string[]): string {
    const shown = labels.slice(0, MAX_NAMES_PER_GROUP).join(', ');
    const hidden = labels.length - MAX_NAMES_PER_GROUP;

    return hidden > 0 ? intl.formatMessage(messages.andMore, {names: shown, count: hidden}) : shown;
}
