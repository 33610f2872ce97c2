package deactivate

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

func autocompleteItems(t *testing.T, h *harness, path, userID, input string) []string {
	t.Helper()

	recorder := h.request(http.MethodGet, path+"?user_input="+url.QueryEscape(input), userID, nil)
	if recorder.Code != http.StatusOK {
		t.Fatalf("%s answered %d", path, recorder.Code)
	}

	var items []model.AutocompleteListItem
	if err := json.Unmarshal(recorder.Body.Bytes(), &items); err != nil {
		t.Fatalf("%s did not return a list: %v", path, err)
	}

	names := make([]string, 0, len(items))
	for _, item := range items {
		names = append(names, item.Item)
	}
	return names
}

func TestAutocompleteUsersListsActive(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)
	deactivated := h.fake.addUser("alfred", model.SystemUserRoleId)
	h.fake.addUser("bob", model.SystemUserRoleId)
	h.fake.setDeleteAt(deactivated.Id, 1700000000000)

	got := autocompleteItems(t, h, "/api/v1/autocomplete/users", admin.Id, "/deactivate users bob @al")
	if len(got) != 1 || got[0] != "alice" {
		t.Errorf("suggestions for @al: %v, want [alice]", got)
	}
}

func TestAutocompleteUsersNeedsPermission(t *testing.T) {
	h := newHarness(t)
	user := h.fake.addUser("bob", model.SystemUserRoleId)
	h.fake.addUser("alice", model.SystemUserRoleId)

	if got := autocompleteItems(t, h, "/api/v1/autocomplete/users", user.Id, "/deactivate users a"); len(got) != 0 {
		t.Errorf("a normal user got suggestions: %v", got)
	}
}

func TestAutocompletePluginsListsEnabled(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	manager := h.fake.addUser("umgr", "system_user_manager system_user")
	h.fake.addPlugin("jira", "Jira", true)
	h.fake.addPlugin("jitsi", "Jitsi", false)
	h.fake.addPlugin("zoom", "Zoom", true)

	got := autocompleteItems(t, h, "/api/v1/autocomplete/plugins", admin.Id, "/deactivate plugin j")
	if len(got) != 1 || got[0] != "jira" {
		t.Errorf("suggestions for j: %v, want [jira]", got)
	}

	if got := autocompleteItems(t, h, "/api/v1/autocomplete/plugins", manager.Id, "/deactivate plugin "); len(got) != 0 {
		t.Errorf("a caller without sysconsole_write_plugins got suggestions: %v", got)
	}
}
