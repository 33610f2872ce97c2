/** An entry of `GET /teams/{id}/commands/autocomplete_suggestions` (`model.AutocompleteSuggestion`). */
export interface AutocompleteSuggestion {
    Complete: string;
    Suggestion: string;
    Hint: string;
    Description: string;
    IconData: string;
}

function suggestion(trigger: string, hint: string, description: string): AutocompleteSuggestion {
    return {Complete: trigger, Suggestion: trigger, Hint: hint, Description: description, IconData: ''};
}

/** The built-in commands a 5.37 Team Edition server suggests for `/`, in its order. */
export const BUILTIN_SUGGESTIONS: readonly AutocompleteSuggestion[] = [
    suggestion('away', '', 'Set your status away'),
    suggestion('code', '[text]', 'Display text as a code block'),
    suggestion('collapse', '', 'Turn on auto-collapsing of image previews'),
    suggestion('dnd', '', 'Do not disturb disables desktop and mobile push notifications.'),
    suggestion('echo', "'message' [delay in seconds]", 'Echo back text from your account'),
    suggestion('expand', '', 'Turn off auto-collapsing of image previews'),
    suggestion(
        'groupmsg',
        "@[username1],@[username2] 'message'",
        'Sends a Group Message to the specified users',
    ),
    suggestion('header', '[text]', 'Edit the channel header'),
    suggestion('help', '', 'Open the Mattermost help page'),
    suggestion('invite', '@[username] ~[channel]', 'Invite a user to a channel'),
    suggestion('join', '~[channel]', 'Join the open channel'),
    suggestion('kick', '@[username]', 'Remove a member from the channel'),
    suggestion('leave', '', 'Leave the current channel'),
    suggestion('logout', '', 'Logout of Mattermost'),
    suggestion('me', '[message]', 'Do an action'),
    suggestion('msg', "@[username] 'message'", 'Send Direct Message to a user'),
    suggestion(
        'mute',
        '~[channel]',
        'Turns off desktop, email and push notifications for the current channel or the ' +
            '[channel] specified.',
    ),
    suggestion('offline', '', 'Set your status offline'),
    suggestion('online', '', 'Set your status online'),
    suggestion('open', '~[channel]', 'Join the open channel'),
    suggestion('purpose', '[text]', 'Edit the channel purpose'),
    suggestion('remove', '@[username]', 'Remove a member from the channel'),
    suggestion('rename', '[text]', 'Rename the channel'),
    suggestion('search', '[text]', 'Search text in messages'),
    suggestion(
        'secure-connection',
        '[action]',
        'Add/remove secure connections. Available actions: create, accept, remove, status',
    ),
    suggestion('settings', '', 'Open the Account Settings dialog'),
    suggestion('share-channel', '[action]', 'Available actions: invite, uninvite, unshare, status'),
    suggestion('shortcuts', '', 'Displays a list of keyboard shortcuts'),
    suggestion('shrug', '[message]', 'Adds ¯\\_(ツ)_/¯ to your message'),
    suggestion('status', '[:emoji_name:] [status_message] or clear', 'Set or clear your status'),
];
