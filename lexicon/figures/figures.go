// Package figures ships the word lists that figure extraction reads.
package figures

import (
	_ "embed"
	"strconv"
	"strings"
)

//go:embed numbers.tsv
var numbers string

//go:embed units.tsv
var units string

//go:embed currencies.tsv
var currencies string

//go:embed qualifiers.txt
var qualifiers string

//go:embed durations.tsv
var durations string

// Number is a number word: its value and kind (card, scale, vague or fraction).
type Number struct {
	Value float64
	Kind  string
}

// Numbers returns the number words by lower-case word.
func Numbers() map[string]Number {
	m := map[string]Number{}
	for _, f := range rows(numbers) {
		if len(f) < 3 {
			continue
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err == nil {
			m[f[0]] = Number{v, f[2]}
		}
	}
	return m
}

// Units returns the counted nouns and their units by lower-case word or phrase.
func Units() map[string]string { return pairs(units) }

// Durations returns the time words of hyphenated durations ("six-month") and their units.
func Durations() map[string]string { return pairs(durations) }

// Currencies returns currency symbols and words with their units.
func Currencies() map[string]string { return pairs(currencies) }

// Qualifiers returns the qualifying phrases, lower case, longest first.
func Qualifiers() []string {
	var out []string
	for _, f := range rows(qualifiers) {
		out = append(out, strings.Join(f, " "))
	}
	for i := 1; i < len(out); i++ { // insertion sort by length, descending: few entries
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func pairs(s string) map[string]string {
	m := map[string]string{}
	for _, f := range rows(s) {
		if len(f) >= 2 {
			m[f[0]] = f[1]
		}
	}
	return m
}

// rows splits a data file into lower-cased fields: tab-separated when a line has tabs,
// else the whole line; blank lines and # comments are skipped.
func rows(s string) [][]string {
	var out [][]string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		line = strings.ToLower(strings.TrimSpace(line))
		if line == "" {
			continue
		}
		if strings.Contains(line, "\t") {
			out = append(out, strings.Split(line, "\t"))
		} else {
			out = append(out, []string{line})
		}
	}
	return out
}
