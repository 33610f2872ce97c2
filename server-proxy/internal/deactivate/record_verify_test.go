package deactivate

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

func pluginBatchBody(pluginID string) map[string]any {
	return map[string]any{
		"command": "/deactivate plugin " + pluginID,
		"targets": []map[string]any{
			{"raw": pluginID, "kind": "plugin", "class": "disable_plugin", "plugin_id": pluginID},
		},
		"outcomes": []map[string]any{
			{"kind": "plugin", "target_id": pluginID, "name": pluginID, "result": "disabled"},
		},
	}
}

// errorOf decodes an error body of the plugin's routes.
func errorOf(t *testing.T, body []byte) errorBody {
	t.Helper()

	var decoded errorBody
	if err := json.Unmarshal(body, &decoded); err != nil {
		t.Fatalf("the response is not an error body: %v: %s", err, body)
	}

	return decoded
}

func (h *harness) storedBatchCount(userID string) int {
	h.t.Helper()

	ids, err := h.plugin.listBatchIDs(userID)
	if err != nil {
		h.t.Fatalf("listBatchIDs failed: %v", err)
	}

	return len(ids)
}

func TestRecordRejectsUnconfirmedAccounts(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	active := h.fake.addUser("active", model.SystemUserRoleId)
	old := h.fake.addUser("old", model.SystemUserRoleId)
	h.fake.setDeleteAt(old.Id, time.Now().Add(-recordWindow-time.Minute).UnixMilli())
	bot := h.fake.addBot("helperbot")
	h.fake.deactivateNow(bot.Id)
	human := h.fake.addUser("human", model.SystemUserRoleId)
	h.fake.deactivateNow(human.Id)

	cases := map[string]struct {
		kind, targetID, result, want string
	}{
		"active user":    {"user", active.Id, "deactivated", "is active"},
		"unknown user":   {"user", model.NewId(), "deactivated", "was not found"},
		"old delete_at":  {"user", old.Id, "deactivated", "more than 30 minutes"},
		"bot as user":    {"user", bot.Id, "deactivated", "is a bot account"},
		"user as bot":    {"bot", human.Id, "disabled", "is not a bot account"},
		"active as bot":  {"bot", active.Id, "disabled", "is active"},
		"unknown as bot": {"bot", model.NewId(), "disabled", "was not found"},
	}

	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			body := validBatchBody(human.Id)
			body["outcomes"] = append(body["outcomes"].([]map[string]any),
				map[string]any{"kind": c.kind, "target_id": c.targetID, "name": "x", "result": c.result})

			recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, body)
			if recorder.Code != http.StatusBadRequest {
				t.Fatalf("answered %d, want 400: %s", recorder.Code, recorder.Body)
			}
			answer := errorOf(t, recorder.Body.Bytes())
			if answer.ID != "outcome_not_verified" {
				t.Errorf("error id %q, want outcome_not_verified", answer.ID)
			}
			if !strings.Contains(answer.Message, "outcomes[1]") || !strings.Contains(answer.Message, c.want) {
				t.Errorf("message %q does not name outcomes[1] and %q", answer.Message, c.want)
			}
		})
	}

	if count := h.storedBatchCount(admin.Id); count != 0 {
		t.Errorf("%d rejected batches were stored", count)
	}
	if open := h.api.openSessions(); len(open) != 0 {
		t.Errorf("%d verification sessions were left open", len(open))
	}
}

func TestRecordStoresObservedDeleteAt(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	deleteAt := h.fake.deactivateNow(alice.Id)

	created := h.request(http.MethodPost, "/api/v1/batches", admin.Id, validBatchBody(alice.Id))
	if created.Code != http.StatusCreated {
		t.Fatalf("POST /batches answered %d: %s", created.Code, created.Body)
	}

	stored, err := h.plugin.getBatch(decodeBatch(t, created.Body.Bytes()).ID)
	if err != nil {
		t.Fatalf("getBatch failed: %v", err)
	}
	if got := stored.Outcomes[0].DeleteAt; got != deleteAt {
		t.Errorf("stored delete_at %d, want the observed %d", got, deleteAt)
	}

	lookups := 0
	for _, request := range h.fake.recorded() {
		if request.Path == "/api/v4/users/ids" && request.UserID == admin.Id {
			lookups++
		}
	}
	if lookups != 1 {
		t.Errorf("%d POST /users/ids under the caller's session, want 1", lookups)
	}
}

func TestRecordRejectsClientDeleteAt(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)

	body := validBatchBody(alice.Id)
	body["outcomes"].([]map[string]any)[0]["delete_at"] = 1

	recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, body)
	if recorder.Code != http.StatusBadRequest {
		t.Errorf("answered %d, want 400: %s", recorder.Code, recorder.Body)
	}
}

func TestRecordNeedsPermissionPerKind(t *testing.T) {
	h := newHarness(t)
	userManager := h.fake.addUser("umgr", "system_user_manager system_user")
	pluginManager := h.fake.addUser("pmgr", "system_plugin_manager system_user")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)
	h.fake.addPlugin("com.example.jira", "Jira", false)

	userOnly := validBatchBody(alice.Id)
	pluginOnly := pluginBatchBody("com.example.jira")
	mixed := validBatchBody(alice.Id)
	mixed["outcomes"] = append(mixed["outcomes"].([]map[string]any),
		pluginOnly["outcomes"].([]map[string]any)[0])

	cases := []struct {
		name   string
		caller *model.User
		body   map[string]any
		want   int
	}{
		{"plugin manager records users", pluginManager, userOnly, http.StatusForbidden},
		{"user manager records plugins", userManager, pluginOnly, http.StatusForbidden},
		{"user manager records both", userManager, mixed, http.StatusForbidden},
		{"plugin manager records plugins", pluginManager, pluginOnly, http.StatusCreated},
		{"user manager records users", userManager, userOnly, http.StatusCreated},
	}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recorder := h.request(http.MethodPost, "/api/v1/batches", c.caller.Id, c.body)
			if recorder.Code != c.want {
				t.Errorf("answered %d, want %d: %s", recorder.Code, c.want, recorder.Body)
			}
		})
	}
}

func TestRecordChecksPluginOutcomes(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.addPlugin("com.example.jira", "Jira", false)
	h.fake.addPlugin("com.example.zoom", "Zoom", true)

	cases := map[string]struct {
		pluginID string
		want     int
		message  string
	}{
		"disabled plugin":   {"com.example.jira", http.StatusCreated, ""},
		"enabled plugin":    {"com.example.zoom", http.StatusBadRequest, "is enabled"},
		"missing plugin":    {"com.example.gone", http.StatusBadRequest, "is not installed"},
		"invalid plugin id": {"../../etc", http.StatusBadRequest, "not a valid plugin id"},
	}

	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, pluginBatchBody(c.pluginID))
			if recorder.Code != c.want {
				t.Fatalf("answered %d, want %d: %s", recorder.Code, c.want, recorder.Body)
			}
			if c.message != "" && !strings.Contains(errorOf(t, recorder.Body.Bytes()).Message, c.message) {
				t.Errorf("message %s does not contain %q", recorder.Body, c.message)
			}
		})
	}
}

func TestCreateBatchRejectsTrailingData(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)

	valid, err := json.Marshal(validBatchBody(alice.Id))
	if err != nil {
		t.Fatalf("failed to encode the body: %v", err)
	}

	cases := map[string]string{
		"second JSON value": string(valid) + `{"command":"/deactivate x"}`,
		"trailing garbage":  string(valid) + "garbage",
		"trailing bracket":  string(valid) + "]",
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, []byte(body))
			if recorder.Code != http.StatusBadRequest {
				t.Errorf("answered %d, want 400: %s", recorder.Code, recorder.Body)
			}
		})
	}

	padded := h.request(http.MethodPost, "/api/v1/batches", admin.Id, append(valid, " \n\t"...))
	if padded.Code != http.StatusCreated {
		t.Errorf("a body with trailing whitespace answered %d: %s", padded.Code, padded.Body)
	}
	if count := h.storedBatchCount(admin.Id); count != 1 {
		t.Errorf("%d batches stored, want only the padded one", count)
	}
}
