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

// genericPattern is a form of generic.tsv that begins with a placeholder: "<country>-led
// forces" (country: the word before the hyphen must be a country or nationality) or
// "<any>-led government" (any word).
type genericPattern struct {
	kind    GenericKind
	country bool
}

// genericTabs holds generic.tsv: the forms, and the patterns keyed by the rest after the
// placeholder's hyphen ("led forces").
type genericTabs struct {
	forms    map[string]GenericKind
	patterns map[string]genericPattern
}

var genericTab = sync.OnceValue(func() genericTabs {
	t := genericTabs{forms: map[string]GenericKind{}, patterns: map[string]genericPattern{}}
	for _, line := range strings.Split(genericTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 3 {
			continue
		}
		form := strings.TrimSpace(c[0])
		k := GenericKind{State: strings.TrimSpace(c[1]) == "state", Family: strings.TrimSpace(c[2])}
		if rest, ok := strings.CutPrefix(form, "<country>-"); ok {
			t.patterns[rest] = genericPattern{k, true}
		} else if rest, ok := strings.CutPrefix(form, "<any>-"); ok {
			t.patterns[rest] = genericPattern{k, false}
		} else {
			t.forms[form] = k
		}
	}
	return t
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
	if k, ok := genericTab().forms[strings.Join(ws, " ")]; ok {
		return k, true
	}
	// the patterns: "US-led forces" (a coalition led by a country), "Shiite-led
	// government", "army-dominated government"
	if len(ws) == 2 {
		if i := strings.LastIndexByte(ws[0], '-'); i >= 0 {
			if p, ok := genericTab().patterns[ws[0][i+1:]+" "+ws[1]]; ok {
				if !p.country && i > 0 {
					return p.kind, true
				}
				if x := ws[0][:i]; p.country {
					loadCore()
					if countries[Fold(x)] || Demonym(x) != "" {
						return p.kind, true
					}
				}
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
	if k, ok := genericTab().forms[ws[len(ws)-1]]; ok && !k.State {
		return k.Family
	}
	return ""
}
