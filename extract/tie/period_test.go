package tie

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/pos"
	"github.com/faultline/faultline/nlp/tokenize"
)

// TestPastPeriod: a relation named by a hyphenated pair ("the A-B war") that the sentence
// sets in a period over before the document is no present tie; a present one stays.
func TestPastPeriod(t *testing.T) {
	tg, err := pos.Load()
	if err != nil {
		t.Fatalf("pos model: %v", err)
	}
	x := New()
	const war = "Norland rival_of Velika -1 asserted"
	for _, tt := range []struct {
		text, date, want string
	}{
		// past: a year well before the document near the war, "after", "former", "ended",
		// a simple-past verb governing "during".
		{"Founded in 1983 at the start of the Norland-Velika war, the Dawn Movement grew.", "2008-02-01", ""},
		{"After the Norland-Velika war, the Dawn Movement grew.", "2008-02-01", ""},
		{"The former Norland-Velika alliance left many bitter.", "2008-02-01", ""},
		{"Many officers, who fought in the south during the Norland-Velika war, distrust the council.", "2008-02-01", ""},
		{"The Norland-Velika war, which ended a generation ago, still shapes the region.", "2008-02-01", ""},
		// present: no sign of a past period, an "ongoing" word, a war that "has" gone on,
		// a year after "since", a year with no document date.
		{"The Norland-Velika war is spreading to the coast.", "2008-02-01", war},
		{"The ongoing Norland-Velika war, which began in 1999, displaced thousands.", "2008-02-01", war},
		{"The Norland-Velika war has killed 3,000 people since it began in 2004.", "2008-02-01", war},
		{"The Norland-Velika war, raging since 2005, displaced thousands.", "2008-02-01", war},
		{"Founded in 1983 at the start of the Norland-Velika war, the Dawn Movement grew.", "", war},
		{"Founded in 2005 at the start of the Norland-Velika war, the Dawn Movement grew.", "2008-02-01", war},
		{"The Norland-Velika war over the border region displaced thousands.", "2008-02-01", war},
		{"Officers say they are losing ground during the Norland-Velika war.", "2008-02-01", war},
	} {
		in := input(tt.text, "Norland/GPE", "Velika/GPE")
		in.Doc.Date = tt.date
		d := &nlp.Doc{Text: tt.text}
		tokenize.New().Annotate(d)
		tg.Annotate(d)
		in.NLP = d
		var got []string
		for _, s := range render(x.Find(in)) {
			if strings.HasPrefix(s, "Norland ") && strings.Contains(s, " Velika ") {
				got = append(got, s)
			}
		}
		want := tt.want
		if strings.Contains(tt.text, "alliance") && want != "" {
			want = "Norland allied_with Velika 1 asserted"
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("%q (%s): got %q, want %q", tt.text, tt.date, g, want)
		}
	}
}

// TestPlaceLeft: an event whose target is only the place left ("a withdrawal from B") states
// no hostility towards it; a demand that an enemy withdraw still does.
func TestPlaceLeft(t *testing.T) {
	x := New()
	for _, tt := range []struct {
		text, target, cameo, want string
	}{
		{"Norland refused to consider a withdrawal from Velika.", "Velika", "125", ""},
		{"Norland refused a withdrawal of its troops from Velika.", "Velika", "125", ""},
		{"Norland will not pull its brigades out of Velika.", "Velika", "125", ""},
		{"Norland demanded that Velika withdraw its troops from the border.", "Velika", "106", "Norland opposes Velika -1 asserted"},
		{"Norland rejected a ceasefire from Velika.", "Velika", "125", "Norland opposes Velika -1 asserted"},
		{"Norland fired rockets from Ostrava at Velika.", "Velika", "190", "Norland opposes Velika -1 asserted"},
	} {
		in := input(tt.text, "Norland/GPE", tt.target+"/GPE")
		d := &nlp.Doc{Text: tt.text}
		tokenize.New().Annotate(d)
		in.NLP = d
		e := in.Out.Entities
		in.Out.Events = []faultline.Event{{CAMEO: tt.cameo, Modality: faultline.Asserted,
			Source: &faultline.Ref{Span: e[0].Span}, Target: &faultline.Ref{Span: e[1].Span}}}
		var got []string
		for _, s := range render(x.Find(in)) {
			if strings.HasPrefix(s, "Norland opposes") {
				got = append(got, s)
			}
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

// TestOfModifier: a place that only completes a noun with "of" ("whoever is in control of
// A") is not the subject of the tie that follows; a state body, or A's own possessive, is.
func TestOfModifier(t *testing.T) {
	x := New()
	for _, tt := range []struct {
		text, want string
	}{
		{"Whoever is in control of Norland is beholden to Velika.", ""},
		{"The government of Norland is beholden to Velika.", "Norland loyal_to Velika 1 asserted"},
		{"Norland is beholden to Velika.", "Norland loyal_to Velika 1 asserted"},
		{"Most of Norland is beholden to Velika.", "Norland loyal_to Velika 1 asserted"},
		{"The main body of the Norland, which is loyal to Velika, held.", "Norland loyal_to Velika 1 asserted"},
	} {
		in := input(tt.text, "Norland/GPE", "Velika/GPE")
		got := strings.Join(render(x.Find(in)), "|")
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
	// The subject of "the friends in A are allies of B" is the friends, whatever A is.
	text := "The friends in the Dawn Movement are also allies of Velika."
	if got := render(x.Find(input(text, "Dawn Movement/ORG", "Velika/GPE"))); len(got) != 0 {
		t.Errorf("%q: got %q, want none", text, got)
	}
}

// TestNounModifier: an event party that only modifies a common noun ("the Lasko family
// compound") states no tie; the event's own noun, a state organ or a person or unit noun
// after the name keeps it.
func TestNounModifier(t *testing.T) {
	tg, err := pos.Load()
	if err != nil {
		t.Fatalf("pos model: %v", err)
	}
	x := New()
	for _, tt := range []struct {
		text, src, trig, want string
	}{
		{"Norland troops raiding the Lasko family compound arrested two Velikans.", "Lasko", "arrested", ""},
		{"Norland troops raiding the compound arrested two Velikans.", "Norland", "arrested", "Norland opposes Velikans -1 asserted"},
		{"The Norland invasion of Velikans began in May.", "Norland", "invasion", "Norland opposes Velikans -1 asserted"},
		{"Norland commanders arrested two Velikans.", "Norland", "arrested", "Norland opposes Velikans -1 asserted"},
	} {
		in := input(tt.text, tt.src+"/GPE", "Velikans/NORP")
		d := &nlp.Doc{Text: tt.text}
		tokenize.New().Annotate(d)
		tg.Annotate(d)
		in.NLP = d
		e := in.Out.Entities
		ts := strings.Index(tt.text, tt.trig)
		in.Out.Events = []faultline.Event{{Span: faultline.Span{Start: ts, End: ts + len(tt.trig)}, CAMEO: "173", Modality: faultline.Asserted,
			Source: &faultline.Ref{Span: e[0].Span}, Target: &faultline.Ref{Span: e[1].Span}}}
		var got []string
		for _, s := range render(x.Find(in)) {
			if strings.Contains(s, " opposes Velikans") {
				got = append(got, s)
			}
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

// TestRelativeSubject: the name opening a relative clause after a title is not whose the
// title is; a plain "A, a B diplomat" still is.
func TestRelativeSubject(t *testing.T) {
	x := New()
	for _, tt := range []struct {
		text, want string
	}{
		{"Ivo Lasko, a career diplomat who Norland officials say has ties to the guard, spoke.", ""},
		{"Ivo Lasko, a veteran Norland diplomat, spoke.", "Ivo Lasko member_of Norland 1 asserted"},
	} {
		in := input(tt.text, "Ivo Lasko/PERSON", "Norland/GPE")
		if got := strings.Join(render(x.Find(in)), "|"); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
