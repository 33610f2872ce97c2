import type {IntlShape} from 'react-intl';

import {inactiveMessages} from '../inactive/messages';

import {escapeMarkdown} from './escape_markdown';
import {outcomeMessages as messages} from './messages';

/** Builds the help reply, opening with the unknown flag when one caused it. */
export function formatHelp(intl: IntlShape, reason?: {code: 'unknown_flag'; value: string}): string {
    const lines: string[] = [intl.formatMessage(messages.helpHeading)];

    if (reason) {
        lines.push(intl.formatMessage(messages.helpUnknownFlag, {flag: `**${escapeMarkdown(reason.value)}**`}), '');
    }

    lines.push(
        intl.formatMessage(messages.helpIntro),
        '',
        intl.formatMessage(messages.helpUsers),
        intl.formatMessage(messages.helpEmails),
        intl.formatMessage(messages.helpIds),
        intl.formatMessage(messages.helpMe),
        intl.formatMessage(messages.helpPlugins),
        intl.formatMessage(inactiveMessages.helpInactive),
        intl.formatMessage(messages.helpUndo),
        '',
        intl.formatMessage(messages.helpFlagsHeading),
        '',
        intl.formatMessage(messages.helpDryRun),
        intl.formatMessage(messages.helpIncludeAdmins),
        intl.formatMessage(messages.helpIncludeBots),
        intl.formatMessage(inactiveMessages.helpIncludeNeverActive),
        intl.formatMessage(messages.helpPermanent),
        '',
        intl.formatMessage(messages.helpAdminNote),
    );

    return lines.join('\n');
}
