package deactivate

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// Outcome results.
const (
	resultDeactivated = "deactivated"
	resultDisabled    = "disabled"
	resultReactivated = "reactivated"
	resultEnabled     = "enabled"
	resultSkipped     = "skipped"
	resultFailed      = "failed"
)

// Skip reasons that are not plan classes.
const (
	reasonChangedSincePreview = "changed_since_preview"
	reasonAlreadyActive       = "already_active"
	reasonNoLongerVisible     = "no_longer_visible"
	// reasonChangedSinceBatch is an account whose delete_at differs from the
	// one recorded with the batch: it was reactivated and deactivated again,
	// or the batch recorded no delete_at for it.
	reasonChangedSinceBatch = "changed_since_batch"
)

// maxListedNames caps how many names one line of a message lists.
const maxListedNames = 20

// Outcome is the result of one target of a batch.
type Outcome struct {
	Kind     string `json:"kind"` // user, bot or plugin
	TargetID string `json:"target_id,omitempty"`
	Name     string `json:"name"`
	Result   string `json:"result"`
	// Reason is the plan class of a skipped target or the plain reason of a
	// failed one.
	Reason     string      `json:"reason,omitempty"`
	ErrorID    string      `json:"error_id,omitempty"`
	StatusCode int         `json:"status_code,omitempty"`
	Nodes      *NodeReport `json:"nodes,omitempty"`
	// DeleteAt is the account's delete_at that the server read after the
	// batch deactivated it, in milliseconds. Undo reactivates the account
	// only while its delete_at still has this value. The server sets it and
	// rejects a recorded batch whose outcomes carry one.
	DeleteAt int64 `json:"delete_at,omitempty"`
}

// skipReasons gives each non-action plan class the sentence a skipped target shows.
var skipReasons = map[string]string{
	classAlreadyInactive:       "already deactivated",
	classNotFound:              "no user matched",
	classAdminSkipped:          "system admin, add `--include-admins` to include",
	classAdminForbidden:        "system admin, and deactivating admins needs the `manage_system` permission",
	classBotSkipped:            "bot account, add `--include-bots` to include",
	classSelfRefused:           "this is your own account, name yourself as `me` to deactivate it",
	classSelfDisallowed:        "self-deactivation is turned off on this server (TeamSettings.EnableUserDeactivation)",
	classLDAPSkipped:           "managed by LDAP, deactivate the account in the directory",
	classLastAdminRefused:      "the batch would leave no active system admin",
	classProtectedSkipped:      "protected in the plugin settings",
	classPluginNotFound:        "no installed plugin matched",
	classPluginAmbiguous:       "several installed plugins have this name, use the plugin id",
	classPluginAlreadyDisabled: "already disabled",
	reasonChangedSincePreview:  "not in the confirmed preview, run the command again",
	reasonAlreadyActive:        "already active",
	reasonNoLongerVisible:      "the user can no longer be found",
	reasonChangedSinceBatch:    "deactivated again since this batch, so undo leaves it alone",
}

var warningTexts = map[string]string{
	warningSSOReactivation: "signs in through SSO, the provider can reactivate the account at the next login or sync",
	warningSelfPlugin:      "this is the Deactivate plugin itself, its commands stop working once it is disabled",
	warningNeverActive:     "has no recorded activity since the account was created",
}

// describeItem renders one plan item's name for a message, escaped.
func describeItem(item PlanItem) string {
	switch {
	case item.PluginID != "":
		if item.PluginName != "" && !strings.EqualFold(item.PluginName, item.PluginID) {
			return inlineCode(item.PluginName) + " (" + inlineCode(item.PluginID) + ")"
		}
		return inlineCode(item.PluginID)
	case item.Username != "":
		return inlineCode("@" + item.Username)
	default:
		return inlineCode(item.Raw)
	}
}

// formatPreview renders the plan grouped by class, with counts.
func formatPreview(parsed ParsedCommand, items []PlanItem) string {
	var lines []string
	actions := 0
	for _, item := range items {
		if item.isAction() {
			actions++
		}
	}

	switch {
	case parsed.Flags.DryRun:
		lines = append(lines, "#### Dry run: nothing will be changed")
	case actions == 0:
		lines = append(lines, "#### Nothing to do")
	default:
		lines = append(lines, fmt.Sprintf("#### Confirm: %d change(s)", actions))
	}

	for _, class := range classOrder(items) {
		group := itemsOfClass(items, class)
		lines = append(lines, formatGroup(class, group))
	}

	if actions > 0 && !parsed.Flags.DryRun {
		lines = append(lines, "", "Press **Confirm** within 5 minutes to apply these changes under your own account.")
	}

	return strings.Join(lines, "\n")
}

var classHeadings = map[string]string{
	classDeactivate:            "Will be deactivated",
	classDisableBot:            "Bots that will be disabled",
	classDisablePlugin:         "Plugins that will be disabled",
	classAlreadyInactive:       "Skipped, already deactivated",
	classNotFound:              "Skipped, not found",
	classAdminSkipped:          "Skipped, system admins",
	classAdminForbidden:        "Skipped, system admins you may not deactivate",
	classBotSkipped:            "Skipped, bots",
	classSelfRefused:           "Skipped, your own account",
	classSelfDisallowed:        "Skipped, self-deactivation is off",
	classLDAPSkipped:           "Skipped, managed by LDAP",
	classLastAdminRefused:      "Refused, last active system admins",
	classPluginNotFound:        "Skipped, no such plugin",
	classPluginAmbiguous:       "Skipped, ambiguous plugin name",
	classPluginAlreadyDisabled: "Skipped, already disabled",
	classNeverActiveSkipped:    "Skipped, no recorded activity",
	classProtectedSkipped:      "Skipped, protected accounts",
}

func classOrder(items []PlanItem) []string {
	var order []string
	seen := map[string]bool{}
	for _, actionFirst := range []bool{true, false} {
		for _, item := range items {
			if item.isAction() != actionFirst || seen[item.Class] {
				continue
			}
			seen[item.Class] = true
			order = append(order, item.Class)
		}
	}

	return order
}

func itemsOfClass(items []PlanItem, class string) []PlanItem {
	var group []PlanItem
	for _, item := range items {
		if item.Class == class {
			group = append(group, item)
		}
	}

	return group
}

func formatGroup(class string, group []PlanItem) string {
	heading := classHeadings[class]
	if heading == "" {
		heading = class
	}

	names := make([]string, 0, len(group))
	var warnings []string
	for _, item := range group {
		names = append(names, describeItem(item))
		for _, warning := range item.Warnings {
			warnings = append(warnings, fmt.Sprintf("  - %s %s", describeItem(item), warningTexts[warning]))
		}
	}

	line := fmt.Sprintf("- **%s (%d):** %s", heading, len(group), joinNames(names))
	if reason := skipReasons[class]; reason != "" && !strings.HasPrefix(heading, "Skipped") {
		line += " (" + reason + ")"
	}

	return strings.Join(append([]string{line}, warnings...), "\n")
}

func joinNames(names []string) string {
	if len(names) <= maxListedNames {
		return strings.Join(names, ", ")
	}

	shown := strings.Join(names[:maxListedNames], ", ")
	return fmt.Sprintf("%s and %d more", shown, len(names)-maxListedNames)
}

// formatOutcome renders the outcome of a batch grouped by result. Failures
// list the plain reason and the server error id one per line.
func formatOutcome(title string, batch *Batch) string {
	lines := []string{"#### " + title}

	byResult := map[string][]Outcome{}
	for _, outcome := range batch.Outcomes {
		byResult[outcome.Result] = append(byResult[outcome.Result], outcome)
	}

	for _, result := range []string{resultDeactivated, resultDisabled, resultReactivated, resultEnabled} {
		group := byResult[result]
		if len(group) == 0 {
			continue
		}

		names := make([]string, 0, len(group))
		for _, outcome := range group {
			names = append(names, outcomeName(outcome)+nodeSuffix(outcome.Nodes))
		}
		lines = append(lines, fmt.Sprintf("- **%s (%d):** %s", capitalize(result), len(group), joinNames(names)))
	}

	if skipped := byResult[resultSkipped]; len(skipped) > 0 {
		lines = append(lines, fmt.Sprintf("- **Skipped (%d):**", len(skipped)))
		lines = append(lines, groupSkipped(skipped)...)
	}

	if failed := byResult[resultFailed]; len(failed) > 0 {
		lines = append(lines, fmt.Sprintf("- **Failed (%d):**", len(failed)))
		for _, outcome := range failed {
			lines = append(lines, "  - "+outcomeName(outcome)+": "+failureDetail(outcome))
		}
	}

	if batch.ID != "" && batch.canUndo() {
		lines = append(lines, "", fmt.Sprintf("Batch `%s`. Run `/deactivate undo %s` to reactivate these users.", batch.ID, batch.ID))
	}

	return strings.Join(lines, "\n")
}

func groupSkipped(skipped []Outcome) []string {
	byReason := map[string][]string{}
	var reasons []string
	for _, outcome := range skipped {
		if _, ok := byReason[outcome.Reason]; !ok {
			reasons = append(reasons, outcome.Reason)
		}
		byReason[outcome.Reason] = append(byReason[outcome.Reason], outcomeName(outcome))
	}
	sort.Strings(reasons)

	lines := make([]string, 0, len(reasons))
	for _, reason := range reasons {
		text := skipReasons[reason]
		if text == "" {
			text = reason
		}
		lines = append(lines, fmt.Sprintf("  - %s: %s", joinNames(byReason[reason]), text))
	}

	return lines
}

func outcomeName(outcome Outcome) string {
	if outcome.Kind == "plugin" {
		return inlineCode(outcome.Name)
	}

	return inlineCode("@" + strings.TrimPrefix(outcome.Name, "@"))
}

func nodeSuffix(nodes *NodeReport) string {
	if nodes == nil {
		return ""
	}

	return " (" + nodes.describe() + ")"
}

func failureDetail(outcome Outcome) string {
	detail := outcome.Reason
	if outcome.StatusCode != 0 {
		detail += fmt.Sprintf(" (HTTP %d", outcome.StatusCode)
		if outcome.ErrorID != "" {
			detail += ", `" + outcome.ErrorID + "`"
		}
		detail += ")"
	}
	if outcome.Nodes != nil {
		detail += "; " + outcome.Nodes.describe()
	}

	return detail
}

// failureFromError fills the failure fields of outcome from a REST error.
func failureFromError(outcome Outcome, err error) Outcome {
	outcome.Result = resultFailed
	outcome.Reason = "the request failed"

	var restErr *RESTError
	if !errors.As(err, &restErr) {
		return outcome
	}

	outcome.StatusCode = restErr.StatusCode
	outcome.ErrorID = sanitizeErrorID(restErr.ID)
	outcome.Reason = plainReason(restErr)
	return outcome
}

func plainReason(restErr *RESTError) string {
	switch restErr.ID {
	case "api.user.update_active.not_enable.app_error":
		return "self-deactivation is turned off on this server"
	case "app.plugin.disabled.app_error":
		return "plugins are turned off on this server"
	case "app.plugin.not_installed.app_error":
		return "the plugin is not installed"
	case "app.plugin.config.app_error", "app.plugin.cluster.save_config.app_error":
		return "the server could not save its configuration"
	case "app.user.update_active.user_limit.exceeded", "app.user.update_active.license_user_limit.exceeded":
		return "the server's user limit is reached"
	}

	switch restErr.StatusCode {
	case http.StatusUnauthorized:
		return "the session was rejected"
	case http.StatusForbidden:
		return "you do not have permission"
	case http.StatusNotFound:
		return "not found"
	case http.StatusTooManyRequests:
		return "rate limited by the server, try again later"
	}

	if restErr.StatusCode >= 200 && restErr.StatusCode < 300 {
		return "the server reported an error after accepting the request"
	}

	return "the server returned an error"
}

// sanitizeErrorID keeps an error id printable inside a code span.
func sanitizeErrorID(id string) string {
	return strings.Map(func(r rune) rune {
		if r == '`' || r < ' ' {
			return -1
		}
		return r
	}, sanitizeText(id))
}

func capitalize(word string) string {
	if word == "" {
		return word
	}

	return strings.ToUpper(word[:1]) + word[1:]
}
