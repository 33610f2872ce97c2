/** Options that may appear anywhere on a `/deactivate` line. */
export interface Flags {
    dryRun: boolean;
    includeAdmins: boolean;
    includeBots: boolean;

    /** `--include-never-active`: `inactive` also selects users with no recorded activity. */
    includeNeverActive: boolean;
}

export type TargetKind = 'username' | 'email' | 'id' | 'me';

/** One user named on the command line, normalised for lookup. */
export interface Target {
    kind: TargetKind;

    /** Lower-cased value without the leading `@` and trailing punctuation. */
    value: string;

    /** The token as typed, without surrounding quotes. */
    raw: string;
}

export type ParseErrorCode =
    | 'invalid_target'
    | 'missing_targets'
    | 'missing_plugins'
    | 'invalid_batch'
    | 'missing_duration'
    | 'invalid_duration';

export type ParsedCommand =
    | {command: 'help'; flags: Flags; reason?: {code: 'unknown_flag'; value: string}}
    | {command: 'users'; flags: Flags; targets: Target[]}
    | {command: 'plugins'; flags: Flags; names: string[]; text: string}
    | {command: 'undo'; flags: Flags; batch: string}
    | {command: 'inactive'; flags: Flags; duration: string; days: number}
    | {command: 'permanent'; flags: Flags}
    | {command: 'error'; flags: Flags; error: {code: ParseErrorCode; value: string}};
