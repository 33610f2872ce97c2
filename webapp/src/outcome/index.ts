export {describeParseError} from './describe_parse_error';
export {escapeMarkdown} from './escape_markdown';
export {shortenEcho} from './shorten_echo';
export {formatHelp} from './format_help';
export {formatOutcome} from './format_outcome';
export {formatPermanentExplanation} from './format_permanent';
export {formatPlanPreview} from './format_plan_preview';
export {formatItemLabel, formatLabelList, formatUserLabel, MAX_NAMES_PER_GROUP} from './labels';
export {outcomeMessages} from './messages';
