package deactivate

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// Plan classes, as named in docs/command-grammar.md.
const (
	classDeactivate            = "deactivate"
	classDisableBot            = "disable_bot"
	classAlreadyInactive       = "already_inactive"
	classNotFound              = "not_found"
	classAdminSkipped          = "admin_skipped"
	classAdminForbidden        = "admin_forbidden"
	classBotSkipped            = "bot_skipped"
	classSelfRefused           = "self_refused"
	classSelfDisallowed        = "self_disallowed"
	classLDAPSkipped           = "ldap_skipped"
	classLastAdminRefused      = "last_admin_refused"
	classDisablePlugin         = "disable_plugin"
	classPluginNotFound        = "plugin_not_found"
	classPluginAmbiguous       = "plugin_ambiguous"
	classPluginAlreadyDisabled = "plugin_already_disabled"
	// classNeverActiveSkipped is a user that `inactive` found with no
	// recorded activity, without --include-never-active.
	classNeverActiveSkipped = "never_active_skipped"
	// classProtectedSkipped is a user listed in the plugin's protected
	// accounts. Only not_found and already_inactive come before it.
	classProtectedSkipped = "protected_skipped"
)

// Plan warnings.
const (
	warningSSOReactivation = "sso_reactivation"
	warningSelfPlugin      = "self_plugin"
	// warningNeverActive marks an `inactive` target with no recorded
	// activity, selected by --include-never-active.
	warningNeverActive = "never_active"
)

// PlanItem is one target with the class it ends in before anything is written.
type PlanItem struct {
	Raw        string   `json:"raw"`
	Kind       string   `json:"kind"`
	Class      string   `json:"class"`
	UserID     string   `json:"user_id,omitempty"`
	Username   string   `json:"username,omitempty"`
	IsBot      bool     `json:"is_bot,omitempty"`
	IsAdmin    bool     `json:"is_admin,omitempty"`
	PluginID   string   `json:"plugin_id,omitempty"`
	PluginName string   `json:"plugin_name,omitempty"`
	Warnings   []string `json:"warnings,omitempty"`
}

// isAction reports whether confirming the plan writes something for item.
func (item PlanItem) isAction() bool {
	switch item.Class {
	case classDeactivate, classDisableBot, classDisablePlugin:
		return true
	}

	return false
}

// userPlanContext is what classifying user targets depends on besides the
// targets themselves.
type userPlanContext struct {
	Caller                 *model.User
	CallerManagesSystem    bool
	EnableUserDeactivation bool
	Flags                  Flags
	// ActiveAdminIDs lists every active system admin on the server. It is
	// needed only when a target is an admin that would be deactivated.
	ActiveAdminIDs []string
	// Protected holds the lower-cased usernames that plans skip.
	Protected map[string]bool
}

// planUsers classifies each target. resolved[i] is the user that targets[i]
// names, or nil when no user matched. A user named twice is planned once, at
// its first place.
func planUsers(targets []Target, resolved []*model.User, ctx userPlanContext) []PlanItem {
	items := make([]PlanItem, 0, len(targets))
	seen := map[string]bool{}

	for i, target := range targets {
		user := resolved[i]

		key := "value:" + target.Value
		if user != nil {
			key = "id:" + user.Id
		}
		if seen[key] {
			continue
		}
		seen[key] = true

		items = append(items, classifyUser(target, user, ctx))
	}

	refuseLastAdmins(items, ctx.ActiveAdminIDs)
	return items
}

func classifyUser(target Target, user *model.User, ctx userPlanContext) PlanItem {
	item := PlanItem{Raw: target.Raw, Kind: target.Kind}
	if user == nil {
		item.Class = classNotFound
		return item
	}

	item.UserID = user.Id
	item.Username = user.Username
	item.IsBot = user.IsBot
	item.IsAdmin = user.IsSystemAdmin()
	isSelf := ctx.Caller != nil && user.Id == ctx.Caller.Id

	switch {
	case user.DeleteAt == 0 && ctx.Protected[strings.ToLower(user.Username)]:
		item.Class = classProtectedSkipped
	case isSelf && target.Kind != targetMe:
		item.Class = classSelfRefused
	case target.Kind == targetMe && !ctx.EnableUserDeactivation:
		item.Class = classSelfDisallowed
	case user.DeleteAt > 0:
		item.Class = classAlreadyInactive
	case user.IsBot && !ctx.Flags.IncludeBots:
		item.Class = classBotSkipped
	case user.IsBot:
		item.Class = classDisableBot
	case user.AuthService == model.UserAuthServiceLdap:
		item.Class = classLDAPSkipped
	case item.IsAdmin && !ctx.Flags.IncludeAdmins:
		item.Class = classAdminSkipped
	case item.IsAdmin && !ctx.CallerManagesSystem:
		item.Class = classAdminForbidden
	default:
		item.Class = classDeactivate
		if user.IsSSOUser() {
			item.Warnings = append(item.Warnings, warningSSOReactivation)
		}
	}

	return item
}

// refuseLastAdmins gives every admin candidate the class last_admin_refused
// when the candidates are at least as many as the active system admins, so
// the batch cannot leave the server without one.
func refuseLastAdmins(items []PlanItem, activeAdminIDs []string) {
	candidates := 0
	for _, item := range items {
		if item.Class == classDeactivate && item.IsAdmin {
			candidates++
		}
	}
	if candidates == 0 || candidates < len(activeAdminIDs) {
		return
	}

	for i := range items {
		if items[i].Class == classDeactivate && items[i].IsAdmin {
			items[i].Class = classLastAdminRefused
		}
	}
}

// needsAdminCount reports whether planUsers needs the list of active admins.
func needsAdminCount(targets []Target, resolved []*model.User, ctx userPlanContext) bool {
	for _, item := range planUsers(targets, resolved, ctx) {
		if item.Class == classDeactivate && item.IsAdmin {
			return true
		}
	}

	return false
}

// planPlugins classifies each plugin name against the installed plugins.
// active lists the plugins running on the server that served the request,
// inactive the other installed plugins.
func planPlugins(parsed ParsedCommand, active, inactive []*model.PluginInfo) []PlanItem {
	installed := make([]*model.PluginInfo, 0, len(active)+len(inactive))
	installed = append(installed, active...)
	installed = append(installed, inactive...)

	enabled := map[string]bool{}
	for _, info := range active {
		enabled[strings.ToLower(info.Id)] = true
	}

	names := parsed.PluginNames
	if len(names) > 1 && len(pluginsNamed(installed, parsed.PluginText)) == 1 {
		names = []string{parsed.PluginText}
	}

	items := make([]PlanItem, 0, len(names))
	seen := map[string]bool{}
	for _, name := range names {
		item := classifyPlugin(name, installed, enabled)

		key := "name:" + strings.ToLower(name)
		if item.PluginID != "" {
			key = "id:" + item.PluginID
		}
		if seen[key] {
			continue
		}
		seen[key] = true

		items = append(items, item)
	}

	return items
}

func classifyPlugin(name string, installed []*model.PluginInfo, enabled map[string]bool) PlanItem {
	item := PlanItem{Raw: name, Kind: "plugin"}

	match := pluginWithID(installed, name)
	if match == nil {
		matches := pluginsNamed(installed, name)
		switch len(matches) {
		case 0:
			item.Class = classPluginNotFound
			return item
		case 1:
			match = matches[0]
		default:
			item.Class = classPluginAmbiguous
			return item
		}
	}

	item.PluginID = match.Id
	item.PluginName = match.Name
	if !enabled[strings.ToLower(match.Id)] {
		item.Class = classPluginAlreadyDisabled
		return item
	}

	item.Class = classDisablePlugin
	if strings.EqualFold(match.Id, manifestID) {
		item.Warnings = append(item.Warnings, warningSelfPlugin)
	}

	return item
}

func pluginWithID(installed []*model.PluginInfo, id string) *model.PluginInfo {
	for _, info := range installed {
		if strings.EqualFold(info.Id, id) {
			return info
		}
	}

	return nil
}

func pluginsNamed(installed []*model.PluginInfo, name string) []*model.PluginInfo {
	var matches []*model.PluginInfo
	for _, info := range installed {
		if info.Name != "" && strings.EqualFold(info.Name, name) {
			matches = append(matches, info)
		}
	}

	return matches
}
