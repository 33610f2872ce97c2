package deactivate

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

func decodeSettings(t *testing.T, body []byte) settingsResponse {
	t.Helper()

	var settings settingsResponse
	if err := json.Unmarshal(body, &settings); err != nil {
		t.Fatalf("the response is not a settings body: %v: %s", err, body)
	}

	return settings
}

func TestReadPanelSettingsNormalizes(t *testing.T) {
	h := newHarness(t)
	h.api.setPanelSetting(`{"protected_usernames": ["@Root", " ops ", "root", "", 7],
		"inactive_days": 90, "confirm_threshold": 10, "summary_channel_id": " c1 "}`)

	settings := h.plugin.readPanelSettings()

	if want := []string{"root", "ops"}; !reflect.DeepEqual(settings.ProtectedUsernames, want) {
		t.Errorf("protected usernames %v, want %v", settings.ProtectedUsernames, want)
	}
	if settings.SummaryChannelID != "c1" {
		t.Errorf("summary channel %q, want c1", settings.SummaryChannelID)
	}
}

func TestReadPanelSettingsMissing(t *testing.T) {
	h := newHarness(t)

	settings := h.plugin.readPanelSettings()

	if len(settings.ProtectedUsernames) != 0 || settings.SummaryChannelID != "" {
		t.Errorf("settings without a stored value are %+v, want empty", settings)
	}
}

func TestSettingsRouteListsProtected(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	manager := h.fake.addUser("umgr", "system_user_manager system_user")
	h.api.setPanelSetting(`{"protected_usernames": ["Root", "umgr"], "summary_channel_id": "secret"}`)

	for _, caller := range []*model.User{admin, manager} {
		recorder := h.request(http.MethodGet, "/api/v1/settings", caller.Id, nil)
		if recorder.Code != http.StatusOK {
			t.Fatalf("GET /settings as %s answered %d: %s", caller.Username, recorder.Code, recorder.Body)
		}
		if strings.Contains(recorder.Body.String(), "secret") {
			t.Errorf("GET /settings returned more than the protected usernames: %s", recorder.Body)
		}
		if got := decodeSettings(t, recorder.Body.Bytes()).ProtectedUsernames; !reflect.DeepEqual(got, []string{"root", "umgr"}) {
			t.Errorf("GET /settings as %s returned %v", caller.Username, got)
		}
	}
}

func TestSettingsRouteHidesOthers(t *testing.T) {
	h := newHarness(t)
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	bob := h.fake.addUser("bob", model.SystemUserRoleId)
	h.api.setPanelSetting(`{"protected_usernames": ["root", "alice"]}`)

	recorder := h.request(http.MethodGet, "/api/v1/settings", alice.Id, nil)
	if got := decodeSettings(t, recorder.Body.Bytes()).ProtectedUsernames; !reflect.DeepEqual(got, []string{"alice"}) {
		t.Errorf("a protected user without the permission got %v, want only their own name", got)
	}

	recorder = h.request(http.MethodGet, "/api/v1/settings", bob.Id, nil)
	if got := decodeSettings(t, recorder.Body.Bytes()).ProtectedUsernames; len(got) != 0 {
		t.Errorf("a user without the permission got %v, want an empty list", got)
	}
	if !strings.Contains(recorder.Body.String(), `"protected_usernames":[]`) {
		t.Errorf("the empty list is not sent as []: %s", recorder.Body)
	}
}

func TestSettingsRouteNeedsSession(t *testing.T) {
	h := newHarness(t)

	if recorder := h.request(http.MethodGet, "/api/v1/settings", "", nil); recorder.Code != http.StatusUnauthorized {
		t.Errorf("GET /settings without a session answered %d, want 401", recorder.Code)
	}
}

func TestFallbackSkipsProtectedUsers(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	root := h.fake.addUser("root", model.SystemUserRoleId)
	h.api.setPanelSetting(`{"protected_usernames": ["ROOT"]}`)

	h.execute(admin.Id, "/deactivate --include-admins alice root")
	preview := h.api.lastSent()
	if !strings.Contains(preview.Message, "Skipped, protected accounts (1):** `@root`") {
		t.Errorf("the preview does not skip the protected user:\n%s", preview.Message)
	}

	h.confirm(admin.Id, pendingIDOf(t, preview))
	h.plugin.background.Wait()

	if h.fake.user(root.Id).DeleteAt != 0 {
		t.Error("the protected user was deactivated")
	}
	if h.fake.user(alice.Id).DeleteAt == 0 {
		t.Error("alice was not deactivated")
	}
	if outcome := h.api.lastUpdate().Message; !strings.Contains(outcome, "`@root`: protected in the plugin settings") {
		t.Errorf("the outcome does not name the protected user:\n%s", outcome)
	}
}

func TestFallbackProtectionReadsConfigAtConfirm(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)

	h.execute(admin.Id, "/deactivate alice")
	preview := h.api.lastSent()
	h.api.setPanelSetting(`{"protected_usernames": ["alice"]}`)

	h.confirm(admin.Id, pendingIDOf(t, preview))
	h.plugin.background.Wait()

	if h.fake.user(alice.Id).DeleteAt != 0 {
		t.Error("alice was deactivated although she was protected before Confirm")
	}
}

func TestRecordWarnsOnProtectedWrite(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	root := h.fake.addUser("root", model.SystemUserRoleId)
	h.fake.deactivateNow(root.Id)
	h.api.setPanelSetting(`{"protected_usernames": ["root"]}`)

	body := validBatchBody(root.Id)
	// The name in the request is not trusted: the server reads the username itself.
	body["outcomes"].([]map[string]any)[0]["name"] = "someone-else"
	recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, body)

	if recorder.Code != http.StatusCreated {
		t.Fatalf("a batch that deactivated a protected user was not recorded: %d %s", recorder.Code, recorder.Body)
	}
	batchID := decodeBatch(t, recorder.Body.Bytes()).ID

	var warning string
	for _, line := range h.api.logLines() {
		if strings.HasPrefix(line, "warn A recorded batch deactivated protected accounts") {
			warning = line
		}
	}
	if warning == "" {
		t.Fatalf("no warning was logged: %v", h.api.logLines())
	}
	for _, want := range []string{root.Id, batchID, admin.Id} {
		if !strings.Contains(warning, want) {
			t.Errorf("the warning lacks %s: %s", want, warning)
		}
	}
}

func TestRecordAcceptsProtectedClass(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	root := h.fake.addUser("root", model.SystemUserRoleId)

	body := map[string]any{
		"command": "/deactivate root",
		"targets": []map[string]any{
			{"raw": "root", "kind": "username", "class": "protected_skipped", "user_id": root.Id, "username": "root"},
		},
		"outcomes": []map[string]any{
			{"kind": "user", "target_id": root.Id, "name": "root", "result": "skipped", "reason": "protected_skipped"},
		},
	}
	recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, body)

	if recorder.Code != http.StatusCreated {
		t.Errorf("a batch with a protected_skipped target was rejected: %d %s", recorder.Code, recorder.Body)
	}
}
