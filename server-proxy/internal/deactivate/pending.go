package deactivate

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// Pending requests wait in the KV store between the preview and Confirm, under
// `pending_<id>` with a KV expiry, so any node of a cluster can take them.
const (
	pendingKeyPrefix = "pending_"
	pendingLifetime  = 5 * time.Minute
)

var errPendingGone = errors.New("the request expired or was already confirmed or cancelled")

// errPendingForeign means the pending request belongs to another user.
var errPendingForeign = errors.New("the request belongs to another user")

// PendingRequest is a previewed command waiting for Confirm or Cancel.
type PendingRequest struct {
	ID        string        `json:"id"`
	UserID    string        `json:"user_id"`
	ChannelID string        `json:"channel_id"`
	RootID    string        `json:"root_id"`
	PostID    string        `json:"post_id"`
	CreatedAt int64         `json:"created_at"`
	Command   string        `json:"command"`
	Parsed    ParsedCommand `json:"parsed"`
	// Planned lists the previewed actions (user ids and plugin ids). Confirm
	// acts only on targets that are both planned here and still actionable.
	Planned []string `json:"planned"`
}

func pendingKey(id string) string { return pendingKeyPrefix + id }

func (p *Plugin) savePending(request *PendingRequest) error {
	encoded, err := json.Marshal(request)
	if err != nil {
		return fmt.Errorf("failed to encode pending request %s: %w", request.ID, err)
	}

	created, appErr := p.API.KVSetWithOptions(pendingKey(request.ID), encoded, model.PluginKVSetOptions{
		Atomic: true, OldValue: nil, ExpireInSeconds: int64(pendingLifetime / time.Second),
	})
	if appErr != nil {
		return fmt.Errorf("failed to store pending request %s: %w", request.ID, appErr)
	}
	if !created {
		return fmt.Errorf("failed to store pending request %s: the key already exists", request.ID)
	}

	return nil
}

// takePending removes and returns the pending request if it belongs to
// userID. The removal is a compare-and-delete, so of two Confirms, on one
// node or on two, exactly one gets the request and the other gets
// errPendingGone.
func (p *Plugin) takePending(id, userID string) (*PendingRequest, error) {
	if !model.IsValidId(id) {
		return nil, errPendingGone
	}

	raw, appErr := p.API.KVGet(pendingKey(id))
	if appErr != nil {
		return nil, fmt.Errorf("failed to load pending request %s: %w", id, appErr)
	}
	if raw == nil {
		return nil, errPendingGone
	}

	var request PendingRequest
	if err := json.Unmarshal(raw, &request); err != nil {
		return nil, fmt.Errorf("failed to decode pending request %s: %w", id, err)
	}
	if request.UserID != userID {
		return nil, errPendingForeign
	}
	if p.now().Sub(time.UnixMilli(request.CreatedAt)) > pendingLifetime {
		return nil, errPendingGone
	}

	deleted, appErr := p.API.KVSetWithOptions(pendingKey(id), nil,
		model.PluginKVSetOptions{Atomic: true, OldValue: raw})
	if appErr != nil {
		return nil, fmt.Errorf("failed to take pending request %s: %w", id, appErr)
	}
	if !deleted {
		return nil, errPendingGone
	}

	return &request, nil
}
