export {isDeactivateCommand, parseCommand} from './parse_command';
export type {Flags, ParsedCommand, ParseErrorCode, Target, TargetKind} from './types';
