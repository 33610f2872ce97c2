package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// postActionCall is the part of POST /api/v4/posts/{post_id}/actions/{action_id}
// that the sandbox forwards after it authenticated the caller.
type postActionCall struct {
	UserID         string `json:"user_id"`
	PostID         string `json:"post_id"`
	ActionID       string `json:"action_id"`
	SelectedOption string `json:"selected_option"`
	Cookie         string `json:"cookie"`
}

// channelInfo is the reply of the sandbox's GET /__sandbox/channels/{id}.
type channelInfo struct {
	Channel model.Channel `json:"channel"`
	Team    model.Team    `json:"team"`
}

func actionNotFound(detail string) *model.AppError {
	return model.NewAppError("DoPostAction", "api.post.do_action.action_id.app_error", nil, detail,
		http.StatusNotFound)
}

func integrationFailed(detail string, status int) *model.AppError {
	return model.NewAppError("DoPostAction", "api.post.do_action.action_integration.app_error", nil,
		detail, status)
}

// doPostAction runs a button click of an ephemeral post the way the server's
// DoPostActionWithCookie does (server/channels/app/integration_action.go). It
// decrypts the action cookie and checks read_channel on the cookie's channel.
// Then it sends a PostActionIntegrationRequest to the button's integration
// URL and applies the reply's update and ephemeral text.
func (h *host) doPostAction(w http.ResponseWriter, r *http.Request) {
	var call postActionCall
	if err := json.NewDecoder(r.Body).Decode(&call); err != nil || !model.IsValidId(call.UserID) {
		writeAppError(w, integrationFailed("the forwarded action is invalid", http.StatusBadRequest))
		return
	}

	cookie, appErr := h.openCookie(call)
	if appErr != nil {
		writeAppError(w, appErr)
		return
	}

	if !h.api.HasPermissionToChannel(call.UserID, cookie.ChannelId, model.PermissionReadChannel) {
		writeAppError(w, model.NewAppError("DoPostAction", "api.context.permissions.app_error", nil,
			"userId="+call.UserID+", permission=read_channel", http.StatusForbidden))
		return
	}

	request, appErr := h.integrationRequest(call, cookie)
	if appErr != nil {
		writeAppError(w, appErr)
		return
	}

	response, appErr := h.callIntegration(cookie.Integration.URL, call.UserID, request)
	if appErr != nil {
		writeAppError(w, appErr)
		return
	}

	h.applyIntegrationResponse(call, cookie, response)
	writeJSON(w, http.StatusOK, model.PostActionAPIResponse{Status: "OK"})
}

// openCookie decrypts the action cookie. The sandbox keeps no posts with
// actions in its database, so a click without a cookie names no action.
func (h *host) openCookie(call postActionCall) (*model.PostActionCookie, *model.AppError) {
	if call.Cookie == "" {
		return nil, actionNotFound("post=" + call.PostID + " has no action " + call.ActionID)
	}

	plain, err := model.DecryptPostActionCookie(call.Cookie, h.api.cookieSecret)
	if err != nil {
		return nil, integrationFailed("the action cookie could not be decrypted", http.StatusBadRequest)
	}

	var cookie model.PostActionCookie
	if err := json.Unmarshal([]byte(plain), &cookie); err != nil {
		return nil, integrationFailed("the action cookie is not valid JSON", http.StatusBadRequest)
	}
	if cookie.PostId != call.PostID || cookie.Integration == nil {
		return nil, actionNotFound("the action cookie belongs to another post")
	}

	return &cookie, nil
}

func (h *host) integrationRequest(call postActionCall, cookie *model.PostActionCookie) (*model.PostActionIntegrationRequest, *model.AppError) {
	user, appErr := h.api.GetUser(call.UserID)
	if appErr != nil {
		return nil, appErr
	}

	var info channelInfo
	if appErr := h.api.control.call(http.MethodGet, "/__sandbox/channels/"+cookie.ChannelId, nil, &info); appErr != nil {
		return nil, appErr
	}

	context := model.StringInterface{}
	for key, value := range cookie.Integration.Context {
		context[key] = value
	}
	if call.SelectedOption != "" {
		context["selected_option"] = call.SelectedOption
	}

	return &model.PostActionIntegrationRequest{
		UserId:      call.UserID,
		UserName:    user.Username,
		ChannelId:   cookie.ChannelId,
		ChannelName: info.Channel.Name,
		TeamId:      info.Team.Id,
		TeamName:    info.Team.Name,
		PostId:      call.PostID,
		Type:        cookie.Type,
		DataSource:  cookie.DataSource,
		Context:     context,
	}, nil
}

// callIntegration posts the request to a /plugins/app.deactivate/… URL
// in-process, with the caller's id in Mattermost-User-Id, as the server does
// for integration URLs of its own plugins.
func (h *host) callIntegration(rawURL, userID string, request *model.PostActionIntegrationRequest) (*model.PostActionIntegrationResponse, *model.AppError) {
	path := rawURL
	if !strings.HasPrefix(path, pluginRoutePrefix+"/") {
		// NOTE: the sandbox allows no traffic beyond loopback, so it runs only
		// this plugin's own integration URLs.
		return nil, integrationFailed("the sandbox runs only integration URLs under "+pluginRoutePrefix,
			http.StatusBadRequest)
	}

	body, _ := json.Marshal(request)
	httpRequest := httptest.NewRequest(http.MethodPost, strings.TrimPrefix(path, pluginRoutePrefix),
		bytes.NewReader(body))
	httpRequest.Header.Set("Content-Type", "application/json")
	httpRequest.Header.Set("Mattermost-User-Id", userID)

	recorder := httptest.NewRecorder()
	h.plugin.ServeHTTP(&plugin.Context{}, recorder, httpRequest)
	if recorder.Code != http.StatusOK {
		return nil, integrationFailed("the integration replied with status "+http.StatusText(recorder.Code),
			http.StatusBadRequest)
	}

	var response model.PostActionIntegrationResponse
	if recorder.Body.Len() > 0 {
		if err := json.Unmarshal(recorder.Body.Bytes(), &response); err != nil {
			return nil, integrationFailed("the integration reply is not valid JSON", http.StatusBadRequest)
		}
	}

	return &response, nil
}

func (h *host) applyIntegrationResponse(call postActionCall, cookie *model.PostActionCookie, response *model.PostActionIntegrationResponse) {
	if response.Update != nil {
		update := response.Update
		update.Id = call.PostID
		update.UserId = call.UserID
		update.ChannelId = cookie.ChannelId
		for key, value := range cookie.RetainProps {
			update.AddProp(key, value)
		}
		for _, key := range cookie.RemoveProps {
			update.DelProp(key)
		}
		h.api.UpdateEphemeralPost(call.UserID, update)
	}

	if response.EphemeralText != "" {
		message := response.EphemeralText
		if !response.SkipSlackParsing {
			message = model.ParseSlackLinksToMarkdown(message)
		}
		post := &model.Post{
			Id:        model.NewId(),
			UserId:    call.UserID,
			ChannelId: cookie.ChannelId,
			RootId:    cookie.RootPostId,
			Message:   message,
		}
		for key, value := range cookie.RetainProps {
			post.AddProp(key, value)
		}
		h.api.SendEphemeralPost(call.UserID, post)
	}
}
