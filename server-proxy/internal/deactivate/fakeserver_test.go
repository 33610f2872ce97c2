package deactivate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// fakeServer replaces the Mattermost 5.37 REST API on 127.0.0.1. Status
// codes, error ids and body shapes follow recorded 5.37 responses. Sessions
// carry roles, and permissions come from those roles, as on the real server.
type fakeServer struct {
	t      *testing.T
	server *httptest.Server

	mu                     sync.Mutex
	users                  map[string]*model.User
	plugins                []*fakePlugin
	nodes                  []string
	sessions               map[string]*model.Session
	enableUserDeactivation bool
	requests               []fakeRequest
	// failUpdateFor makes PUT /users/{id}/active return 200 with an AppError
	// appended, as 5.37 does when UpdateActive fails after the checks.
	failUpdateFor map[string]bool
	// channels maps a channel id to the ids of its members. Members may
	// post in it, as with the default create_post of channel_user.
	channels map[string][]string
	posts    []*model.Post
}

type fakePlugin struct {
	ID      string
	Name    string
	Enabled bool
	// RunningPolls is how many status polls each node keeps reporting the
	// plugin as running after a disable; -1 keeps it running forever.
	RunningPolls map[string]int
}

type fakeRequest struct {
	Method string
	Path   string
	Query  string
	Body   string
	UserID string
}

var rolePermissions = map[string][]string{
	model.SystemAdminRoleId: {
		model.PermissionManageSystem.Id, model.PermissionSysconsoleWriteUserManagementUsers.Id,
		model.PermissionEditOtherUsers.Id, model.PermissionSysconsoleReadPlugins.Id,
		model.PermissionSysconsoleWritePlugins.Id, model.PermissionManageOthersBots.Id,
		model.PermissionReadOthersBots.Id,
	},
	// A User Manager whose "Users: Can edit" was granted in the System Console.
	"system_user_manager": {
		model.PermissionSysconsoleWriteUserManagementUsers.Id, model.PermissionEditOtherUsers.Id,
	},
	// A role with only "Plugins: Can edit" granted in the System Console.
	"system_plugin_manager": {
		model.PermissionSysconsoleReadPlugins.Id, model.PermissionSysconsoleWritePlugins.Id,
	},
	model.SystemUserRoleId: {},
}

func hasRolePermission(roles, permission string) bool {
	for _, role := range strings.Fields(roles) {
		if slices.Contains(rolePermissions[role], permission) {
			return true
		}
	}

	return false
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()

	fake := &fakeServer{
		t:             t,
		users:         map[string]*model.User{},
		sessions:      map[string]*model.Session{},
		nodes:         []string{""},
		failUpdateFor: map[string]bool{},
		channels:      map[string][]string{},
	}

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("failed to listen on 127.0.0.1: %v", err)
	}

	fake.server = httptest.NewUnstartedServer(http.HandlerFunc(fake.serve))
	fake.server.Listener.Close()
	fake.server.Listener = listener
	fake.server.Start()
	t.Cleanup(fake.server.Close)

	return fake
}

func (f *fakeServer) addUser(username, roles string) *model.User {
	f.mu.Lock()
	defer f.mu.Unlock()

	user := &model.User{
		Id: model.NewId(), Username: username, Email: username + "@example.com", Roles: roles,
		CreateAt: 1700000000000, UpdateAt: 1700000000000,
	}
	f.users[user.Id] = user
	return user
}

func (f *fakeServer) addBot(username string) *model.User {
	user := f.addUser(username, model.SystemUserRoleId)
	f.mu.Lock()
	user.IsBot = true
	user.Email = username + "@localhost"
	f.mu.Unlock()
	return user
}

func (f *fakeServer) user(id string) *model.User {
	f.mu.Lock()
	defer f.mu.Unlock()

	user, ok := f.users[id]
	if !ok {
		return nil
	}
	copied := *user
	return &copied
}

func (f *fakeServer) setDeleteAt(id string, deleteAt int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.users[id].DeleteAt = deleteAt
}

// deactivateNow sets the user's delete_at to the current time, as a
// deactivation through the REST API does.
func (f *fakeServer) deactivateNow(id string) int64 {
	deleteAt := time.Now().UnixMilli()
	f.setDeleteAt(id, deleteAt)
	return deleteAt
}

func (f *fakeServer) addPlugin(id, name string, enabled bool) *fakePlugin {
	f.mu.Lock()
	defer f.mu.Unlock()

	plugin := &fakePlugin{ID: id, Name: name, Enabled: enabled, RunningPolls: map[string]int{}}
	f.plugins = append(f.plugins, plugin)
	return plugin
}

func (f *fakeServer) addSession(session *model.Session) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sessions[session.Token] = session
}

func (f *fakeServer) removeSession(sessionID string) {
	f.mu.Lock()
	defer f.mu.Unlock()

	for token, session := range f.sessions {
		if session.Id == sessionID {
			delete(f.sessions, token)
		}
	}
}

// addChannel creates a channel with the given members and returns its id.
func (f *fakeServer) addChannel(memberIDs ...string) string {
	f.mu.Lock()
	defer f.mu.Unlock()

	id := model.NewId()
	f.channels[id] = memberIDs
	return id
}

func (f *fakeServer) channelPosts(channelID string) []*model.Post {
	f.mu.Lock()
	defer f.mu.Unlock()

	var posts []*model.Post
	for _, post := range f.posts {
		if post.ChannelId == channelID {
			posts = append(posts, post.Clone())
		}
	}

	return posts
}

func (f *fakeServer) recorded() []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.requests)
}

func (f *fakeServer) writes() []fakeRequest {
	var writes []fakeRequest
	for _, request := range f.recorded() {
		if request.Method != http.MethodGet && !strings.HasSuffix(request.Path, "/usernames") &&
			!strings.HasSuffix(request.Path, "/ids") {
			writes = append(writes, request)
		}
	}

	return writes
}

func writeAppError(w http.ResponseWriter, status int, id, message, detail string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"id": id, "message": message, "detailed_error": detail,
		"request_id": model.NewId(), "status_code": status,
	})
}

func writeOK(w http.ResponseWriter, body any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(body)
}

func permissionError(w http.ResponseWriter, userID, permission string) {
	writeAppError(w, http.StatusForbidden, "api.context.permissions.app_error",
		"You do not have the appropriate permissions.",
		fmt.Sprintf("userId=%s, permission=%s,", userID, permission))
}

var (
	userActivePath  = regexp.MustCompile(`^/api/v4/users/([^/]+)/active$`)
	userEmailPath   = regexp.MustCompile(`^/api/v4/users/email/([^/]+)$`)
	botActivePath   = regexp.MustCompile(`^/api/v4/bots/([^/]+)/(disable|enable)$`)
	pluginPath      = regexp.MustCompile(`^/api/v4/plugins/([^/]+)/disable$`)
	validUserIDPath = regexp.MustCompile(`^[a-z0-9]{26}$`)
)

func (f *fakeServer) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)

	f.mu.Lock()
	defer f.mu.Unlock()

	session := f.sessions[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]
	userID := ""
	if session != nil {
		userID = session.UserId
	}
	f.requests = append(f.requests, fakeRequest{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: string(body), UserID: userID,
	})

	if r.Method == http.MethodDelete || r.URL.Query().Has("permanent") {
		f.t.Errorf("the plugin sent %s %s?%s, which it must never send", r.Method, r.URL.Path, r.URL.RawQuery)
	}

	if session == nil || session.IsExpired() {
		writeAppError(w, http.StatusUnauthorized, "api.context.session_expired.app_error",
			"Invalid or expired session, please login again.", "token="+"<token>")
		return
	}

	f.route(w, r, session, body)
}

func (f *fakeServer) route(w http.ResponseWriter, r *http.Request, session *model.Session, body []byte) {
	path := r.URL.Path
	switch {
	case r.Method == http.MethodGet && path == "/api/v4/users/me":
		writeOK(w, f.users[session.UserId])
	case r.Method == http.MethodPost && path == "/api/v4/users/usernames":
		f.serveUsernames(w, body)
	case r.Method == http.MethodPost && path == "/api/v4/users/ids":
		f.serveIDs(w, body)
	case r.Method == http.MethodGet && userEmailPath.MatchString(path):
		f.serveEmail(w, userEmailPath.FindStringSubmatch(path)[1])
	case r.Method == http.MethodGet && path == "/api/v4/users":
		f.serveAdmins(w, r)
	case r.Method == http.MethodPut && userActivePath.MatchString(path):
		f.serveUserActive(w, session, userActivePath.FindStringSubmatch(path)[1], body)
	case r.Method == http.MethodPost && botActivePath.MatchString(path):
		match := botActivePath.FindStringSubmatch(path)
		f.serveBotActive(w, session, match[1], match[2] == "enable")
	case r.Method == http.MethodGet && path == "/api/v4/plugins":
		f.servePlugins(w, session)
	case r.Method == http.MethodGet && path == "/api/v4/plugins/statuses":
		f.serveStatuses(w, session)
	case r.Method == http.MethodPost && path == "/api/v4/posts":
		f.serveCreatePost(w, session, body)
	case r.Method == http.MethodPost && pluginPath.MatchString(path):
		f.serveDisablePlugin(w, session, pluginPath.FindStringSubmatch(path)[1])
	default:
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"id":"api.context.404.app_error","message":"Sorry, we could not find the page.","detailed_error":"There doesn't appear to be an api call for the url='` + path + `'.","status_code":404}`))
	}
}

func decodeStrings(body []byte) ([]string, bool) {
	var values []string
	if err := json.Unmarshal(body, &values); err != nil || len(values) == 0 {
		return nil, false
	}

	return values, true
}

func (f *fakeServer) serveUsernames(w http.ResponseWriter, body []byte) {
	names, ok := decodeStrings(body)
	if !ok {
		writeAppError(w, http.StatusBadRequest, "api.context.invalid_body_param.app_error",
			"Invalid or missing usernames in request body.", "")
		return
	}

	found := []*model.User{}
	for _, user := range f.users {
		if slices.Contains(names, user.Username) {
			found = append(found, user)
		}
	}
	writeOK(w, found)
}

func (f *fakeServer) serveIDs(w http.ResponseWriter, body []byte) {
	ids, ok := decodeStrings(body)
	if !ok {
		writeAppError(w, http.StatusBadRequest, "api.context.invalid_body_param.app_error",
			"Invalid or missing user_ids in request body.", "")
		return
	}

	found := []*model.User{}
	for _, id := range ids {
		if user, exists := f.users[id]; exists && !slices.Contains(found, user) {
			found = append(found, user)
		}
	}
	writeOK(w, found)
}

func (f *fakeServer) serveEmail(w http.ResponseWriter, email string) {
	email = strings.ToLower(email)
	if !strings.Contains(email, "@") {
		writeAppError(w, http.StatusBadRequest, "api.context.invalid_url_param.app_error",
			"Invalid or missing email parameter in request URL.", "")
		return
	}

	for _, user := range f.users {
		if user.Email == email {
			writeOK(w, user)
			return
		}
	}

	writeAppError(w, http.StatusNotFound, "app.user.missing_account.const", "Unable to find the user.",
		"resource: User id: email="+email)
}

func (f *fakeServer) serveAdmins(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	found := []*model.User{}
	for _, user := range f.users {
		if query.Get("role") == model.SystemAdminRoleId && !user.IsSystemAdmin() {
			continue
		}
		if query.Get("active") == "true" && user.DeleteAt != 0 {
			continue
		}
		found = append(found, user)
	}
	writeOK(w, found)
}

func (f *fakeServer) serveUserActive(w http.ResponseWriter, session *model.Session, targetID string, body []byte) {
	if !validUserIDPath.MatchString(targetID) {
		writeAppError(w, http.StatusBadRequest, "api.context.invalid_url_param.app_error",
			"Invalid or missing user_id parameter in request URL.", "")
		return
	}

	var fields map[string]any
	_ = json.Unmarshal(body, &fields)
	active, isBool := fields["active"].(bool)
	if !isBool {
		writeAppError(w, http.StatusBadRequest, "api.context.invalid_body_param.app_error",
			"Invalid or missing active in request body.", "")
		return
	}

	isSelf := !active && targetID == session.UserId
	if !isSelf && !hasRolePermission(session.Roles, model.PermissionSysconsoleWriteUserManagementUsers.Id) {
		writeAppError(w, http.StatusForbidden, "api.user.update_active.permissions.app_error",
			"You do not have the appropriate permissions.", "userId="+targetID)
		return
	}
	if isSelf && !f.enableUserDeactivation {
		writeAppError(w, http.StatusUnauthorized, "api.user.update_active.not_enable.app_error",
			"You cannot deactivate yourself because this feature is not enabled. Please contact your System Administrator.",
			"userId="+targetID)
		return
	}

	user, exists := f.users[targetID]
	if !exists {
		writeAppError(w, http.StatusNotFound, "app.user.missing_account.const", "Unable to find the user.",
			"resource: User id: "+targetID)
		return
	}
	if user.IsSystemAdmin() && !hasRolePermission(session.Roles, model.PermissionManageSystem.Id) {
		permissionError(w, session.UserId, model.PermissionManageSystem.Id)
		return
	}

	if f.failUpdateFor[targetID] {
		w.Header().Set("Content-Type", "application/json")
		var buffer bytes.Buffer
		_ = json.NewEncoder(&buffer).Encode(map[string]string{"status": "OK"})
		buffer.WriteString(`{"id":"app.user.update.finding.app_error","message":"We encountered an error finding the account.","status_code":500}`)
		_, _ = w.Write(buffer.Bytes())
		return
	}

	user.DeleteAt = 0
	if !active {
		user.DeleteAt = time.Now().UnixMilli()
	}
	writeOK(w, map[string]string{"status": "OK"})
}

func (f *fakeServer) serveBotActive(w http.ResponseWriter, session *model.Session, botID string, enable bool) {
	user, exists := f.users[botID]
	if !exists || !user.IsBot || !hasRolePermission(session.Roles, model.PermissionReadOthersBots.Id) {
		writeAppError(w, http.StatusNotFound, "store.sql_bot.get.missing.app_error", "Bot does not exist.", "")
		return
	}
	if !hasRolePermission(session.Roles, model.PermissionManageOthersBots.Id) {
		permissionError(w, session.UserId, model.PermissionManageOthersBots.Id)
		return
	}

	user.DeleteAt = 0
	if !enable {
		user.DeleteAt = time.Now().UnixMilli()
	}
	writeOK(w, map[string]any{
		"user_id": user.Id, "username": user.Username, "display_name": user.Username,
		"description": "", "owner_id": model.NewId(), "create_at": user.CreateAt,
		"update_at": user.UpdateAt, "delete_at": user.DeleteAt,
	})
}

func (f *fakeServer) servePlugins(w http.ResponseWriter, session *model.Session) {
	if !hasRolePermission(session.Roles, model.PermissionSysconsoleReadPlugins.Id) {
		permissionError(w, session.UserId, model.PermissionSysconsoleReadPlugins.Id)
		return
	}

	response := model.PluginsResponse{Active: []*model.PluginInfo{}, Inactive: []*model.PluginInfo{}}
	for _, plugin := range f.plugins {
		info := &model.PluginInfo{Manifest: model.Manifest{Id: plugin.ID, Name: plugin.Name, Version: "1.0.0"}}
		if plugin.Enabled {
			response.Active = append(response.Active, info)
		} else {
			response.Inactive = append(response.Inactive, info)
		}
	}
	writeOK(w, response)
}

func (f *fakeServer) serveStatuses(w http.ResponseWriter, session *model.Session) {
	if !hasRolePermission(session.Roles, model.PermissionSysconsoleReadPlugins.Id) {
		permissionError(w, session.UserId, model.PermissionSysconsoleReadPlugins.Id)
		return
	}

	statuses := []*model.PluginStatus{}
	for _, plugin := range f.plugins {
		for _, node := range f.nodes {
			state := model.PluginStateNotRunning
			switch remaining := plugin.RunningPolls[node]; {
			case plugin.Enabled:
				state = model.PluginStateRunning
			case remaining < 0:
				state = model.PluginStateRunning
			case remaining > 0:
				state = model.PluginStateRunning
				plugin.RunningPolls[node] = remaining - 1
			}
			statuses = append(statuses, &model.PluginStatus{
				PluginId: plugin.ID, ClusterId: node, PluginPath: "/plugins/" + plugin.ID,
				State: state, Name: plugin.Name, Version: "1.0.0",
			})
		}
	}
	writeOK(w, statuses)
}

func (f *fakeServer) serveDisablePlugin(w http.ResponseWriter, session *model.Session, pluginID string) {
	if !hasRolePermission(session.Roles, model.PermissionSysconsoleWritePlugins.Id) {
		permissionError(w, session.UserId, model.PermissionSysconsoleWritePlugins.Id)
		return
	}

	for _, plugin := range f.plugins {
		if plugin.ID == strings.ToLower(pluginID) {
			plugin.Enabled = false
			writeOK(w, map[string]string{"status": "OK"})
			return
		}
	}

	writeAppError(w, http.StatusNotFound, "app.plugin.not_installed.app_error", "Plugin is not installed.", "")
}

// serveCreatePost follows 5.37's createPost: the session needs create_post
// in the channel, which members have and a channel that does not exist
// grants to nobody but system admins, who then get channel_not_found.
func (f *fakeServer) serveCreatePost(w http.ResponseWriter, session *model.Session, body []byte) {
	var post model.Post
	if err := json.Unmarshal(body, &post); err != nil || post.ChannelId == "" {
		writeAppError(w, http.StatusBadRequest, "api.context.invalid_body_param.app_error",
			"Invalid or missing post in request body.", "")
		return
	}

	members, exists := f.channels[post.ChannelId]
	isAdmin := hasRolePermission(session.Roles, model.PermissionManageSystem.Id)
	if !slices.Contains(members, session.UserId) && !isAdmin {
		permissionError(w, session.UserId, model.PermissionCreatePost.Id)
		return
	}
	if !exists {
		writeAppError(w, http.StatusBadRequest, "api.post.create_post.channel_not_found.app_error",
			"Channel not found.", "")
		return
	}

	post.Id = model.NewId()
	post.UserId = session.UserId
	post.CreateAt = time.Now().UnixMilli()
	f.posts = append(f.posts, &post)

	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(&post)
}
