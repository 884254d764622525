// Package events ships the event codebook: trigger words and phrases with their CAMEO codes
// (codebook.tsv, hand-curated; petrarch_verbs.tsv, converted from PETRARCH2), the CAMEO to
// PLOVER table (plover.tsv), the CAMEO to Goldstein table (goldstein.tsv) and the modality
// cues (modality.tsv). See NOTES.md for sources and licences.
package events

import (
	_ "embed"
	"strconv"
	"strings"
)

//go:embed codebook.tsv
var codebookTSV string

//go:embed petrarch_verbs.tsv
var petrarchTSV string

//go:embed plover.tsv
var ploverTSV string

//go:embed goldstein.tsv
var goldsteinTSV string

//go:embed modality.tsv
var modalityTSV string

//go:embed members.txt
var membersTXT string

//go:embed perpetrators.txt
var perpetratorsTXT string

// Entry is one trigger of the codebook.
type Entry struct {
	Words      []string // lower-case words; for a verb the first is the lemma
	POS        string   // "V" (verbal) or "N" (nominal)
	CAMEO      string
	Reciprocal bool     // "A and B clashed" codes both directions
	Forms      []string // irregular inflected forms of the first word
	// Prep, when set, is the preposition that must follow the trigger for it to count
	// ("campaign against B" is violence, "an election campaign" is not): flag "prep=against".
	Prep string
	// Target, when set, is the entity type the target must have ("received President B" is
	// hosting, "received support" is not): flag "target=PERSON".
	Target string
	// Alone says the trigger codes an event with a source and no target: a unilateral act
	// ("A declared a cease-fire", "A deployed troops"): flag "alone".
	Alone bool
}

// Codebook returns the hand-curated entries followed by the converted PETRARCH verbs that
// the hand codebook does not already list (same first word and POS). A CAMEO code of "-"
// in codebook.tsv blocks a word.
func Codebook() []Entry {
	hand := parse(codebookTSV)
	seen := map[string]bool{}
	var out []Entry
	for _, e := range hand {
		seen[e.POS+" "+e.Words[0]] = true
		if e.CAMEO != "-" {
			out = append(out, e)
		}
	}
	for _, e := range parse(petrarchTSV) {
		if !seen[e.POS+" "+e.Words[0]] {
			out = append(out, e)
		}
	}
	return out
}

// HandCodebook returns the hand-curated entries only (codebook.tsv), without blocked words.
func HandCodebook() []Entry {
	var out []Entry
	for _, e := range parse(codebookTSV) {
		if e.CAMEO != "-" {
			out = append(out, e)
		}
	}
	return out
}

func parse(tsv string) []Entry {
	var out []Entry
	for _, f := range rows(tsv) {
		if len(f) < 3 {
			continue
		}
		e := Entry{Words: strings.Fields(strings.ToLower(f[0])), POS: strings.TrimSpace(f[1]), CAMEO: strings.TrimSpace(f[2])}
		if len(e.Words) == 0 {
			continue
		}
		if len(f) > 3 {
			for _, fl := range strings.Fields(strings.ReplaceAll(f[3], ",", " ")) {
				switch {
				case fl == "recip":
					e.Reciprocal = true
				case fl == "alone":
					e.Alone = true
				case strings.HasPrefix(fl, "prep="):
					e.Prep = strings.ToLower(strings.TrimPrefix(fl, "prep="))
				case strings.HasPrefix(fl, "target="):
					e.Target = strings.ToUpper(strings.TrimPrefix(fl, "target="))
				}
			}
		}
		if len(f) > 4 {
			for _, x := range strings.Split(f[4], ",") {
				if x = strings.TrimSpace(strings.ToLower(x)); x != "" {
					e.Forms = append(e.Forms, x)
				}
			}
		}
		out = append(out, e)
	}
	return out
}

func rows(tsv string) [][]string {
	var out [][]string
	for _, l := range strings.Split(tsv, "\n") {
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		out = append(out, strings.Split(strings.TrimRight(l, "\r"), "\t"))
	}
	return out
}

// Type is a PLOVER event type and mode.
type Type struct{ Type, Mode string }

var plover = func() map[string]Type {
	m := map[string]Type{}
	for _, f := range rows(ploverTSV) {
		if len(f) >= 2 {
			t := Type{Type: f[1]}
			if len(f) > 2 {
				t.Mode = strings.TrimSpace(f[2])
			}
			m[f[0]] = t
		}
	}
	return m
}()

var goldstein = func() map[string]float64 {
	m := map[string]float64{}
	for _, f := range rows(goldsteinTSV) {
		if len(f) >= 2 {
			if v, err := strconv.ParseFloat(f[1], 64); err == nil {
				m[f[0]] = v
			}
		}
	}
	return m
}()

// PLOVER returns the PLOVER type and mode of a CAMEO code, falling back to the code's
// parents (0871 -> 087 -> 080); ok is false when none is mapped (statements, 01x).
func PLOVER(cameo string) (Type, bool) {
	for c := cameo; len(c) >= 2; c = c[:len(c)-1] {
		if t, ok := plover[c]; ok {
			return t, true
		}
		if len(c) == 3 && c[2] != '0' {
			if t, ok := plover[c[:2]+"0"]; ok {
				return t, true
			}
		}
	}
	return Type{}, false
}

// Goldstein returns the Goldstein score of a CAMEO code, falling back to its parents.
func Goldstein(cameo string) (float64, bool) {
	for c := cameo; len(c) >= 2; c = c[:len(c)-1] {
		if v, ok := goldstein[c]; ok {
			return v, true
		}
	}
	return 0, false
}

// Cues returns the modality cue words and phrases (lower case) by class: "negation",
// "hypothetical", "future", "report", "deny".
func Cues() map[string][]string {
	m := map[string][]string{}
	for _, f := range rows(modalityTSV) {
		if len(f) >= 2 {
			m[strings.TrimSpace(f[0])] = append(m[strings.TrimSpace(f[0])], strings.ToLower(strings.TrimSpace(f[1])))
		}
	}
	return m
}

// Members returns the nouns for the people of a group (fighters, commander, officials): a
// name modifying one of them ("a Hezbollah commander") stands for the group as an event
// argument.
func Members() map[string]bool { return words(membersTXT) }

// Perpetrators returns the subjects that let an act of violence stand without a named
// source: weapons and blasts (bomb, explosion) and unnamed perpetrators (gunmen).
func Perpetrators() map[string]bool { return words(perpetratorsTXT) }

// words reads a list of one word a line, with # comments.
func words(txt string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(txt, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[strings.ToLower(l)] = true
		}
	}
	return m
}
