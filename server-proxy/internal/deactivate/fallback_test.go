package deactivate

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

func (h *harness) execute(userID, line string) *model.CommandResponse {
	h.t.Helper()

	response, appErr := h.plugin.ExecuteCommand(nil, &model.CommandArgs{
		UserId: userID, ChannelId: model.NewId(), TeamId: model.NewId(), Command: line,
	})
	if appErr != nil {
		h.t.Fatalf("ExecuteCommand(%q) failed: %v", line, appErr)
	}

	return response
}

// request sends one HTTP request to the plugin's ServeHTTP. An empty userID
// sends no Mattermost-User-Id header. A []byte body is sent as it is, any
// other body as JSON.
func (h *harness) request(method, path, userID string, body any) *httptest.ResponseRecorder {
	h.t.Helper()

	payload, isRaw := body.([]byte)
	if body != nil && !isRaw {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			h.t.Fatalf("failed to encode the request body: %v", err)
		}
	}

	request := httptest.NewRequest(method, path, bytes.NewReader(payload))
	if userID != "" {
		request.Header.Set("Mattermost-User-Id", userID)
	}

	recorder := httptest.NewRecorder()
	h.plugin.ServeHTTP(nil, recorder, request)
	return recorder
}

// pendingIDOf reads the pending id from the Confirm button of a preview post.
func pendingIDOf(t *testing.T, post *model.Post) string {
	t.Helper()

	attachments := post.Attachments()
	if len(attachments) != 1 || len(attachments[0].Actions) != 2 {
		t.Fatalf("the preview has no Confirm and Cancel buttons: %+v", post.GetProps())
	}

	confirm := attachments[0].Actions[0]
	if confirm.Integration.URL != confirmActionURL {
		t.Errorf("Confirm posts to %q, want %q", confirm.Integration.URL, confirmActionURL)
	}
	if len(confirm.Integration.Context) != 1 {
		t.Errorf("the button context carries more than the pending id: %v", confirm.Integration.Context)
	}

	id, _ := confirm.Integration.Context["pending_id"].(string)
	return id
}

func (h *harness) confirm(userID, pendingID string) *httptest.ResponseRecorder {
	h.t.Helper()

	return h.request(http.MethodPost, "/api/v1/actions/confirm", userID, model.PostActionIntegrationRequest{
		UserId: userID, PostId: "", Context: map[string]any{"pending_id": pendingID},
	})
}

func TestFallbackCommandToOutcome(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	bob := h.fake.addUser("bob", model.SystemUserRoleId)
	h.fake.addUser("carol", model.SystemUserRoleId)
	h.fake.setDeleteAt(bob.Id, 1700000000000)

	h.execute(admin.Id, "/deactivate @alice, bob ghost")

	preview := h.api.lastSent()
	if preview == nil {
		t.Fatal("no preview was sent")
	}
	for _, want := range []string{"Will be deactivated (1):** `@alice`", "Skipped, already deactivated (1):** `@bob`", "Skipped, not found (1):** `ghost`"} {
		if !strings.Contains(preview.Message, want) {
			t.Errorf("the preview lacks %q:\n%s", want, preview.Message)
		}
	}
	if writes := h.fake.writes(); len(writes) != 0 {
		t.Fatalf("the preview wrote to the server: %+v", writes)
	}

	recorder := h.confirm(admin.Id, pendingIDOf(t, preview))
	if recorder.Code != http.StatusOK {
		t.Fatalf("Confirm answered %d: %s", recorder.Code, recorder.Body)
	}
	h.plugin.background.Wait()

	if user := h.fake.user(alice.Id); user.DeleteAt == 0 {
		t.Error("alice is still active after Confirm")
	}
	writes := h.fake.writes()
	if len(writes) != 1 || writes[0].Path != "/api/v4/users/"+alice.Id+"/active" || writes[0].UserID != admin.Id {
		t.Errorf("the writes are not one PUT /active as the caller: %+v", writes)
	}
	if writes[0].Body != `{"active":false}` {
		t.Errorf("PUT /active sent %s", writes[0].Body)
	}

	outcome := h.api.lastUpdate()
	if !strings.Contains(outcome.Message, "**Deactivated (1):** `@alice`") {
		t.Errorf("the outcome lacks the deactivated user:\n%s", outcome.Message)
	}
	if !strings.Contains(outcome.Message, "/deactivate undo ") {
		t.Errorf("the outcome does not offer undo:\n%s", outcome.Message)
	}

	ids, _ := h.plugin.listBatchIDs(admin.Id)
	if len(ids) != 1 {
		t.Fatalf("%d batches recorded, want 1", len(ids))
	}

	writesBeforeUndo := len(h.fake.writes())
	h.execute(admin.Id, "/deactivate undo")
	undoPreview := h.api.lastSent()
	if !strings.Contains(undoPreview.Message, "**Will be reactivated (1):** `@alice`") {
		t.Errorf("the undo preview lacks alice:\n%s", undoPreview.Message)
	}
	if len(h.fake.writes()) != writesBeforeUndo {
		t.Fatalf("the undo preview wrote to the server: %+v", h.fake.writes()[writesBeforeUndo:])
	}
	if user := h.fake.user(alice.Id); user.DeleteAt == 0 {
		t.Fatal("undo reactivated alice before Confirm")
	}

	if recorder := h.confirm(admin.Id, pendingIDOf(t, undoPreview)); recorder.Code != http.StatusOK {
		t.Fatalf("Confirm of the undo answered %d: %s", recorder.Code, recorder.Body)
	}
	h.plugin.background.Wait()

	if user := h.fake.user(alice.Id); user.DeleteAt != 0 {
		t.Error("alice is still deactivated after undo")
	}
	if user := h.fake.user(bob.Id); user.DeleteAt == 0 {
		t.Error("undo reactivated bob, who was not part of the batch")
	}
	if !strings.Contains(h.api.lastUpdate().Message, "**Reactivated (1):** `@alice`") {
		t.Errorf("the undo outcome lacks alice:\n%s", h.api.lastUpdate().Message)
	}
}

func TestConfirmTwiceActsOnce(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)

	h.execute(admin.Id, "/deactivate alice")
	pendingID := pendingIDOf(t, h.api.lastSent())

	var wg sync.WaitGroup
	codes := make([]string, 4)
	for i := range codes {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			codes[i] = h.confirm(admin.Id, pendingID).Body.String()
		}(i)
	}
	wg.Wait()
	h.plugin.background.Wait()

	if writes := h.fake.writes(); len(writes) != 1 {
		t.Errorf("%d writes after four Confirms, want 1: %+v", len(writes), writes)
	}

	expired := 0
	for _, body := range codes {
		if strings.Contains(body, "expired or was already confirmed") {
			expired++
		}
	}
	if expired != 3 {
		t.Errorf("%d Confirms were told the request is gone, want 3: %v", expired, codes)
	}
}

func TestConfirmByOtherUserRejected(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	other := h.fake.addUser("admin2", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)

	h.execute(admin.Id, "/deactivate alice")
	pendingID := pendingIDOf(t, h.api.lastSent())

	if code := h.confirm(other.Id, pendingID).Code; code != http.StatusForbidden {
		t.Errorf("Confirm by another admin answered %d, want 403", code)
	}
	if writes := h.fake.writes(); len(writes) != 0 {
		t.Errorf("another user's Confirm wrote: %+v", writes)
	}

	if code := h.confirm(admin.Id, pendingID).Code; code != http.StatusOK {
		t.Errorf("Confirm by the owner answered %d after a foreign attempt, want 200", code)
	}
}

func TestCancelDropsPending(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)

	h.execute(admin.Id, "/deactivate alice")
	pendingID := pendingIDOf(t, h.api.lastSent())

	recorder := h.request(http.MethodPost, "/api/v1/actions/cancel", admin.Id,
		model.PostActionIntegrationRequest{Context: map[string]any{"pending_id": pendingID}})
	if recorder.Code != http.StatusOK {
		t.Fatalf("Cancel answered %d", recorder.Code)
	}

	h.confirm(admin.Id, pendingID)
	h.plugin.background.Wait()

	if writes := h.fake.writes(); len(writes) != 0 {
		t.Errorf("Confirm after Cancel wrote: %+v", writes)
	}
	if !strings.Contains(h.api.lastUpdate().Message, "Canceled") {
		t.Errorf("the preview was not replaced by a cancel note: %s", h.api.lastUpdate().Message)
	}
}

func TestDryRunHasNoButtons(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)

	h.execute(admin.Id, "/deactivate alice --dry-run")

	preview := h.api.lastSent()
	if len(preview.Attachments()) != 0 {
		t.Error("a dry run offers Confirm")
	}
	if !strings.Contains(preview.Message, "Dry run") {
		t.Errorf("the dry run preview does not say so:\n%s", preview.Message)
	}
}

func TestPreviewUsesCallerVisibility(t *testing.T) {
	h := newHarness(t)
	manager := h.fake.addUser("umgr", "system_user_manager system_user")
	h.fake.addUser("admin2", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)

	h.execute(manager.Id, "/deactivate alice --include-admins admin2")
	preview := h.api.lastSent()

	if !strings.Contains(preview.Message, "Skipped, system admins you may not deactivate (1):** `@admin2`") {
		t.Errorf("the delegate's preview does not refuse the admin:\n%s", preview.Message)
	}

	h.confirm(manager.Id, pendingIDOf(t, preview))
	h.plugin.background.Wait()

	for _, write := range h.fake.writes() {
		if write.UserID != manager.Id {
			t.Errorf("a write ran as %s instead of the caller %s", write.UserID, manager.Id)
		}
	}
}

func TestFailedWriteReportsErrorID(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.failUpdateFor[alice.Id] = true

	h.execute(admin.Id, "/deactivate alice")
	h.confirm(admin.Id, pendingIDOf(t, h.api.lastSent()))
	h.plugin.background.Wait()

	message := h.api.lastUpdate().Message
	if !strings.Contains(message, "**Failed (1):**") {
		t.Errorf("a 200 with an appended error counted as success:\n%s", message)
	}
	if !strings.Contains(message, "`app.user.update.finding.app_error`") {
		t.Errorf("the failure does not name the server error id:\n%s", message)
	}
}

func TestPluginDisableAcrossNodes(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.nodes = []string{"node-a", "node-b", "node-c"}
	jira := h.fake.addPlugin("jira", "Jira", true)
	jira.RunningPolls["node-b"] = 2

	h.execute(admin.Id, "/deactivate plugin Jira")
	h.confirm(admin.Id, pendingIDOf(t, h.api.lastSent()))
	h.plugin.background.Wait()

	message := h.api.lastUpdate().Message
	if !strings.Contains(message, "`jira` (disabled on 3 of 3 nodes)") {
		t.Errorf("the outcome lacks the node count:\n%s", message)
	}
}

func TestPluginStillRunningNamesNode(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.nodes = []string{"node-a", "node-b"}
	jira := h.fake.addPlugin("jira", "Jira", true)
	jira.RunningPolls["node-b"] = -1

	h.execute(admin.Id, "/deactivate plugin jira")
	h.confirm(admin.Id, pendingIDOf(t, h.api.lastSent()))
	h.plugin.background.Wait()

	message := h.api.lastUpdate().Message
	if !strings.Contains(message, "disabled on 1 of 2 nodes, still running on `node-b`") {
		t.Errorf("the outcome does not name the node still running the plugin:\n%s", message)
	}
}

func TestCommandRepliesWithoutSession(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")

	cases := map[string]string{
		"/deactivate":                  "#### /deactivate",
		"/deactivate --force alice":    "Unknown flag `--force`",
		"/deactivate delete alice":     "Permanent deletion is not available",
		"/deactivate users":            "Name at least one user",
		"/deactivate a/b":              "`a/b` is not a username",
		"/deactivate undo a b":         "`a b` is not one batch id",
		"/deactivate undo 0000000000x": "was not found",
	}
	for line, want := range cases {
		t.Run(line, func(t *testing.T) {
			response := h.execute(admin.Id, line)
			if !strings.Contains(response.Text, want) {
				t.Errorf("reply to %q lacks %q:\n%s", line, want, response.Text)
			}
			if response.ResponseType != model.CommandResponseTypeEphemeral {
				t.Errorf("reply to %q is %q, want ephemeral", line, response.ResponseType)
			}
		})
	}

	if len(h.api.created) != 0 {
		t.Errorf("%d sessions were created for replies that need no REST call", len(h.api.created))
	}
}

func TestConfirmOnTwoNodesActsOnce(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)

	second := NewPlugin()
	second.SetAPI(h.api)
	second.baseURLOverride = h.fake.server.URL
	t.Cleanup(second.background.Wait)

	h.execute(admin.Id, "/deactivate alice")
	pendingID := pendingIDOf(t, h.api.lastSent())
	body := model.PostActionIntegrationRequest{Context: map[string]any{"pending_id": pendingID}}

	var wg sync.WaitGroup
	for _, node := range []*Plugin{h.plugin, second} {
		wg.Add(1)
		go func(node *Plugin) {
			defer wg.Done()
			payload, _ := json.Marshal(body)
			request := httptest.NewRequest(http.MethodPost, "/api/v1/actions/confirm", bytes.NewReader(payload))
			request.Header.Set("Mattermost-User-Id", admin.Id)
			node.ServeHTTP(nil, httptest.NewRecorder(), request)
		}(node)
	}
	wg.Wait()
	h.plugin.background.Wait()
	second.background.Wait()

	if writes := h.fake.writes(); len(writes) != 1 {
		t.Errorf("%d writes after Confirm on two nodes, want 1: %+v", len(writes), writes)
	}
}
