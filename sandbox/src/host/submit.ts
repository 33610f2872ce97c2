import {PostTypes} from 'mattermost-redux/action_types';
import {getCurrentChannelId} from 'mattermost-redux/selectors/entities/channels';
import {getCurrentTeamId} from 'mattermost-redux/selectors/entities/teams';
import {getCurrentUserId} from 'mattermost-redux/selectors/entities/users';

import {Client4} from './client';
import {browserHistory} from './history';
import {runSlashCommandWillBePostedHooks} from './plugins/slash_command_hooks';
import type {CommandArgs} from './store/plugins_types';
import type {HostStore} from './store/store';

/** Error id of `POST /commands/execute` for a trigger no command owns. */
export const commandNotFoundErrorId = 'api.command.execute_command.not_found.app_error';

/** An error shown under the message box, as the web app's `setServerError` stores it. */
export interface EditorError {
    message: string;
    server_error_id?: string;
    submittedMessage?: string;
}

/** Result of one submission: empty, or an error for the editor. */
export type SubmitResult = {error?: EditorError};

/** Returns whether an editor error is the unknown-command error (`isErrorInvalidSlashCommand`). */
export function isErrorInvalidSlashCommand(error: EditorError | null): boolean {
    return error?.server_error_id === commandNotFoundErrorId;
}

/**
 * Lower-cases the trigger and trims the rest, as the web app's `executeCommand` does before
 * it sends the command to the server.
 */
function normalizeCommand(message: string): string {
    const trimmed = message.trim();
    const space = trimmed.search(/\s/);
    if (space === -1) {
        return trimmed.toLowerCase();
    }
    return trimmed.slice(0, space).toLowerCase() + ' ' + trimmed.slice(space).trim();
}

// NOTE: the web app runs `/search`, `/shortcuts`, `/settings` and a few other commands in the
// client. The host sends every command that the hooks leave to `POST /commands/execute`.
async function executeCommand(message: string, args: CommandArgs): Promise<void> {
    const response = await Client4.executeCommand(normalizeCommand(message), args);
    if (response.goto_location) {
        const url = new URL(response.goto_location, window.location.origin);
        if (url.origin === window.location.origin) {
            browserHistory.push(url.pathname);
        } else {
            window.open(url.href, '_blank', 'noopener');
        }
    }
}

async function submitPost(store: HostStore, message: string): Promise<void> {
    const state = store.getState() as any;
    const created = await Client4.createPost({
        channel_id: getCurrentChannelId(state),
        user_id: getCurrentUserId(state),
        root_id: '',
        message,
        pending_post_id: `${getCurrentUserId(state)}:${Date.now()}`,
        create_at: 0,
        props: {},
    } as any);
    store.dispatch({type: PostTypes.RECEIVED_NEW_POST, data: created});
}

/**
 * Runs the plugin hooks on a slash command, then executes what they leave on the server, like
 * the web app's `submitCommand`. A hook that throws rejects the returned promise.
 */
async function submitCommand(store: HostStore, message: string): Promise<SubmitResult> {
    const state = store.getState() as any;
    const args: CommandArgs = {
        channel_id: getCurrentChannelId(state),
        team_id: getCurrentTeamId(state),
        root_id: '',
    };

    const hookResult = await runSlashCommandWillBePostedHooks(store, message, args);
    if ('error' in hookResult) {
        return {error: hookResult.error};
    }

    const {message: finalMessage, args: finalArgs} = hookResult.data;
    if (!finalMessage && !finalArgs) {
        return {};
    }

    await executeCommand(finalMessage as string, finalArgs as CommandArgs);
    return {};
}

/**
 * Submits the message box like the web app's `onSubmit`: text starting with `/` goes through
 * the slash command path unless `ignoreSlash` is set, anything else is posted.
 */
export async function submitDraft(
    store: HostStore,
    message: string,
    options: {ignoreSlash: boolean},
): Promise<SubmitResult> {
    if (!options.ignoreSlash && message.startsWith('/')) {
        return submitCommand(store, message);
    }

    await submitPost(store, message);
    return {};
}
