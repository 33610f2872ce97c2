package deactivate

import (
	"regexp"
	"strings"
	"unicode"
)

// Command kinds, as named in docs/command-grammar.md.
const (
	commandHelp      = "help"
	commandUsers     = "users"
	commandPlugins   = "plugins"
	commandUndo      = "undo"
	commandInactive  = "inactive"
	commandPermanent = "permanent"
	commandError     = "error"
)

// Target kinds of a user target.
const (
	targetMe       = "me"
	targetEmail    = "email"
	targetID       = "id"
	targetUsername = "username"
)

// Parse error codes that the caller fixes in the message box.
const (
	errorInvalidTarget   = "invalid_target"
	errorMissingTargets  = "missing_targets"
	errorMissingPlugins  = "missing_plugins"
	errorInvalidBatch    = "invalid_batch"
	errorMissingDuration = "missing_duration"
	errorInvalidDuration = "invalid_duration"
	errorUnknownFlag     = "unknown_flag"
)

const commandTrigger = "deactivate"

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9]{26}$`)
	usernamePattern = regexp.MustCompile(`^[a-z0-9._-]{1,64}$`)
)

// Flags holds the recognised `--` flags of a command line. `--permanent`
// is not a flag here: it turns the whole line into the permanent command.
type Flags struct {
	DryRun        bool `json:"dry_run"`
	IncludeAdmins bool `json:"include_admins"`
	IncludeBots   bool `json:"include_bots"`
	// IncludeNeverActive makes `inactive` also select users with no
	// recorded activity.
	IncludeNeverActive bool `json:"include_never_active"`
}

// Target is one user named on the command line.
type Target struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
	// Raw is the token as typed, quotes removed.
	Raw string `json:"raw"`
}

// ParseError is a code with the value it is about.
type ParseError struct {
	Code  string `json:"code"`
	Value string `json:"value"`
}

// ParsedCommand is the result of parsing one `/deactivate` line. Its JSON
// form is the `parse` object of testdata/command-vectors.json.
type ParsedCommand struct {
	// Command is help, users, plugins, undo, permanent, or error when
	// Error names what the caller has to fix.
	Command string   `json:"command"`
	Flags   Flags    `json:"flags"`
	Targets []Target `json:"targets,omitempty"`
	// PluginNames are the names after `plugin`, as typed, and PluginText
	// is the same names joined by one space.
	PluginNames []string `json:"names,omitempty"`
	PluginText  string   `json:"text,omitempty"`
	BatchID     string   `json:"batch,omitempty"`
	// Duration is the `inactive` duration token, lower-cased, and
	// DurationDays its length in days.
	Duration     string `json:"duration,omitempty"`
	DurationDays int    `json:"days,omitempty"`
	// Reason names why the command became help (an unknown flag).
	Reason *ParseError `json:"reason,omitempty"`
	Error  *ParseError `json:"error,omitempty"`
}

// isCommandLine reports whether line starts with the `/deactivate` trigger,
// matched case-insensitively and followed by whitespace or the end of the
// line. Zero-width characters are ignored, as in parseCommand.
func isCommandLine(line string) bool {
	_, ok := stripTrigger(strings.TrimFunc(dropZeroWidth(line), unicode.IsSpace))
	return ok
}

func stripTrigger(line string) (string, bool) {
	prefix := "/" + commandTrigger
	if len(line) < len(prefix) || !strings.EqualFold(line[:len(prefix)], prefix) {
		return "", false
	}

	rest := line[len(prefix):]
	if rest != "" && !unicode.IsSpace([]rune(rest)[0]) {
		return "", false
	}

	return rest, true
}

// parseCommand parses a whole command line, trigger included. The second
// result is false when the line is not a `/deactivate` command at all. It
// drops zero-width characters before anything else, so a command copied
// from an outcome post (U+200B after each `@`) parses as typed.
func parseCommand(line string) (ParsedCommand, bool) {
	rest, ok := stripTrigger(strings.TrimFunc(dropZeroWidth(line), unicode.IsSpace))
	if !ok {
		return ParsedCommand{}, false
	}

	return parseArguments(tokenize(rest)), true
}

func parseArguments(tokens []string) ParsedCommand {
	var parsed ParsedCommand
	var words []string
	permanent := false

	for _, tok := range tokens {
		if !strings.HasPrefix(tok, "--") {
			words = append(words, tok)
			continue
		}

		switch strings.ToLower(tok) {
		case "--dry-run":
			parsed.Flags.DryRun = true
		case "--include-admins":
			parsed.Flags.IncludeAdmins = true
		case "--include-bots":
			parsed.Flags.IncludeBots = true
		case "--include-never-active":
			parsed.Flags.IncludeNeverActive = true
		case "--permanent":
			permanent = true
		default:
			if parsed.Reason == nil {
				parsed.Reason = &ParseError{Code: errorUnknownFlag, Value: tok}
			}
		}
	}

	if permanent {
		parsed.Command = commandPermanent
		parsed.Reason = nil
		return parsed
	}

	if parsed.Reason != nil || len(words) == 0 {
		parsed.Command = commandHelp
		return parsed
	}

	switch asciiLower(words[0]) {
	case "help":
		parsed.Command = commandHelp
	case "user", "users":
		parseUsers(&parsed, words[1:])
	case "plugin", "plugins":
		parsePlugins(&parsed, words[1:])
	case "undo":
		parseUndo(&parsed, words[1:])
	case "inactive":
		parseInactive(&parsed, words[1:])
	case "delete", "remove":
		parsed.Command = commandPermanent
	default:
		parseUsers(&parsed, words)
	}

	return parsed
}

func parseUsers(parsed *ParsedCommand, words []string) {
	if len(words) == 0 {
		parsed.fail(errorMissingTargets, "")
		return
	}

	targets := make([]Target, 0, len(words))
	for _, word := range words {
		target, ok := classifyTarget(word)
		if !ok {
			parsed.fail(errorInvalidTarget, word)
			return
		}

		targets = append(targets, target)
	}

	parsed.Command = commandUsers
	parsed.Targets = targets
}

func (parsed *ParsedCommand) fail(code, value string) {
	parsed.Command = commandError
	parsed.Error = &ParseError{Code: code, Value: value}
}

// classifyTarget turns one token into a user target, following the order of
// the "User targets" table of the grammar.
func classifyTarget(raw string) (Target, bool) {
	value := strings.TrimRight(raw, ".,;:!?")
	value = strings.TrimPrefix(value, "@")
	value = asciiLower(value)

	target := Target{Value: value, Raw: raw}
	switch {
	case value == "me":
		target.Kind = targetMe
	case strings.IndexByte(value, '@') > 0:
		target.Kind = targetEmail
	case idPattern.MatchString(value):
		target.Kind = targetID
	case usernamePattern.MatchString(value):
		target.Kind = targetUsername
	default:
		return Target{}, false
	}

	return target, true
}

// asciiLower lower-cases A to Z only. Unicode case mapping would turn the
// Kelvin sign into a `k` and accept a name the server cannot hold.
func asciiLower(value string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, value)
}

func parsePlugins(parsed *ParsedCommand, words []string) {
	if len(words) == 0 {
		parsed.fail(errorMissingPlugins, "")
		return
	}

	parsed.Command = commandPlugins
	parsed.PluginNames = words
	parsed.PluginText = strings.Join(words, " ")
}

func parseUndo(parsed *ParsedCommand, words []string) {
	if len(words) > 1 {
		parsed.fail(errorInvalidBatch, strings.Join(words, " "))
		return
	}

	parsed.Command = commandUndo
	if len(words) == 1 {
		parsed.BatchID = words[0]
	}
}

// parseInactive reads the duration of `inactive`. A user named `inactive`
// is written `@inactive`, because the bare word is this subcommand.
func parseInactive(parsed *ParsedCommand, words []string) {
	if len(words) == 0 {
		parsed.fail(errorMissingDuration, "")
		return
	}

	if len(words) == 1 {
		if text, days, ok := parseDuration(words[0]); ok {
			parsed.Command = commandInactive
			parsed.Duration = text
			parsed.DurationDays = days
			return
		}
	}

	parsed.fail(errorInvalidDuration, strings.Join(words, " "))
}

// isQuote reports straight and typographic double quotes. Any of them opens
// a quoted part and any of them closes it.
func isQuote(r rune) bool {
	return r == '"' || r == '\u201c' || r == '\u201d'
}

// tokenize splits the argument text on whitespace and commas. A quoted part
// belongs to the token around it, keeps its spaces and commas, and loses its
// quotes. An unterminated quote runs to the end of the line, and a token
// left empty is dropped.
func tokenize(text string) []string {
	var tokens []string
	var current strings.Builder
	inQuote := false

	flush := func() {
		if current.Len() > 0 {
			tokens = append(tokens, current.String())
		}
		current.Reset()
	}

	for _, r := range text {
		switch {
		case isQuote(r):
			inQuote = !inQuote
		case inQuote:
			current.WriteRune(r)
		case unicode.IsSpace(r) || r == ',':
			flush()
		default:
			current.WriteRune(r)
		}
	}

	flush()
	return tokens
}
