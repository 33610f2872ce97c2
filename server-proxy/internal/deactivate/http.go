package deactivate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// maxRequestBytes caps a request body. The largest body is POST /batches
// with maxBatchItems targets and outcomes: 2,574,017 bytes for 10,000
// deactivated users with 21-character usernames (TestRecordTenThousandOutcomes).
// The cap leaves room for longer names, warnings and failure reasons.
const maxRequestBytes = 6 << 20

const (
	defaultBatchesPerPage = 20
	maxBatchesPerPage     = 100
)

// userHandler is a route handler that runs for an authenticated user.
type userHandler func(w http.ResponseWriter, r *http.Request, userID string)

func (p *Plugin) newRouter() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/autocomplete/users", p.authenticated(p.handleAutocompleteUsers))
	mux.HandleFunc("GET /api/v1/autocomplete/plugins", p.authenticated(p.handleAutocompletePlugins))
	mux.HandleFunc("POST /api/v1/actions/confirm", p.authenticated(p.handleConfirm))
	mux.HandleFunc("POST /api/v1/actions/cancel", p.authenticated(p.handleCancel))
	mux.HandleFunc("POST /api/v1/batches", p.authenticated(p.handleCreateBatch))
	mux.HandleFunc("GET /api/v1/batches", p.authenticated(p.handleListBatches))
	mux.HandleFunc("GET /api/v1/batches/{id}", p.authenticated(p.handleGetBatch))
	mux.HandleFunc("POST /api/v1/batches/{id}/undo", p.authenticated(p.handleUndoBatch))
	mux.HandleFunc("GET /api/v1/settings", p.authenticated(p.handleGetSettings))
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "No such route.")
	})

	return mux
}

// ServeHTTP serves /plugins/app.deactivate/….
func (p *Plugin) ServeHTTP(_ *plugin.Context, w http.ResponseWriter, r *http.Request) {
	p.router.ServeHTTP(w, r)
}

// authenticated trusts only the Mattermost-User-Id header. The server
// removes that header from every incoming request and sets it only for a
// valid session (with a valid CSRF token for cookie sessions), so a missing
// or malformed value means the caller is not logged in.
func (p *Plugin) authenticated(next userHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		userID := r.Header.Get("Mattermost-User-Id")
		if !model.IsValidId(userID) {
			writeError(w, http.StatusUnauthorized, "unauthorized", "A logged-in Mattermost session is required.")
			return
		}

		r.Body = http.MaxBytesReader(w, r.Body, maxRequestBytes)
		next(w, r, userID)
	}
}

type errorBody struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, id, message string) {
	writeJSON(w, status, errorBody{ID: id, Message: message})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func (p *Plugin) handleCreateBatch(w http.ResponseWriter, r *http.Request, userID string) {
	has := func(permission *model.Permission) bool { return p.API.HasPermissionTo(userID, permission) }
	if !has(accountPermission) && !has(pluginPermission) {
		writeError(w, http.StatusForbidden, "forbidden",
			"Recording a batch needs permission to manage users or plugins.")
		return
	}

	var body batchRequest
	if err := decodeJSONBody(r.Body, &body); err != nil {
		writeBodyError(w, err, "The body is not a valid batch: ")
		return
	}
	if err := body.validate(); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_body", err.Error())
		return
	}
	if item, permission := body.missingPermission(has); item != "" {
		writeError(w, http.StatusForbidden, "forbidden",
			"Recording "+item+" needs the "+permission.Id+" permission.")
		return
	}

	var written map[string]*model.User
	err := p.withUserSession(userID, func(ctx context.Context, s *userSession) error {
		var err error
		written, err = verifyRecordedOutcomes(ctx, s, body.Outcomes, p.now())
		return err
	})
	var rejection *outcomeRejection
	if errors.As(err, &rejection) {
		p.API.LogWarn("Rejected a recorded batch", "user_id", userID, "error", err.Error())
		writeError(w, http.StatusBadRequest, "outcome_not_verified",
			"The server does not confirm "+rejection.Error()+". Nothing was recorded.")
		return
	}
	if err != nil {
		p.API.LogError("Failed to verify a recorded batch", "user_id", userID, "error", err.Error())
		writeError(w, http.StatusBadGateway, "verify_failed",
			"The outcomes could not be checked against the server: "+planFailureText(err))
		return
	}

	batch := body.toBatch(userID)
	if err := p.saveNewBatch(batch); err != nil {
		p.API.LogError("Failed to record a batch", "user_id", userID, "error", err.Error())
		writeError(w, http.StatusInternalServerError, "store_failed", "The batch could not be stored.")
		return
	}

	p.API.LogInfo("Recorded a batch", "user_id", userID, "batch_id", batch.ID, "source", batch.Source)
	p.warnProtectedWrites(batch, written)

	writeJSON(w, http.StatusCreated, recordedBatch{Batch: batch, SummaryError: p.postBatchSummary(batch)})
}

// recordedBatch is the body of a 201 from POST /batches: the stored batch,
// plus why its summary could not be posted to the summary channel.
type recordedBatch struct {
	*Batch
	SummaryError string `json:"summary_error,omitempty"`
}

// warnProtectedWrites logs the protected accounts that a recorded batch
// deactivated. The server cannot undo a write that already happened, so it
// records the batch and leaves the decision to an admin reading the log.
// written holds the accounts as the server read them, so the check does not
// trust the usernames in the request.
func (p *Plugin) warnProtectedWrites(batch *Batch, written map[string]*model.User) {
	protected := p.readPanelSettings().protectedSet()
	var ids []string
	for _, outcome := range batch.Outcomes {
		user := written[outcome.TargetID]
		if isUndoable(outcome) && user != nil && protected[strings.ToLower(user.Username)] {
			ids = append(ids, user.Id)
		}
	}
	if len(ids) == 0 {
		return
	}

	p.API.LogWarn("A recorded batch deactivated protected accounts", "user_id", batch.UserID,
		"batch_id", batch.ID, "protected_user_ids", strings.Join(ids, ","))
}

// writeBodyError rejects a body that could not be decoded: with 413 when it
// is larger than maxRequestBytes, with 400 otherwise.
func writeBodyError(w http.ResponseWriter, err error, prefix string) {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		writeError(w, http.StatusRequestEntityTooLarge, "body_too_large",
			fmt.Sprintf("The body is larger than %d bytes.", tooLarge.Limit))
		return
	}

	writeError(w, http.StatusBadRequest, "invalid_body", prefix+err.Error())
}

func (p *Plugin) handleListBatches(w http.ResponseWriter, r *http.Request, userID string) {
	query := r.URL.Query()
	page, okPage := queryInt(query.Get("page"), 0, 0, 10000)
	perPage, okPerPage := queryInt(query.Get("per_page"), defaultBatchesPerPage, 1, maxBatchesPerPage)
	if !okPage || !okPerPage {
		writeError(w, http.StatusBadRequest, "invalid_query",
			"page must be 0 to 10000 and per_page 1 to 100.")
		return
	}

	owner := userID
	if requested := query.Get("user_id"); requested != "" && requested != userID {
		if !model.IsValidId(requested) {
			writeError(w, http.StatusBadRequest, "invalid_query", "user_id is not a valid user id.")
			return
		}
		if !p.API.HasPermissionTo(userID, model.PermissionManageSystem) {
			writeError(w, http.StatusForbidden, "forbidden",
				"Listing another user's batches needs the manage_system permission.")
			return
		}
		owner = requested
	}

	batches, err := p.listBatches(owner, page, perPage)
	if err != nil {
		p.API.LogError("Failed to list batches", "user_id", userID, "error", err.Error())
		writeError(w, http.StatusInternalServerError, "store_failed", "The batches could not be listed.")
		return
	}

	writeJSON(w, http.StatusOK, map[string]any{"batches": batches, "page": page, "per_page": perPage})
}

func queryInt(value string, fallback, low, high int) (int, bool) {
	if value == "" {
		return fallback, true
	}

	number, err := strconv.Atoi(value)
	if err != nil || number < low || number > high {
		return 0, false
	}

	return number, true
}

// loadBatchFor returns the batch if userID may see it: its owner, or a user
// with manage_system. Any other caller gets 404, so batch ids of other users
// cannot be probed.
func (p *Plugin) loadBatchFor(batchID, userID string) (*Batch, int) {
	if !isValidBatchID(batchID) {
		return nil, http.StatusNotFound
	}

	batch, err := p.getBatch(batchID)
	if errors.Is(err, errBatchNotFound) {
		return nil, http.StatusNotFound
	}
	if err != nil {
		p.API.LogError("Failed to load a batch", "batch_id", batchID, "error", err.Error())
		return nil, http.StatusInternalServerError
	}

	if batch.UserID != userID && !p.API.HasPermissionTo(userID, model.PermissionManageSystem) {
		return nil, http.StatusNotFound
	}

	return batch, 0
}

func (p *Plugin) handleGetBatch(w http.ResponseWriter, r *http.Request, userID string) {
	batch, status := p.loadBatchFor(r.PathValue("id"), userID)
	if status != 0 {
		writeBatchLoadError(w, status)
		return
	}

	writeJSON(w, http.StatusOK, batch)
}

func writeBatchLoadError(w http.ResponseWriter, status int) {
	if status == http.StatusNotFound {
		writeError(w, status, "batch_not_found", "No batch with this id is visible to you.")
		return
	}

	writeError(w, status, "store_failed", "The batch could not be loaded.")
}

func (p *Plugin) handleUndoBatch(w http.ResponseWriter, r *http.Request, userID string) {
	batchID := r.PathValue("id")
	batch, status := p.loadBatchFor(batchID, userID)
	if status != 0 {
		writeBatchLoadError(w, status)
		return
	}

	planned, err := readUndoSelection(r.Body, batch)
	if err != nil {
		writeBodyError(w, err, "")
		return
	}

	undone, err := p.undoBatch(batchID, userID, planned)
	var conflict *undoConflictError
	if errors.As(err, &conflict) {
		writeJSON(w, http.StatusConflict, undoConflictBody{
			ID:        "undo_conflict",
			Message:   p.undoConflictText(conflict, false),
			UndoneAt:  conflict.UndoneAt,
			UndoneBy:  conflict.UndoneBy,
			StartedAt: conflict.StartedAt,
		})
		return
	}
	if err != nil {
		p.API.LogError("Failed to undo a batch", "user_id", userID, "batch_id", batchID, "error", err.Error())
		writeError(w, http.StatusBadGateway, "undo_failed", "The batch could not be undone: "+planFailureText(err))
		return
	}

	writeJSON(w, http.StatusOK, undone)
}
