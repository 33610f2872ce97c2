package deactivate

import (
	"fmt"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"
)

// Limits on a batch recorded through POST /batches. The System Console
// panel records runs of up to maxBatchItems accounts as one batch, and the
// web app shortens longer command lines to maxCommandRunes.
const (
	maxBatchItems    = 10000
	maxCommandRunes  = 4000
	maxNameRunes     = 200
	maxReasonRunes   = 500
	maxErrorIDRunes  = 200
	maxWarningsCount = 10
)

// batchRequest is the body of POST /batches. The caller and the time come
// from the server, never from the body.
type batchRequest struct {
	Command  string     `json:"command"`
	Targets  []PlanItem `json:"targets"`
	Outcomes []Outcome  `json:"outcomes"`
}

var validResults = map[string]bool{
	resultDeactivated: true, resultDisabled: true, resultSkipped: true, resultFailed: true,
}

// writeResults is the only result that records a write, per outcome kind.
var writeResults = map[string]string{
	"user": resultDeactivated, "bot": resultDisabled, "plugin": resultDisabled,
}

func (b *batchRequest) validate() error {
	if b.Command == "" || utf8.RuneCountInString(b.Command) > maxCommandRunes || !isCommandLine(b.Command) {
		return fmt.Errorf("command must be a /deactivate line of at most %d characters", maxCommandRunes)
	}
	if len(b.Targets) > maxBatchItems || len(b.Outcomes) > maxBatchItems {
		return fmt.Errorf("targets and outcomes may hold at most %d entries each", maxBatchItems)
	}
	if len(b.Outcomes) == 0 {
		return fmt.Errorf("outcomes must not be empty")
	}

	for i, target := range b.Targets {
		if err := validateTarget(target); err != nil {
			return fmt.Errorf("targets[%d]: %w", i, err)
		}
	}

	for i, outcome := range b.Outcomes {
		if err := validateOutcome(outcome); err != nil {
			return fmt.Errorf("outcomes[%d]: %w", i, err)
		}
	}

	return nil
}

func validateTarget(target PlanItem) error {
	if _, known := classHeadings[target.Class]; !known {
		return fmt.Errorf("class %q is not a plan class", target.Class)
	}
	if target.UserID != "" && !model.IsValidId(target.UserID) {
		return fmt.Errorf("user_id %q is not a valid user id", target.UserID)
	}
	if target.PluginID != "" && !model.IsValidPluginId(target.PluginID) {
		return fmt.Errorf("plugin_id %q is not a valid plugin id", target.PluginID)
	}
	if len(target.Warnings) > maxWarningsCount {
		return fmt.Errorf("at most %d warnings are allowed", maxWarningsCount)
	}
	for _, warning := range target.Warnings {
		if _, known := warningTexts[warning]; !known {
			return fmt.Errorf("warning %q is not a plan warning", warning)
		}
	}

	for field, value := range map[string]string{
		"raw": target.Raw, "kind": target.Kind, "username": target.Username,
		"plugin_id": target.PluginID, "plugin_name": target.PluginName,
	} {
		if utf8.RuneCountInString(value) > maxNameRunes {
			return fmt.Errorf("%s is longer than %d characters", field, maxNameRunes)
		}
	}

	return nil
}

func validateOutcome(outcome Outcome) error {
	writeResult, known := writeResults[outcome.Kind]
	if !known {
		return fmt.Errorf("kind %q must be user, bot or plugin", outcome.Kind)
	}
	if !validResults[outcome.Result] {
		return fmt.Errorf("result %q must be deactivated, disabled, skipped or failed", outcome.Result)
	}
	if isWriteResult(outcome.Result) && outcome.Result != writeResult {
		return fmt.Errorf("result %q is not a result of a %s; it must be %s, skipped or failed",
			outcome.Result, outcome.Kind, writeResult)
	}
	if outcome.Kind != "plugin" && outcome.TargetID != "" && !model.IsValidId(outcome.TargetID) {
		return fmt.Errorf("target_id %q is not a valid user id", outcome.TargetID)
	}
	if outcome.Kind == "plugin" && outcome.TargetID != "" && !model.IsValidPluginId(outcome.TargetID) {
		return fmt.Errorf("target_id %q is not a valid plugin id", outcome.TargetID)
	}
	accountNeedsID := outcome.Kind != "plugin" && outcome.Result != resultSkipped
	if outcome.TargetID == "" && (accountNeedsID || isWriteResult(outcome.Result)) {
		return fmt.Errorf("target_id is required for a %s outcome", outcome.Result)
	}
	if outcome.DeleteAt != 0 {
		return fmt.Errorf("delete_at is set by the server and must be left out")
	}
	if outcome.Name == "" || utf8.RuneCountInString(outcome.Name) > maxNameRunes {
		return fmt.Errorf("name must be 1 to %d characters", maxNameRunes)
	}
	if utf8.RuneCountInString(outcome.TargetID) > maxNameRunes {
		return fmt.Errorf("target_id is longer than %d characters", maxNameRunes)
	}
	if utf8.RuneCountInString(outcome.Reason) > maxReasonRunes {
		return fmt.Errorf("reason is longer than %d characters", maxReasonRunes)
	}
	if utf8.RuneCountInString(outcome.ErrorID) > maxErrorIDRunes {
		return fmt.Errorf("error_id is longer than %d characters", maxErrorIDRunes)
	}
	if outcome.StatusCode != 0 && (outcome.StatusCode < 100 || outcome.StatusCode > 599) {
		return fmt.Errorf("status_code %d is not an HTTP status", outcome.StatusCode)
	}

	return nil
}

func isWriteResult(result string) bool {
	return result == resultDeactivated || result == resultDisabled
}

// Permissions that recording a batch needs, per kind of item it contains.
var (
	accountPermission = model.PermissionSysconsoleWriteUserManagementUsers
	pluginPermission  = model.PermissionSysconsoleWritePlugins
)

// missingPermission returns the first target or outcome that needs a
// permission the caller lacks, as "targets[i]" or "outcomes[i]", with that
// permission. It returns "" when the caller may record the whole batch.
func (b *batchRequest) missingPermission(has func(*model.Permission) bool) (string, *model.Permission) {
	needed := func(isPlugin bool) *model.Permission {
		if isPlugin {
			return pluginPermission
		}
		return accountPermission
	}

	for i, target := range b.Targets {
		permission := needed(target.Kind == "plugin" || target.PluginID != "")
		if !has(permission) {
			return fmt.Sprintf("targets[%d]", i), permission
		}
	}

	for i, outcome := range b.Outcomes {
		permission := needed(outcome.Kind == "plugin")
		if !has(permission) {
			return fmt.Sprintf("outcomes[%d]", i), permission
		}
	}

	return "", nil
}

func (b *batchRequest) toBatch(userID string) *Batch {
	return &Batch{
		UserID:   userID,
		Source:   "webapp",
		Command:  b.Command,
		Targets:  b.Targets,
		Outcomes: b.Outcomes,
	}
}
