package deactivate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// maxResponseBytes caps how much of a REST response body is read.
const maxResponseBytes = 8 << 20

// RESTError is a failed call to the Mattermost REST API.
type RESTError struct {
	Method     string
	Path       string
	StatusCode int
	// ID is the server error id (`model.AppError.Id`), empty when the body
	// carried none.
	ID      string
	Message string
}

func (e *RESTError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("%s %s failed with status %d: %s (%s)",
			e.Method, e.Path, e.StatusCode, e.Message, e.ID)
	}

	return fmt.Sprintf("%s %s failed with status %d: %s", e.Method, e.Path, e.StatusCode, e.Message)
}

// restClient calls the Mattermost REST API under one session token.
type restClient struct {
	baseURL string
	token   string
	http    *http.Client
}

func (c *restClient) do(ctx context.Context, method, path string, body, out any) error {
	var reader io.Reader
	if body != nil {
		encoded, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("failed to encode the body of %s %s: %w", method, path, err)
		}
		reader = bytes.NewReader(encoded)
	}

	request, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, reader)
	if err != nil {
		return fmt.Errorf("failed to build %s %s: %w", method, path, err)
	}

	request.Header.Set("Authorization", "Bearer "+c.token)
	request.Header.Set("X-Requested-With", "XMLHttpRequest")
	if body != nil {
		request.Header.Set("Content-Type", "application/json")
	}

	response, err := c.http.Do(request)
	if err != nil {
		return fmt.Errorf("%s %s failed: %w", method, path, err)
	}
	defer response.Body.Close()

	payload, err := io.ReadAll(io.LimitReader(response.Body, maxResponseBytes))
	if err != nil {
		return fmt.Errorf("failed to read the response of %s %s: %w", method, path, err)
	}

	if response.StatusCode < 200 || response.StatusCode > 299 {
		return newRESTError(method, path, response.StatusCode, payload)
	}

	return decodeSingleJSON(method, path, response.StatusCode, payload, out)
}

// newRESTError reads the error id from the body whatever its Content-Type,
// because router-level 404s of Mattermost 5.37 send a JSON body as text/plain.
func newRESTError(method, path string, status int, payload []byte) *RESTError {
	restErr := &RESTError{Method: method, Path: path, StatusCode: status}

	var appErr model.AppError
	if json.Unmarshal(payload, &appErr) == nil && appErr.Id != "" {
		restErr.ID = appErr.Id
		restErr.Message = appErr.Message
		return restErr
	}

	restErr.Message = strings.TrimSpace(string(payload))
	if restErr.Message == "" {
		restErr.Message = http.StatusText(status)
	}
	if len(restErr.Message) > 200 {
		restErr.Message = restErr.Message[:200]
	}

	return restErr
}

// decodeSingleJSON rejects a 2xx body that is not exactly one JSON value.
// PUT /users/{id}/active answers 200 with `{"status":"OK"}` followed by an
// AppError when the update itself failed, and that must count as a failure.
func decodeSingleJSON(method, path string, status int, payload []byte, out any) error {
	decoder := json.NewDecoder(bytes.NewReader(payload))

	var first json.RawMessage
	if err := decoder.Decode(&first); err != nil {
		return &RESTError{Method: method, Path: path, StatusCode: status,
			Message: "the response is not valid JSON"}
	}

	var extra json.RawMessage
	if err := decoder.Decode(&extra); err != io.EOF {
		restErr := newRESTError(method, path, status, extra)
		if restErr.ID == "" {
			restErr.Message = "the response contains more than one JSON value"
		}
		return restErr
	}

	if out == nil {
		return nil
	}

	if err := json.Unmarshal(first, out); err != nil {
		return fmt.Errorf("failed to decode the response of %s %s: %w", method, path, err)
	}

	return nil
}

func (c *restClient) getMe(ctx context.Context) (*model.User, error) {
	var user model.User
	if err := c.do(ctx, http.MethodGet, "/api/v4/users/me", nil, &user); err != nil {
		return nil, err
	}

	return &user, nil
}

func (c *restClient) getUsersByUsernames(ctx context.Context, names []string) ([]*model.User, error) {
	var users []*model.User
	err := c.do(ctx, http.MethodPost, "/api/v4/users/usernames", names, &users)
	return users, err
}

func (c *restClient) getUsersByIDs(ctx context.Context, ids []string) ([]*model.User, error) {
	var users []*model.User
	err := c.do(ctx, http.MethodPost, "/api/v4/users/ids", ids, &users)
	return users, err
}

func (c *restClient) getUserByEmail(ctx context.Context, email string) (*model.User, error) {
	var user model.User
	path := "/api/v4/users/email/" + url.PathEscape(email)
	if err := c.do(ctx, http.MethodGet, path, nil, &user); err != nil {
		return nil, err
	}

	return &user, nil
}

// getActiveSystemAdmins lists active system admins, up to 200, the server's
// page-size maximum.
func (c *restClient) getActiveSystemAdmins(ctx context.Context) ([]*model.User, error) {
	var users []*model.User
	path := "/api/v4/users?role=system_admin&active=true&per_page=200"
	err := c.do(ctx, http.MethodGet, path, nil, &users)
	return users, err
}

func (c *restClient) getPlugins(ctx context.Context) (*model.PluginsResponse, error) {
	var plugins model.PluginsResponse
	if err := c.do(ctx, http.MethodGet, "/api/v4/plugins", nil, &plugins); err != nil {
		return nil, err
	}

	return &plugins, nil
}

func (c *restClient) getPluginStatuses(ctx context.Context) ([]*model.PluginStatus, error) {
	var statuses []*model.PluginStatus
	err := c.do(ctx, http.MethodGet, "/api/v4/plugins/statuses", nil, &statuses)
	return statuses, err
}

// updateUserActive calls PUT /users/{id}/active. It never sends
// `permanent=true` and there is no DELETE counterpart in this client.
func (c *restClient) updateUserActive(ctx context.Context, userID string, active bool) error {
	path := "/api/v4/users/" + url.PathEscape(userID) + "/active"
	return c.do(ctx, http.MethodPut, path, map[string]bool{"active": active}, nil)
}

func (c *restClient) setBotActive(ctx context.Context, botUserID string, active bool) error {
	action := "disable"
	if active {
		action = "enable"
	}

	path := "/api/v4/bots/" + url.PathEscape(botUserID) + "/" + action
	return c.do(ctx, http.MethodPost, path, nil, nil)
}

func (c *restClient) disablePlugin(ctx context.Context, pluginID string) error {
	path := "/api/v4/plugins/" + url.PathEscape(pluginID) + "/disable"
	return c.do(ctx, http.MethodPost, path, nil, nil)
}

// createPost calls POST /posts, which needs create_post in the channel.
func (c *restClient) createPost(ctx context.Context, channelID, message string) (*model.Post, error) {
	var post model.Post
	body := map[string]string{"channel_id": channelID, "message": message}
	if err := c.do(ctx, http.MethodPost, "/api/v4/posts", body, &post); err != nil {
		return nil, err
	}

	return &post, nil
}

// defaultHTTPClient is used for loopback calls to the server's own listener.
func defaultHTTPClient() *http.Client {
	return &http.Client{Timeout: 20 * time.Second}
}
