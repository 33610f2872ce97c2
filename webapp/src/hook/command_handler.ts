import type {IntlShape} from 'react-intl';

import {isDeactivateCommand, parseCommand} from '../command';
import type {ParsedCommand} from '../command';
import {closeConfirmation, openConfirmation, reportProgress, startRun} from '../confirm/state';
import type {BatchHistory} from '../history/batch_history';
import {isUndoable} from '../history/batch_record';
import {outcomeOfServerUndo, undoTargets} from '../history/undo_outcome';
import type {ConfirmState} from '../confirm/state';
import {planInactive} from '../inactive';
import {pluginStateKey} from '../manifest';
import {
    escapeMarkdown,
    shortenEcho,
    formatHelp,
    formatOutcome,
    formatPermanentExplanation,
    formatPlanPreview,
    describeParseError,
} from '../outcome';
import {executePlan, isActionableItem, loadProtection, planPlugins, planUndo, planUsers} from '../plan';
import type {Outcome, Plan} from '../plan';
import {postEphemeral} from '../posts/ephemeral';
import type {PostLocation} from '../posts/ephemeral';
import {classifyRestError, describeRestError, isRestError} from '../rest';
import type {RestClient} from '../rest';
import type {SlashCommandArgs, SlashCommandHookResult, WebappStore} from '../types/mattermost_webapp';
import type {LastBatchMemory} from '../undo/last_batch';

import {loadCaller} from './caller';
import {formatNotice} from './notices';
import type {NoticeName} from './notices';

const USER_WRITE_PERMISSION = 'sysconsole_write_user_management_users';
const PLUGIN_WRITE_PERMISSION = 'sysconsole_write_plugins';

export interface CommandHandlerDeps {
    store: WebappStore;
    rest: RestClient;
    intl: IntlShape;
    memory: LastBatchMemory;
    history: BatchHistory;
    ownPluginId: string;
}

/**
 * Runs `/deactivate` in the browser: parses the line, plans it under the caller's session, opens
 * the confirmation modal, and after confirmation writes and reports the outcome as an ephemeral
 * post. Every other command passes through unchanged.
 */
export class CommandHandler {
    constructor(private readonly deps: CommandHandlerDeps) {}

    /** The `registerSlashCommandWillBePostedHook` callback. It catches every exception and returns it as `{error}`. */
    hook = async (message: string, args: SlashCommandArgs): Promise<SlashCommandHookResult> => {
        if (!isDeactivateCommand(message)) {
            return {message, args};
        }
        const location: PostLocation = {channelId: args.channel_id, rootId: args.root_id || ''};
        try {
            return await this.handle(parseCommand(message), message.trim(), location);
        } catch (error) {
            // The editor shows this as plain text, so it needs no markdown escaping.
            const text = error instanceof Error ? error.message : String(error);
            return {error: {message: formatNotice(this.deps.intl, 'unexpected', {message: text})}};
        }
    };

    /** Writes the pending plan. Called by the modal's confirm button. */
    confirm = async (): Promise<void> => {
        const pending = this.confirmState().pending;
        if (!pending || this.confirmState().running) {
            return;
        }
        const {plan, location} = pending;
        const total = plan.items.filter(isActionableItem).length;
        this.deps.store.dispatch(startRun(total));
        try {
            const outcome = await this.run(plan, total);
            this.rememberForUndo(plan, outcome.items);
            const note = plan.kind === 'undo' ? '' : await this.record(outcome);
            this.post(location, formatOutcome(this.deps.intl, outcome) + note);
        } catch (error) {
            this.post(location, this.describeRunFailure(plan, error));
        } finally {
            this.deps.store.dispatch(closeConfirmation());
        }
    };

    private describeRunFailure(plan: Plan, error: unknown): string {
        const {intl} = this.deps;
        if (plan.kind === 'undo' && isRestError(error) && error.status === 409) {
            // The server part returns 409 when another undo of the batch ran or is running.
            return formatNotice(intl, 'alreadyUndone', {batchId: escapeMarkdown(plan.historyBatchId || '')});
        }
        const text = error instanceof Error ? error.message : String(error);
        return formatNotice(intl, 'runFailed', {message: escapeMarkdown(shortenEcho(text))});
    }

    /** Writes the plan: an undo from the history through the server part, the rest from here. */
    private async run(plan: Plan, total: number): Promise<Outcome> {
        if (plan.kind === 'undo' && plan.historyBatchId) {
            const startedAt = Date.now();
            const confirmed = plan.items.flatMap((item) =>
                (item.kind === 'user' && item.class === 'reactivate' && item.user ? [item.user.id] : []));
            const batch = await this.deps.history.undo(plan.historyBatchId, confirmed);
            this.deps.store.dispatch(reportProgress(total, total));
            return outcomeOfServerUndo(plan, batch, startedAt);
        }
        return executePlan(plan, this.deps.rest, (done: number) => {
            this.deps.store.dispatch(reportProgress(done, total));
        });
    }

    /** Saves the batch in the server's history and returns the note that ends the outcome. */
    private async record(outcome: Outcome): Promise<string> {
        try {
            const batch = await this.deps.history.record(outcome);
            const recorded = formatNotice(this.deps.intl, 'recorded', {batchId: escapeMarkdown(batch.id)});
            if (!batch.summary_error) {
                return '\n\n' + recorded;
            }
            const reason = escapeMarkdown(shortenEcho(batch.summary_error, 300));
            return '\n\n' + recorded + ' ' + formatNotice(this.deps.intl, 'summaryFailed', {reason});
        } catch (error) {
            const reason = this.describeHistoryError(error);
            const notice = outcome.plan.kind === 'plugins' ? 'notRecordedPlugins' : 'notRecorded';
            return '\n\n' + formatNotice(this.deps.intl, notice, {reason});
        }
    }

    /**
     * Words a failed history call as markdown-safe text. A 404, 405 or 501 from the plugin's own
     * route, or a page that is not JSON, means the plugin's server part is not running.
     */
    private describeHistoryError(error: unknown): string {
        const {intl} = this.deps;
        if (!isRestError(error)) {
            return escapeMarkdown(String(error));
        }
        const missing = [404, 405, 501].includes(error.status) || classifyRestError(error) === 'invalid_response';
        if (missing && !error.serverErrorId.startsWith('not_found')) {
            return formatNotice(intl, 'serverPartMissing');
        }
        return describeRestError(error, intl).text;
    }

    /** Drops the pending plan without writing. Called by the modal's cancel button. */
    cancel = (): void => {
        const pending = this.confirmState().pending;
        if (!pending || this.confirmState().running) {
            return;
        }
        this.deps.store.dispatch(closeConfirmation());
        this.postCanceled(pending.plan, pending.location);
    };

    private postCanceled(plan: Plan, location: PostLocation): void {
        const command = escapeMarkdown(shortenEcho(plan.command));
        this.post(location, formatNotice(this.deps.intl, 'cancelled', {command}));
    }

    private async handle(
        parsed: ParsedCommand,
        command: string,
        location: PostLocation,
    ): Promise<SlashCommandHookResult> {
        const {intl} = this.deps;
        switch (parsed.command) {
        case 'help':
            this.post(location, formatHelp(intl, parsed.reason));
            return {};
        case 'error':
            return {error: {message: describeParseError(intl, parsed.error)}};
        case 'permanent':
            this.post(location, formatPermanentExplanation(intl));
            return {};
        default:
            break;
        }

        if (this.confirmState().running) {
            this.notice(location, 'busy');
            return {};
        }

        let plan: Plan | undefined;
        try {
            plan = await this.plan(parsed, command, location);
        } catch (error) {
            if (!isRestError(error)) {
                throw error;
            }
            const reason = describeRestError(error, intl);
            const values = {command: escapeMarkdown(shortenEcho(command)), reason: reason.text, detail: reason.detail};
            this.post(location, formatNotice(intl, 'planFailed', values));
            return {};
        }
        if (plan) {
            await this.present(plan, location);
        }
        return {};
    }

    /** Plans the command, or posts why it cannot run and returns undefined. */
    private async plan(parsed: ParsedCommand, command: string, location: PostLocation): Promise<Plan | undefined> {
        const {rest, store, ownPluginId} = this.deps;
        const caller = await loadCaller(store, rest);
        switch (parsed.command) {
        case 'users': {
            const onlySelf = parsed.targets.every((target) => target.kind === 'me');
            if (!onlySelf && !caller.permissions.has(USER_WRITE_PERMISSION)) {
                this.notice(location, 'needsUserPermission');
                return undefined;
            }
            const protection = await loadProtection(rest, this.deps.intl);
            const plan = await planUsers(parsed, caller, rest, protection.usernames);
            return {...plan, command, protectionUnreadable: protection.unreadable};
        }
        case 'plugins':
            if (!caller.permissions.has(PLUGIN_WRITE_PERMISSION)) {
                this.notice(location, 'needsPluginPermission');
                return undefined;
            }
            return {...(await planPlugins(parsed, rest, ownPluginId)), command};
        case 'inactive': {
            if (!caller.permissions.has(USER_WRITE_PERMISSION)) {
                this.notice(location, 'needsUserPermission');
                return undefined;
            }
            const protection = await loadProtection(rest, this.deps.intl);
            const options = {serverUrl: rest.client.getUrl(), protectedUsernames: protection.usernames};
            const plan = await planInactive(parsed, caller, rest, options);
            return {...plan, command, protectionUnreadable: protection.unreadable};
        }
        case 'undo':
            if (!caller.permissions.has(USER_WRITE_PERMISSION)) {
                this.notice(location, 'needsReactivatePermission');
                return undefined;
            }
            return this.planUndoFromHistory(parsed.batch, command, location);
        default:
            return undefined;
        }
    }

    /**
     * Plans the undo of the named batch or of the caller's newest undoable one in the server's
     * history. Without a batch id, an unreadable history falls back to this tab's last batch.
     */
    private async planUndoFromHistory(batchId: string, command: string, location: PostLocation): Promise<Plan | undefined> {
        const {rest, history, intl, memory} = this.deps;
        let historyNote = '';
        try {
            const batch = await history.findUndoable(batchId);
            if (batch && !isUndoable(batch)) {
                const notice = batch.undone_at ? 'alreadyUndone' : 'batchChangedNothing';
                this.post(location, formatNotice(intl, notice, {batchId: escapeMarkdown(batch.id)}));
                return undefined;
            }
            if (batch) {
                const plan = await planUndo(undoTargets(batch), rest);
                return {...plan, command, historyBatchId: batch.id};
            }
        } catch (error) {
            if (!isRestError(error)) {
                throw error;
            }
            if (batchId) {
                const notice = error.status === 404 ? 'batchNotFound' : 'historyUnreadable';
                const reason = this.describeHistoryError(error);
                this.post(location, formatNotice(intl, notice, {batchId: escapeMarkdown(shortenEcho(batchId, 40)), reason}));
                return undefined;
            }
            const reason = this.describeHistoryError(error);
            historyNote = '\n\n' + formatNotice(intl, 'historyUnavailable', {reason});
        }

        const last = memory.recall();
        if (!last) {
            this.post(location, formatNotice(intl, 'nothingToUndo') + historyNote);
            return undefined;
        }
        return {...(await planUndo(last.users, rest)), command};
    }

    /** Shows a dry run, reports a plan with nothing to write, or opens the confirmation. */
    private async present(plan: Plan, location: PostLocation): Promise<void> {
        const {intl, store} = this.deps;
        if (plan.dryRun) {
            this.post(location, formatPlanPreview(intl, plan));
            return;
        }
        if (!plan.items.some(isActionableItem)) {
            // Nothing would be written, so there is nothing to confirm: report the skips at once.
            const outcome = await executePlan(plan, this.deps.rest);
            this.post(location, formatOutcome(intl, outcome));
            return;
        }
        const replaced = this.confirmState().pending;
        if (replaced) {
            // A new command replaces an open confirmation, so the old one is reported as canceled.
            this.postCanceled(replaced.plan, replaced.location);
        }
        store.dispatch(openConfirmation({plan, location}));
    }

    private rememberForUndo(plan: Plan, items: Awaited<ReturnType<typeof executePlan>>['items']): void {
        if (plan.kind === 'undo') {
            this.deps.memory.clear();
            return;
        }
        const users = items.
            filter((entry) => entry.state === 'done' && entry.item.kind === 'user' &&
                (entry.item.class === 'deactivate' || entry.item.class === 'disable_bot')).
            flatMap((entry) => (entry.item.kind === 'user' && entry.item.user ? [entry.item.user] : []));
        this.deps.memory.remember(plan.command, users);
    }

    private confirmState(): ConfirmState {
        const state = this.deps.store.getState() as unknown as Record<string, ConfirmState | undefined>;
        return state[pluginStateKey] || {pending: null, running: false, done: 0, total: 0};
    }

    private notice(location: PostLocation, name: NoticeName): void {
        this.post(location, formatNotice(this.deps.intl, name));
    }

    private post(location: PostLocation, message: string): void {
        const userId = this.deps.store.getState().entities.users.currentUserId;
        postEphemeral(this.deps.store, userId, location, message);
    }
}
