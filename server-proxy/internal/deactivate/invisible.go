package deactivate

import "strings"

// isZeroWidth reports whether r is a zero-width character: U+200B zero
// width space, U+200C and U+200D (non-)joiners, U+2060 word joiner and
// U+FEFF byte order mark. Outcome posts put U+200B after each `@` so names
// cannot mention anyone, so a command copied from a post carries them.
func isZeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}

	return false
}

// isBidiControl reports whether r is a Unicode bidirectional formatting
// character (marks, embeddings, overrides and isolates, UAX #9). In a
// display name such a character reverses or reorders the rest of the line
// it is shown in.
func isBidiControl(r rune) bool {
	switch {
	case r == '\u200E', r == '\u200F', r == '\u061C':
		return true
	case r >= '\u202A' && r <= '\u202E':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}

	return false
}

// dropZeroWidth removes every zero-width character from value.
func dropZeroWidth(value string) string {
	if !strings.ContainsFunc(value, isZeroWidth) {
		return value
	}

	return strings.Map(func(r rune) rune {
		if isZeroWidth(r) {
			return -1
		}
		return r
	}, value)
}
