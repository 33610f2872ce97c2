import type {HostStore} from '../store/store';
import type {CommandArgs, PluginComponent} from '../store/plugins_types';

/** Result of the hook chain: an error, a consumed command, or the command to execute. */
export type HookChainResult =
    | {error: {message: string}}
    | {data: {message?: string; args?: CommandArgs}};

/**
 * Runs every `SlashCommandWillBePosted` hook in plugin-id order, as the web app's
 * `runSlashCommandWillBePostedHooks` does. Each hook is awaited in turn. `{error}` stops the
 * chain with that error, `{}` consumes the command and stops it, and a falsy result passes the
 * command on unchanged. There is no try/catch, so a throwing hook rejects the returned promise.
 */
export async function runSlashCommandWillBePostedHooks(
    store: HostStore,
    originalMessage: string,
    originalArgs: CommandArgs,
): Promise<HookChainResult> {
    const state = store.getState() as any;
    const hooks: PluginComponent[] = state.plugins.components.SlashCommandWillBePosted ?? [];

    let message: string | undefined = originalMessage;
    let args: CommandArgs | undefined = originalArgs;

    for (const hook of hooks) {
        const result: any = await hook.hook?.(message as string, args as CommandArgs);
        if (!result) {
            continue;
        }

        if ('error' in result) {
            return {error: result.error};
        }

        message = result.message;
        args = result.args;
        if (!message && !args) {
            break;
        }
    }

    return {data: {message, args}};
}
