package deactivate

import (
	"fmt"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"
)

// Limits on a batch recorded through POST /batches.
const (
	maxBatchItems    = 1000
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

var validKinds = map[string]bool{"user": true, "bot": true, "plugin": true}

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
	if !validKinds[outcome.Kind] {
		return fmt.Errorf("kind %q must be user, bot or plugin", outcome.Kind)
	}
	if !validResults[outcome.Result] {
		return fmt.Errorf("result %q must be deactivated, disabled, skipped or failed", outcome.Result)
	}
	if outcome.Kind != "plugin" && outcome.TargetID != "" && !model.IsValidId(outcome.TargetID) {
		return fmt.Errorf("target_id %q is not a valid user id", outcome.TargetID)
	}
	if outcome.Kind != "plugin" && outcome.Result != resultSkipped && outcome.TargetID == "" {
		return fmt.Errorf("target_id is required for a %s outcome", outcome.Result)
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

func (b *batchRequest) toBatch(userID string) *Batch {
	return &Batch{
		UserID:   userID,
		Source:   "webapp",
		Command:  b.Command,
		Targets:  b.Targets,
		Outcomes: b.Outcomes,
	}
}
