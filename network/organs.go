package network

import (
	"strings"
	"sync"

	"github.com/faultline/faultline"
	lex "github.com/faultline/faultline/lexicon/ties"
)

var organWords = sync.OnceValue(lex.Organs)

// Organs maps each actor of m that is an organ of a state to that state's id: an actor that
// is not itself a place, whose canonical name is a name of a state actor of m (a GPE's
// canonical name or alias: "Norland", "Norlandic") followed only by organ nouns
// (lexicon/ties/organs.txt: "military", "forces", "officials"), as event data codes a
// state's army and officials with the state's code.
func Organs(m *faultline.Model) map[string]string {
	return organs(m, nil)
}

// organs is Organs; with govs non-nil it also fills govs with each state's government
// actor ("Norlandic government"), the one in the most documents.
func organs(m *faultline.Model, govs map[string]string) map[string]string {
	docsOf := map[string]int{}
	states := map[string]string{} // a state's name -> its id ("" when two states share it)
	for _, a := range m.Actors {
		if a.Type != faultline.GPE {
			continue
		}
		for _, n := range append([]string{a.Canonical}, a.Aliases...) {
			if n == "" {
				continue
			}
			if id, ok := states[n]; ok && id != a.ID {
				states[n] = ""
				continue
			}
			states[n] = a.ID
		}
	}
	words := organWords()
	out := map[string]string{}
	if govs != nil {
		for _, a := range m.Actors {
			ws := strings.Fields(a.Canonical)
			if a.Type == faultline.GPE || len(ws) < 2 || !strings.EqualFold(ws[len(ws)-1], "government") {
				continue
			}
			if id := states[strings.Join(ws[:len(ws)-1], " ")]; id != "" && id != a.ID {
				if old, ok := govs[id]; !ok || a.Docs > docsOf[old] {
					govs[id] = a.ID
					docsOf[a.ID] = a.Docs
				}
			}
		}
	}
	for _, a := range m.Actors {
		if a.Type == faultline.GPE || a.Type == faultline.LOC {
			continue
		}
		ws := strings.Fields(a.Canonical)
		for k := 1; k < len(ws) && k <= 3; k++ {
			id := states[strings.Join(ws[:k], " ")]
			if id == "" || id == a.ID {
				continue
			}
			organ := true
			for _, w := range ws[k:] {
				if !words[strings.ToLower(w)] {
					organ = false
					break
				}
			}
			if organ {
				out[a.ID] = id
				break
			}
		}
	}
	return out
}

// term is a head of state's or government's time in office.
type term struct {
	state    string // the state's government actor if the model has one, else the state
	gpe      string // the state
	from, to int    // days; noDay when open
}

// covers reports whether a report dated date falls in the term (an undated one does).
func (t term) covers(date string) bool {
	first, last, ok := dayRange(date)
	if !ok {
		return true
	}
	return (t.from == noDay || last >= t.from) && (t.to == noDay || first <= t.to)
}

// leaders reads the actors' dated leader_of roles from the actor dictionary
// ("leader_of norland 2001-01-20..2009-01-20 (dictionary)") whose state is an actor of m.
func leaders(m *faultline.Model, govs map[string]string) map[string][]term {
	gpe := map[string]bool{}
	for _, a := range m.Actors {
		if a.Type == faultline.GPE {
			gpe[a.ID] = true
		}
	}
	out := map[string][]term{}
	for _, a := range m.Actors {
		if a.Type != faultline.PERSON {
			continue
		}
		for _, r := range a.Roles {
			f := strings.Fields(r)
			if len(f) < 3 || f[0] != "leader_of" || !gpe[f[1]] || f[1] == a.ID {
				continue
			}
			from, to, ok := strings.Cut(f[2], "..")
			if !ok {
				continue
			}
			t := term{state: f[1], gpe: f[1], from: noDay, to: noDay}
			if g := govs[f[1]]; g != "" {
				t.state = g // as event data codes a head of government: the state's government
			}
			if d, _, ok := dayRange(from); ok {
				t.from = d
			}
			if _, d, ok := dayRange(to); ok {
				t.to = d
			}
			out[a.ID] = append(out[a.ID], t)
		}
	}
	return out
}
