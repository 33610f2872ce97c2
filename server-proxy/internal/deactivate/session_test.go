package deactivate

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

func TestSessionCarriesCallerRoles(t *testing.T) {
	h := newHarness(t)
	manager := h.fake.addUser("umgr", "system_user_manager system_user")

	err := h.plugin.withUserSession(manager.Id, func(ctx context.Context, s *userSession) error {
		_, err := s.client.getMe(ctx)
		return err
	})
	if err != nil {
		t.Fatalf("the session call failed: %v", err)
	}

	if len(h.api.created) != 1 {
		t.Fatalf("%d sessions created, want 1", len(h.api.created))
	}
	session := h.api.created[0]
	if session.UserId != manager.Id {
		t.Errorf("the session belongs to %s, want the caller %s", session.UserId, manager.Id)
	}
	if session.Roles != manager.Roles {
		t.Errorf("the session roles are %q, want the caller's %q", session.Roles, manager.Roles)
	}
	if !contains(h.api.revoked, session.Id) {
		t.Error("the session was not revoked after use")
	}
}

func TestSessionRevokedOnError(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	// Port 1 on loopback refuses connections, so the first REST call fails.
	h.plugin.baseURLOverride = "http://127.0.0.1:1"

	h.execute(admin.Id, "/deactivate plugin jira")

	response := h.api.lastSent()
	if response != nil {
		t.Errorf("a failed lookup produced a preview: %s", response.Message)
	}
	if len(h.api.created) != 1 || !contains(h.api.revoked, h.api.created[0].Id) {
		t.Errorf("the session of a failed preview was not revoked: created %d, revoked %v",
			len(h.api.created), h.api.revoked)
	}
}

func TestSessionRevokedAfterCallbackError(t *testing.T) {
	h := newHarness(t)
	user := h.fake.addUser("alice", model.SystemUserRoleId)

	want := errors.New("callback failed")
	err := h.plugin.withUserSession(user.Id, func(context.Context, *userSession) error { return want })
	if !errors.Is(err, want) {
		t.Fatalf("withUserSession returned %v, want the callback error", err)
	}
	if len(h.api.openSessions()) != 0 {
		t.Error("the session stayed open after the callback failed")
	}
}

func TestPreviewFailsWhenSessionFails(t *testing.T) {
	h := newHarness(t)
	admin := h.fake.addUser("sysadmin", "system_user system_admin")
	h.api.failCreateSession = true

	response := h.execute(admin.Id, "/deactivate alice")

	if !strings.Contains(response.Text, "could not be looked up") {
		t.Errorf("the reply does not say the lookup failed: %s", response.Text)
	}
	if requests := h.fake.recorded(); len(requests) != 0 {
		t.Errorf("REST calls ran without a session: %+v", requests)
	}
}

func TestSessionRotatesBeforeExpiry(t *testing.T) {
	h := newHarness(t)
	user := h.fake.addUser("alice", model.SystemUserRoleId)

	clock := time.Now()
	h.plugin.now = func() time.Time { return clock }
	h.api.now = h.plugin.now

	err := h.plugin.withUserSession(user.Id, func(ctx context.Context, s *userSession) error {
		first := s.sessionID
		clock = clock.Add(sessionRotateAfter + time.Second)

		client, err := s.rest()
		if err != nil {
			return err
		}
		if s.sessionID == first {
			t.Error("the session was not replaced after sessionRotateAfter")
		}
		if !contains(h.api.revoked, first) {
			t.Error("the replaced session was not revoked")
		}

		_, err = client.getMe(ctx)
		return err
	})
	if err != nil {
		t.Fatalf("the call with the rotated session failed: %v", err)
	}
}

func TestDeactivatedCallerGetsNoSession(t *testing.T) {
	h := newHarness(t)
	user := h.fake.addUser("alice", "system_user system_admin")
	h.fake.setDeleteAt(user.Id, 1700000000000)

	err := h.plugin.withUserSession(user.Id, func(context.Context, *userSession) error { return nil })
	if err == nil {
		t.Error("a deactivated caller got a session")
	}
	if len(h.api.created) != 0 {
		t.Errorf("%d sessions created for a deactivated caller", len(h.api.created))
	}
}

func TestServerBaseURLFromListenAddress(t *testing.T) {
	cases := map[string]struct {
		listen, security, siteURL, want string
	}{
		"port only":        {listen: ":8065", want: "http://127.0.0.1:8065"},
		"wildcard":         {listen: "0.0.0.0:8065", want: "http://127.0.0.1:8065"},
		"ipv6 wildcard":    {listen: "[::]:8065", want: "http://127.0.0.1:8065"},
		"loopback ipv6":    {listen: "[::1]:8065", want: "http://[::1]:8065"},
		"specific host":    {listen: "10.0.0.5:8065", want: "http://10.0.0.5:8065"},
		"tls":              {listen: ":443", security: model.ConnSecurityTLS, want: "https://127.0.0.1:443"},
		"site url subpath": {listen: ":8065", siteURL: "https://chat.example.com/mm/", want: "http://127.0.0.1:8065/mm"},
	}

	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			config := &model.Config{}
			config.SetDefaults()
			*config.ServiceSettings.ListenAddress = tc.listen
			*config.ServiceSettings.ConnectionSecurity = tc.security
			*config.ServiceSettings.SiteURL = tc.siteURL

			api := &configAPI{testAPI: newTestAPI(t, newFakeServer(t)), config: config}
			p := NewPlugin()
			p.SetAPI(api)

			got, _, err := p.serverBaseURL()
			if err != nil {
				t.Fatalf("serverBaseURL failed: %v", err)
			}
			if got != tc.want {
				t.Errorf("serverBaseURL = %q, want %q", got, tc.want)
			}
		})
	}
}

// configAPI returns a fixed configuration.
type configAPI struct {
	*testAPI
	config *model.Config
}

func (a *configAPI) GetConfig() *model.Config { return a.config }
