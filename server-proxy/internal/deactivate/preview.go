package deactivate

import (
	"context"
	"errors"

	"github.com/mattermost/mattermost/server/public/model"
)

const (
	confirmActionURL = routePrefix + "/api/v1/actions/confirm"
	cancelActionURL  = routePrefix + "/api/v1/actions/cancel"
)

// executePreview plans the command under the caller's session and replies
// with an ephemeral preview. With actions to take and no --dry-run, the
// preview carries Confirm and Cancel buttons and a pending request.
func (p *Plugin) executePreview(args *model.CommandArgs, parsed ParsedCommand) *model.CommandResponse {
	var items []PlanItem
	err := p.withUserSession(args.UserId, func(ctx context.Context, s *userSession) error {
		var err error
		items, err = p.buildPlan(ctx, s, parsed)
		return err
	})
	if err != nil {
		p.API.LogError("Failed to build a /deactivate preview", "user_id", args.UserId, "error", err.Error())
		return ephemeral(planFailureText(err))
	}

	var planned []string
	for _, item := range items {
		if item.isAction() {
			planned = append(planned, plannedKey(item))
		}
	}

	post := &model.Post{
		Id:        model.NewId(),
		UserId:    args.UserId,
		ChannelId: args.ChannelId,
		RootId:    args.RootId,
		Message:   formatPreview(parsed, items),
	}

	return p.sendPreview(args, parsed, planned, post, "a pending /deactivate request")
}

// sendPreview sends the preview post. Unless there is nothing to confirm or
// it is a dry run, it first stores the pending request and adds the Confirm
// and Cancel buttons. The what argument names the request in the error log.
func (p *Plugin) sendPreview(
	args *model.CommandArgs, parsed ParsedCommand, planned []string, post *model.Post, what string,
) *model.CommandResponse {
	if len(planned) == 0 || parsed.Flags.DryRun {
		p.API.SendEphemeralPost(args.UserId, post)
		return &model.CommandResponse{}
	}

	request := &PendingRequest{
		ID:        model.NewId(),
		UserID:    args.UserId,
		ChannelID: args.ChannelId,
		RootID:    args.RootId,
		PostID:    post.Id,
		CreatedAt: p.now().UnixMilli(),
		Command:   args.Command,
		Parsed:    parsed,
		Planned:   planned,
	}
	if err := p.savePending(request); err != nil {
		p.API.LogError("Failed to store "+what, "user_id", args.UserId, "error", err.Error())
		return ephemeral("The preview could not be stored, so nothing can be confirmed. Try again in a moment.")
	}

	post.AddProp("attachments", []*model.SlackAttachment{confirmAttachment(request.ID)})
	p.API.SendEphemeralPost(args.UserId, post)

	return &model.CommandResponse{}
}

// confirmAttachment holds the buttons. Their context carries only the
// pending id: everything else is read back from the KV store.
func confirmAttachment(pendingID string) *model.SlackAttachment {
	context := map[string]any{"pending_id": pendingID}

	return &model.SlackAttachment{
		Actions: []*model.PostAction{
			{
				Id:          "confirm",
				Type:        model.PostActionTypeButton,
				Name:        "Confirm",
				Style:       "danger",
				Integration: &model.PostActionIntegration{URL: confirmActionURL, Context: context},
			},
			{
				Id:          "cancel",
				Type:        model.PostActionTypeButton,
				Name:        "Cancel",
				Style:       "default",
				Integration: &model.PostActionIntegration{URL: cancelActionURL, Context: context},
			},
		},
	}
}

func planFailureText(err error) string {
	var restErr *RESTError
	if errors.As(err, &restErr) {
		detail := plainReason(restErr)
		if restErr.ID != "" {
			detail += " (`" + sanitizeErrorID(restErr.ID) + "`)"
		}
		return "The targets could not be looked up: " + detail + "."
	}

	return "The targets could not be looked up. The server log has the details."
}

// confirmPending runs a confirmed request and replaces the preview with the
// outcome. It is called once per pending request, after takePending.
func (p *Plugin) confirmPending(request *PendingRequest, postID string) {
	if request.Parsed.Command == commandUndo {
		p.confirmUndo(request, postID)
		return
	}

	post := &model.Post{
		Id:        postID,
		UserId:    request.UserID,
		ChannelId: request.ChannelID,
		RootId:    request.RootID,
		Message:   "#### Working…\nApplying the confirmed changes.",
	}
	p.API.UpdateEphemeralPost(request.UserID, post)

	planned := map[string]bool{}
	for _, key := range request.Planned {
		planned[key] = true
	}

	var batch *Batch
	err := p.withUserSession(request.UserID, func(ctx context.Context, s *userSession) error {
		items, err := p.buildPlan(ctx, s, request.Parsed)
		if err != nil {
			return err
		}

		outcomes := p.executePlan(ctx, s, items, planned)
		p.observeDeleteAts(ctx, s, outcomes)
		batch = &Batch{
			UserID:   request.UserID,
			Source:   "server",
			Command:  request.Command,
			Targets:  items,
			Outcomes: outcomes,
		}
		return nil
	})
	if err != nil {
		p.API.LogError("Failed to run a confirmed /deactivate request",
			"user_id", request.UserID, "pending_id", request.ID, "error", err.Error())
		post.Message = "#### Nothing was changed\n" + planFailureText(err)
		p.API.UpdateEphemeralPost(request.UserID, post)
		return
	}

	if err := p.saveNewBatch(batch); err != nil {
		p.API.LogError("Failed to record a batch", "user_id", request.UserID, "error", err.Error())
		batch.ID = ""
	}

	post.Message = formatOutcome("Done", batch)
	if batch.ID == "" {
		post.Message += "\n\nThe batch could not be recorded, so `/deactivate undo` cannot find it."
	} else if summaryError := p.postBatchSummary(batch); summaryError != "" {
		post.Message += "\n\nNo summary was posted to the summary channel: " + summaryError + "."
	}
	p.API.UpdateEphemeralPost(request.UserID, post)
}
