package deactivate

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// recordedResponse is the body of a 201 from POST /batches.
type recordedResponse struct {
	ID           string `json:"id"`
	SummaryError string `json:"summary_error"`
}

func decodeRecorded(t *testing.T, body []byte) recordedResponse {
	t.Helper()

	var recorded recordedResponse
	if err := json.Unmarshal(body, &recorded); err != nil {
		t.Fatalf("the response is not a recorded batch: %v: %s", err, body)
	}

	return recorded
}

func (h *harness) postRequestCount() int {
	count := 0
	for _, request := range h.fake.recorded() {
		if request.Path == "/api/v4/posts" {
			count++
		}
	}

	return count
}

func TestRecordPostsSummary(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)
	channel := h.fake.addChannel(admin.Id)
	h.api.setPanelSetting(fmt.Sprintf(`{"summary_channel_id": %q}`, channel))

	recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, validBatchBody(alice.Id))
	if recorder.Code != http.StatusCreated {
		t.Fatalf("POST /batches answered %d: %s", recorder.Code, recorder.Body)
	}
	recorded := decodeRecorded(t, recorder.Body.Bytes())
	if recorded.SummaryError != "" {
		t.Errorf("the summary failed: %s", recorded.SummaryError)
	}

	posts := h.fake.channelPosts(channel)
	if len(posts) != 1 {
		t.Fatalf("%d summary posts reached the channel, want 1", len(posts))
	}
	if posts[0].UserId != admin.Id {
		t.Errorf("the summary was posted as %s, want the caller %s", posts[0].UserId, admin.Id)
	}
	for _, want := range []string{"`" + recorded.ID + "`", "`@sysadmin` ran `/deactivate @alice` in the web app",
		"**Deactivated (1)**: `@alice`"} {
		if !strings.Contains(posts[0].Message, want) {
			t.Errorf("the summary lacks %q:\n%s", want, posts[0].Message)
		}
	}
}

func TestRecordSummaryPermissionFailure(t *testing.T) {
	h := newHarness(t)
	manager := h.fake.addUser("umgr", "system_user_manager system_user")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)
	channel := h.fake.addChannel()
	h.api.setPanelSetting(fmt.Sprintf(`{"summary_channel_id": %q}`, channel))

	recorder := h.request(http.MethodPost, "/api/v1/batches", manager.Id, validBatchBody(alice.Id))

	if recorder.Code != http.StatusCreated {
		t.Fatalf("a failed summary stopped the recording: %d %s", recorder.Code, recorder.Body)
	}
	recorded := decodeRecorded(t, recorder.Body.Bytes())
	if ids, _ := h.plugin.listBatchIDs(manager.Id); len(ids) != 1 {
		t.Errorf("%d batches stored, want 1", len(ids))
	}
	for _, want := range []string{channel, "you may not post in that channel", "HTTP 403", "api.context.permissions.app_error"} {
		if !strings.Contains(recorded.SummaryError, want) {
			t.Errorf("summary_error lacks %q: %q", want, recorded.SummaryError)
		}
	}
	if posts := h.fake.channelPosts(channel); len(posts) != 0 {
		t.Errorf("a summary reached a channel the caller may not post in: %+v", posts)
	}

	logged := false
	for _, line := range h.api.logLines() {
		logged = logged || (strings.HasPrefix(line, "warn Failed to post a batch summary") &&
			strings.Contains(line, recorded.ID) && strings.Contains(line, channel) && strings.Contains(line, manager.Id))
	}
	if !logged {
		t.Errorf("the failure was not logged with the ids: %v", h.api.logLines())
	}
}

func TestRecordSummaryInvalidChannel(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)
	h.api.setPanelSetting(`{"summary_channel_id": "town-square"}`)

	recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, validBatchBody(alice.Id))

	recorded := decodeRecorded(t, recorder.Body.Bytes())
	if !strings.Contains(recorded.SummaryError, "not a valid channel id") {
		t.Errorf("summary_error %q does not name the invalid id", recorded.SummaryError)
	}
	if h.postRequestCount() != 0 {
		t.Error("the plugin posted to a malformed channel id")
	}
}

func TestRecordWithoutSummaryChannel(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)

	recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, validBatchBody(alice.Id))

	if strings.Contains(recorder.Body.String(), "summary_error") {
		t.Errorf("a batch without a summary channel carries summary_error: %s", recorder.Body)
	}
	if h.postRequestCount() != 0 {
		t.Error("the plugin posted a summary without a summary channel")
	}
}

func TestFallbackPostsSummary(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.fake.addUser("alice", model.SystemUserRoleId)
	channel := h.fake.addChannel(admin.Id)
	h.api.setPanelSetting(fmt.Sprintf(`{"summary_channel_id": %q}`, channel))

	h.execute(admin.Id, "/deactivate alice ghost")
	h.confirm(admin.Id, pendingIDOf(t, h.api.lastSent()))
	h.plugin.background.Wait()

	posts := h.fake.channelPosts(channel)
	if len(posts) != 1 {
		t.Fatalf("%d summary posts reached the channel, want 1", len(posts))
	}
	for _, want := range []string{"through the server part", "**Deactivated (1)**: `@alice`", "**Skipped (1)**"} {
		if !strings.Contains(posts[0].Message, want) {
			t.Errorf("the summary lacks %q:\n%s", want, posts[0].Message)
		}
	}
	if !strings.HasSuffix(posts[0].Message, "**Skipped (1)**") {
		t.Errorf("the summary lists skipped names:\n%s", posts[0].Message)
	}
}

func TestFallbackSummaryFailureShown(t *testing.T) {
	h := newHarness(t)
	manager := h.fake.addUser("umgr", "system_user_manager system_user")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	channel := h.fake.addChannel()
	h.api.setPanelSetting(fmt.Sprintf(`{"summary_channel_id": %q}`, channel))

	h.execute(manager.Id, "/deactivate alice")
	h.confirm(manager.Id, pendingIDOf(t, h.api.lastSent()))
	h.plugin.background.Wait()

	if h.fake.user(alice.Id).DeleteAt == 0 {
		t.Fatal("alice was not deactivated")
	}
	outcome := h.api.lastUpdate().Message
	if !strings.Contains(outcome, "No summary was posted to the summary channel: channel "+channel) {
		t.Errorf("the outcome does not report the failed summary:\n%s", outcome)
	}
	if !strings.Contains(outcome, "/deactivate undo ") {
		t.Errorf("the batch was not recorded:\n%s", outcome)
	}
}

func TestSummaryEscapesAndCapsNames(t *testing.T) {
	outcomes := make([]Outcome, 0, 26)
	for i := range 25 {
		outcomes = append(outcomes, Outcome{Kind: "user", TargetID: model.NewId(), Name: fmt.Sprintf("user%02d", i),
			Result: resultDeactivated})
	}
	outcomes = append(outcomes, Outcome{Kind: "user", Name: "ghost", Result: resultSkipped, Reason: classNotFound})
	batch := &Batch{ID: "0abcdefgh12345678", Source: "webapp",
		Command: "/deactivate **bold** @channel " + strings.Repeat("x", 200), Outcomes: outcomes}

	summary := formatBatchSummary(batch, "a`b")

	if !strings.Contains(summary, "``@a`b``") {
		t.Errorf("the caller's name is not a code span:\n%s", summary)
	}
	if !strings.Contains(summary, "`/deactivate **bold** @channel x") || !strings.Contains(summary, "…`") {
		t.Errorf("the command is not a shortened code span:\n%s", summary)
	}
	if !strings.Contains(summary, "**Deactivated (25)**") || !strings.Contains(summary, "and 5 more") {
		t.Errorf("the deactivated list is not capped at 20 names:\n%s", summary)
	}
	if strings.Contains(summary, "user24") {
		t.Errorf("the summary lists more than 20 names:\n%s", summary)
	}
	if !strings.HasSuffix(summary, "**Skipped (1)**") || strings.Contains(summary, "ghost") {
		t.Errorf("skipped targets are not only counted:\n%s", summary)
	}
}
