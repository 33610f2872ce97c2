package deactivate

import (
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/plugin"
)

// manifestID is the plugin id from plugin.json.
const manifestID = "app.deactivate"

// Plugin is the server part of the Deactivate plugin. It changes users and
// plugins only through REST calls made under the invoking user's own
// session, never through its own plugin-API rights.
type Plugin struct {
	plugin.MattermostPlugin

	router *http.ServeMux

	// httpClient makes the REST calls to the server's own listener.
	httpClient *http.Client
	// baseURLOverride replaces the URL derived from ListenAddress (tests).
	baseURLOverride string
	now             func() time.Time
	pollInterval    time.Duration
	pollTimeout     time.Duration

	// background tracks work that runs after an HTTP reply was sent.
	background sync.WaitGroup
}

// NewPlugin returns the plugin with its routes and production timings.
func NewPlugin() *Plugin {
	p := &Plugin{
		now:          time.Now,
		pollInterval: time.Second,
		pollTimeout:  20 * time.Second,
	}
	p.router = p.newRouter()

	return p
}

// OnActivate registers the /deactivate command.
func (p *Plugin) OnActivate() error {
	if err := p.registerCommand(); err != nil {
		p.API.LogError("Failed to register the /deactivate command", "error", err.Error())
		return fmt.Errorf("failed to register the /deactivate command: %w", err)
	}

	p.API.LogInfo("Deactivate plugin activated")
	return nil
}

// OnDeactivate waits for running batches to finish their current step.
func (p *Plugin) OnDeactivate() error {
	p.background.Wait()
	p.API.LogInfo("Deactivate plugin deactivated")
	return nil
}

// runInBackground runs fn after the caller's HTTP reply, so a long batch does
// not hit the server's timeout for integration actions.
func (p *Plugin) runInBackground(fn func()) {
	p.background.Add(1)
	go func() {
		defer p.background.Done()
		fn()
	}()
}
