package deactivate

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

func validBatchBody(targetID string) map[string]any {
	return map[string]any{
		"command": "/deactivate @alice",
		"targets": []map[string]any{
			{"raw": "@alice", "kind": "username", "class": "deactivate", "user_id": targetID, "username": "alice"},
		},
		"outcomes": []map[string]any{
			{"kind": "user", "target_id": targetID, "name": "alice", "result": "deactivated"},
		},
	}
}

func decodeBatch(t *testing.T, body []byte) Batch {
	t.Helper()

	var batch Batch
	if err := json.Unmarshal(body, &batch); err != nil {
		t.Fatalf("the response is not a batch: %v: %s", err, body)
	}

	return batch
}

func TestRoutesRequireUserHeader(t *testing.T) {
	h := newHarness(t)

	routes := []struct{ method, path string }{
		{http.MethodGet, "/api/v1/autocomplete/users"},
		{http.MethodGet, "/api/v1/autocomplete/plugins"},
		{http.MethodPost, "/api/v1/actions/confirm"},
		{http.MethodPost, "/api/v1/actions/cancel"},
		{http.MethodPost, "/api/v1/batches"},
		{http.MethodGet, "/api/v1/batches"},
		{http.MethodGet, "/api/v1/batches/0000000000abcdefg"},
		{http.MethodPost, "/api/v1/batches/0000000000abcdefg/undo"},
	}

	for _, route := range routes {
		for name, header := range map[string]string{"missing": "", "forged": "not-a-user-id"} {
			t.Run(name+" "+route.method+" "+route.path, func(t *testing.T) {
				recorder := h.request(route.method, route.path, header, nil)
				if recorder.Code != http.StatusUnauthorized {
					t.Errorf("answered %d, want 401", recorder.Code)
				}
			})
		}
	}
}

func TestCreateBatchNeedsPermission(t *testing.T) {
	h := newHarness(t)
	user := h.fake.addUser("alice", model.SystemUserRoleId)

	recorder := h.request(http.MethodPost, "/api/v1/batches", user.Id, validBatchBody(model.NewId()))
	if recorder.Code != http.StatusForbidden {
		t.Errorf("a normal user recorded a batch: %d %s", recorder.Code, recorder.Body)
	}
}

func TestCreateBatchValidatesBody(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	target := model.NewId()

	cases := map[string]func(body map[string]any){
		"missing command":  func(body map[string]any) { delete(body, "command") },
		"foreign command":  func(body map[string]any) { body["command"] = "/kick alice" },
		"unknown field":    func(body map[string]any) { body["user_id"] = model.NewId() },
		"empty outcomes":   func(body map[string]any) { body["outcomes"] = []any{} },
		"bad class":        func(body map[string]any) { body["targets"].([]map[string]any)[0]["class"] = "nuke" },
		"bad target id":    func(body map[string]any) { body["outcomes"].([]map[string]any)[0]["target_id"] = "x" },
		"bad result":       func(body map[string]any) { body["outcomes"].([]map[string]any)[0]["result"] = "deleted" },
		"bad kind":         func(body map[string]any) { body["outcomes"].([]map[string]any)[0]["kind"] = "team" },
		"long name":        func(body map[string]any) { body["outcomes"].([]map[string]any)[0]["name"] = strings.Repeat("a", 201) },
		"bad status code":  func(body map[string]any) { body["outcomes"].([]map[string]any)[0]["status_code"] = 1000 },
		"unknown warning":  func(body map[string]any) { body["targets"].([]map[string]any)[0]["warnings"] = []string{"x"} },
		"created_at given": func(body map[string]any) { body["created_at"] = 1 },
		"long command":     func(body map[string]any) { body["command"] = "/deactivate " + strings.Repeat("a", 3990) },
		"user disabled":    func(body map[string]any) { body["outcomes"].([]map[string]any)[0]["result"] = "disabled" },
		"bad plugin id":    func(body map[string]any) { body["targets"].([]map[string]any)[0]["plugin_id"] = "a/b" },
	}

	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			body := validBatchBody(target)
			mutate(body)

			recorder := h.request(http.MethodPost, "/api/v1/batches", admin.Id, body)
			if recorder.Code != http.StatusBadRequest {
				t.Errorf("answered %d, want 400: %s", recorder.Code, recorder.Body)
			}
		})
	}
}

func TestBatchRoutesRoundTrip(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)

	created := h.request(http.MethodPost, "/api/v1/batches", admin.Id, validBatchBody(alice.Id))
	if created.Code != http.StatusCreated {
		t.Fatalf("POST /batches answered %d: %s", created.Code, created.Body)
	}
	batch := decodeBatch(t, created.Body.Bytes())
	if batch.UserID != admin.Id || batch.Source != "webapp" || batch.CreatedAt == 0 {
		t.Errorf("the server did not set who and when: %+v", batch)
	}

	fetched := h.request(http.MethodGet, "/api/v1/batches/"+batch.ID, admin.Id, nil)
	if fetched.Code != http.StatusOK || decodeBatch(t, fetched.Body.Bytes()).ID != batch.ID {
		t.Errorf("GET /batches/{id} answered %d: %s", fetched.Code, fetched.Body)
	}

	listed := h.request(http.MethodGet, "/api/v1/batches?page=0&per_page=10", admin.Id, nil)
	var list struct{ Batches []Batch }
	_ = json.Unmarshal(listed.Body.Bytes(), &list)
	if len(list.Batches) != 1 || list.Batches[0].ID != batch.ID {
		t.Errorf("GET /batches listed %s", listed.Body)
	}

	undone := h.request(http.MethodPost, "/api/v1/batches/"+batch.ID+"/undo", admin.Id, nil)
	if undone.Code != http.StatusOK {
		t.Fatalf("undo answered %d: %s", undone.Code, undone.Body)
	}
	if h.fake.user(alice.Id).DeleteAt != 0 {
		t.Error("undo did not reactivate alice")
	}

	again := h.request(http.MethodPost, "/api/v1/batches/"+batch.ID+"/undo", admin.Id, nil)
	if again.Code != http.StatusConflict {
		t.Errorf("a second undo answered %d, want 409", again.Code)
	}
}

func TestBatchesOfOthersHidden(t *testing.T) {
	h := newHarness(t)
	owner := h.fake.addUser("umgr", "system_user_manager system_user")
	other := h.fake.addUser("umgr2", "system_user_manager system_user")
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)

	created := h.request(http.MethodPost, "/api/v1/batches", owner.Id, validBatchBody(alice.Id))
	batch := decodeBatch(t, created.Body.Bytes())

	if code := h.request(http.MethodGet, "/api/v1/batches/"+batch.ID, other.Id, nil).Code; code != http.StatusNotFound {
		t.Errorf("another delegate read the batch: %d", code)
	}
	if code := h.request(http.MethodPost, "/api/v1/batches/"+batch.ID+"/undo", other.Id, nil).Code; code != http.StatusNotFound {
		t.Errorf("another delegate undid the batch: %d", code)
	}
	if code := h.request(http.MethodGet, "/api/v1/batches?user_id="+owner.Id, other.Id, nil).Code; code != http.StatusForbidden {
		t.Errorf("another delegate listed the owner's batches: %d", code)
	}

	listed := h.request(http.MethodGet, "/api/v1/batches", other.Id, nil)
	if strings.Contains(listed.Body.String(), batch.ID) {
		t.Error("another delegate's own list shows the owner's batch")
	}

	if code := h.request(http.MethodGet, "/api/v1/batches/"+batch.ID, admin.Id, nil).Code; code != http.StatusOK {
		t.Errorf("a system admin could not read the batch: %d", code)
	}
	if code := h.request(http.MethodGet, "/api/v1/batches?user_id="+owner.Id, admin.Id, nil).Code; code != http.StatusOK {
		t.Errorf("a system admin could not list the owner's batches: %d", code)
	}
}

func TestListBatchesRejectsBadPaging(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")

	for _, query := range []string{"page=-1", "per_page=0", "per_page=101", "page=x", "user_id=bad"} {
		t.Run(query, func(t *testing.T) {
			if code := h.request(http.MethodGet, "/api/v1/batches?"+query, admin.Id, nil).Code; code != http.StatusBadRequest {
				t.Errorf("answered %d, want 400", code)
			}
		})
	}
}

func TestUndoRunsUnderCallerSession(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	alice := h.fake.addUser("alice", model.SystemUserRoleId)
	bob := h.fake.addUser("bob", model.SystemUserRoleId)
	h.fake.deactivateNow(alice.Id)
	h.fake.deactivateNow(bob.Id)

	body := validBatchBody(alice.Id)
	body["outcomes"] = append(body["outcomes"].([]map[string]any),
		map[string]any{"kind": "user", "target_id": bob.Id, "name": "bob", "result": "deactivated"})
	batch := decodeBatch(t, h.request(http.MethodPost, "/api/v1/batches", admin.Id, body).Body.Bytes())
	h.fake.setDeleteAt(bob.Id, 0)

	undone := decodeBatch(t, h.request(http.MethodPost, "/api/v1/batches/"+batch.ID+"/undo", admin.Id, nil).Body.Bytes())

	results := map[string]string{}
	for _, outcome := range undone.UndoOutcomes {
		results[outcome.Name] = outcome.Result + "/" + outcome.Reason
	}
	if results["alice"] != "reactivated/" {
		t.Errorf("alice: %q, want reactivated", results["alice"])
	}
	if results["bob"] != "skipped/already_active" {
		t.Errorf("bob, who is active again, got %q", results["bob"])
	}

	writes := h.fake.writes()
	if len(writes) != 1 || writes[0].UserID != admin.Id || writes[0].Body != `{"active":true}` {
		t.Errorf("undo writes: %+v", writes)
	}
}

func TestUnknownRouteIsNotFound(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")

	if code := h.request(http.MethodGet, "/api/v1/nothing", admin.Id, nil).Code; code != http.StatusNotFound {
		t.Errorf("answered %d, want 404", code)
	}
	if code := h.request(http.MethodDelete, "/api/v1/batches/0000000000abcdefg", admin.Id, nil).Code; code != http.StatusNotFound {
		t.Errorf("DELETE /batches/{id} answered %d, want 404", code)
	}
}
