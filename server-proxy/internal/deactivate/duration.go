package deactivate

import (
	"regexp"
	"strconv"
)

// maxDurationAmount is the largest amount an inactivity duration accepts,
// in any unit, so that the cutoff stays far inside the int64 millisecond range.
const maxDurationAmount = 9999

var durationPattern = regexp.MustCompile(`^([0-9]+)([dwm])$`)

// daysPerUnit gives the days of each duration unit. A month is counted as
// 30 days.
var daysPerUnit = map[string]int{"d": 1, "w": 7, "m": 30}

// parseDuration reads `180d`, `12w` or `6m`, case-insensitively, and returns
// the token lower-cased with its length in days. The amount is a whole
// number from 1 to maxDurationAmount.
func parseDuration(raw string) (string, int, bool) {
	text := asciiLower(raw)
	match := durationPattern.FindStringSubmatch(text)
	if match == nil {
		return "", 0, false
	}

	amount, err := strconv.Atoi(match[1])
	if err != nil || amount < 1 || amount > maxDurationAmount {
		return "", 0, false
	}

	return text, amount * daysPerUnit[match[2]], true
}
