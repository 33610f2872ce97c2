package deactivate

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// errUndoConflict means another undo of the same batch is running or done.
// The error returned is an *undoConflictError that matches it.
var errUndoConflict = errors.New("the batch is already being undone or was undone")

// undoConflictError is a rejected undo claim: the batch was undone already
// (UndoneAt set) or another undo started at StartedAt and is still running.
type undoConflictError struct {
	BatchID   string
	UndoneAt  int64
	UndoneBy  string
	StartedAt int64
}

func (e *undoConflictError) Error() string {
	if e.UndoneAt != 0 {
		return fmt.Sprintf("batch %s was already undone at %s by user %s",
			e.BatchID, formatMillis(e.UndoneAt), e.UndoneBy)
	}

	return fmt.Sprintf("batch %s is being undone by another request that started at %s",
		e.BatchID, formatMillis(e.StartedAt))
}

func (e *undoConflictError) Is(target error) bool { return target == errUndoConflict }

// formatMillis renders a Unix time in milliseconds as UTC, to the minute.
func formatMillis(millis int64) string {
	return time.UnixMilli(millis).UTC().Format("2006-01-02 15:04 UTC")
}

// undoConflictText describes a conflict for the caller. It names the user
// who undid the batch by username when the plugin API can read it.
func (p *Plugin) undoConflictText(conflict *undoConflictError, markdown bool) string {
	batchID := conflict.BatchID
	if markdown {
		batchID = inlineCode(batchID)
	}

	if conflict.UndoneAt == 0 {
		return fmt.Sprintf("Batch %s is being undone by another request that started at %s. "+
			"Wait for it to finish, then check the batch again.", batchID, formatMillis(conflict.StartedAt))
	}

	by := "user " + conflict.UndoneBy
	if user, appErr := p.API.GetUser(conflict.UndoneBy); appErr == nil {
		by = "@" + user.Username
	}
	if markdown {
		by = inlineCode(by)
	}

	return fmt.Sprintf("Batch %s was already undone at %s by %s.", batchID, formatMillis(conflict.UndoneAt), by)
}

// undoKey identifies a reactivation across the undo preview and Confirm.
func undoKey(outcome Outcome) string {
	return "reactivate:" + outcome.TargetID
}

// undoCandidates looks up, under the caller's session s, the accounts of
// batch that undo would reactivate. Accounts still deactivated by this batch
// come back with an empty Result; the others are already skipped with their
// reason. An account counts as deactivated by this batch only while its
// delete_at equals the one recorded with the batch, so an account that was
// reactivated and deactivated again since is left alone.
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

	byID, err := lookupUsersByID(ctx, client, ids)
	if err != nil {
		return nil, err
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
		case user.DeleteAt != previous.DeleteAt:
			outcome.Result = resultSkipped
			outcome.Reason = reasonChangedSinceBatch
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
// nil planned set reactivates every account still deactivated by the batch.
// A rejected claim returns an *undoConflictError.
func (p *Plugin) undoBatch(batchID, userID string, planned map[string]bool) (*Batch, error) {
	claimed, err := p.updateBatchHeader(batchID, func(header *batchHeader) error {
		conflict := &undoConflictError{BatchID: batchID, UndoneAt: header.UndoneAt, UndoneBy: header.UndoneBy,
			StartedAt: header.UndoStartedAt}
		if header.UndoneAt != 0 {
			return conflict
		}
		started := header.UndoStartedAt
		if started != 0 && p.now().UnixMilli()-started < undoStaleAfter.Milliseconds() {
			return conflict
		}
		header.UndoStartedAt = p.now().UnixMilli()
		return nil
	})
	if err != nil {
		return nil, err
	}

	batch, runErr := p.withLists(claimed)
	var outcomes []Outcome
	if runErr == nil {
		runErr = p.withUserSession(userID, func(ctx context.Context, s *userSession) error {
			var err error
			outcomes, err = p.undoOutcomes(ctx, s, batch, planned)
			return err
		})
	}

	undoChunks := 0
	if runErr == nil {
		undoChunks, runErr = p.storeChunks(batchID, chunkUndoOutcomes, outcomes, p.remainingRetention(claimed))
	}

	updated, err := p.updateBatchHeader(batchID, func(header *batchHeader) error {
		header.UndoStartedAt = 0
		if runErr == nil {
			header.UndoneAt = p.now().UnixMilli()
			header.UndoneBy = userID
			header.UndoOutcomes = nil
			header.UndoChunks = undoChunks
		}
		return nil
	})
	if runErr != nil {
		return nil, fmt.Errorf("failed to undo batch %s: %w", batchID, runErr)
	}
	if err != nil {
		return nil, err
	}

	return p.withLists(updated)
}
