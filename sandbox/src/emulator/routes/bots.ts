import {AppError, botNotFound, invalidBodyParam, permissionError, userNotFound} from '../errors';
import type {RequestContext} from '../http/context';
import {readPaging} from '../http/paging';
import {jsonReply, type Reply} from '../http/reply';
import type {Route} from '../http/router';
import type {BotRecord} from '../records';
import {botJson} from '../sanitize';
import {BOT, BOTS} from './patterns';
import {isValidUsername} from './user-queries';

/** Returns the bot row; without `includeDeleted` a disabled bot counts as missing. */
function findBot(ctx: RequestContext, botUserId: string, includeDeleted: boolean): BotRecord {
    const bot = ctx.store.bots.get(botUserId);
    if (!bot || (!includeDeleted && bot.delete_at !== 0)) {
        throw botNotFound();
    }
    return bot;
}

/**
 * Mirrors `App.SessionHasPermissionToManageBot`: a caller who may not even read the bot gets
 * the same 404 as for a user that is not a bot, so bot-ness does not leak.
 */
function requireManageBot(ctx: RequestContext, botUserId: string): BotRecord {
    const bot = findBot(ctx, botUserId, true);
    const own = bot.owner_id === ctx.userId;
    const manage = own ? 'manage_bots' : 'manage_others_bots';
    const read = own ? 'read_bots' : 'read_others_bots';
    if (!ctx.hasPermission(manage)) {
        if (!ctx.hasPermission(read)) {
            throw botNotFound();
        }
        throw permissionError(ctx.userId, manage);
    }
    return bot;
}

async function createBot(ctx: RequestContext): Promise<Reply> {
    const body = await ctx.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw invalidBodyParam('bot');
    }
    const fields = body as Record<string, unknown>;
    ctx.requirePermission('create_bot');
    const caller = ctx.store.users.get(ctx.userId);
    if (caller?.is_bot) {
        throw permissionError(ctx.userId, 'create_bot');
    }
    if (!ctx.store.config.ServiceSettings.EnableBotAccountCreation) {
        throw new AppError('api.bot.create_disabled', 'Bot creation has been disabled.', 403);
    }

    const username = typeof fields.username === 'string' ? fields.username.toLowerCase() : '';
    if (!isValidUsername(username)) {
        throw new AppError(
            'model.bot.is_valid.username.app_error',
            'Invalid username.',
            400,
            `user_id=`,
        );
    }
    if (ctx.store.userByUsername(username)) {
        throw new AppError(
            'app.user.save.username_exists.app_error',
            'An account with that username already exists.',
            400,
        );
    }
    const bot = ctx.store.createBot({
        username,
        display_name: typeof fields.display_name === 'string' ? fields.display_name : '',
        description: typeof fields.description === 'string' ? fields.description : '',
        owner_id: ctx.userId,
    });
    return jsonReply(botJson(ctx.store, bot), 201);
}

/** `GET /bots/{id}`: anyone without `read_others_bots` sees only their own bots. */
function getBot(ctx: RequestContext): Reply {
    const botUserId = ctx.requireId('bot_user_id');
    const includeDeleted = ctx.query.get('include_deleted') === 'true';
    const bot = findBot(ctx, botUserId, includeDeleted);
    if (!ctx.hasPermission('read_others_bots')) {
        if (bot.owner_id !== ctx.userId || !ctx.hasPermission('read_bots')) {
            throw botNotFound();
        }
    }
    return jsonReply(botJson(ctx.store, bot));
}

function getBots(ctx: RequestContext): Reply {
    const includeDeleted = ctx.query.get('include_deleted') === 'true';
    const onlyOrphaned = ctx.query.get('only_orphaned') === 'true';
    let ownerId = '';
    if (!ctx.hasPermission('read_others_bots')) {
        if (!ctx.hasPermission('read_bots')) {
            throw permissionError(ctx.userId, 'read_bots');
        }
        ownerId = ctx.userId;
    }

    const {page, perPage} = readPaging(ctx.query);
    const bots = [...ctx.store.bots.values()]
        .filter((bot) => includeDeleted || bot.delete_at === 0)
        .filter((bot) => !ownerId || bot.owner_id === ownerId)
        .filter((bot) => {
            if (!onlyOrphaned) {
                return true;
            }
            const owner = ctx.store.users.get(bot.owner_id);
            return !owner || owner.delete_at !== 0;
        })
        .sort((a, b) => a.create_at - b.create_at)
        .slice(page * perPage, (page + 1) * perPage);
    return jsonReply(bots.map((bot) => botJson(ctx.store, bot)));
}

function updateBotActive(active: boolean) {
    return (ctx: RequestContext): Reply => {
        const botUserId = ctx.requireId('bot_user_id');
        const bot = requireManageBot(ctx, botUserId);
        ctx.store.updateBotActive(bot, active);
        return jsonReply(botJson(ctx.store, bot));
    };
}

function assignBot(ctx: RequestContext): Reply {
    const botUserId = ctx.requireId('bot_user_id');
    const userId = ctx.requireUserId();
    const bot = requireManageBot(ctx, botUserId);
    const owner = ctx.store.users.get(userId);
    if (!owner) {
        throw userNotFound(userId);
    }
    if (owner.is_bot) {
        throw new AppError(
            'api.context.invalid_param.app_error',
            'Invalid user_id parameter.',
            400,
        );
    }
    bot.owner_id = userId;
    bot.update_at = Date.now();
    return jsonReply(botJson(ctx.store, bot));
}

export function botRoutes(): Route[] {
    return [
        {method: 'POST', pattern: BOTS, auth: 'session', handler: createBot},
        {method: 'GET', pattern: BOTS, auth: 'session', handler: getBots},
        {method: 'GET', pattern: BOT, auth: 'session', handler: getBot},
        {method: 'POST', pattern: `${BOT}/disable`, auth: 'session', handler: updateBotActive(false)},
        {method: 'POST', pattern: `${BOT}/enable`, auth: 'session', handler: updateBotActive(true)},
        {
            method: 'POST',
            pattern: `${BOT}/assign/{user_id:[A-Za-z0-9]+}`,
            auth: 'session',
            handler: assignBot,
        },
    ];
}
