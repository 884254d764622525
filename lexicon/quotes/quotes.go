// Package quotes ships the word lists that direct-quotation attribution reads.
package quotes

import (
	_ "embed"
	"strings"
)

//go:embed speech_verbs.txt
var speechVerbs string

//go:embed pronouns.txt
var pronouns string

// SpeechVerbs returns the verbs of saying, lower-cased.
func SpeechVerbs() map[string]bool { return set(speechVerbs) }

// Pronouns returns the subject words that refer back to the latest speaker.
func Pronouns() map[string]bool { return set(pronouns) }

func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(list, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if w := strings.ToLower(strings.TrimSpace(line)); w != "" {
			m[w] = true
		}
	}
	return m
}
