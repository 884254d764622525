package tie

import (
	"sort"
	"strconv"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/view"
)

// A tie carries no date of its own (faultline.Tie has none): the network dates it by its
// document. A relation the sentence sets in a period over before the document ("the A-B war"
// of decades ago, "the former A-B alliance") would so count as a present one, and is left out
// here; the same holds for a place named only as the one left ("a withdrawal from B").

// pastYears is how many years before the document a year near a named relation must lie to
// set it in the past: wars and pacts last years, so a recent year may still be the present one.
const pastYears = 5

// docYear is the year of the document's date, or 0 when it has none.
func docYear(in *extract.Input) int {
	d := ""
	if in.Doc != nil {
		d = in.Doc.Date
	}
	if d == "" && in.Out != nil {
		d = in.Out.Date
	}
	if len(d) >= 4 {
		if y, err := strconv.Atoi(d[:4]); err == nil {
			return y
		}
	}
	return 0
}

// tokAt returns the index of the token covering byte b, or -1.
func tokAt(v *view.View, b int) int {
	i := sort.Search(len(v.Toks), func(k int) bool { return v.Toks[k].End > b })
	if i < len(v.Toks) && v.Toks[i].Start <= b {
		return i
	}
	return -1
}

func isDet(w string) bool {
	switch w {
	case "the", "a", "an", "its", "their", "his", "her", "this", "that":
		return true
	}
	return false
}

// yearOf reads a year from a token: "1982", "1980s", "1980-88"; 0 when it is none.
func yearOf(w string) int {
	if len(w) < 4 {
		return 0
	}
	y, err := strconv.Atoi(w[:4])
	if err != nil || y < 1000 || y > 2099 {
		return 0
	}
	if len(w) > 4 && w[4] != 's' && w[4] != '-' {
		return 0
	}
	return y
}

// placeLeft reports whether the mention starting at byte b is the object of "from" or "out
// of" right after a word for leaving (class withdraw): in "refused a withdrawal of troops
// from B" B is the place left, not an adversary of whoever refused.
func (x *Extractor) placeLeft(v *view.View, b int) bool {
	i := tokAt(v, b)
	if i < 0 {
		return false
	}
	s := v.Toks[i].Sent
	j := i - 1
	for j >= 0 && v.Toks[j].Sent == s && isDet(v.Toks[j].Lower) {
		j--
	}
	if j < 0 || v.Toks[j].Sent != s {
		return false
	}
	switch {
	case v.Toks[j].Lower == "from":
	case v.Toks[j].Lower == "of" && j > 0 && v.Toks[j-1].Lower == "out":
		j--
	default:
		return false
	}
	w := x.period["withdraw"]
	for k := j - 1; k >= 0 && k >= j-4 && v.Toks[k].Sent == s; k-- {
		if w[v.Toks[k].Lower] || w[v.Toks[k].Lemma] {
			return true
		}
	}
	return false
}

// dropPast leaves out the ties read off a hyphenated pair ("the A-B war", "the A-B pact")
// that the sentence sets in a period over before the document (see past).
func (x *Extractor) dropPast(v *view.View, year int, ts []faultline.Tie) []faultline.Tie {
	out := ts[:0]
	for _, t := range ts {
		lo, hi := t.A, t.B
		if hi.Start < lo.Start {
			lo, hi = hi, lo
		}
		if hi.Start == lo.End+1 && lo.End < len(v.Text) && v.Text[lo.End] == '-' {
			first, last := tokAt(v, lo.Start), tokAt(v, hi.End-1)
			if first >= 0 && last >= 0 && last+1 < len(v.Toks) && v.Toks[last+1].Sent == v.Toks[first].Sent &&
				x.past(v, year, first, last+1) {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// past reports whether the named relation whose first token is first and whose noun is the
// token noun ("the A-B war") is set in a period over before the document, of year year (0:
// unknown). Its signs, the first that speaks deciding:
//   - a word right before it that says it still holds ("the ongoing A-B war"): no;
//   - a word shortly after its noun that says it ended ("..., which ended"): yes; one that
//     says it goes on ("has", "is", "still", "began"): no;
//   - a word right before it that says it is over ("the former", "after the"): yes;
//   - a year at least pastYears before the document's near it, not after "since" (which says
//     the relation holds from then on): yes;
//   - "during the A-B war" governed by a verb in the simple past ("fought ... during the
//     A-B war"): yes.
func (x *Extractor) past(v *view.View, year, first, noun int) bool {
	sent := v.Sents[v.Toks[first].Sent]
	j := first - 1
	for j >= sent.First && (isDet(v.Toks[j].Lower) || yearOf(v.Toks[j].Lower) > 0) {
		j--
	}
	before := ""
	if j >= sent.First {
		before = v.Toks[j].Lower
	}
	if x.period["ongoing"][before] {
		return false
	}
	end := min(sent.Last, noun+7)
	for k := noun + 1; k < end; k++ {
		if w := v.Toks[k].Lower; x.period["ended"][w] && (w != "over" || beForm(v.Toks[k-1].Lower)) {
			return true // "over" only as "is over", not "a war over the border"
		}
	}
	for k := noun + 1; k < end; k++ {
		if x.period["continues"][v.Toks[k].Lower] {
			return false
		}
	}
	if x.period["before"][before] {
		return true
	}
	if year > 0 {
		for k := max(sent.First, first-10); k < end; k++ {
			if y := yearOf(v.Toks[k].Lower); y > 0 && y <= year-pastYears && (k == 0 || v.Toks[k-1].Lower != "since") {
				return true
			}
		}
	}
	if x.period["during"][before] {
		for k := j - 1; k >= sent.First; k-- {
			if t := v.Toks[k]; t.UPOS == "VERB" || t.UPOS == "AUX" {
				return t.XPOS == "VBD"
			}
		}
	}
	return false
}

func beForm(w string) bool {
	switch w {
	case "is", "was", "are", "were", "'s", "be", "been":
		return true
	}
	return false
}

// ofModifier reports whether mention mi only completes a noun before it through "of" or a
// place preposition and a verb follows it ("in control of A is ...", "the friends in A are
// ..."): that noun, not A, is the subject of what follows. A state body or title before "of" ("the government of A", "the
// president of A") acts for A and keeps it; so does A's own possessive ("the depth of A's ties
// with B").
func (x *Extractor) ofModifier(v *view.View, mi int, s view.Sent) bool {
	m := v.Mentions[mi]
	j := m.First - 1
	for j >= s.First && isDet(v.Toks[j].Lower) {
		j--
	}
	if j-1 < s.First {
		return false
	}
	prep := v.Toks[j].Lower
	if prep != "of" && !placePreps[prep] {
		return false
	}
	if m.Last >= s.Last || wordIs(v, m.Last, "'s") {
		return false // "the depth of A's ties with B": A still owns the ties
	}
	if nx := v.Toks[m.Last]; !copulas[nx.Lower] && nx.UPOS != "VERB" && nx.UPOS != "AUX" {
		return false // only "N of A is ...": a relative clause ("N of A, which ...") may speak of A
	}
	n := v.Toks[j-1]
	if n.Mention >= 0 || n.Lower == "" || n.Lower[0] < 'a' || n.Lower[0] > 'z' {
		return false
	}
	if v.HasPOS && n.UPOS != "NOUN" {
		return false
	}
	if prep == "of" {
		return !x.period["partitive"][n.Lower] && !x.stateBodies[n.Lower] && !x.leadTitle[n.Lower] && !x.memberTitle[n.Lower] && !x.unitNouns[n.Lower]
	}
	return true
}

// nounModifier reports whether the mention at bytes [start, end) only modifies the common
// noun after it ("the Lasko family compound", "Norland and Velika raids"), so an event the
// extractor gave it as a party is no act of, or on, the named actor. The event's own trigger
// after it ("the Norland invasion of B", trigger at trig), a state organ (organs.txt: "Norland
// troops") or a person or unit noun (class agent: "a Velika commander") within the next two
// words keeps it. Without tags it says nothing.
func (x *Extractor) nounModifier(v *view.View, start, end, trig int) bool {
	if !v.HasPOS {
		return false
	}
	i := tokAt(v, end-1)
	if i < 0 || i+1 >= len(v.Toks) || v.Toks[i].End != end || v.Toks[i+1].Sent != v.Toks[i].Sent {
		return false
	}
	j := i + 1
	if w := v.Toks[j].Lower; (w == "and" || w == "or") && j+1 < len(v.Toks) && v.Toks[j+1].Mention >= 0 {
		j = v.Mentions[v.Toks[j+1].Mention].Last // "A and C raids": both modify the noun
		if j >= len(v.Toks) || v.Toks[j].Sent != v.Toks[i].Sent {
			return false
		}
	}
	if n := v.Toks[j]; n.UPOS != "NOUN" || n.Start == trig {
		return false
	}
	for k := j; k <= j+1 && k < len(v.Toks) && v.Toks[k].Sent == v.Toks[i].Sent; k++ {
		t := v.Toks[k]
		if x.organs[t.Lower] || x.organs[t.Lemma] || x.period["agent"][t.Lower] || x.period["agent"][t.Lemma] {
			return false
		}
	}
	return true
}

// relativeSubject reports whether mention mi opens the subject of a relative clause: a
// relative pronoun right before it ("a diplomat who B officials say ..."). The title before
// the pronoun is then someone else's than B's.
func relativeSubject(v *view.View, mi int, s view.Sent) bool {
	j := v.Mentions[mi].First - 1
	for j >= s.First && isDet(v.Toks[j].Lower) && v.Toks[j].Lower != "that" {
		j--
	}
	if j < s.First {
		return false
	}
	switch v.Toks[j].Lower {
	case "who", "whom", "which", "that", "whose":
		return true
	}
	return false
}
