package deactivate

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
)

// pendingIDFrom reads the pending id from an integration action request.
func pendingIDFrom(r *http.Request) (*model.PostActionIntegrationRequest, string, bool) {
	var request model.PostActionIntegrationRequest
	if err := json.NewDecoder(r.Body).Decode(&request); err != nil {
		return nil, "", false
	}

	pendingID, _ := request.Context["pending_id"].(string)
	return &request, pendingID, model.IsValidId(pendingID)
}

func writeActionText(w http.ResponseWriter, text string) {
	writeJSON(w, http.StatusOK, model.PostActionIntegrationResponse{EphemeralText: text})
}

// takeActionPending takes the pending request that an action button names
// and returns it with the id of the post to update. When it returns false,
// it has already written the reply.
func (p *Plugin) takeActionPending(w http.ResponseWriter, r *http.Request, userID, verb string) (*PendingRequest, string, bool) {
	action, pendingID, ok := pendingIDFrom(r)
	if !ok {
		writeError(w, http.StatusBadRequest, "invalid_body", "The action has no valid pending_id.")
		return nil, "", false
	}

	request, err := p.takePending(pendingID, userID)
	switch {
	case errors.Is(err, errPendingGone):
		writeActionText(w, "This request expired or was already confirmed or cancelled. Run the command again.")
		return nil, "", false
	case errors.Is(err, errPendingForeign):
		writeError(w, http.StatusForbidden, "forbidden", "Only the user who ran the command can "+verb+" it.")
		return nil, "", false
	case err != nil:
		p.API.LogError("Failed to take a pending request", "user_id", userID, "pending_id", pendingID, "error", err.Error())
		writeError(w, http.StatusInternalServerError, "store_failed", "The request could not be loaded.")
		return nil, "", false
	}

	postID := request.PostID
	if model.IsValidId(action.PostId) {
		postID = action.PostId
	}

	return request, postID, true
}

// handleConfirm takes the pending request and runs it after replying, so a
// long batch does not run into the server's timeout for integration actions.
func (p *Plugin) handleConfirm(w http.ResponseWriter, r *http.Request, userID string) {
	request, postID, ok := p.takeActionPending(w, r, userID, "confirm")
	if !ok {
		return
	}

	p.API.LogInfo("Confirmed a /deactivate request", "user_id", userID, "pending_id", request.ID)
	p.runInBackground(func() { p.confirmPending(request, postID) })
	writeJSON(w, http.StatusOK, model.PostActionIntegrationResponse{})
}

func (p *Plugin) handleCancel(w http.ResponseWriter, r *http.Request, userID string) {
	request, postID, ok := p.takeActionPending(w, r, userID, "cancel")
	if !ok {
		return
	}

	p.API.UpdateEphemeralPost(userID, &model.Post{
		Id:        postID,
		UserId:    userID,
		ChannelId: request.ChannelID,
		RootId:    request.RootID,
		Message:   "#### Canceled\nNothing was changed.",
	})
	writeJSON(w, http.StatusOK, model.PostActionIntegrationResponse{})
}
