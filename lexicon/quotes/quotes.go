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

//go:embed speaker_nouns.txt
var speakerNouns string

//go:embed speech_nouns.txt
var speechNouns string

// SpeechVerbs returns the verbs of saying, lower-cased.
func SpeechVerbs() map[string]bool { return set(speechVerbs) }

// Pronouns returns the subject words that refer back to the latest speaker.
func Pronouns() map[string]bool { return set(pronouns) }

// SpeakerNouns returns the nouns that head a description of an unnamed speaker
// ("official", "spokesman"), lower-case.
func SpeakerNouns() map[string]bool { return set(speakerNouns) }

// SpeechNouns returns the nouns of saying that introduce a quotation through a light verb
// ("made the point that"), lower-case.
func SpeechNouns() map[string]bool { return set(speechNouns) }

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
