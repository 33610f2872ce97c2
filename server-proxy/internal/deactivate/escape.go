package deactivate

import (
	"strings"
	"unicode"
)

// maxEscapedRunes caps how much of one user-supplied value a message shows.
const maxEscapedRunes = 80

// inlineCode renders a user-supplied value (a username, a plugin name, a
// token as typed) as a markdown code span. Inside a code span Mattermost
// renders no links, emphasis, images or @-mentions, so the value cannot
// inject any. Control characters and line breaks become spaces, bidi
// controls and zero-width characters are removed, and the fence is one
// backtick longer than the longest backtick run in the value.
func inlineCode(value string) string {
	value = sanitizeText(value)
	if value == "" {
		return "` `"
	}

	fence := strings.Repeat("`", longestBacktickRun(value)+1)
	if strings.HasPrefix(value, "`") || strings.HasSuffix(value, "`") {
		value = " " + value + " "
	}

	return fence + value + fence
}

// sanitizeText makes a user-supplied value safe to show on one line. Bidi
// controls are removed because one in a display name would reverse the rest
// of the outcome line, and zero-width characters because they hide what a
// name really contains.
func sanitizeText(value string) string {
	var builder strings.Builder
	count := 0
	for _, r := range value {
		if isBidiControl(r) || isZeroWidth(r) {
			continue
		}
		if count == maxEscapedRunes {
			builder.WriteString("…")
			break
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			r = ' '
		}
		builder.WriteRune(r)
		count++
	}

	return strings.TrimSpace(builder.String())
}

func longestBacktickRun(value string) int {
	longest, current := 0, 0
	for _, r := range value {
		if r != '`' {
			current = 0
			continue
		}
		current++
		longest = max(longest, current)
	}

	return longest
}
