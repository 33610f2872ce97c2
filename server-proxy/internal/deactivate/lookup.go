package deactivate

import (
	"context"
	"errors"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
)

// lookupBatchSize is how many names or ids go into one POST /users/usernames
// or POST /users/ids request. Mattermost 5.37 answers 250 in one request.
const lookupBatchSize = 200

// resolveTargets finds the user each target names, with the caller's own
// session, so the caller never learns about a user they could not see in
// the browser. The result has one entry per target, nil for no match.
func resolveTargets(ctx context.Context, client *restClient, caller *model.User, targets []Target) ([]*model.User, error) {
	var names, ids []string
	for _, target := range targets {
		switch target.Kind {
		case targetUsername:
			names = append(names, target.Value)
		case targetID:
			names = append(names, target.Value)
			ids = append(ids, target.Value)
		}
	}

	byName, err := lookupInBatches(ctx, names, client.getUsersByUsernames)
	if err != nil {
		return nil, err
	}

	byID, err := lookupInBatches(ctx, ids, client.getUsersByIDs)
	if err != nil {
		return nil, err
	}

	usernames := map[string]*model.User{}
	for _, user := range byName {
		usernames[user.Username] = user
	}

	userIDs := map[string]*model.User{}
	for _, user := range byID {
		userIDs[user.Id] = user
	}

	resolved := make([]*model.User, len(targets))
	for i, target := range targets {
		switch target.Kind {
		case targetMe:
			resolved[i] = caller
		case targetUsername:
			resolved[i] = usernames[target.Value]
		case targetID:
			resolved[i] = userIDs[target.Value]
			if resolved[i] == nil {
				resolved[i] = usernames[target.Value]
			}
		case targetEmail:
			user, err := lookupEmail(ctx, client, target.Value)
			if err != nil {
				return nil, err
			}
			resolved[i] = user
		}
	}

	return resolved, nil
}

func lookupInBatches(ctx context.Context, values []string, fetch func(context.Context, []string) ([]*model.User, error)) ([]*model.User, error) {
	var users []*model.User
	for start := 0; start < len(values); start += lookupBatchSize {
		end := min(start+lookupBatchSize, len(values))

		batch, err := fetch(ctx, values[start:end])
		if err != nil {
			return nil, err
		}
		users = append(users, batch...)
	}

	return users, nil
}

// lookupEmail treats 404 as no match, and 400 (not an address) and 403 (the
// caller may not look users up by e-mail) as no match too, because the
// caller could not find that user in the browser either.
func lookupEmail(ctx context.Context, client *restClient, email string) (*model.User, error) {
	user, err := client.getUserByEmail(ctx, email)
	if err == nil {
		return user, nil
	}

	var restErr *RESTError
	if errors.As(err, &restErr) {
		switch restErr.StatusCode {
		case http.StatusNotFound, http.StatusBadRequest, http.StatusForbidden:
			return nil, nil
		}
	}

	return nil, err
}
