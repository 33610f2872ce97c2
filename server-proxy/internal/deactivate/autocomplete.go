package deactivate

import (
	"net/http"
	"sort"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// maxSuggestions caps one autocomplete list.
const maxSuggestions = 25

// handleAutocompleteUsers lists active users whose username starts with the
// word being typed. Only callers who may deactivate users get suggestions,
// and those callers see every user in the System Console anyway, so the
// plugin's read access shows them nothing new.
func (p *Plugin) handleAutocompleteUsers(w http.ResponseWriter, r *http.Request, userID string) {
	items := []model.AutocompleteListItem{}
	if !p.API.HasPermissionTo(userID, model.PermissionSysconsoleWriteUserManagementUsers) {
		writeJSON(w, http.StatusOK, items)
		return
	}

	prefix := strings.TrimPrefix(lastWord(r.URL.Query().Get("user_input")), "@")
	prefix = asciiLower(prefix)

	var users []*model.User
	var appErr *model.AppError
	if prefix == "" {
		users, appErr = p.API.GetUsers(&model.UserGetOptions{Active: true, Page: 0, PerPage: maxSuggestions})
	} else {
		users, appErr = p.API.SearchUsers(&model.UserSearch{Term: prefix, Limit: maxSuggestions})
	}
	if appErr != nil {
		p.API.LogWarn("Failed to list users for autocomplete", "user_id", userID, "error", appErr.Error())
		writeJSON(w, http.StatusOK, items)
		return
	}

	for _, user := range users {
		if user.DeleteAt != 0 || !strings.HasPrefix(user.Username, prefix) {
			continue
		}

		hint := ""
		if user.IsBot {
			hint = "bot"
		}
		items = append(items, model.AutocompleteListItem{
			Item:     user.Username,
			Hint:     hint,
			HelpText: sanitizeText(user.GetDisplayName(model.ShowFullName)),
		})
	}

	writeJSON(w, http.StatusOK, items)
}

// handleAutocompletePlugins lists enabled plugins for callers who may
// disable plugins.
func (p *Plugin) handleAutocompletePlugins(w http.ResponseWriter, r *http.Request, userID string) {
	items := []model.AutocompleteListItem{}
	if !p.API.HasPermissionTo(userID, model.PermissionSysconsoleWritePlugins) {
		writeJSON(w, http.StatusOK, items)
		return
	}

	manifests, appErr := p.API.GetPlugins()
	if appErr != nil {
		p.API.LogWarn("Failed to list plugins for autocomplete", "user_id", userID, "error", appErr.Error())
		writeJSON(w, http.StatusOK, items)
		return
	}

	states := p.API.GetConfig().PluginSettings.PluginStates
	prefix := strings.ToLower(lastWord(r.URL.Query().Get("user_input")))
	for _, manifest := range manifests {
		state := states[manifest.Id]
		if state == nil || !state.Enable || !strings.HasPrefix(strings.ToLower(manifest.Id), prefix) {
			continue
		}

		items = append(items, model.AutocompleteListItem{
			Item:     manifest.Id,
			HelpText: sanitizeText(manifest.Name),
		})
	}

	sort.Slice(items, func(i, j int) bool { return items[i].Item < items[j].Item })
	if len(items) > maxSuggestions {
		items = items[:maxSuggestions]
	}

	writeJSON(w, http.StatusOK, items)
}

// lastWord returns the word being typed: the text after the last space,
// empty when the input ends with a space.
func lastWord(input string) string {
	index := strings.LastIndexAny(input, " \t")
	return input[index+1:]
}
