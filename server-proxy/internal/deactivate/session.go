package deactivate

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

const (
	// sessionLifetime is the ExpiresAt of every session the plugin creates.
	sessionLifetime = 60 * time.Second
	// sessionRotateAfter replaces a session before it expires in the middle
	// of a long batch.
	sessionRotateAfter = 40 * time.Second
	// sessionPropType marks the sessions in the Sessions table.
	sessionPropType = "app.deactivate.proxy"
)

// userSession acts as one user through short-lived sessions of that user.
// close must run on every path, because it revokes the current session.
type userSession struct {
	plugin    *Plugin
	userID    string
	roles     string
	sessionID string
	createdAt time.Time
	client    *restClient
}

// openUserSession creates a session for userID that carries the user's own
// roles, so every REST call made with it has exactly that user's rights.
func (p *Plugin) openUserSession(userID string) (*userSession, error) {
	user, appErr := p.API.GetUser(userID)
	if appErr != nil {
		return nil, fmt.Errorf("failed to load user %s: %w", userID, appErr)
	}
	if user.DeleteAt != 0 {
		return nil, fmt.Errorf("user %s is deactivated", userID)
	}

	baseURL, transport, err := p.serverBaseURL()
	if err != nil {
		return nil, err
	}

	s := &userSession{plugin: p, userID: userID, roles: user.GetRawRoles()}
	s.client = &restClient{baseURL: baseURL, http: p.httpClientFor(transport)}
	if err := s.create(); err != nil {
		return nil, err
	}

	return s, nil
}

func (s *userSession) create() error {
	now := s.plugin.now()
	session, appErr := s.plugin.API.CreateSession(&model.Session{
		UserId:    s.userID,
		Roles:     s.roles,
		ExpiresAt: now.Add(sessionLifetime).UnixMilli(),
		Props:     model.StringMap{model.SessionPropType: sessionPropType},
	})
	if appErr != nil {
		return fmt.Errorf("failed to create a session for user %s: %w", s.userID, appErr)
	}

	s.sessionID = session.Id
	s.createdAt = now
	s.client.token = session.Token
	return nil
}

// rest returns a client whose session has at least 20 seconds left.
func (s *userSession) rest() (*restClient, error) {
	if s.plugin.now().Sub(s.createdAt) < sessionRotateAfter {
		return s.client, nil
	}

	s.revoke()
	if err := s.create(); err != nil {
		return nil, err
	}

	return s.client, nil
}

func (s *userSession) revoke() {
	if s.sessionID == "" {
		return
	}

	if appErr := s.plugin.API.RevokeSession(s.sessionID); appErr != nil {
		s.plugin.API.LogError("Failed to revoke a proxy session",
			"user_id", s.userID, "session_id", s.sessionID, "error", appErr.Error())
	}

	s.sessionID = ""
	s.client.token = ""
}

func (s *userSession) close() {
	s.revoke()
}

// withUserSession runs fn with a session of userID and revokes the session
// afterwards, whether fn fails or not.
func (p *Plugin) withUserSession(userID string, fn func(ctx context.Context, s *userSession) error) error {
	s, err := p.openUserSession(userID)
	if err != nil {
		return err
	}
	defer s.close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	return fn(ctx, s)
}

// serverBaseURL derives the URL of this server's own listener from
// ServiceSettings.ListenAddress. An empty or wildcard host becomes the
// loopback address. A specific host is used as configured, because the
// server listens only there.
func (p *Plugin) serverBaseURL() (string, *http.Transport, error) {
	if p.baseURLOverride != "" {
		return p.baseURLOverride, nil, nil
	}

	config := p.API.GetConfig()
	listen := ""
	if config.ServiceSettings.ListenAddress != nil {
		listen = *config.ServiceSettings.ListenAddress
	}

	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "", nil, fmt.Errorf("invalid ServiceSettings.ListenAddress %q: %w", listen, err)
	}

	loopback := false
	switch host {
	case "", "0.0.0.0", "::":
		host = "127.0.0.1"
		loopback = true
	default:
		ip := net.ParseIP(host)
		loopback = host == "localhost" || (ip != nil && ip.IsLoopback())
	}

	scheme := "http"
	var transport *http.Transport
	security := ""
	if config.ServiceSettings.ConnectionSecurity != nil {
		security = *config.ServiceSettings.ConnectionSecurity
	}
	if security == model.ConnSecurityTLS {
		scheme = "https"
		// The certificate names the public host, not 127.0.0.1, so it is not
		// verified on loopback. A non-loopback host is verified as usual.
		transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: loopback}}
	}

	base := scheme + "://" + net.JoinHostPort(host, port)

	// NOTE: with a SiteURL subpath the API is assumed to be served under that
	// subpath on the listener too. This has not been run against a server.
	if config.ServiceSettings.SiteURL != nil {
		if site, err := url.Parse(*config.ServiceSettings.SiteURL); err == nil {
			base += strings.TrimRight(site.Path, "/")
		}
	}

	return base, transport, nil
}

func (p *Plugin) httpClientFor(transport *http.Transport) *http.Client {
	client := p.httpClient
	if client == nil {
		client = defaultHTTPClient()
	}

	if transport == nil {
		return client
	}

	copied := *client
	copied.Transport = transport
	return &copied
}
