// Package ties ships the tie patterns of extract/tie (patterns.tsv); see NOTES.md.
package ties

import (
	_ "embed"
	"strconv"
	"strings"
)

//go:embed patterns.tsv
var patternsTSV string

// Pattern is one tie pattern: its words and slots, as written, and what it codes.
type Pattern struct {
	Words       []string          // "A", "B", "x|y", "&NAME", or a word
	Type        string            // a tie type of the contract
	Sign        int               // +1, -1 or 0
	Constraints map[string]string // slot -> allowed entity types, "|"-separated
	Line        int
}

// Patterns returns the patterns and the synsets (name without & -> alternatives, each a
// list of words).
func Patterns() ([]Pattern, map[string][][]string) {
	var ps []Pattern
	syn := map[string][][]string{}
	for n, l := range strings.Split(patternsTSV, "\n") {
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if strings.HasPrefix(f[0], "&") && len(f) == 2 {
			for _, alt := range strings.Split(f[1], "|") {
				syn[f[0][1:]] = append(syn[f[0][1:]], strings.Fields(alt))
			}
			continue
		}
		if len(f) < 3 {
			continue
		}
		sign, err := strconv.Atoi(strings.TrimSpace(f[2]))
		if err != nil {
			continue
		}
		p := Pattern{Words: strings.Fields(f[0]), Type: strings.TrimSpace(f[1]), Sign: sign, Constraints: map[string]string{}, Line: n + 1}
		if len(f) > 3 {
			for _, c := range strings.Fields(f[3]) {
				if k, v, ok := strings.Cut(c, ":"); ok {
					p.Constraints[k] = v
				}
			}
		}
		ps = append(ps, p)
	}
	return ps, syn
}

//go:embed from_events.tsv
var fromEventsTSV string

// EventTie is a tie implied by an event's CAMEO code.
type EventTie struct {
	Type string
	Sign int
}

// FromEvents returns the tie implied by CAMEO code prefixes (longest prefix wins).
func FromEvents() map[string]EventTie {
	m := map[string]EventTie{}
	for _, l := range strings.Split(fromEventsTSV, "\n") {
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if strings.HasPrefix(l, "#") || len(f) < 3 {
			continue
		}
		if s, err := strconv.Atoi(f[2]); err == nil {
			m[f[0]] = EventTie{Type: f[1], Sign: s}
		}
	}
	return m
}

//go:embed organs.txt
var organsTXT string

// Organs returns the nouns naming the organs through which a state acts (its army, its
// officials): see organs.txt.
func Organs() map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(organsTXT, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out[l] = true
		}
	}
	return out
}

//go:embed period.tsv
var periodTSV string

// Period returns the word classes of period.tsv (class name -> lower-case words): how a
// relation is set in a past period, or a place named as the one left.
func Period() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, l := range strings.Split(periodTSV, "\n") {
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if strings.HasPrefix(l, "#") || len(f) != 2 {
			continue
		}
		if out[f[0]] == nil {
			out[f[0]] = map[string]bool{}
		}
		for _, w := range strings.Split(f[1], "|") {
			out[f[0]][strings.TrimSpace(w)] = true
		}
	}
	return out
}
