package deactivate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin/plugintest"
	"github.com/stretchr/testify/mock"
)

// testAPI is the plugin API the tests hand to the plugin. It embeds the
// plugintest mock, so a call to any plugin-API method not implemented here
// fails the test. It implements logging, the KV store with atomic
// operations and expiry, sessions, users and ephemeral posts on top of the
// fake REST server's state.
type testAPI struct {
	*plugintest.API
	t    *testing.T
	fake *fakeServer
	now  func() time.Time

	mu                sync.Mutex
	kv                map[string]kvEntry
	logs              []string
	created           []*model.Session
	revoked           []string
	failCreateSession bool
	sent              []*model.Post
	updated           []*model.Post
	commands          []*model.Command
	// panelSetting is the stored ConsolePanel value, as the System Console
	// saves it under PluginSettings.Plugins.
	panelSetting map[string]any
}

type kvEntry struct {
	value    []byte
	expireAt time.Time
}

func newTestAPI(t *testing.T, fake *fakeServer) *testAPI {
	api := &testAPI{
		API:  &plugintest.API{},
		t:    t,
		fake: fake,
		now:  time.Now,
		kv:   map[string]kvEntry{},
	}

	failWrite := func(args mock.Arguments) {
		t.Errorf("the plugin changed a user or plugin through its own plugin-API rights: %v", args)
	}
	api.API.On("UpdateUserActive", mock.Anything, mock.Anything).Run(failWrite).Return(nil).Maybe()
	api.API.On("DisablePlugin", mock.Anything).Run(failWrite).Return(nil).Maybe()
	api.API.On("DeleteUser", mock.Anything).Run(failWrite).Return(nil).Maybe()
	api.API.On("PermanentDeleteUser", mock.Anything).Run(failWrite).Return(nil).Maybe()

	return api
}

func (a *testAPI) log(level, message string, keyValuePairs ...any) {
	a.mu.Lock()
	defer a.mu.Unlock()

	line := level + " " + message + fmt.Sprint(keyValuePairs...)
	a.logs = append(a.logs, line)
	for _, value := range keyValuePairs {
		if text, ok := value.(string); ok && a.isToken(text) {
			a.t.Errorf("a log line contains a session token: %s", line)
		}
	}
}

// isToken reports whether text is the token of a session the plugin created.
func (a *testAPI) isToken(text string) bool {
	for _, session := range a.created {
		if session.Token != "" && strings.Contains(text, session.Token) {
			return true
		}
	}

	return false
}

func (a *testAPI) LogInfo(message string, keyValuePairs ...any) {
	a.log("info", message, keyValuePairs...)
}
func (a *testAPI) LogWarn(message string, keyValuePairs ...any) {
	a.log("warn", message, keyValuePairs...)
}
func (a *testAPI) LogError(message string, keyValuePairs ...any) {
	a.log("error", message, keyValuePairs...)
}
func (a *testAPI) LogDebug(message string, keyValuePairs ...any) {
	a.log("debug", message, keyValuePairs...)
}

func (a *testAPI) logLines() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.logs...)
}

func (a *testAPI) live(key string) ([]byte, bool) {
	entry, ok := a.kv[key]
	if !ok || (!entry.expireAt.IsZero() && !a.now().Before(entry.expireAt)) {
		return nil, false
	}

	return entry.value, true
}

func (a *testAPI) KVGet(key string) ([]byte, *model.AppError) {
	a.mu.Lock()
	defer a.mu.Unlock()

	value, _ := a.live(key)
	return value, nil
}

func (a *testAPI) KVDelete(key string) *model.AppError {
	a.mu.Lock()
	defer a.mu.Unlock()

	delete(a.kv, key)
	return nil
}

// KVSetWithOptions follows the server: an atomic set with a nil old value
// writes only a missing key, and an atomic set of nil deletes only when the
// stored value equals the old value.
func (a *testAPI) KVSetWithOptions(key string, value []byte, options model.PluginKVSetOptions) (bool, *model.AppError) {
	if appErr := options.IsValid(); appErr != nil {
		return false, appErr
	}

	a.mu.Lock()
	defer a.mu.Unlock()

	if len(key) > model.KeyValueKeyMaxRunes {
		return false, model.NewAppError("KVSetWithOptions", "model.plugin_key_value.is_valid.key.app_error", nil, key, 400)
	}

	if options.Atomic {
		current, exists := a.live(key)
		if options.OldValue == nil && exists {
			return false, nil
		}
		if options.OldValue != nil && (!exists || !bytes.Equal(current, options.OldValue)) {
			return false, nil
		}
	}

	if value == nil {
		delete(a.kv, key)
		return true, nil
	}

	entry := kvEntry{value: append([]byte(nil), value...)}
	if options.ExpireInSeconds > 0 {
		entry.expireAt = a.now().Add(time.Duration(options.ExpireInSeconds) * time.Second)
	}
	a.kv[key] = entry
	return true, nil
}

func (a *testAPI) KVList(page, perPage int) ([]string, *model.AppError) {
	a.mu.Lock()
	defer a.mu.Unlock()

	keys := make([]string, 0, len(a.kv))
	for key := range a.kv {
		keys = append(keys, key)
	}
	sort.Strings(keys)

	start := min(page*perPage, len(keys))
	end := min(start+perPage, len(keys))
	return keys[start:end], nil
}

func (a *testAPI) CreateSession(session *model.Session) (*model.Session, *model.AppError) {
	a.mu.Lock()
	defer a.mu.Unlock()

	if a.failCreateSession {
		return nil, model.NewAppError("CreateSession", "app.session.save.app_error", nil, "", 500)
	}
	if session.ExpiresAt == 0 || session.ExpiresAt > a.now().Add(time.Minute).UnixMilli() {
		a.t.Errorf("a proxy session expires at %d, more than a minute ahead", session.ExpiresAt)
	}

	created := *session
	created.Id = model.NewId()
	created.Token = model.NewId()
	created.CreateAt = a.now().UnixMilli()
	a.created = append(a.created, &created)
	a.fake.addSession(&created)

	returned := created
	return &returned, nil
}

func (a *testAPI) RevokeSession(sessionID string) *model.AppError {
	a.mu.Lock()
	a.revoked = append(a.revoked, sessionID)
	a.mu.Unlock()

	a.fake.removeSession(sessionID)
	return nil
}

// openSessions returns the ids of created sessions that were never revoked.
func (a *testAPI) openSessions() []string {
	a.mu.Lock()
	defer a.mu.Unlock()

	var open []string
	for _, session := range a.created {
		if !contains(a.revoked, session.Id) {
			open = append(open, session.Id)
		}
	}

	return open
}

func contains(values []string, value string) bool {
	for _, candidate := range values {
		if candidate == value {
			return true
		}
	}

	return false
}

func (a *testAPI) GetUser(userID string) (*model.User, *model.AppError) {
	user := a.fake.user(userID)
	if user == nil {
		return nil, model.NewAppError("GetUser", "app.user.missing_account.const", nil, "", 404)
	}

	return user, nil
}

func (a *testAPI) HasPermissionTo(userID string, permission *model.Permission) bool {
	user := a.fake.user(userID)
	return user != nil && hasRolePermission(user.Roles, permission.Id)
}

func (a *testAPI) GetConfig() *model.Config {
	config := &model.Config{}
	config.SetDefaults()

	a.fake.mu.Lock()
	*config.TeamSettings.EnableUserDeactivation = a.fake.enableUserDeactivation
	for _, plugin := range a.fake.plugins {
		config.PluginSettings.PluginStates[plugin.ID] = &model.PluginState{Enable: plugin.Enabled}
	}
	a.fake.mu.Unlock()

	a.mu.Lock()
	if a.panelSetting != nil {
		config.PluginSettings.Plugins[manifestID] = map[string]any{panelSettingKey: a.panelSetting}
	}
	a.mu.Unlock()

	return config
}

// setPanelSetting stores a ConsolePanel value the way the server returns it
// from GetConfig: decoded from JSON, so lists are []any.
func (a *testAPI) setPanelSetting(value string) {
	var decoded map[string]any
	if err := json.Unmarshal([]byte(value), &decoded); err != nil {
		a.t.Fatalf("invalid panel setting %s: %v", value, err)
	}

	a.mu.Lock()
	defer a.mu.Unlock()
	a.panelSetting = decoded
}

func (a *testAPI) SendEphemeralPost(userID string, post *model.Post) *model.Post {
	a.mu.Lock()
	defer a.mu.Unlock()

	copied := post.Clone()
	a.sent = append(a.sent, copied)
	return copied
}

func (a *testAPI) UpdateEphemeralPost(userID string, post *model.Post) *model.Post {
	a.mu.Lock()
	defer a.mu.Unlock()

	copied := post.Clone()
	a.updated = append(a.updated, copied)
	return copied
}

func (a *testAPI) RegisterCommand(command *model.Command) error {
	a.mu.Lock()
	defer a.mu.Unlock()

	a.commands = append(a.commands, command)
	return nil
}

func (a *testAPI) lastUpdate() *model.Post {
	a.mu.Lock()
	defer a.mu.Unlock()

	if len(a.updated) == 0 {
		return nil
	}
	return a.updated[len(a.updated)-1]
}

func (a *testAPI) lastSent() *model.Post {
	a.mu.Lock()
	defer a.mu.Unlock()

	if len(a.sent) == 0 {
		return nil
	}
	return a.sent[len(a.sent)-1]
}

// harness is a plugin wired to a fake REST server and a test API.
type harness struct {
	t      *testing.T
	fake   *fakeServer
	api    *testAPI
	plugin *Plugin
}

func newHarness(t *testing.T) *harness {
	t.Helper()

	fake := newFakeServer(t)
	api := newTestAPI(t, fake)

	p := NewPlugin()
	p.SetAPI(api)
	p.baseURLOverride = fake.server.URL
	p.pollInterval = 5 * time.Millisecond
	p.pollTimeout = 200 * time.Millisecond

	h := &harness{t: t, fake: fake, api: api, plugin: p}
	t.Cleanup(func() {
		p.background.Wait()
		if open := api.openSessions(); len(open) > 0 {
			t.Errorf("%d proxy session(s) were never revoked", len(open))
		}
	})

	return h
}

func (a *testAPI) GetUsers(options *model.UserGetOptions) ([]*model.User, *model.AppError) {
	a.fake.mu.Lock()
	defer a.fake.mu.Unlock()

	users := []*model.User{}
	for _, user := range a.fake.users {
		if !options.Active || user.DeleteAt == 0 {
			copied := *user
			users = append(users, &copied)
		}
	}
	return users, nil
}

func (a *testAPI) SearchUsers(search *model.UserSearch) ([]*model.User, *model.AppError) {
	a.fake.mu.Lock()
	defer a.fake.mu.Unlock()

	users := []*model.User{}
	for _, user := range a.fake.users {
		if strings.HasPrefix(user.Username, search.Term) && (search.AllowInactive || user.DeleteAt == 0) {
			copied := *user
			users = append(users, &copied)
		}
	}
	return users, nil
}

func (a *testAPI) GetPlugins() ([]*model.Manifest, *model.AppError) {
	a.fake.mu.Lock()
	defer a.fake.mu.Unlock()

	manifests := []*model.Manifest{}
	for _, plugin := range a.fake.plugins {
		manifests = append(manifests, &model.Manifest{Id: plugin.ID, Name: plugin.Name})
	}
	return manifests, nil
}
