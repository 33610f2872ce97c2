// Command sandboxhost runs the Deactivate plugin's server part inside the
// development sandbox, without a Mattermost server. It builds the real plugin
// in-process on a plugin API that the sandbox backs, listens on 127.0.0.1 on
// a free port, prints "listening on 127.0.0.1:<port>" on stdout and exits when
// stdin closes, so it never outlives the sandbox that started it.
//
// Environment: SANDBOX_URL is the sandbox's base URL (it serves /api/v4 and
// the control routes under /__sandbox/), and SANDBOX_SECRET is the secret
// both sides send in the X-Sandbox-Secret header.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/deactivate-plugin/deactivate/server-proxy/internal/deactivate"
)

// pluginID is the id in plugin.json.
const pluginID = "app.deactivate"

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "sandboxhost: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	sandboxURL, err := url.Parse(os.Getenv("SANDBOX_URL"))
	if err != nil || sandboxURL.Scheme != "http" || sandboxURL.Host == "" {
		return fmt.Errorf("SANDBOX_URL %q is invalid: set it to the sandbox's http://127.0.0.1:<port>",
			os.Getenv("SANDBOX_URL"))
	}
	secret := os.Getenv("SANDBOX_SECRET")
	if len(secret) < 16 {
		return errors.New("SANDBOX_SECRET is missing or shorter than 16 characters")
	}

	cookieSecret := make([]byte, 32)
	if _, err := rand.Read(cookieSecret); err != nil {
		return fmt.Errorf("failed to create the action cookie secret: %w", err)
	}

	api := &sandboxAPI{
		control:      newControlClient(sandboxURL.String(), secret),
		kv:           newKVStore(time.Now),
		sandboxURL:   sandboxURL,
		cookieSecret: cookieSecret,
		now:          time.Now,
	}
	p := deactivate.NewPlugin()
	p.SetAPI(api)

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("failed to listen on 127.0.0.1: %w", err)
	}
	server := &http.Server{
		Handler:           (&host{api: api, plugin: p, secret: secret}).handler(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()

	if err := p.OnActivate(); err != nil {
		_ = server.Close()
		return fmt.Errorf("the plugin failed to activate: %w", err)
	}
	fmt.Printf("listening on %s\n", listener.Addr())

	stdinClosed := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		close(stdinClosed)
	}()

	select {
	case <-stdinClosed:
	case err := <-served:
		return fmt.Errorf("the HTTP server stopped: %w", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = server.Shutdown(ctx)
	if err := p.OnDeactivate(); err != nil {
		return fmt.Errorf("the plugin failed to deactivate: %w", err)
	}

	return nil
}
