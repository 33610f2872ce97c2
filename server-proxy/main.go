// Command server-proxy is the Deactivate plugin's server part, started by the Mattermost server.
package main

import (
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/deactivate-plugin/deactivate/server-proxy/internal/deactivate"
)

func main() {
	plugin.ClientMain(deactivate.NewPlugin())
}
