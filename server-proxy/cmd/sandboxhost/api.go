package main

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// sandboxAPI is the plugin API as the sandbox provides it: the KV store lives
// in this process, and everything else reads or changes the emulator through
// the sandbox's control routes.
//
// NOTE: only the methods the Deactivate plugin calls are implemented. Any
// other method hits the nil embedded interface and panics, and net/http turns
// that panic into a failed request with a stack trace on stderr.
type sandboxAPI struct {
	plugin.API

	control *controlClient
	kv      *kvStore
	// sandboxURL is the sandbox's own address, which serves /api/v4.
	sandboxURL *url.URL
	// cookieSecret encrypts the cookies of interactive buttons, as the
	// server's PostActionCookieSecret does.
	cookieSecret []byte
	now          func() time.Time
}

func (a *sandboxAPI) LogInfo(message string, keyValuePairs ...any) {
	a.log("info", message, keyValuePairs)
}

func (a *sandboxAPI) LogWarn(message string, keyValuePairs ...any) {
	a.log("warn", message, keyValuePairs)
}

func (a *sandboxAPI) LogError(message string, keyValuePairs ...any) {
	a.log("error", message, keyValuePairs)
}

func (a *sandboxAPI) LogDebug(message string, keyValuePairs ...any) {
	a.log("debug", message, keyValuePairs)
}

// log writes one line to stderr: level, message and the key-value pairs as
// key=value, each value quoted by strconv.Quote.
func (a *sandboxAPI) log(level, message string, keyValuePairs []any) {
	var line strings.Builder
	fmt.Fprintf(&line, "sandboxhost: %s %s", level, message)
	for i := 0; i+1 < len(keyValuePairs); i += 2 {
		fmt.Fprintf(&line, " %v=%s", keyValuePairs[i], strconv.Quote(fmt.Sprint(keyValuePairs[i+1])))
	}
	if len(keyValuePairs)%2 == 1 {
		fmt.Fprintf(&line, " %s", strconv.Quote(fmt.Sprint(keyValuePairs[len(keyValuePairs)-1])))
	}
	fmt.Fprintln(os.Stderr, line.String())
}

// GetConfig returns the emulator's config with ServiceSettings.ListenAddress
// set to the sandbox, so the plugin's REST calls go to the emulator over
// loopback exactly as they go to the server's own listener.
func (a *sandboxAPI) GetConfig() *model.Config {
	config := &model.Config{}
	config.SetDefaults()
	if appErr := a.control.call(http.MethodGet, "/__sandbox/config", nil, config); appErr != nil {
		a.LogError("Failed to read the emulator config", "error", appErr.Error())
	}

	listen := net.JoinHostPort(a.sandboxURL.Hostname(), a.sandboxURL.Port())
	config.ServiceSettings.ListenAddress = &listen
	security := model.ConnSecurityNone
	config.ServiceSettings.ConnectionSecurity = &security

	return config
}

func (a *sandboxAPI) GetUser(userID string) (*model.User, *model.AppError) {
	var user model.User
	if appErr := a.control.call(http.MethodGet, "/__sandbox/users/"+url.PathEscape(userID), nil, &user); appErr != nil {
		return nil, appErr
	}

	return &user, nil
}

func (a *sandboxAPI) GetUsers(options *model.UserGetOptions) ([]*model.User, *model.AppError) {
	query := url.Values{}
	query.Set("page", strconv.Itoa(options.Page))
	query.Set("per_page", strconv.Itoa(options.PerPage))
	if options.Active {
		query.Set("active", "true")
	}
	if options.Inactive {
		query.Set("inactive", "true")
	}

	var users []*model.User
	appErr := a.control.call(http.MethodGet, "/__sandbox/users?"+query.Encode(), nil, &users)
	return users, appErr
}

func (a *sandboxAPI) SearchUsers(search *model.UserSearch) ([]*model.User, *model.AppError) {
	query := url.Values{}
	query.Set("term", search.Term)
	query.Set("per_page", strconv.Itoa(search.Limit))
	if !search.AllowInactive {
		query.Set("active", "true")
	}

	var users []*model.User
	appErr := a.control.call(http.MethodGet, "/__sandbox/users?"+query.Encode(), nil, &users)
	return users, appErr
}

func (a *sandboxAPI) HasPermissionTo(userID string, permission *model.Permission) bool {
	query := url.Values{"user_id": {userID}, "permission": {permission.Id}}
	return a.permission(query)
}

func (a *sandboxAPI) HasPermissionToChannel(userID, channelID string, permission *model.Permission) bool {
	query := url.Values{"user_id": {userID}, "channel_id": {channelID}, "permission": {permission.Id}}
	return a.permission(query)
}

func (a *sandboxAPI) permission(query url.Values) bool {
	var reply struct {
		Allowed bool `json:"allowed"`
	}
	if appErr := a.control.call(http.MethodGet, "/__sandbox/permissions?"+query.Encode(), nil, &reply); appErr != nil {
		a.LogError("Failed to check a permission", "query", query.Encode(), "error", appErr.Error())
		return false
	}

	return reply.Allowed
}

func (a *sandboxAPI) GetPlugins() ([]*model.Manifest, *model.AppError) {
	var manifests []*model.Manifest
	appErr := a.control.call(http.MethodGet, "/__sandbox/plugins", nil, &manifests)
	return manifests, appErr
}

// CreateSession mints a real emulator session, so the plugin's REST calls
// with its token are authenticated and permission-checked by the emulator.
func (a *sandboxAPI) CreateSession(session *model.Session) (*model.Session, *model.AppError) {
	var created model.Session
	if appErr := a.control.call(http.MethodPost, "/__sandbox/sessions", session, &created); appErr != nil {
		return nil, appErr
	}

	return &created, nil
}

func (a *sandboxAPI) RevokeSession(sessionID string) *model.AppError {
	return a.control.call(http.MethodDelete, "/__sandbox/sessions/"+url.PathEscape(sessionID), nil, nil)
}

// RegisterCommand puts the command into the emulator's command registry, so
// POST /commands/execute runs it here and autocomplete suggests it.
func (a *sandboxAPI) RegisterCommand(command *model.Command) error {
	if appErr := a.control.call(http.MethodPost, "/__sandbox/commands", command, nil); appErr != nil {
		return appErr
	}

	return nil
}

func (a *sandboxAPI) KVSetWithOptions(key string, value []byte, options model.PluginKVSetOptions) (bool, *model.AppError) {
	return a.kv.setWithOptions(key, value, options)
}

func (a *sandboxAPI) KVGet(key string) ([]byte, *model.AppError) {
	return a.kv.get(key), nil
}

func (a *sandboxAPI) KVDelete(key string) *model.AppError {
	a.kv.delete(key)
	return nil
}

func (a *sandboxAPI) KVList(page, perPage int) ([]string, *model.AppError) {
	if page < 0 || perPage <= 0 {
		return nil, model.NewAppError("KVList", "plugin.api.kv_list.invalid_paging.app_error", nil,
			fmt.Sprintf("page=%d per_page=%d", page, perPage), http.StatusBadRequest)
	}

	return a.kv.list(page, perPage), nil
}

// SendEphemeralPost delivers a post to one user, as the server's
// SendEphemeralPost does: type system_ephemeral, action ids and encrypted
// action cookies added. The host page fetches it from the sandbox.
func (a *sandboxAPI) SendEphemeralPost(userID string, post *model.Post) *model.Post {
	post.Type = model.PostTypeEphemeral
	if post.CreateAt == 0 {
		post.CreateAt = a.now().UnixMilli()
	}
	post.UpdateAt = post.CreateAt

	return a.deliverEphemeral(userID, post, "posted")
}

// UpdateEphemeralPost replaces an ephemeral post the user already has.
func (a *sandboxAPI) UpdateEphemeralPost(userID string, post *model.Post) *model.Post {
	post.Type = model.PostTypeEphemeral
	post.UpdateAt = a.now().UnixMilli()
	if post.CreateAt == 0 {
		post.CreateAt = post.UpdateAt
	}

	return a.deliverEphemeral(userID, post, "edited")
}

func (a *sandboxAPI) deliverEphemeral(userID string, post *model.Post, event string) *model.Post {
	if post.GetProps() == nil {
		post.SetProps(model.StringInterface{})
	}
	post.GenerateActionIds()
	withCookies := model.AddPostActionCookies(post, a.cookieSecret)

	body := map[string]any{"user_id": userID, "event": event, "post": withCookies}
	if appErr := a.control.call(http.MethodPost, "/__sandbox/ephemeral_posts", body, nil); appErr != nil {
		a.LogError("Failed to deliver an ephemeral post", "user_id", userID, "post_id", post.Id,
			"error", appErr.Error())
	}

	return post
}
