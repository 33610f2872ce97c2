import {BUILTIN_SUGGESTIONS} from '../commands/builtin';
import {AppError, invalidBodyParam, permissionError} from '../errors';
import type {RequestContext} from '../http/context';
import {jsonReply, type Reply} from '../http/reply';
import type {Route} from '../http/router';
import {TEAM} from './patterns';
import {compareValues} from '../compare';

/**
 * `POST /commands/execute` in the order of 5.37 `executeCommand`: body checks, then
 * `use_slash_commands` in the channel (403 for a channel the caller is not in), then the
 * trigger lookup (404 for a trigger that no command registered).
 */
async function executeCommand(ctx: RequestContext): Promise<Reply> {
    const body = (await ctx.json()) as {command?: unknown; channel_id?: unknown} | undefined;
    const command = typeof body?.command === 'string' ? body.command : '';
    const channelId = typeof body?.channel_id === 'string' ? body.channel_id : '';
    if (command.length <= 1 || !command.startsWith('/') || channelId === '') {
        throw invalidBodyParam('command');
    }
    if (!ctx.store.hasChannelPermission(ctx.userId, channelId, 'use_slash_commands')) {
        throw permissionError(ctx.userId, 'use_slash_commands');
    }
    const channel = ctx.store.channels.get(channelId);
    const trigger = command.slice(1).split(/\s+/)[0];
    const registered = ctx.commands.find(trigger);
    if (!registered || !channel) {
        throw new AppError(
            'api.command.execute_command.not_found.app_error',
            `Command with a trigger of '${trigger}' not found. To send a message beginning ` +
                'with "/", try adding an empty space at the beginning of the message.',
            404,
        );
    }
    const response = await registered.execute({
        command,
        channelId,
        teamId: channel.team_id,
        userId: ctx.userId,
    });
    return jsonReply(response);
}

/**
 * `GET /teams/{id}/commands/autocomplete_suggestions`: built-in and registered triggers that
 * start with the typed word; nothing once the input has an argument.
 */
function autocompleteSuggestions(ctx: RequestContext): Reply {
    const teamId = ctx.requireId('team_id');
    if (!ctx.store.isTeamMember(teamId, ctx.userId) && !ctx.hasPermission('view_team')) {
        throw permissionError(ctx.userId, 'view_team');
    }
    const userInput = ctx.query.get('user_input') ?? '';
    if (userInput === '') {
        throw new AppError(
            'api.context.invalid_url_param.app_error',
            'Invalid or missing user_input parameter in request URL.',
            400,
        );
    }
    const typed = userInput.replace(/^\//, '');
    if (/\s/.test(typed)) {
        return jsonReply([]);
    }
    const suggestions = [...BUILTIN_SUGGESTIONS, ...ctx.commands.all().map((c) => c.suggestion)]
        .filter((suggestion) => suggestion.Complete.startsWith(typed.toLowerCase()))
        .sort((a, b) => compareValues(a.Complete, b.Complete));
    return jsonReply(suggestions);
}

export function commandRoutes(): Route[] {
    return [
        {method: 'POST', pattern: '/commands/execute', auth: 'session', handler: executeCommand},
        {
            method: 'GET',
            pattern: `${TEAM}/commands/autocomplete_suggestions`,
            auth: 'session',
            handler: autocompleteSuggestions,
        },
    ];
}
