import {asciiLower, stripZeroWidth, trimWhitespace, WHITESPACE_CHAR} from './characters';
import {parseDuration} from './duration';
import {parseTarget} from './targets';
import {tokenize} from './tokenize';
import type {Flags, ParsedCommand, Target} from './types';

const TRIGGER = '/deactivate';

type Subcommand = 'help' | 'users' | 'plugins' | 'undo' | 'inactive' | 'permanent';

const SUBCOMMANDS: Record<string, Subcommand> = {
    help: 'help',
    user: 'users',
    users: 'users',
    plugin: 'plugins',
    plugins: 'plugins',
    undo: 'undo',
    inactive: 'inactive',
    delete: 'permanent',
    remove: 'permanent',
};

interface SplitLine {
    flags: Flags;
    permanent: boolean;
    unknownFlag?: string;
    words: string[];
}

/** Returns whether the message starts with the `/deactivate` trigger, in any letter case. */
export function isDeactivateCommand(message: string): boolean {
    const line = trimWhitespace(stripZeroWidth(message));
    if (asciiLower(line.slice(0, TRIGGER.length)) !== TRIGGER) {
        return false;
    }

    const next = line.charAt(TRIGGER.length);
    return next === '' || WHITESPACE_CHAR.test(next);
}

/**
 * Parses a `/deactivate` line by the rules of docs/command-grammar.md. The caller checks
 * isDeactivateCommand first; the trigger itself is not validated again here.
 */
export function parseCommand(message: string): ParsedCommand {
    const rest = trimWhitespace(stripZeroWidth(message)).slice(TRIGGER.length);
    const {flags, permanent, unknownFlag, words} = splitFlags(tokenize(rest));

    if (permanent) {
        return {command: 'permanent', flags};
    }
    if (unknownFlag !== undefined) {
        return {command: 'help', flags, reason: {code: 'unknown_flag', value: unknownFlag}};
    }
    if (words.length === 0) {
        return {command: 'help', flags};
    }

    const subcommand = SUBCOMMANDS[asciiLower(words[0])];
    const args = subcommand ? words.slice(1) : words;

    switch (subcommand ?? 'users') {
    case 'help':
        return {command: 'help', flags};
    case 'permanent':
        return {command: 'permanent', flags};
    case 'undo':
        return parseUndo(args, flags);
    case 'inactive':
        return parseInactive(args, flags);
    case 'plugins':
        return parsePlugins(args, flags);
    default:
        return parseUsers(args, flags);
    }
}

function splitFlags(tokens: string[]): SplitLine {
    const flags: Flags = {dryRun: false, includeAdmins: false, includeBots: false, includeNeverActive: false};
    const split: SplitLine = {flags, permanent: false, words: []};

    for (const token of tokens) {
        if (!token.startsWith('--')) {
            split.words.push(token);
            continue;
        }

        switch (asciiLower(token)) {
        case '--dry-run':
            flags.dryRun = true;
            break;
        case '--include-admins':
            flags.includeAdmins = true;
            break;
        case '--include-bots':
            flags.includeBots = true;
            break;
        case '--include-never-active':
            flags.includeNeverActive = true;
            break;
        case '--permanent':
            split.permanent = true;
            break;
        default:
            split.unknownFlag ??= token;
        }
    }

    return split;
}

function parseUsers(args: string[], flags: Flags): ParsedCommand {
    if (args.length === 0) {
        return {command: 'error', flags, error: {code: 'missing_targets', value: ''}};
    }

    const targets: Target[] = [];
    for (const raw of args) {
        const target = parseTarget(raw);
        if (!target) {
            return {command: 'error', flags, error: {code: 'invalid_target', value: raw}};
        }
        targets.push(target);
    }

    return {command: 'users', flags, targets};
}

function parsePlugins(args: string[], flags: Flags): ParsedCommand {
    if (args.length === 0) {
        return {command: 'error', flags, error: {code: 'missing_plugins', value: ''}};
    }

    return {command: 'plugins', flags, names: args, text: args.join(' ')};
}

function parseUndo(args: string[], flags: Flags): ParsedCommand {
    if (args.length > 1) {
        return {command: 'error', flags, error: {code: 'invalid_batch', value: args.join(' ')}};
    }

    return {command: 'undo', flags, batch: args[0] ?? ''};
}

// A user named `inactive` is written `@inactive`, because the bare word is this subcommand.
function parseInactive(args: string[], flags: Flags): ParsedCommand {
    if (args.length === 0) {
        return {command: 'error', flags, error: {code: 'missing_duration', value: ''}};
    }

    const duration = args.length === 1 ? parseDuration(args[0]) : null;
    if (!duration) {
        return {command: 'error', flags, error: {code: 'invalid_duration', value: args.join(' ')}};
    }

    return {command: 'inactive', flags, duration: duration.text, days: duration.days};
}
