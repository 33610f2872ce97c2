package deactivate

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// NodeReport is how many cluster nodes stopped running a disabled plugin.
type NodeReport struct {
	Total    int  `json:"total"`
	Disabled int  `json:"disabled"`
	TimedOut bool `json:"timed_out,omitempty"`
	// Running names the nodes (cluster ids) that still run the plugin.
	Running []string `json:"running,omitempty"`
}

func (r *NodeReport) describe() string {
	if len(r.Running) == 0 {
		return fmt.Sprintf("disabled on %d of %d nodes", r.Disabled, r.Total)
	}

	nodes := make([]string, 0, len(r.Running))
	for _, node := range r.Running {
		nodes = append(nodes, inlineCode(node))
	}

	return fmt.Sprintf("disabled on %d of %d nodes, still running on %s",
		r.Disabled, r.Total, strings.Join(nodes, ", "))
}

// nodeReportFor counts the status entries of pluginID, one per node. An
// entry with an empty cluster id is the single node of a non-clustered
// server.
func nodeReportFor(statuses []*model.PluginStatus, pluginID string) *NodeReport {
	report := &NodeReport{}
	for _, status := range statuses {
		if !strings.EqualFold(status.PluginId, pluginID) {
			continue
		}

		report.Total++
		if status.State == model.PluginStateRunning || status.State == model.PluginStateStarting {
			node := status.ClusterId
			if node == "" {
				node = "this server"
			}
			report.Running = append(report.Running, node)
			continue
		}
		report.Disabled++
	}

	sort.Strings(report.Running)
	return report
}

// waitForPluginStopped polls GET /plugins/statuses under the caller's session
// until no node runs pluginID, or the poll timeout passes.
func (p *Plugin) waitForPluginStopped(ctx context.Context, s *userSession, pluginID string) (*NodeReport, error) {
	deadline := p.now().Add(p.pollTimeout)

	for {
		client, err := s.rest()
		if err != nil {
			return nil, err
		}

		statuses, err := client.getPluginStatuses(ctx)
		if err != nil {
			return nil, err
		}

		report := nodeReportFor(statuses, pluginID)
		if len(report.Running) == 0 {
			return report, nil
		}
		if !p.now().Before(deadline) {
			report.TimedOut = true
			return report, nil
		}

		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(p.pollInterval):
		}
	}
}
