package deactivate

import (
	"context"
	"fmt"

	"github.com/mattermost/mattermost/server/public/model"
)

// buildPlan looks every target up under the caller's session and classifies it.
func (p *Plugin) buildPlan(ctx context.Context, s *userSession, parsed ParsedCommand) ([]PlanItem, error) {
	client, err := s.rest()
	if err != nil {
		return nil, err
	}

	if parsed.Command == commandPlugins {
		plugins, err := client.getPlugins(ctx)
		if err != nil {
			return nil, err
		}
		return planPlugins(parsed, plugins.Active, plugins.Inactive), nil
	}

	caller, err := client.getMe(ctx)
	if err != nil {
		return nil, err
	}

	resolved, err := resolveTargets(ctx, client, caller, parsed.Targets)
	if err != nil {
		return nil, err
	}

	planCtx := userPlanContext{
		Caller:                 caller,
		CallerManagesSystem:    p.API.HasPermissionTo(caller.Id, model.PermissionManageSystem),
		EnableUserDeactivation: p.enableUserDeactivation(),
		Flags:                  parsed.Flags,
	}

	if needsAdminCount(parsed.Targets, resolved, planCtx) {
		admins, err := client.getActiveSystemAdmins(ctx)
		if err != nil {
			return nil, err
		}
		for _, admin := range admins {
			if admin.DeleteAt == 0 && admin.IsSystemAdmin() {
				planCtx.ActiveAdminIDs = append(planCtx.ActiveAdminIDs, admin.Id)
			}
		}
	}

	return planUsers(parsed.Targets, resolved, planCtx), nil
}

func (p *Plugin) enableUserDeactivation() bool {
	setting := p.API.GetConfig().TeamSettings.EnableUserDeactivation
	return setting != nil && *setting
}

// plannedKey identifies an action across the preview and Confirm.
func plannedKey(item PlanItem) string {
	if item.PluginID != "" {
		return "plugin:" + item.PluginID
	}

	return item.Class + ":" + item.UserID
}

// executePlan performs the actions of items that were also planned at
// preview time. Everything else ends as skipped with its class as reason.
func (p *Plugin) executePlan(ctx context.Context, s *userSession, items []PlanItem, planned map[string]bool) []Outcome {
	outcomes := make([]Outcome, 0, len(items))
	for _, item := range items {
		outcome := outcomeFor(item)

		switch {
		case !item.isAction():
			outcome.Result = resultSkipped
			outcome.Reason = item.Class
		case !planned[plannedKey(item)]:
			outcome.Result = resultSkipped
			outcome.Reason = reasonChangedSincePreview
		default:
			outcome = p.performAction(ctx, s, item, outcome)
		}

		outcomes = append(outcomes, outcome)
	}

	return outcomes
}

func outcomeFor(item PlanItem) Outcome {
	switch {
	case item.PluginID != "":
		return Outcome{Kind: "plugin", TargetID: item.PluginID, Name: item.PluginID}
	case item.IsBot:
		return Outcome{Kind: "bot", TargetID: item.UserID, Name: item.Username}
	case item.UserID != "":
		return Outcome{Kind: "user", TargetID: item.UserID, Name: item.Username}
	}

	return Outcome{Kind: item.Kind, Name: item.Raw}
}

func (p *Plugin) performAction(ctx context.Context, s *userSession, item PlanItem, outcome Outcome) Outcome {
	client, err := s.rest()
	if err != nil {
		p.API.LogError("Failed to renew the proxy session", "user_id", s.userID, "error", err.Error())
		return failureFromError(outcome, err)
	}

	var action string
	switch item.Class {
	case classDeactivate:
		action = "PUT /users/{id}/active false"
		err = client.updateUserActive(ctx, item.UserID, false)
		outcome.Result = resultDeactivated
	case classDisableBot:
		action = "POST /bots/{id}/disable"
		err = client.setBotActive(ctx, item.UserID, false)
		outcome.Result = resultDisabled
	case classDisablePlugin:
		action = "POST /plugins/{id}/disable"
		err = client.disablePlugin(ctx, item.PluginID)
		outcome.Result = resultDisabled
	}

	if err != nil {
		p.API.LogWarn("Proxied write failed", "action", action,
			"acting_user_id", s.userID, "target_id", outcome.TargetID, "error", err.Error())
		return failureFromError(outcome, err)
	}

	p.API.LogInfo("Proxied write succeeded", "action", action,
		"acting_user_id", s.userID, "target_id", outcome.TargetID)

	if item.Class == classDisablePlugin {
		report, err := p.waitForPluginStopped(ctx, s, item.PluginID)
		if err != nil {
			p.API.LogWarn("Failed to read plugin statuses after a disable",
				"acting_user_id", s.userID, "target_id", item.PluginID, "error", err.Error())
			return outcome
		}
		outcome.Nodes = report
	}

	return outcome
}

// undoKey identifies a reactivation across the undo preview and Confirm.
func undoKey(outcome Outcome) string {
	return "reactivate:" + outcome.TargetID
}

// undoCandidates looks up, under the caller's session s, the accounts of
// batch that undo would reactivate. Accounts still deactivated come back with
// an empty Result; the others are already skipped with their reason.
func (p *Plugin) undoCandidates(ctx context.Context, s *userSession, batch *Batch) ([]Outcome, error) {
	var ids []string
	for _, outcome := range batch.Outcomes {
		if isUndoable(outcome) {
			ids = append(ids, outcome.TargetID)
		}
	}
	if len(ids) == 0 {
		return []Outcome{}, nil
	}

	client, err := s.rest()
	if err != nil {
		return nil, err
	}

	current, err := lookupInBatches(ctx, ids, client.getUsersByIDs)
	if err != nil {
		return nil, err
	}
	byID := map[string]*model.User{}
	for _, user := range current {
		byID[user.Id] = user
	}

	candidates := []Outcome{}
	for _, previous := range batch.Outcomes {
		if !isUndoable(previous) {
			continue
		}

		outcome := Outcome{Kind: previous.Kind, TargetID: previous.TargetID, Name: previous.Name}
		user := byID[previous.TargetID]
		switch {
		case user == nil:
			outcome.Result = resultSkipped
			outcome.Reason = reasonNoLongerVisible
		case user.DeleteAt == 0:
			outcome.Result = resultSkipped
			outcome.Reason = reasonAlreadyActive
		}
		candidates = append(candidates, outcome)
	}

	return candidates, nil
}

// undoOutcomes reactivates the accounts of batch that are still deactivated,
// under the session s of the user who asked for the undo. With a planned
// set, only the reactivations previewed under those keys run.
func (p *Plugin) undoOutcomes(ctx context.Context, s *userSession, batch *Batch, planned map[string]bool) ([]Outcome, error) {
	candidates, err := p.undoCandidates(ctx, s, batch)
	if err != nil {
		return nil, err
	}

	outcomes := make([]Outcome, 0, len(candidates))
	for _, outcome := range candidates {
		switch {
		case outcome.Result != "":
		case planned != nil && !planned[undoKey(outcome)]:
			outcome.Result = resultSkipped
			outcome.Reason = reasonChangedSincePreview
		default:
			outcome = p.reactivate(ctx, s, outcome)
		}
		outcomes = append(outcomes, outcome)
	}

	return outcomes, nil
}

func isUndoable(outcome Outcome) bool {
	return (outcome.Kind == "user" && outcome.Result == resultDeactivated) ||
		(outcome.Kind == "bot" && outcome.Result == resultDisabled)
}

func (p *Plugin) reactivate(ctx context.Context, s *userSession, outcome Outcome) Outcome {
	client, err := s.rest()
	if err != nil {
		return failureFromError(outcome, err)
	}

	action := "PUT /users/{id}/active true"
	outcome.Result = resultReactivated
	if outcome.Kind == "bot" {
		action = "POST /bots/{id}/enable"
		outcome.Result = resultEnabled
		err = client.setBotActive(ctx, outcome.TargetID, true)
	} else {
		err = client.updateUserActive(ctx, outcome.TargetID, true)
	}

	if err != nil {
		p.API.LogWarn("Proxied write failed", "action", action,
			"acting_user_id", s.userID, "target_id", outcome.TargetID, "error", err.Error())
		return failureFromError(outcome, err)
	}

	p.API.LogInfo("Proxied write succeeded", "action", action,
		"acting_user_id", s.userID, "target_id", outcome.TargetID)
	return outcome
}

// undoBatch claims the batch for an undo with compare-and-set, so two undos
// of one batch cannot both run, then reactivates and stores the outcome. A
// nil planned set reactivates every account still deactivated.
func (p *Plugin) undoBatch(batchID, userID string, planned map[string]bool) (*Batch, error) {
	claimed, err := p.updateBatch(batchID, func(batch *Batch) error {
		if batch.UndoneAt != 0 {
			return errUndoConflict
		}
		started := batch.UndoStartedAt
		if started != 0 && p.now().UnixMilli()-started < undoStaleAfter.Milliseconds() {
			return errUndoConflict
		}
		batch.UndoStartedAt = p.now().UnixMilli()
		return nil
	})
	if err != nil {
		return nil, err
	}

	var outcomes []Outcome
	runErr := p.withUserSession(userID, func(ctx context.Context, s *userSession) error {
		var err error
		outcomes, err = p.undoOutcomes(ctx, s, claimed, planned)
		return err
	})

	updated, err := p.updateBatch(batchID, func(batch *Batch) error {
		batch.UndoStartedAt = 0
		if runErr == nil {
			batch.UndoneAt = p.now().UnixMilli()
			batch.UndoneBy = userID
			batch.UndoOutcomes = outcomes
		}
		return nil
	})
	if runErr != nil {
		return nil, fmt.Errorf("failed to undo batch %s: %w", batchID, runErr)
	}
	if err != nil {
		return nil, err
	}

	return updated, nil
}
