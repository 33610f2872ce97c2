package deactivate

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// largeBatchBody builds the body the System Console panel sends for a run
// that deactivated every user in users: 21-character usernames, 26-character
// ids and a command line shortened to maxCommandRunes.
func largeBatchBody(users []*model.User) map[string]any {
	targets := make([]map[string]any, 0, len(users))
	outcomes := make([]map[string]any, 0, len(users))
	command := "/deactivate"
	for _, user := range users {
		targets = append(targets, map[string]any{
			"raw": "@" + user.Username, "kind": "username", "class": "deactivate",
			"user_id": user.Id, "username": user.Username,
		})
		outcomes = append(outcomes, map[string]any{
			"kind": "user", "target_id": user.Id, "name": user.Username, "result": "deactivated",
		})
		if len(command)+len(user.Username)+2 < maxCommandRunes-20 {
			command += " @" + user.Username
		}
	}

	return map[string]any{"command": command + " … (more)", "targets": targets, "outcomes": outcomes}
}

func TestRecordTenThousandOutcomes(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")

	users := make([]*model.User, 0, maxBatchItems)
	for i := 0; i < maxBatchItems; i++ {
		user := h.fake.addUser(fmt.Sprintf("employee.surname%05d", i), model.SystemUserRoleId)
		h.fake.deactivateNow(user.Id)
		users = append(users, user)
	}

	payload, err := json.Marshal(largeBatchBody(users))
	if err != nil {
		t.Fatalf("failed to encode the body: %v", err)
	}
	t.Logf("a %d-outcome body is %d bytes, the cap is %d", maxBatchItems, len(payload), maxRequestBytes)
	if len(payload)*3/2 > maxRequestBytes {
		t.Errorf("the body (%d bytes) leaves less than half of itself as margin under %d", len(payload), maxRequestBytes)
	}

	created := h.request(http.MethodPost, "/api/v1/batches", admin.Id, payload)
	if created.Code != http.StatusCreated {
		t.Fatalf("POST /batches answered %d: %.300s", created.Code, created.Body)
	}
	batchID := decodeBatch(t, created.Body.Bytes()).ID

	chunks := 0
	for key, entry := range h.api.kv {
		if strings.HasPrefix(key, batchChunkPrefix+batchID) {
			chunks++
			if len(entry.value) > maxChunkBytes {
				t.Errorf("chunk %s is %d bytes, more than %d", key, len(entry.value), maxChunkBytes)
			}
		}
	}
	header := h.api.kv[batchKey(batchID)].value
	t.Logf("stored as a %d-byte header and %d chunks", len(header), chunks)
	if len(header) > 16<<10 {
		t.Errorf("the header is %d bytes, so it carries the lists", len(header))
	}

	fetched := h.request(http.MethodGet, "/api/v1/batches/"+batchID, admin.Id, nil)
	batch := decodeBatch(t, fetched.Body.Bytes())
	if len(batch.Targets) != maxBatchItems || len(batch.Outcomes) != maxBatchItems {
		t.Fatalf("GET returned %d targets and %d outcomes, want %d each",
			len(batch.Targets), len(batch.Outcomes), maxBatchItems)
	}
	if batch.Outcomes[maxBatchItems-1].TargetID != users[maxBatchItems-1].Id {
		t.Error("the outcomes came back out of order")
	}
}

func TestRecordRejectsOversizedBody(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")

	payload := []byte(`{"command":"/deactivate x","targets":[],"outcomes":[],"pad":"` +
		strings.Repeat("x", maxRequestBytes) + `"}`)
	recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, payload)
	if recorder.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("answered %d, want 413: %.200s", recorder.Code, recorder.Body)
	}
}

func TestChunksSplitBySize(t *testing.T) {
	items := make([]Outcome, 100)
	for i := range items {
		items[i] = Outcome{Kind: "user", Name: strings.Repeat("n", 50), Result: resultSkipped}
	}

	chunks, err := encodeChunks(items, 1000)
	if err != nil {
		t.Fatalf("encodeChunks failed: %v", err)
	}

	var joined []Outcome
	for _, chunk := range chunks {
		if len(chunk) > 1000 {
			t.Errorf("a chunk is %d bytes, more than 1000", len(chunk))
		}
		var part []Outcome
		if err := json.Unmarshal(chunk, &part); err != nil {
			t.Fatalf("a chunk is not a JSON array: %v", err)
		}
		joined = append(joined, part...)
	}
	if len(joined) != len(items) {
		t.Errorf("the chunks hold %d items, want %d", len(joined), len(items))
	}
}
