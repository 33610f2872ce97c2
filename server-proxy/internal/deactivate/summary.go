package deactivate

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// summaryResults are the outcome results a summary lists, in order. Only
// the results that wrote something list names, at most maxListedNames of
// them; the others are counted.
var summaryResults = []struct {
	result    string
	heading   string
	withNames bool
}{
	{resultDeactivated, "Deactivated", true},
	{resultDisabled, "Disabled", true},
	{resultFailed, "Failed", true},
	{resultSkipped, "Skipped", false},
}

// formatBatchSummary renders the summary channel post of a recorded batch:
// who ran it, the command shortened to maxEscapedRunes, the counts per
// result and the batch id. Every user-supplied value is a code span, so
// names can neither mention anyone nor inject markdown.
func formatBatchSummary(batch *Batch, callerUsername string) string {
	source := "in the web app"
	if batch.Source == "server" {
		source = "through the server part, from a mobile app or API client"
	}

	lines := []string{
		"#### Deactivate batch " + inlineCode(batch.ID),
		fmt.Sprintf("%s ran %s %s.", inlineCode("@"+callerUsername), inlineCode(batch.Command), source),
	}

	byResult := map[string][]string{}
	for _, outcome := range batch.Outcomes {
		byResult[outcome.Result] = append(byResult[outcome.Result], outcomeName(outcome))
	}

	for _, entry := range summaryResults {
		names := byResult[entry.result]
		if len(names) == 0 {
			continue
		}
		line := fmt.Sprintf("- **%s (%d)**", entry.heading, len(names))
		if entry.withNames {
			line += ": " + joinNames(names)
		}
		lines = append(lines, line)
	}

	return strings.Join(lines, "\n")
}

// postBatchSummary posts the summary of a recorded batch to the summary
// channel of the plugin settings, under a short-lived session of the
// caller, so the caller's own channel permissions decide whether the post
// is allowed. It returns "" when no channel is set or the post succeeded,
// and otherwise a plain-text reason, which it also logs with the ids.
func (p *Plugin) postBatchSummary(batch *Batch) string {
	channelID := p.readPanelSettings().SummaryChannelID
	if channelID == "" {
		return ""
	}

	if !model.IsValidId(channelID) {
		reason := "the summary channel id in the plugin settings is not a valid channel id"
		p.API.LogWarn("Failed to post a batch summary", "user_id", batch.UserID, "batch_id", batch.ID,
			"channel_id", channelID, "error", reason)
		return reason
	}

	err := p.withUserSession(batch.UserID, func(ctx context.Context, s *userSession) error {
		client, err := s.rest()
		if err != nil {
			return err
		}
		caller, err := client.getMe(ctx)
		if err != nil {
			return err
		}

		_, err = client.createPost(ctx, channelID, formatBatchSummary(batch, caller.Username))
		return err
	})
	if err == nil {
		return ""
	}

	p.API.LogWarn("Failed to post a batch summary", "user_id", batch.UserID, "batch_id", batch.ID,
		"channel_id", channelID, "error", err.Error())
	return summaryFailureText(channelID, err)
}

// summaryFailureText words a failed summary post as plain text that names
// the channel, for a sentence starting "No summary was posted …: ".
func summaryFailureText(channelID string, err error) string {
	prefix := "channel " + channelID + ": "

	var restErr *RESTError
	if !errors.As(err, &restErr) {
		return prefix + "the request failed"
	}

	detail := plainReason(restErr)
	if restErr.StatusCode == 403 {
		detail = "you may not post in that channel"
	}
	detail += fmt.Sprintf(" (HTTP %d", restErr.StatusCode)
	if id := sanitizeErrorID(restErr.ID); id != "" {
		detail += ", " + id
	}

	return prefix + detail + ")"
}
