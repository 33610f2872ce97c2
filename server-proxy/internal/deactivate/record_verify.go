package deactivate

import (
	"context"
	"fmt"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// recordWindow is how long before POST /batches an account's delete_at may
// lie for the batch to claim that deactivation. The web app records a batch
// right after its last write, but a 10,000-account run at Mattermost's
// default rate limit (10 requests per second) takes about 17 minutes, so the
// window covers one such run with a margin. A run that takes longer must be
// recorded in parts as it goes.
const recordWindow = 30 * time.Minute

// outcomeRejection is an outcome of a recorded batch that the server state
// does not confirm. The whole batch is rejected with it.
type outcomeRejection struct {
	Index   int
	Message string
}

func (r *outcomeRejection) Error() string {
	return fmt.Sprintf("outcomes[%d]: %s", r.Index, r.Message)
}

// verifyRecordedOutcomes checks every write that a web app batch claims
// against the server, under the caller's session s. Each deactivated user
// and disabled bot must exist, be deactivated now, match its kind, and have
// a delete_at within recordWindow of now. Each disabled plugin must be
// installed and not enabled. It stores the observed delete_at in each
// account outcome and returns the written accounts as the server reads
// them, by id. An unconfirmed claim returns an *outcomeRejection, and a
// failed lookup any other error.
func verifyRecordedOutcomes(ctx context.Context, s *userSession, outcomes []Outcome, now time.Time) (map[string]*model.User, error) {
	client, err := s.rest()
	if err != nil {
		return nil, err
	}

	written, err := verifyAccountOutcomes(ctx, client, outcomes, now)
	if err != nil {
		return nil, err
	}

	return written, verifyPluginOutcomes(ctx, client, outcomes)
}

func verifyAccountOutcomes(ctx context.Context, client *restClient, outcomes []Outcome, now time.Time) (map[string]*model.User, error) {
	var ids []string
	for _, outcome := range outcomes {
		if isUndoable(outcome) {
			ids = append(ids, outcome.TargetID)
		}
	}
	if len(ids) == 0 {
		return map[string]*model.User{}, nil
	}

	byID, err := lookupUsersByID(ctx, client, ids)
	if err != nil {
		return nil, err
	}

	for i := range outcomes {
		outcome := &outcomes[i]
		if !isUndoable(*outcome) {
			continue
		}

		if problem := accountClaimProblem(byID[outcome.TargetID], outcome.Kind, now); problem != "" {
			return nil, &outcomeRejection{Index: i, Message: fmt.Sprintf("%s %s %s", outcome.Kind, outcome.TargetID, problem)}
		}
		outcome.DeleteAt = byID[outcome.TargetID].DeleteAt
	}

	return byID, nil
}

// accountClaimProblem returns why user does not confirm a deactivation of
// kind ("user" or "bot") recorded at now, or "" when it does.
func accountClaimProblem(user *model.User, kind string, now time.Time) string {
	switch {
	case user == nil:
		return "was not found"
	case user.DeleteAt == 0:
		return "is active, so this batch cannot have deactivated it"
	case user.IsBot != (kind == "bot"):
		if user.IsBot {
			return "is a bot account, so its outcome must have kind bot"
		}
		return "is not a bot account, so its outcome must have kind user"
	}

	age := now.Sub(time.UnixMilli(user.DeleteAt))
	if age > recordWindow || age < -recordWindow {
		return fmt.Sprintf("was deactivated at %s, more than %d minutes away from the time of recording",
			time.UnixMilli(user.DeleteAt).UTC().Format(time.RFC3339), int(recordWindow.Minutes()))
	}

	return ""
}

func verifyPluginOutcomes(ctx context.Context, client *restClient, outcomes []Outcome) error {
	needsLookup := false
	for _, outcome := range outcomes {
		needsLookup = needsLookup || (outcome.Kind == "plugin" && outcome.Result == resultDisabled)
	}
	if !needsLookup {
		return nil
	}

	plugins, err := client.getPlugins(ctx)
	if err != nil {
		return err
	}

	enabled := map[string]bool{}
	for _, info := range plugins.Active {
		enabled[info.Id] = true
	}
	installed := map[string]bool{}
	for _, info := range append(plugins.Active, plugins.Inactive...) {
		installed[info.Id] = true
	}

	for i, outcome := range outcomes {
		if outcome.Kind != "plugin" || outcome.Result != resultDisabled {
			continue
		}

		switch {
		case !installed[outcome.TargetID]:
			return &outcomeRejection{Index: i, Message: "plugin " + outcome.TargetID + " is not installed"}
		case enabled[outcome.TargetID]:
			return &outcomeRejection{Index: i,
				Message: "plugin " + outcome.TargetID + " is enabled, so this batch cannot have disabled it"}
		}
	}

	return nil
}

// lookupUsersByID reads users by id with POST /users/ids, in requests of
// lookupBatchSize ids, and returns them by id. Ids the caller cannot see
// are missing from the result.
func lookupUsersByID(ctx context.Context, client *restClient, ids []string) (map[string]*model.User, error) {
	users, err := lookupInBatches(ctx, ids, client.getUsersByIDs)
	if err != nil {
		return nil, err
	}

	byID := make(map[string]*model.User, len(users))
	for _, user := range users {
		byID[user.Id] = user
	}

	return byID, nil
}

// observeDeleteAts reads, under the caller's session s, the delete_at of
// every account that outcomes deactivated or disabled and stores it in the
// outcome, so undo can tell later whether the account changed since. When
// the lookup fails, the outcomes keep no delete_at and undo skips them.
func (p *Plugin) observeDeleteAts(ctx context.Context, s *userSession, outcomes []Outcome) {
	var ids []string
	for _, outcome := range outcomes {
		if isUndoable(outcome) {
			ids = append(ids, outcome.TargetID)
		}
	}
	if len(ids) == 0 {
		return
	}

	client, err := s.rest()
	var byID map[string]*model.User
	if err == nil {
		byID, err = lookupUsersByID(ctx, client, ids)
	}
	if err != nil {
		p.API.LogWarn("Failed to read delete_at after a batch, so undo will skip its accounts",
			"user_id", s.userID, "error", err.Error())
		return
	}

	for i := range outcomes {
		if user := byID[outcomes[i].TargetID]; isUndoable(outcomes[i]) && user != nil {
			outcomes[i].DeleteAt = user.DeleteAt
		}
	}
}
