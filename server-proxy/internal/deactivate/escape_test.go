package deactivate

import (
	"fmt"
	"testing"
)

func TestInlineCodeStripsInvisibleCharacters(t *testing.T) {
	invisible := []rune{
		'\u200E', '\u200F', '\u061C',
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
		'\u2066', '\u2067', '\u2068', '\u2069',
		'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF',
	}

	for _, r := range invisible {
		t.Run(fmt.Sprintf("U+%04X", r), func(t *testing.T) {
			input := "ali" + string(r) + "ce" + string(r)
			if got := inlineCode(input); got != "`alice`" {
				t.Errorf("inlineCode(%q) = %q, want `alice`", input, got)
			}
		})
	}
}

func TestInlineCodeStopsOutcomeLineReversal(t *testing.T) {
	name := "\u202Eevil\u2066 name"
	line := outcomeName(Outcome{Kind: "user", Name: name}) + ": reactivated"

	want := "`@evil name`: reactivated"
	if line != want {
		t.Errorf("outcome line %q, want %q", line, want)
	}
}
