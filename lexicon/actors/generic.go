package actors

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed generic.tsv
var genericTSV string

// GenericKind says what a description without a name stands for (see Generic).
type GenericKind struct {
	// State is true for an institution of a state (its sector: police, military,
	// security, government), false for a kind of non-state group (insurgency, militias).
	State bool
	// Family is the sector or the kind of group.
	Family string
}

var genericTab = sync.OnceValue(func() map[string]GenericKind {
	m := map[string]GenericKind{}
	for _, line := range strings.Split(genericTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if c := strings.Split(line, "\t"); len(c) >= 3 {
			m[strings.TrimSpace(c[0])] = GenericKind{State: strings.TrimSpace(c[1]) == "state", Family: strings.TrimSpace(c[2])}
		}
	}
	return m
})

// Generic reads a description that carries no name, nationality or group word ("the
// police", "state forces", "the central government", "Shiite-led government",
// "insurgents") and returns what it stands for; ok is false for any other name
// (lexicon/actors/generic.tsv).
func Generic(name string) (GenericKind, bool) {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) > 0 && ws[0] == "the" {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return GenericKind{}, false
	}
	if k, ok := genericTab()[strings.Join(ws, " ")]; ok {
		return k, true
	}
	// "US-led forces": a coalition led by a country
	if len(ws) == 2 && (ws[1] == "forces" || ws[1] == "troops" || ws[1] == "coalition") && strings.HasSuffix(ws[0], "-led") {
		loadCore()
		if c := strings.TrimSuffix(ws[0], "-led"); countries[Fold(c)] || Demonym(c) != "" {
			return GenericKind{Family: "coalition"}, true
		}
	}
	// "Shiite-led government", "army-dominated government"
	if len(ws) == 2 && ws[1] == "government" {
		if i := strings.LastIndexByte(ws[0], '-'); i > 0 {
			switch ws[0][i+1:] {
			case "led", "dominated", "controlled", "run", "backed", "installed":
				return GenericKind{State: true, Family: "government"}, true
			}
		}
	}
	return GenericKind{}, false
}

// GroupFamily returns the kind of non-state group (generic.tsv) whose head noun ends the
// name ("Sunni insurgents", "Shiite militias"), or "".
func GroupFamily(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) == 0 {
		return ""
	}
	if k, ok := genericTab()[ws[len(ws)-1]]; ok && !k.State {
		return k.Family
	}
	return ""
}
