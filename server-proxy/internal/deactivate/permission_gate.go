package deactivate

import "github.com/mattermost/mattermost/server/public/model"

const (
	needsUserPermissionText = "You cannot deactivate other users: that needs the System Console permission " +
		"**User Management > Users: Can edit** (`sysconsole_write_user_management_users`), " +
		"which system admins have. Nothing was changed."
	needsPluginPermissionText = "You cannot disable plugins: that needs the System Console permission " +
		"**Plugins: Can edit** (`sysconsole_write_plugins`), which system admins have. Nothing was changed."
)

// permissionNotice returns why the caller may not run the command at all, or
// "" when it may. It uses the same permissions and sentences as the web app,
// so a caller without them gets a plain answer in place of a preview whose
// Confirm would fail with 403. The REST API still checks every write.
func (p *Plugin) permissionNotice(userID string, parsed ParsedCommand) string {
	switch parsed.Command {
	case commandUsers:
		for _, target := range parsed.Targets {
			if target.Kind != targetMe {
				if !p.API.HasPermissionTo(userID, model.PermissionSysconsoleWriteUserManagementUsers) {
					return needsUserPermissionText
				}
				return ""
			}
		}
	case commandUndo:
		if !p.API.HasPermissionTo(userID, model.PermissionSysconsoleWriteUserManagementUsers) {
			return needsUserPermissionText
		}
	case commandPlugins:
		if !p.API.HasPermissionTo(userID, model.PermissionSysconsoleWritePlugins) {
			return needsPluginPermissionText
		}
	}

	return ""
}
