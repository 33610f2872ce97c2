package deactivate

import (
	"errors"
	"fmt"
	"io"
)

// undoRequest is the optional body of POST /batches/{id}/undo. UserIDs lists
// exactly the accounts that the caller's confirmation showed as "will be
// reactivated". Without it, every account the batch still holds deactivated
// is reactivated.
type undoRequest struct {
	UserIDs *[]string `json:"user_ids"`
}

// undoConflictBody is the 409 response body of POST /batches/{id}/undo. UndoneAt
// and UndoneBy are set when the batch was undone already, StartedAt when
// another undo is running. Times are Unix milliseconds.
type undoConflictBody struct {
	ID        string `json:"id"`
	Message   string `json:"message"`
	UndoneAt  int64  `json:"undone_at,omitempty"`
	UndoneBy  string `json:"undone_by,omitempty"`
	StartedAt int64  `json:"undo_started_at,omitempty"`
}

// readUndoSelection reads the undo body and returns the planned undo keys,
// or nil when the body is empty or has no user_ids. Every listed id must be
// an account that batch deactivated or disabled.
func readUndoSelection(body io.Reader, batch *Batch) (map[string]bool, error) {
	var request undoRequest
	err := decodeJSONBody(body, &request)
	if errors.Is(err, io.EOF) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the body is not a valid undo request: %w", err)
	}
	if request.UserIDs == nil {
		return nil, nil
	}

	ids := *request.UserIDs
	if len(ids) == 0 || len(ids) > maxBatchItems {
		return nil, fmt.Errorf("user_ids must list 1 to %d accounts; leave it out to reactivate every account", maxBatchItems)
	}

	inBatch := map[string]bool{}
	for _, outcome := range batch.Outcomes {
		if isUndoable(outcome) {
			inBatch[outcome.TargetID] = true
		}
	}

	planned := make(map[string]bool, len(ids))
	for i, id := range ids {
		if !inBatch[id] {
			return nil, fmt.Errorf("user_ids[%d] %q is not an account that batch %s deactivated", i, id, batch.ID)
		}
		planned[undoKey(Outcome{TargetID: id})] = true
	}

	return planned, nil
}
