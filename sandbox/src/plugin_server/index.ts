import {randomBytes} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';

import {AppError, jsonReply} from '../emulator/index';
import type {Emulator, RequestContext, Route} from '../emulator/index';

import {callerUserId} from './caller_session';
import {controlPrefix, handleControlRoute} from './control_routes';
import type {ControlContext} from './control_routes';
import {EphemeralFeed} from './ephemeral_feed';
import {forwardPluginRequest, postToHost} from './forward';
import {startGoHost} from './go_host';
import type {GoHost} from './go_host';

export {goAvailable} from './go_host';

/** Id of the plugin whose server part runs in the sandbox. */
export const serverPartPluginId = 'app.deactivate';

const pluginPrefix = `/plugins/${serverPartPluginId}/`;

/** The Go server part running beside a sandbox. */
export interface PluginServer {
    /**
     * Serves `/__sandbox/…` and `/plugins/app.deactivate/…`; returns false for other paths. The
     * sandbox must route to it before `start`, because the host calls the control routes while
     * it activates.
     */
    handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
    /** Builds and starts the Go host for the sandbox listening at `sandboxUrl`. */
    start(sandboxUrl: string): Promise<void>;
    /** Puts the registered commands back after `emulator.reset()`, which drops them. */
    afterReset(): void;
    stop(): Promise<void>;
}

/** Turns a Go host error reply (a `model.AppError`) into the emulator's `AppError`. */
function hostError(status: number, json: any, fallbackId: string): AppError {
    return new AppError(
        typeof json?.id === 'string' ? json.id : fallbackId,
        typeof json?.message === 'string' ? json.message : `The server part replied ${status}.`,
        status >= 400 ? status : 500,
        typeof json?.detailed_error === 'string' ? json.detailed_error : '',
    );
}

/**
 * `POST /posts/{post_id}/actions/{action_id}` (5.37 `doPostAction`): the emulator checks the
 * session and CSRF token, the Go host decrypts the action cookie and runs the integration.
 */
function postActionRoute(host: () => {url: string; secret: string}): Route {
    return {
        method: 'POST',
        pattern: '/posts/{post_id:[A-Za-z0-9]+}/actions/{action_id:[A-Za-z0-9]+}',
        auth: 'session',
        handler: async (ctx: RequestContext) => {
            const postId = ctx.requireId('post_id');
            const body = ((await ctx.json()) ?? {}) as {selected_option?: unknown; cookie?: unknown};
            const {url, secret} = host();
            const reply = await postToHost(url, secret, '/__host/post_actions', {
                user_id: ctx.userId,
                post_id: postId,
                action_id: ctx.params.action_id,
                selected_option: typeof body.selected_option === 'string' ? body.selected_option : '',
                cookie: typeof body.cookie === 'string' ? body.cookie : '',
            });
            if (reply.status !== 200) {
                throw hostError(reply.status, reply.json, 'api.post.do_action.action_integration.app_error');
            }
            return jsonReply(reply.json);
        },
    };
}

/**
 * Wires `server-proxy/cmd/sandboxhost` into a sandbox: its `RegisterCommand` fills
 * `emulator.commands`, the post action route joins the emulator's routes, and `handle` serves
 * the control routes and the plugin's HTTP routes.
 */
export function createPluginServer(emulator: Emulator, log: (line: string) => void): PluginServer {
    const secret = randomBytes(24).toString('hex');
    const feed = new EphemeralFeed();
    const registered: Array<Record<string, unknown>> = [];
    let hostUrl = '';

    const execute = async (args: {command: string; channelId: string; teamId: string; userId: string}) => {
        const reply = await postToHost(hostUrl, secret, '/__host/execute', {
            command: args.command,
            channel_id: args.channelId,
            team_id: args.teamId,
            user_id: args.userId,
            root_id: '',
        });
        if (reply.status !== 200) {
            throw hostError(reply.status, reply.json, 'api.command.execute_command.failed.app_error');
        }
        return reply.json;
    };

    const registerCommand = (command: Record<string, unknown>) => {
        const trigger = String(command.trigger ?? '');
        emulator.commands.register({
            trigger,
            owner: serverPartPluginId,
            suggestion: {
                Complete: trigger,
                Suggestion: trigger,
                Hint: String(command.auto_complete_hint ?? ''),
                Description: String(command.auto_complete_desc ?? ''),
                IconData: '',
            },
            execute,
        });
    };

    const context: ControlContext = {
        emulator,
        feed,
        secret,
        registerCommand: (command) => {
            registered.push(command);
            registerCommand(command);
        },
    };

    emulator.addRoutes([postActionRoute(() => ({url: hostUrl, secret}))]);

    let host: GoHost | undefined;

    return {
        async handle(req, res) {
            const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
            if (pathname.startsWith(controlPrefix)) {
                await handleControlRoute(context, req, res);
                return true;
            }
            if (pathname.startsWith(pluginPrefix)) {
                const userId = callerUserId(req, emulator.store);
                forwardPluginRequest(hostUrl, secret, userId, req, res, log);
                return true;
            }
            return false;
        },
        afterReset() {
            for (const command of registered) {
                registerCommand(command);
            }
        },
        async start(sandboxUrl) {
            host = await startGoHost(sandboxUrl, secret, log);
            hostUrl = host.url;
            log(`sandbox: the Go server part of ${serverPartPluginId} runs at ${hostUrl}`);
        },
        stop: async () => host?.stop(),
    };
}
