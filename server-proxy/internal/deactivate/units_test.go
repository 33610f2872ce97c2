package deactivate

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

func TestInlineCodeEscapes(t *testing.T) {
	cases := map[string]string{
		"alice":             "`alice`",
		"[x](http://e.vil)": "`[x](http://e.vil)`",
		"@channel":          "`@channel`",
		"a`b":               "``a`b``",
		"`edge":             "`` `edge ``",
		"two\nlines":        "`two lines`",
		"":                  "` `",
	}

	for input, want := range cases {
		t.Run(input, func(t *testing.T) {
			if got := inlineCode(input); got != want {
				t.Errorf("inlineCode(%q) = %q, want %q", input, got, want)
			}
		})
	}
}

func TestInlineCodeTruncatesLongValues(t *testing.T) {
	got := inlineCode(strings.Repeat("x", 500))
	if len([]rune(got)) > maxEscapedRunes+3 {
		t.Errorf("inlineCode kept %d runes of a 500-rune value", len([]rune(got)))
	}
}

func TestRESTErrorFromPlainTextBody(t *testing.T) {
	body := []byte(`{"id":"api.context.404.app_error","message":"Sorry, we could not find the page.","status_code":404}`)

	restErr := newRESTError(http.MethodPost, "/api/v4/plugins/x/deactivate", http.StatusNotFound, body)
	if restErr.ID != "api.context.404.app_error" {
		t.Errorf("error id %q, want api.context.404.app_error", restErr.ID)
	}
}

func TestAppendedErrorCountsAsFailure(t *testing.T) {
	body := []byte(`{"status":"OK"}` + "\n" + `{"id":"app.user.update.finding.app_error","message":"failed","status_code":500}`)

	err := decodeSingleJSON(http.MethodPut, "/api/v4/users/x/active", http.StatusOK, body, nil)
	restErr, ok := err.(*RESTError)
	if !ok {
		t.Fatalf("decodeSingleJSON returned %v, want a RESTError", err)
	}
	if restErr.ID != "app.user.update.finding.app_error" {
		t.Errorf("error id %q, want the appended one", restErr.ID)
	}
}

func TestNonJSONSuccessIsFailure(t *testing.T) {
	if err := decodeSingleJSON(http.MethodGet, "/api/v4/users", http.StatusOK, []byte("<html>"), nil); err == nil {
		t.Error("a non-JSON 200 body was accepted")
	}
}

func TestBatchIDsSortByTime(t *testing.T) {
	earlier := newBatchID(time.UnixMilli(1700000000000))
	later := newBatchID(time.UnixMilli(1700000000001))

	if !isValidBatchID(earlier) || !isValidBatchID(later) {
		t.Fatalf("generated ids are invalid: %q %q", earlier, later)
	}
	if earlier >= later {
		t.Errorf("%q does not sort before %q", earlier, later)
	}
	if len(batchIndexKey(model.NewId(), later)) > 50 {
		t.Errorf("the index key is longer than 50 characters")
	}
}

func TestBatchRetentionKeepsNewest(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")

	clock := time.UnixMilli(1700000000000)
	h.plugin.now = func() time.Time { return clock }

	var first string
	for i := 0; i < maxBatchesPerUser+3; i++ {
		clock = clock.Add(time.Second)
		batch := &Batch{UserID: admin.Id, Command: "/deactivate x",
			Outcomes: []Outcome{{Kind: "user", Name: "x", Result: resultSkipped}}}
		if err := h.plugin.saveNewBatch(batch); err != nil {
			t.Fatalf("saveNewBatch failed: %v", err)
		}
		if i == 0 {
			first = batch.ID
		}
	}

	ids, _ := h.plugin.listBatchIDs(admin.Id)
	if len(ids) != maxBatchesPerUser {
		t.Errorf("%d batches kept, want %d", len(ids), maxBatchesPerUser)
	}
	if _, err := h.plugin.getBatch(first); err != errBatchNotFound {
		t.Errorf("the oldest batch is still stored: %v", err)
	}
}

func TestBatchExpiresAfterRetention(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")

	clock := time.Now()
	h.plugin.now = func() time.Time { return clock }
	h.api.now = h.plugin.now

	batch := &Batch{UserID: admin.Id, Command: "/deactivate x",
		Outcomes: []Outcome{{Kind: "user", Name: "x", Result: resultSkipped}}}
	if err := h.plugin.saveNewBatch(batch); err != nil {
		t.Fatalf("saveNewBatch failed: %v", err)
	}

	clock = clock.Add(batchRetention + time.Minute)
	if _, err := h.plugin.getBatch(batch.ID); err != errBatchNotFound {
		t.Errorf("a batch older than the retention is still returned: %v", err)
	}
}

func TestPendingExpires(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")

	clock := time.Now()
	h.plugin.now = func() time.Time { return clock }
	h.api.now = h.plugin.now

	request := &PendingRequest{ID: model.NewId(), UserID: admin.Id, CreatedAt: clock.UnixMilli()}
	if err := h.plugin.savePending(request); err != nil {
		t.Fatalf("savePending failed: %v", err)
	}

	clock = clock.Add(pendingLifetime + time.Second)
	if _, err := h.plugin.takePending(request.ID, admin.Id); err != errPendingGone {
		t.Errorf("an expired pending request was taken: %v", err)
	}
}

func TestActivateRegistersCommand(t *testing.T) {
	h := newHarness(t)

	if err := h.plugin.OnActivate(); err != nil {
		t.Fatalf("OnActivate failed: %v", err)
	}
	if len(h.api.commands) != 1 || h.api.commands[0].Trigger != commandTrigger {
		t.Fatalf("registered commands: %+v", h.api.commands)
	}

	data := h.api.commands[0].AutocompleteData
	if err := data.IsValid(); err != nil {
		t.Errorf("the autocomplete data is invalid: %v", err)
	}

	roles := map[string]string{}
	for _, sub := range data.SubCommands {
		roles[sub.Trigger] = sub.RoleID
	}
	for _, admin := range []string{"users", "plugin", "undo"} {
		if roles[admin] != model.SystemAdminRoleId {
			t.Errorf("subcommand %q is offered to role %q, want system_admin", admin, roles[admin])
		}
	}
	if roles["help"] != model.SystemUserRoleId {
		t.Errorf("help is offered to role %q, want every user", roles["help"])
	}

	found := false
	for _, line := range h.api.logLines() {
		found = found || strings.Contains(line, "activated")
	}
	if !found {
		t.Error("activation was not logged")
	}
}

func TestBotDisabledWithFlag(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	bot := h.fake.addBot("helper-bot")

	h.execute(admin.Id, "/deactivate --include-bots helper-bot")
	h.confirm(admin.Id, pendingIDOf(t, h.api.lastSent()))
	h.plugin.background.Wait()

	writes := h.fake.writes()
	if len(writes) != 1 || writes[0].Path != "/api/v4/bots/"+bot.Id+"/disable" {
		t.Errorf("a bot was not disabled through /bots/{id}/disable: %+v", writes)
	}
	if !strings.Contains(h.api.lastUpdate().Message, "**Disabled (1):** `@helper-bot`") {
		t.Errorf("the outcome lacks the bot:\n%s", h.api.lastUpdate().Message)
	}
}

func TestProxiedWritesAreLogged(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)

	h.execute(admin.Id, "/deactivate alice")
	h.confirm(admin.Id, pendingIDOf(t, h.api.lastSent()))
	h.plugin.background.Wait()

	for _, line := range h.api.logLines() {
		if strings.Contains(line, "Proxied write succeeded") &&
			strings.Contains(line, admin.Id) && strings.Contains(line, alice.Id) {
			return
		}
	}
	t.Errorf("no log line names the acting user and the target: %v", h.api.logLines())
}
