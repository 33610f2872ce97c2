package deactivate

import (
	"net/http"
	"slices"
	"strings"
)

// panelSettingKey is the key of the ConsolePanel custom setting, which the
// System Console stores lower-cased under PluginSettings.Plugins[manifestID].
const panelSettingKey = "consolepanel"

// panelSettings are the parts of the ConsolePanel setting value that the
// server part applies. The web app's console/settings/panel_settings.ts
// reads the same object.
type panelSettings struct {
	// ProtectedUsernames are the lower-cased usernames that plans skip.
	ProtectedUsernames []string
	// SummaryChannelID is the channel that receives a summary of each
	// recorded batch, or "" for none.
	SummaryChannelID string
}

// readPanelSettings reads the ConsolePanel value from the plugin
// configuration. A missing, old or hand-edited value yields empty settings
// for the parts that are invalid.
func (p *Plugin) readPanelSettings() panelSettings {
	config := p.API.GetConfig()
	if config == nil {
		return panelSettings{}
	}

	stored, _ := config.PluginSettings.Plugins[manifestID][panelSettingKey].(map[string]any)
	settings := panelSettings{}

	if names, ok := stored["protected_usernames"].([]any); ok {
		for _, name := range names {
			if text, isText := name.(string); isText {
				settings.ProtectedUsernames = append(settings.ProtectedUsernames, text)
			}
		}
	}
	settings.ProtectedUsernames = normalizeUsernames(settings.ProtectedUsernames)

	if channelID, ok := stored["summary_channel_id"].(string); ok {
		settings.SummaryChannelID = strings.TrimSpace(channelID)
	}

	return settings
}

// normalizeUsernames lower-cases names, drops one leading @ and blanks, and
// keeps each name once, in the order given.
func normalizeUsernames(names []string) []string {
	normalized := []string{}
	for _, name := range names {
		name = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "@"))
		if name != "" && !slices.Contains(normalized, name) {
			normalized = append(normalized, name)
		}
	}

	return normalized
}

// protectedSet returns the protected usernames as a set.
func (s panelSettings) protectedSet() map[string]bool {
	set := make(map[string]bool, len(s.ProtectedUsernames))
	for _, name := range s.ProtectedUsernames {
		set[name] = true
	}

	return set
}

// settingsResponse is the body of GET /settings.
type settingsResponse struct {
	ProtectedUsernames []string `json:"protected_usernames"`
}

// handleGetSettings returns the protected usernames that apply to the
// caller's plans. A caller who may deactivate other users gets the whole
// list. Any other caller can only deactivate their own account with `me`,
// so they get the list cut down to their own username, or an empty list,
// and learn nothing about other accounts.
func (p *Plugin) handleGetSettings(w http.ResponseWriter, _ *http.Request, userID string) {
	protected := p.readPanelSettings().ProtectedUsernames
	if p.API.HasPermissionTo(userID, accountPermission) {
		writeJSON(w, http.StatusOK, settingsResponse{ProtectedUsernames: protected})
		return
	}

	user, appErr := p.API.GetUser(userID)
	if appErr != nil {
		p.API.LogError("Failed to load the caller of GET /settings", "user_id", userID, "error", appErr.Error())
		writeError(w, http.StatusInternalServerError, "user_lookup_failed", "Your account could not be read.")
		return
	}

	own := []string{}
	if slices.Contains(protected, strings.ToLower(user.Username)) {
		own = append(own, strings.ToLower(user.Username))
	}
	writeJSON(w, http.StatusOK, settingsResponse{ProtectedUsernames: own})
}
