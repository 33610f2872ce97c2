package deactivate

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// executeUndoCommand previews the undo of the named batch, or of the caller's
// latest one: the accounts of the batch that are still deactivated. Nothing
// is written before the caller presses Confirm.
func (p *Plugin) executeUndoCommand(args *model.CommandArgs, parsed ParsedCommand) *model.CommandResponse {
	batchID := parsed.BatchID
	if batchID == "" {
		ids, err := p.listBatchIDs(args.UserId)
		if err != nil {
			p.API.LogError("Failed to list batches", "user_id", args.UserId, "error", err.Error())
			return ephemeral("Your batches could not be listed. Try again in a moment.")
		}
		if len(ids) == 0 {
			return ephemeral("You have no recorded batch to undo.")
		}
		batchID = ids[0]
	}

	batch, status := p.loadBatchFor(batchID, args.UserId)
	if status != 0 {
		return ephemeral("Batch " + inlineCode(batchID) + " was not found among the batches you may undo.")
	}
	if batch.UndoneAt != 0 {
		conflict := &undoConflictError{BatchID: batchID, UndoneAt: batch.UndoneAt, UndoneBy: batch.UndoneBy}
		return ephemeral(p.undoConflictText(conflict, true))
	}

	var candidates []Outcome
	err := p.withUserSession(args.UserId, func(ctx context.Context, s *userSession) error {
		var err error
		candidates, err = p.undoCandidates(ctx, s, batch)
		return err
	})
	if err != nil {
		p.API.LogError("Failed to build an undo preview", "user_id", args.UserId, "batch_id", batchID,
			"error", err.Error())
		return ephemeral(planFailureText(err))
	}

	var planned []string
	for _, candidate := range candidates {
		if candidate.Result == "" {
			planned = append(planned, undoKey(candidate))
		}
	}

	post := &model.Post{
		Id:        model.NewId(),
		UserId:    args.UserId,
		ChannelId: args.ChannelId,
		RootId:    args.RootId,
		Message:   formatUndoPreview(batchID, candidates, parsed.Flags.DryRun),
	}

	parsed.BatchID = batchID
	return p.sendPreview(args, parsed, planned, post, "a pending undo")
}

// formatUndoPreview lists what undo would reactivate and what it skips.
func formatUndoPreview(batchID string, candidates []Outcome, dryRun bool) string {
	var users, bots []string
	var skipped []Outcome
	for _, candidate := range candidates {
		switch {
		case candidate.Result != "":
			skipped = append(skipped, candidate)
		case candidate.Kind == "bot":
			bots = append(bots, outcomeName(candidate))
		default:
			users = append(users, outcomeName(candidate))
		}
	}

	changes := len(users) + len(bots)
	var lines []string
	switch {
	case dryRun:
		lines = append(lines, "#### Dry run: nothing will be changed")
	case changes == 0:
		lines = append(lines, "#### Nothing to undo")
	default:
		lines = append(lines, fmt.Sprintf("#### Confirm undo: %d change(s)", changes))
	}
	lines = append(lines, "Undo of batch "+inlineCode(batchID)+".")

	if len(users) > 0 {
		lines = append(lines, fmt.Sprintf("- **Will be reactivated (%d):** %s", len(users), joinNames(users)))
	}
	if len(bots) > 0 {
		lines = append(lines, fmt.Sprintf("- **Bots that will be enabled (%d):** %s", len(bots), joinNames(bots)))
	}
	if len(skipped) > 0 {
		lines = append(lines, fmt.Sprintf("- **Skipped (%d):**", len(skipped)))
		lines = append(lines, groupSkipped(skipped)...)
	}

	if changes > 0 && !dryRun {
		lines = append(lines, "", "Press **Confirm** within 5 minutes to reactivate these accounts under your own account.")
	}

	return strings.Join(lines, "\n")
}

// confirmUndo runs a confirmed undo and replaces the preview with the outcome.
// It acts only on the reactivations of the preview that still apply.
func (p *Plugin) confirmUndo(request *PendingRequest, postID string) {
	post := &model.Post{
		Id:        postID,
		UserId:    request.UserID,
		ChannelId: request.ChannelID,
		RootId:    request.RootID,
		Message:   "#### Working…\nReactivating the accounts of batch " + inlineCode(request.Parsed.BatchID) + ".",
	}
	p.API.UpdateEphemeralPost(request.UserID, post)

	planned := map[string]bool{}
	for _, key := range request.Planned {
		planned[key] = true
	}

	undone, err := p.undoBatch(request.Parsed.BatchID, request.UserID, planned)
	var conflict *undoConflictError
	if errors.As(err, &conflict) {
		post.Message = "#### Nothing was undone\n" + p.undoConflictText(conflict, true)
		p.API.UpdateEphemeralPost(request.UserID, post)
		return
	}
	if err != nil {
		p.API.LogError("Failed to undo a batch", "user_id", request.UserID,
			"batch_id", request.Parsed.BatchID, "error", err.Error())
		post.Message = "#### Undo failed\n" + planFailureText(err)
		p.API.UpdateEphemeralPost(request.UserID, post)
		return
	}

	post.Message = formatOutcome("Undo done", &Batch{Outcomes: undone.UndoOutcomes})
	p.API.UpdateEphemeralPost(request.UserID, post)
}
