package deactivate

import (
	"context"

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
		Protected:              p.readPanelSettings().protectedSet(),
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
