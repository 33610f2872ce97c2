package deactivate

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// deactivateAndRecord runs /deactivate on names through Confirm and returns
// the number of writes so far.
func (h *harness) deactivateAndRecord(adminID, line string) int {
	h.t.Helper()

	h.execute(adminID, line)
	if recorder := h.confirm(adminID, pendingIDOf(h.t, h.api.lastSent())); recorder.Code != http.StatusOK {
		h.t.Fatalf("Confirm answered %d: %s", recorder.Code, recorder.Body)
	}
	h.plugin.background.Wait()

	return len(h.fake.writes())
}

func TestUndoCancelWritesNothing(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	writes := h.deactivateAndRecord(admin.Id, "/deactivate @alice")

	h.execute(admin.Id, "/deactivate undo")
	pendingID := pendingIDOf(t, h.api.lastSent())
	cancel := h.request(http.MethodPost, "/api/v1/actions/cancel", admin.Id,
		model.PostActionIntegrationRequest{UserId: admin.Id, Context: map[string]any{"pending_id": pendingID}})
	if cancel.Code != http.StatusOK {
		t.Fatalf("Cancel answered %d: %s", cancel.Code, cancel.Body)
	}

	if got := len(h.fake.writes()); got != writes {
		t.Errorf("Cancel of an undo wrote %d times", got-writes)
	}
	if user := h.fake.user(alice.Id); user.DeleteAt == 0 {
		t.Error("alice was reactivated although the undo was cancelled")
	}
	if !strings.Contains(h.api.lastUpdate().Message, "Canceled") {
		t.Errorf("the preview was not replaced by the cancel notice:\n%s", h.api.lastUpdate().Message)
	}
}

func TestUndoSkipsTargetsChangedSincePreview(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	bob := h.fake.addUser("bob", model.SystemUserRoleId)
	h.deactivateAndRecord(admin.Id, "/deactivate @alice @bob")

	recorded := h.fake.user(bob.Id).DeleteAt
	h.fake.setDeleteAt(bob.Id, 0)
	h.execute(admin.Id, "/deactivate undo")
	preview := h.api.lastSent()
	if !strings.Contains(preview.Message, "`@bob`: already active") {
		t.Errorf("the undo preview does not skip the active bob:\n%s", preview.Message)
	}

	h.fake.setDeleteAt(bob.Id, recorded)
	h.confirm(admin.Id, pendingIDOf(t, preview))
	h.plugin.background.Wait()

	if user := h.fake.user(alice.Id); user.DeleteAt != 0 {
		t.Error("alice is still deactivated after the confirmed undo")
	}
	if user := h.fake.user(bob.Id); user.DeleteAt == 0 {
		t.Error("undo reactivated bob, who was not in the confirmed preview")
	}
	if !strings.Contains(h.api.lastUpdate().Message, "not in the confirmed preview") {
		t.Errorf("the undo outcome does not name the changed target:\n%s", h.api.lastUpdate().Message)
	}
}

func TestUndoDryRunHasNoButtons(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)
	writes := h.deactivateAndRecord(admin.Id, "/deactivate @alice")

	h.execute(admin.Id, "/deactivate undo --dry-run")
	preview := h.api.lastSent()
	if len(preview.Attachments()) != 0 {
		t.Errorf("the dry-run undo preview has buttons: %+v", preview.Attachments())
	}
	if !strings.Contains(preview.Message, "Dry run") {
		t.Errorf("the dry-run undo preview lacks its title:\n%s", preview.Message)
	}
	if got := len(h.fake.writes()); got != writes {
		t.Errorf("the dry-run undo wrote %d times", got-writes)
	}
}

func TestNormalUserGetsPermissionNotice(t *testing.T) {
	h := newHarness(t)
	mallory := h.fake.addUser("mallory", model.SystemUserRoleId)
	h.fake.addUser("dave", model.SystemUserRoleId)

	cases := map[string]string{
		"/deactivate @dave":       "You cannot deactivate other users",
		"/deactivate undo":        "You cannot deactivate other users",
		"/deactivate plugin jira": "You cannot disable plugins",
	}
	for line, want := range cases {
		response := h.execute(mallory.Id, line)
		if !strings.Contains(response.Text, want) {
			t.Errorf("%s answered %q, want %q", line, response.Text, want)
		}
	}

	if len(h.api.created) != 0 {
		t.Errorf("%d sessions were created for a caller without rights", len(h.api.created))
	}
	if writes := h.fake.writes(); len(writes) != 0 {
		t.Errorf("a caller without rights caused writes: %+v", writes)
	}
}
