package network

import (
	"sort"
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

// maxMembers bounds the members of one group that are aligned pairwise (Options.Members), so
// that a list of many members adds no more than maxMembers² relations.
const maxMembers = 30

// derivedItem is a relation to add between a and b.
type derivedItem struct {
	a, b string
	it   Item
}

// memberItems derives the relations of Options.Members: each member of a group (a member_of
// tie whose ends, after folding state organs with fold, are neither persons nor states)
// takes the group's stated ties with third parties, and members of one group are aligned.
// between returns the items already gathered for a pair, and neighbours the actors an
// actor has items with. Only reported relations are passed on, never derived ones.
func memberItems(m *faultline.Model, fold map[string]string, between func(a, b string) []Item, neighbours func(a string) []string) []derivedItem {
	typ := map[string]string{}
	for _, a := range m.Actors {
		typ[a.ID] = a.Type
	}
	group := func(id string) bool {
		t, ok := typ[id]
		return ok && t != faultline.PERSON && t != faultline.GPE
	}
	id := func(a string) string {
		if s, ok := fold[a]; ok {
			return s
		}
		return a
	}
	members := map[string][]string{} // group -> its members, in order of first statement
	isMember := map[[2]string]bool{}
	for _, t := range m.Ties {
		a, w := id(t.A), id(t.B)
		if t.Type != "member_of" || t.Sign <= 0 || a == w || !group(a) || !group(w) || modalityWeight(t.Modality) == 0 || isMember[[2]string{w, a}] {
			continue
		}
		isMember[[2]string{w, a}] = true
		members[w] = append(members[w], a)
	}
	groups := make([]string, 0, len(members))
	for w := range members {
		groups = append(groups, w)
	}
	sort.Strings(groups)
	var out []derivedItem
	derive := func(it Item, w, member string) Item {
		it = it.derive()
		it.via, it.member = w, member
		return it
	}
	for _, w := range groups {
		ms := members[w]
		// The group's stated ties with third parties.
		others := neighbours(w)
		sort.Strings(others)
		for _, y := range others {
			if isMember[[2]string{w, y}] {
				continue
			}
			for _, it := range between(w, y) {
				if it.Kind != "tie" || it.derived || it.Type == "member_of" {
					continue
				}
				for _, a := range ms {
					if a == y || isMember[[2]string{y, a}] {
						continue
					}
					d := derive(it, w, a)
					if d.from == w {
						d.from = a
					}
					out = append(out, derivedItem{a, y, d})
				}
			}
		}
		// Members of one group are aligned with one another, on the evidence of their
		// membership.
		if len(ms) > maxMembers {
			ms = ms[:maxMembers]
		}
		for i, a := range ms {
			for _, b := range ms[i+1:] {
				for _, mt := range [2]string{a, b} {
					for _, it := range between(mt, w) {
						if it.Kind == "tie" && it.Type == "member_of" && it.Sign > 0 && !it.derived {
							d := derive(it, w, mt)
							d.Type, d.from = "comember", a
							out = append(out, derivedItem{a, b, d})
						}
					}
				}
			}
		}
	}
	return out
}
