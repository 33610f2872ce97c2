package deactivate

import (
	"fmt"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

const (
	routePrefix          = "/plugins/" + manifestID
	autocompleteUsersURL = routePrefix + "/api/v1/autocomplete/users"
	autocompletePlugins  = routePrefix + "/api/v1/autocomplete/plugins"
)

const helpText = `#### /deactivate
Deactivate user accounts and disable plugins under your own account, with a preview and a confirmation.

- ` + "`/deactivate @user…`" + ` - deactivate users named by @username, e-mail or id, separated by spaces or commas
- ` + "`/deactivate me`" + ` - deactivate your own account (only when the server allows self-deactivation)
- ` + "`/deactivate plugin <id|name>…`" + ` - disable plugins by id or display name, quote names with spaces
- ` + "`/deactivate undo [batch]`" + ` - reactivate the users of your last batch, or of the named batch
- ` + "`/deactivate help`" + ` - show this help

Flags, anywhere on the line:
- ` + "`--dry-run`" + ` - show the plan and change nothing
- ` + "`--include-admins`" + ` - deactivate system admins too (needs the manage_system permission)
- ` + "`--include-bots`" + ` - disable bot accounts too

Examples: ` + "`/deactivate @alice, bob@example.com --dry-run`" + `, ` + "`/deactivate plugin \"Demo Plugin\"`"

const permanentText = `#### Permanent deletion is not available
/deactivate only deactivates accounts: the account, its posts and its channel memberships stay, the user is signed out everywhere and cannot sign in, and ` + "`/deactivate undo`" + ` or the System Console can reactivate it.
Permanent deletion removes the user and their content irreversibly. This plugin never does it. Use ` + "`mmctl user delete`" + ` if you really mean it.`

var parseErrorTexts = map[string]string{
	errorInvalidTarget:  "is not a username, e-mail address, user id or `me`",
	errorMissingTargets: "Name at least one user, for example `/deactivate @alice`.",
	errorMissingPlugins: "Name at least one plugin id or name, for example `/deactivate plugin jira`.",
	errorInvalidBatch:   "is not one batch id. `/deactivate undo` takes at most one batch id.",
	errorMissingDuration: "Name how long the users have been inactive, for example " +
		"`/deactivate inactive 180d`: days (`d`), weeks (`w`) or months of 30 days (`m`).",
	errorInvalidDuration: "is not a duration. Use a whole number from 1 to 9999 followed by " +
		"`d` (days), `w` (weeks) or `m` (months of 30 days), for example `180d`, `12w` or `6m`.",
}

func (p *Plugin) registerCommand() error {
	return p.API.RegisterCommand(&model.Command{
		Trigger:          commandTrigger,
		DisplayName:      "Deactivate",
		Description:      "Deactivate users and disable plugins, with a preview and undo.",
		AutoComplete:     true,
		AutoCompleteDesc: "Available commands: @user, me, plugin, undo, help",
		AutoCompleteHint: "[@user…|plugin|undo|help]",
		AutocompleteData: autocompleteData(),
	})
}

// autocompleteData builds the suggestion tree. `me` and `help` are offered
// to every user, the admin subcommands to system admins only. RoleID only
// hides suggestions: the REST API still decides what each caller may do.
func autocompleteData() *model.AutocompleteData {
	root := model.NewAutocompleteData(commandTrigger, "[@user…|plugin|inactive|undo|help]",
		"Available commands: @user, me, plugin, inactive, undo, help")

	users := model.NewAutocompleteData("users", "@user…", "Deactivate users by @username, e-mail or id")
	users.AddDynamicListArgument("Active user to deactivate", autocompleteUsersURL, true)
	addFlagArguments(users)
	users.RoleID = model.SystemAdminRoleId
	root.AddCommand(users)

	plugins := model.NewAutocompleteData("plugin", "<id|name>…", "Disable plugins by id or display name")
	plugins.AddDynamicListArgument("Enabled plugin to disable", autocompletePlugins, true)
	plugins.AddNamedTextArgument("dry-run", "Show the plan and change nothing", "[plugin…]", "", false)
	plugins.RoleID = model.SystemAdminRoleId
	root.AddCommand(plugins)

	undo := model.NewAutocompleteData("undo", "[batch]", "Reactivate the users of your last batch or of the named batch")
	undo.AddTextArgument("Batch id from an earlier outcome, empty for the last batch", "[batch]", "")
	undo.RoleID = model.SystemAdminRoleId
	root.AddCommand(undo)

	inactive := model.NewAutocompleteData("inactive", "<duration>",
		"Deactivate users inactive for a duration: 180d, 12w or 6m (a month is 30 days)")
	inactive.AddTextArgument("Days (d), weeks (w) or months of 30 days (m)", "<duration>", "")
	addFlagArguments(inactive)
	inactive.AddNamedTextArgument("include-never-active", "Also select users with no recorded activity",
		"", "", false)
	inactive.RoleID = model.SystemAdminRoleId
	root.AddCommand(inactive)

	me := model.NewAutocompleteData("me", "", "Deactivate your own account, if the server allows it")
	root.AddCommand(me)

	help := model.NewAutocompleteData("help", "", "Show how to use /deactivate")
	root.AddCommand(help)

	return root
}

// addFlagArguments offers the flags as named arguments. Autocomplete writes
// a named argument as `--name ` followed by a value, and the grammar reads
// what follows a flag as the next target, so the flags are text arguments
// whose "value" is simply the rest of the line.
func addFlagArguments(data *model.AutocompleteData) {
	data.AddNamedTextArgument("dry-run", "Show the plan and change nothing", "[target…]", "", false)
	data.AddNamedTextArgument("include-bots", "Disable bot accounts too", "[target…]", "", false)
	data.AddNamedTextArgument("include-admins", "Deactivate system admins too (needs manage_system)",
		"[target…]", "", false)
}

// ExecuteCommand runs /deactivate for clients without the web app plugin:
// mobile apps, API clients, and browsers where the bundle did not load.
func (p *Plugin) ExecuteCommand(_ *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	parsed, ok := parseCommand(args.Command)
	if !ok {
		return ephemeral(helpText), nil
	}

	switch parsed.Command {
	case commandHelp:
		return ephemeral(helpWithReason(parsed)), nil
	case commandPermanent:
		return ephemeral(permanentText), nil
	case commandError:
		return ephemeral(parseErrorMessage(parsed.Error)), nil
	case commandInactive:
		return ephemeral(inactiveWebOnlyText), nil
	}

	if notice := p.permissionNotice(args.UserId, parsed); notice != "" {
		return ephemeral(notice), nil
	}
	if parsed.Command == commandUndo {
		return p.executeUndoCommand(args, parsed), nil
	}

	return p.executePreview(args, parsed), nil
}

// inactiveWebOnlyText answers `inactive` outside the web app.
// TODO: plan `inactive` here too; it needs the user listing and the status
// batches of webapp/src/inactive in Go.
const inactiveWebOnlyText = "**`/deactivate inactive` runs only in the Mattermost web and desktop app.** " +
	"It lists every active user and their last activity from your browser session, which this " +
	"client cannot do yet. Nothing was changed."

func ephemeral(text string) *model.CommandResponse {
	return &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral, Text: text}
}

func helpWithReason(parsed ParsedCommand) string {
	if parsed.Reason == nil {
		return helpText
	}

	return fmt.Sprintf("**Unknown flag %s.**\n\n%s", inlineCode(parsed.Reason.Value), helpText)
}

func parseErrorMessage(parseErr *ParseError) string {
	text := parseErrorTexts[parseErr.Code]
	if parseErr.Value != "" {
		text = inlineCode(parseErr.Value) + " " + text
	}

	return "**" + strings.TrimSuffix(text, ".") + ".** Run `/deactivate help` for the syntax."
}
