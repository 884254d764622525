package network

import (
	"fmt"
	"sort"
)

// Change is a dyad's relation turning from one sign to the other: an accord after fighting,
// a cease-fire that collapsed.
type Change struct {
	Date string `json:"date"` // when the new sign is first reported
	From int    `json:"from"`
	To   int    `json:"to"`
	// Since is the date of the last report of the old sign before the change.
	Since       string `json:"since"`
	Explanation string `json:"explanation"`
	Before      []Item `json:"before"` // the last reports of the old sign
	After       []Item `json:"after"`  // the first reports of the new sign
}

// Timeline is the history of one dyad's sign over time.
type Timeline struct {
	A       string   `json:"a"`
	B       string   `json:"b"`
	Changes []Change `json:"changes"`
}

// Timelines returns, for every dyad of g whose dated evidence changes sign, when it changed
// and on what evidence. Evidence is grouped by date; a date's sign is the sign of its summed
// weight; undated evidence is ignored. Dyads are ordered by their first change.
func Timelines(g *Graph) []Timeline {
	var out []Timeline
	for i := range g.Edges {
		e := &g.Edges[i]
		type group struct {
			date  string
			day   int
			net   float64
			items []Item
		}
		var gs []group
		for _, it := range e.Items {
			if it.day == noDay {
				continue
			}
			if n := len(gs); n > 0 && gs[n-1].date == it.Date && gs[n-1].day == it.day {
				gs[n-1].net += float64(it.Sign) * it.Weight
				gs[n-1].items = append(gs[n-1].items, it)
				continue
			}
			gs = append(gs, group{it.Date, it.day, float64(it.Sign) * it.Weight, []Item{it}})
		}
		state, last := 0, -1
		tl := Timeline{A: e.A, B: e.B}
		for k, gr := range gs {
			s := sign(gr.net)
			if s == 0 {
				continue
			}
			if state != 0 && s != state {
				c := Change{Date: gr.date, From: state, To: s, Since: gs[last].date,
					Before: bySign(gs[last].items, state), After: bySign(gr.items, s)}
				c.Explanation = fmt.Sprintf("%s and %s: %s (%s, %s) turned to %s (%s, %s).",
					g.Name(e.U), g.Name(e.V), relation(state), c.Since, labels(c.Before),
					relation(s), c.Date, labels(c.After))
				tl.Changes = append(tl.Changes, c)
			}
			state, last = s, k
		}
		if len(tl.Changes) > 0 {
			out = append(out, tl)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, _, _ := dayRange(out[i].Changes[0].Date)
		b, _, _ := dayRange(out[j].Changes[0].Date)
		return a < b
	})
	return out
}

func bySign(its []Item, s int) []Item {
	var out []Item
	for _, it := range its {
		if it.Sign == s {
			out = append(out, it)
		}
	}
	return out
}

func relation(s int) string {
	if s > 0 {
		return "cooperation"
	}
	return "hostility"
}

// labels names the kinds of evidence: event types and tie types, without repeats.
func labels(its []Item) string {
	seen := map[string]bool{}
	var ls []string
	for _, it := range its {
		if !seen[it.Type] {
			seen[it.Type] = true
			ls = append(ls, it.Type)
		}
	}
	return joinAnd(ls)
}
