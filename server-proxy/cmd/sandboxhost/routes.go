package main

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// pluginRoutePrefix is the path prefix of a plugin's ServeHTTP routes. The
// server removes it before it passes the request to the plugin.
const pluginRoutePrefix = "/plugins/" + pluginID

// host serves the sandbox's calls into the plugin: the plugin's HTTP routes,
// slash commands and interactive button clicks.
type host struct {
	api    *sandboxAPI
	plugin interface {
		ServeHTTP(*plugin.Context, http.ResponseWriter, *http.Request)
		ExecuteCommand(*plugin.Context, *model.CommandArgs) (*model.CommandResponse, *model.AppError)
	}
	secret string
}

func (h *host) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(pluginRoutePrefix+"/", h.servePlugin)
	mux.HandleFunc("POST /__host/execute", h.executeCommand)
	mux.HandleFunc("POST /__host/post_actions", h.doPostAction)

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent := r.Header.Get(secretHeader)
		if subtle.ConstantTimeCompare([]byte(sent), []byte(h.secret)) != 1 {
			writeAppError(w, model.NewAppError("SandboxHost", "sandbox.host.forbidden.app_error", nil,
				"the request lacks the sandbox secret", http.StatusForbidden))
			return
		}
		r.Header.Del(secretHeader)
		mux.ServeHTTP(w, r)
	})
}

// servePlugin passes a request for /plugins/app.deactivate/… to the plugin's
// ServeHTTP with the prefix removed. The sandbox has already replaced any
// Mattermost-User-Id header with the one of the caller's session.
func (h *host) servePlugin(w http.ResponseWriter, r *http.Request) {
	r.URL.Path = strings.TrimPrefix(r.URL.Path, pluginRoutePrefix)
	r.URL.RawPath = ""
	h.plugin.ServeHTTP(&plugin.Context{}, w, r)
}

// executeCommand runs a slash command and, like the server's
// HandleCommandResponsePost, shows an ephemeral response's text to the caller
// as an ephemeral post.
func (h *host) executeCommand(w http.ResponseWriter, r *http.Request) {
	var args model.CommandArgs
	if err := json.NewDecoder(r.Body).Decode(&args); err != nil || !model.IsValidId(args.UserId) {
		writeAppError(w, model.NewAppError("SandboxHost", "api.command.execute_command.app_error", nil,
			"the body is not valid CommandArgs", http.StatusBadRequest))
		return
	}

	response, appErr := h.plugin.ExecuteCommand(&plugin.Context{}, &args)
	if appErr != nil {
		writeAppError(w, appErr)
		return
	}
	if response == nil {
		response = &model.CommandResponse{}
	}

	if response.ResponseType == model.CommandResponseTypeInChannel {
		// NOTE: the Deactivate plugin only returns ephemeral responses, so the
		// host does not create channel posts.
		writeAppError(w, model.NewAppError("SandboxHost", "sandbox.host.in_channel.app_error", nil,
			"the sandbox host does not post in_channel command responses", http.StatusNotImplemented))
		return
	}

	if response.Text != "" {
		post := &model.Post{
			Id:        model.NewId(),
			UserId:    args.UserId,
			ChannelId: args.ChannelId,
			RootId:    args.RootId,
			Message:   response.Text,
		}
		for key, value := range response.Props {
			post.AddProp(key, value)
		}
		h.api.SendEphemeralPost(args.UserId, post)
	}

	writeJSON(w, http.StatusOK, response)
}

func writeAppError(w http.ResponseWriter, appErr *model.AppError) {
	writeJSON(w, appErr.StatusCode, appErr)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
