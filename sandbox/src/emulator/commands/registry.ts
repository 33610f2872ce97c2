import type {AutocompleteSuggestion} from './builtin';

/** What a registered command receives: the fields of `model.CommandArgs` it needs. */
export interface CommandArgs {
    command: string;
    channelId: string;
    teamId: string;
    userId: string;
}

/** A `model.CommandResponse`; `response_type` is `ephemeral` or `in_channel`. */
export interface CommandResponse {
    response_type?: 'ephemeral' | 'in_channel';
    text?: string;
    [key: string]: unknown;
}

export interface RegisteredCommand {
    trigger: string;
    /** Plugin id, or another label of who registered the command. */
    owner: string;
    suggestion: AutocompleteSuggestion;
    execute(args: CommandArgs): CommandResponse | Promise<CommandResponse>;
}

/**
 * Slash commands that `POST /commands/execute` can run. It starts empty, like a server without
 * plugins; a plugin server part can register its trigger here (the sandbox's stand-in for the
 * plugin API's `RegisterCommand`).
 */
export class CommandRegistry {
    private readonly commands = new Map<string, RegisteredCommand>();

    register(command: RegisteredCommand): void {
        this.commands.set(command.trigger.toLowerCase(), command);
    }

    unregister(trigger: string): void {
        this.commands.delete(trigger.toLowerCase());
    }

    unregisterOwner(owner: string): void {
        for (const [trigger, command] of this.commands) {
            if (command.owner === owner) {
                this.commands.delete(trigger);
            }
        }
    }

    find(trigger: string): RegisteredCommand | undefined {
        return this.commands.get(trigger.toLowerCase());
    }

    all(): RegisteredCommand[] {
        return [...this.commands.values()];
    }

    clear(): void {
        this.commands.clear();
    }
}
