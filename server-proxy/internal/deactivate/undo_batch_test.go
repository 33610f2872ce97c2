package deactivate

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// recordDeactivated records a web app batch that deactivated users, which
// the fake server shows as deactivated now, and returns its id.
func (h *harness) recordDeactivated(callerID string, users ...*model.User) string {
	h.t.Helper()

	body := validBatchBody(users[0].Id)
	var outcomes []map[string]any
	for _, user := range users {
		h.fake.deactivateNow(user.Id)
		outcomes = append(outcomes, map[string]any{
			"kind": "user", "target_id": user.Id, "name": user.Username, "result": "deactivated",
		})
	}
	body["outcomes"] = outcomes

	created := h.request(http.MethodPost, "/api/v1/batches", callerID, body)
	if created.Code != http.StatusCreated {
		h.t.Fatalf("POST /batches answered %d: %s", created.Code, created.Body)
	}

	return decodeBatch(h.t, created.Body.Bytes()).ID
}

func undoResults(batch Batch) map[string]string {
	results := map[string]string{}
	for _, outcome := range batch.UndoOutcomes {
		results[outcome.Name] = outcome.Result + "/" + outcome.Reason
	}

	return results
}

func TestUndoBodyLimitsReactivation(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	bob := h.fake.addUser("bob", model.SystemUserRoleId)
	batchID := h.recordDeactivated(admin.Id, alice, bob)

	body := map[string]any{"user_ids": []string{alice.Id}}
	recorder := h.request(http.MethodPost, "/api/v1/batches/"+batchID+"/undo", admin.Id, body)
	if recorder.Code != http.StatusOK {
		t.Fatalf("undo answered %d: %s", recorder.Code, recorder.Body)
	}

	results := undoResults(decodeBatch(t, recorder.Body.Bytes()))
	if results["alice"] != "reactivated/" {
		t.Errorf("alice: %q, want reactivated", results["alice"])
	}
	if results["bob"] != "skipped/"+reasonChangedSincePreview {
		t.Errorf("bob, whom the confirmation did not show: %q", results["bob"])
	}
	if h.fake.user(bob.Id).DeleteAt == 0 {
		t.Error("undo reactivated bob, who was not in user_ids")
	}
}

func TestUndoBodyRejectsBadSelections(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	outsider := h.fake.addUser("outsider", model.SystemUserRoleId)
	h.fake.deactivateNow(outsider.Id)
	batchID := h.recordDeactivated(admin.Id, alice)

	cases := map[string][]byte{
		"id outside batch":  []byte(`{"user_ids":["` + outsider.Id + `"]}`),
		"empty list":        []byte(`{"user_ids":[]}`),
		"unknown field":     []byte(`{"ids":["` + alice.Id + `"]}`),
		"trailing value":    []byte(`{"user_ids":["` + alice.Id + `"]}{}`),
		"not a string list": []byte(`{"user_ids":"` + alice.Id + `"}`),
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			recorder := h.request(http.MethodPost, "/api/v1/batches/"+batchID+"/undo", admin.Id, body)
			if recorder.Code != http.StatusBadRequest {
				t.Errorf("answered %d, want 400: %s", recorder.Code, recorder.Body)
			}
		})
	}

	if h.fake.user(alice.Id).DeleteAt == 0 || h.fake.user(outsider.Id).DeleteAt == 0 {
		t.Error("a rejected undo reactivated someone")
	}
	if writes := h.fake.writes(); len(writes) != 0 {
		t.Errorf("rejected undos wrote: %+v", writes)
	}
}

func TestUndoSkipsAccountChangedSinceBatch(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	bob := h.fake.addUser("bob", model.SystemUserRoleId)
	batchID := h.recordDeactivated(admin.Id, alice, bob)

	// Someone reactivated bob and deactivated him again after the batch.
	h.fake.setDeleteAt(bob.Id, h.fake.user(bob.Id).DeleteAt+60000)

	recorder := h.request(http.MethodPost, "/api/v1/batches/"+batchID+"/undo", admin.Id, nil)
	if recorder.Code != http.StatusOK {
		t.Fatalf("undo answered %d: %s", recorder.Code, recorder.Body)
	}

	results := undoResults(decodeBatch(t, recorder.Body.Bytes()))
	if results["bob"] != "skipped/"+reasonChangedSinceBatch {
		t.Errorf("bob: %q, want skipped as changed_since_batch", results["bob"])
	}
	if results["alice"] != "reactivated/" {
		t.Errorf("alice: %q, want reactivated", results["alice"])
	}
	if h.fake.user(bob.Id).DeleteAt == 0 {
		t.Error("undo reactivated bob, whom someone deactivated again after the batch")
	}
}

func TestUndoCommandSkipsChangedAccount(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	bob := h.fake.addUser("bob", model.SystemUserRoleId)
	h.deactivateAndRecord(admin.Id, "/deactivate @alice @bob")

	h.fake.setDeleteAt(bob.Id, h.fake.user(bob.Id).DeleteAt+60000)
	h.execute(admin.Id, "/deactivate undo")
	preview := h.api.lastSent()
	if !strings.Contains(preview.Message, "`@bob`: deactivated again since this batch") {
		t.Errorf("the undo preview does not skip the changed bob:\n%s", preview.Message)
	}

	h.confirm(admin.Id, pendingIDOf(t, preview))
	h.plugin.background.Wait()

	if h.fake.user(alice.Id).DeleteAt != 0 {
		t.Error("alice is still deactivated after the confirmed undo")
	}
	if h.fake.user(bob.Id).DeleteAt == 0 {
		t.Error("the confirmed undo reactivated the changed bob")
	}
}

func TestUndoConflictNamesEarlierUndo(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	batchID := h.recordDeactivated(admin.Id, alice)

	first := h.request(http.MethodPost, "/api/v1/batches/"+batchID+"/undo", admin.Id, nil)
	if first.Code != http.StatusOK {
		t.Fatalf("the first undo answered %d: %s", first.Code, first.Body)
	}
	undoneAt := decodeBatch(t, first.Body.Bytes()).UndoneAt

	again := h.request(http.MethodPost, "/api/v1/batches/"+batchID+"/undo", admin.Id, nil)
	if again.Code != http.StatusConflict {
		t.Fatalf("a second undo answered %d, want 409", again.Code)
	}

	var body undoConflictBody
	if err := json.Unmarshal(again.Body.Bytes(), &body); err != nil {
		t.Fatalf("the 409 body is not JSON: %v", err)
	}
	if body.ID != "undo_conflict" {
		t.Errorf("error id %q, want undo_conflict", body.ID)
	}
	if !strings.Contains(body.Message, "already undone at "+formatMillis(undoneAt)) {
		t.Errorf("message %q does not say when the batch was undone", body.Message)
	}
	if !strings.Contains(body.Message, "@sysadmin") {
		t.Errorf("message %q does not say who undid the batch", body.Message)
	}
	if body.UndoneAt != undoneAt || body.UndoneBy != admin.Id {
		t.Errorf("undone_at %d and undone_by %q, want %d and %s", body.UndoneAt, body.UndoneBy, undoneAt, admin.Id)
	}

	response := h.execute(admin.Id, "/deactivate undo "+batchID)
	if !strings.Contains(response.Text, "already undone at") || !strings.Contains(response.Text, "`@sysadmin`") {
		t.Errorf("the command answered %q, want when and by whom", response.Text)
	}
}
