package event

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/nlp"
)

// input builds an extraction input for text with the given entity mentions ("Text/TYPE"),
// found by their first occurrence after the previous one.
func input(text, date string, ents ...string) *extract.Input {
	out := &faultline.Extraction{}
	pos := 0
	for _, e := range ents {
		k := strings.LastIndexByte(e, '/')
		name, typ := e[:k], e[k+1:]
		i := strings.Index(text[pos:], name)
		if i < 0 {
			panic("no " + name)
		}
		start := pos + i
		out.Entities = append(out.Entities, faultline.Entity{Span: faultline.Span{Start: start, End: start + len(name), Text: name}, Type: typ})
		pos = start + len(name)
	}
	return &extract.Input{Doc: &faultline.Document{ID: "t", Text: text, Date: date}, Out: out}
}

type want struct{ trigger, source, target, cameo, modality string }

func code(evs []faultline.Event) []want {
	var out []want
	for _, e := range evs {
		w := want{trigger: e.Trigger, cameo: e.CAMEO, modality: e.Modality}
		if e.Source != nil {
			w.source = e.Source.Text
		}
		if e.Target != nil {
			w.target = e.Target.Text
		}
		out = append(out, w)
	}
	return out
}

func TestTriggersAndArguments(t *testing.T) {
	x := New()
	x.Partial = true // argument finding, including one-argument events
	tests := []struct {
		text string
		ents []string
		want []want
	}{
		{"Rebels of the Northern Front attacked the garrison of Valdora on Monday.",
			[]string{"Northern Front/ORG", "Valdora/GPE"},
			[]want{{"attacked", "Northern Front", "Valdora", "190", "asserted"}}},
		{"The Red Brigade kidnapped twelve engineers from the Ministry of Works.",
			[]string{"Red Brigade/ORG", "Ministry of Works/ORG"},
			[]want{{"kidnapped", "Red Brigade", "Ministry of Works", "181", "asserted"}}},
		{"The Blue Militia and the Green Guard clashed in Port Amara.",
			[]string{"Blue Militia/ORG", "Green Guard/ORG", "Port Amara/GPE"},
			[]want{{"clashed", "Blue Militia", "Green Guard", "190", "asserted"}, {"clashed", "Green Guard", "Blue Militia", "190", "asserted"}}},
		{"The convoy was ambushed by the Hill Tigers near Darun.",
			[]string{"Hill Tigers/ORG", "Darun/GPE"},
			[]want{{"ambushed", "Hill Tigers", "", "190", "asserted"}}},
		{"Valdora's army was attacked by the Hill Tigers.",
			[]string{"Valdora/GPE", "Hill Tigers/ORG"},
			[]want{{"attacked", "Hill Tigers", "Valdora", "190", "asserted"}}},
		{"The government sanctioned Ostrava over the border dispute.",
			[]string{"government/ORG", "Ostrava/GPE"},
			[]want{{"sanctioned", "government", "Ostrava", "163", "asserted"}}},
		{"Norland brokered a truce between the Red Brigade and the Hill Tigers.",
			[]string{"Norland/GPE", "Red Brigade/ORG", "Hill Tigers/ORG"},
			[]want{{"brokered", "Norland", "Red Brigade", "045", "asserted"}, {"brokered", "Norland", "Hill Tigers", "045", "asserted"}, {"truce", "Red Brigade", "Hill Tigers", "0871", "asserted"}, {"truce", "Hill Tigers", "Red Brigade", "0871", "asserted"}}},
		{"The Hill Tigers launched an offensive against the Red Brigade.",
			[]string{"Hill Tigers/ORG", "Red Brigade/ORG"},
			[]want{{"offensive", "Hill Tigers", "Red Brigade", "190", "asserted"}}},
		{"Premier Lasko met Ostrava's foreign minister in Geneva.",
			[]string{"Lasko/PERSON", "Ostrava/GPE", "Geneva/GPE"},
			[]want{{"met", "Lasko", "Ostrava", "040", "asserted"}}},
		{"The Red Brigade accused the Hill Tigers of torturing prisoners.",
			[]string{"Red Brigade/ORG", "Hill Tigers/ORG"},
			[]want{{"accused", "Red Brigade", "Hill Tigers", "112", "asserted"}}},
		{"Norland's assassination of Mayor Petrov shocked the city.",
			[]string{"Norland/GPE", "Petrov/PERSON"},
			[]want{{"assassination", "Norland", "Petrov", "186", "asserted"}}},
		{"Norland signed the accord with Ostrava.",
			[]string{"Norland/GPE", "Ostrava/GPE"},
			[]want{{"signed", "Norland", "Ostrava", "057", "asserted"}}},
		{"Premier Lasko refused to meet Ostrava's envoy.",
			[]string{"Lasko/PERSON", "Ostrava/GPE"},
			[]want{{"meet", "Lasko", "Ostrava", "125", "asserted"}}},
		{"The Hill Tigers were under attack by the Red Brigade.",
			[]string{"Hill Tigers/ORG", "Red Brigade/ORG"},
			[]want{{"attack", "Red Brigade", "Hill Tigers", "190", "asserted"}}},
		{"Norland demanded that Ostrava withdraw its troops.",
			[]string{"Norland/GPE", "Ostrava/GPE"},
			[]want{{"demanded", "Norland", "Ostrava", "100", "asserted"}, {"withdraw", "Ostrava", "", "0872", "hypothetical"}}},
		{"The armed groups were quiet.", []string{}, nil},
		{"The attack came without warning.", []string{}, nil},
	}
	for _, tt := range tests {
		got := code(x.Find(input(tt.text, "2010-05-01", tt.ents...)))
		if len(got) != len(tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.text, got, tt.want)
			continue
		}
		for k := range got {
			if got[k] != tt.want[k] {
				t.Errorf("%q:\n got %+v\nwant %+v", tt.text, got[k], tt.want[k])
			}
		}
	}
}

func TestModality(t *testing.T) {
	x := New()
	tests := []struct{ text, want string }{
		{"Norland attacked Ostrava.", faultline.Asserted},
		{"Norland did not attack Ostrava.", faultline.Negated},
		{"Norland never attacked Ostrava.", faultline.Negated},
		{"Norland denied that it had attacked Ostrava.", faultline.Negated},
		{"Norland could attack Ostrava.", faultline.Hypothetical},
		{"If Norland attacks Ostrava, the war widens.", faultline.Hypothetical},
		{"Norland will attack Ostrava.", faultline.Future},
		{"Norland threatened to attack Ostrava.", faultline.Future},
		{"Norland attacked Ostrava, officials said.", faultline.Reported},
		{"Witnesses said that Norland attacked Ostrava.", faultline.Reported},
		{"Norland called for an attack on Ostrava.", faultline.Hypothetical},
	}
	for _, tt := range tests {
		var got string
		for _, e := range x.Find(input(tt.text, "", "Norland/GPE", "Ostrava/GPE")) {
			if strings.HasPrefix(e.Trigger, "attack") {
				got = e.Modality
			}
		}
		if got != tt.want {
			t.Errorf("%q: modality %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDateAndPlace(t *testing.T) {
	x := New()
	in := input("In March 2003 Norland attacked Ostrava in Velika.\nNorland attacked Ostrava again. Norland then attacked Velika.", "2004-06-01",
		"Norland/GPE", "Ostrava/GPE", "Velika/GPE", "Norland/GPE", "Ostrava/GPE", "Norland/GPE", "Velika/GPE")
	in.Out.Timexes = []faultline.Timex{{Span: faultline.Span{Start: 3, End: 13, Text: "March 2003"}, Value: "2003-03"}}
	in.Out.Timexes = append(in.Out.Timexes, faultline.Timex{Span: faultline.Span{Start: 84, End: 88, Text: "then"}, Value: ""})
	evs := x.Find(in)
	if len(evs) != 3 {
		t.Fatalf("got %+v", evs)
	}
	if evs[0].Date != "2003-03" || evs[0].DateSource != "text" || evs[0].Place == nil || evs[0].Place.Text != "Velika" {
		t.Errorf("first event: date %q (%s) place %+v", evs[0].Date, evs[0].DateSource, evs[0].Place)
	}
	if evs[1].Date != "2004-06-01" || evs[1].DateSource != "document" {
		t.Errorf("second event: date %q (%s)", evs[1].Date, evs[1].DateSource)
	}
	for _, e := range evs {
		if in.Doc.Text[e.Start:e.End] != e.Trigger || in.Doc.Text[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
			t.Errorf("offsets wrong: %+v", e)
		}
		ok := false
		for _, ty := range faultline.EventTypes {
			ok = ok || ty == e.Type
		}
		if !ok {
			t.Errorf("type %q not PLOVER", e.Type)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	x := New()
	text := strings.Repeat("The Blue Militia and the Green Guard clashed in Port Amara after Norland threatened to attack Ostrava. ", 40)
	in := input(text, "2010-01-01", "Blue Militia/ORG", "Green Guard/ORG", "Port Amara/GPE", "Norland/GPE", "Ostrava/GPE")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		x.Find(in)
	}
}

func TestDateContext(t *testing.T) {
	in := input("In May 2005 Norland attacked Ostrava. Ostrava attacked Norland.", "2006-01-01",
		"Norland/GPE", "Ostrava/GPE", "Ostrava/GPE", "Norland/GPE")
	evs := New().Find(in)
	if len(evs) != 2 || evs[1].Date != "2005-05" || evs[1].DateSource != "context" {
		t.Errorf("got %+v", evs)
	}
}

func TestPartial(t *testing.T) {
	tests := []struct {
		text string
		ents []string
		n    int
	}{
		{"The convoy was ambushed by the Hill Tigers.", []string{"Hill Tigers/ORG"}, 0}, // no target
		{"A roadside bomb killed the mayor of Darun.", []string{"Darun/GPE"}, 1},        // violence, unnamed agent
		{"The talks with Ostrava were praised.", []string{"Ostrava/GPE"}, 0},            // no source, not violence
		{"Norland praised Ostrava.", []string{"Norland/GPE", "Ostrava/GPE"}, 1},
	}
	for _, tt := range tests {
		if got := New().Find(input(tt.text, "", tt.ents...)); len(got) != tt.n {
			t.Errorf("%q: %d events, want %d: %+v", tt.text, len(got), tt.n, got)
		}
	}
}

// parsed builds an input with a hand-made dependency parse: each word is "form/UPOS/head/rel"
// (head 1-based, 0 = root), tokens separated by spaces; entities are token ranges.
func parsed(words string, ents ...[3]any) *extract.Input {
	d := &nlp.Doc{}
	var text strings.Builder
	for k, w := range strings.Fields(words) {
		f := strings.Split(w, "/")
		if k > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(f[0])
		head, _ := strconv.Atoi(f[2])
		xpos := ""
		if f[1] == "VERB" && strings.HasSuffix(f[0], "ed") {
			xpos = "VBD"
			if len(f) > 4 {
				xpos = f[4]
			}
		}
		d.Tokens = append(d.Tokens, nlp.Token{Start: start, End: text.Len(), Norm: f[0], UPOS: f[1], XPOS: xpos, Head: head - 1, Rel: f[3]})
	}
	return annotated(d, text.String(), ents)
}

// annotated finishes a hand-made doc d with text: one sentence over all tokens, and the
// entities as token ranges.
func annotated(d *nlp.Doc, text string, ents [][3]any) *extract.Input {
	d.Text = text
	d.Sentences = []nlp.Sentence{{Start: 0, End: len(d.Text), First: 0, Last: len(d.Tokens)}}
	out := &faultline.Extraction{}
	for _, e := range ents {
		f, l := e[0].(int), e[1].(int)
		st, en := d.Tokens[f].Start, d.Tokens[l-1].End
		out.Entities = append(out.Entities, faultline.Entity{Span: faultline.Span{Start: st, End: en, Text: d.Text[st:en]}, Type: e[2].(string)})
	}
	return &extract.Input{Doc: &faultline.Document{Text: d.Text}, NLP: d, Out: out}
}

// inputCase is a hand-made input and the events it must give.
type inputCase struct {
	in   *extract.Input
	want []want
}

// runInputs checks that x finds exactly the wanted events in each case's input.
func runInputs(t *testing.T, x *Extractor, tests []inputCase) {
	t.Helper()
	for _, tt := range tests {
		got := code(x.Find(tt.in))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.in.Doc.Text, got, tt.want)
		}
	}
}

func TestParsedArguments(t *testing.T) {
	x := New()
	tests := []inputCase{
		{parsed("Norland/PROPN/2/nsubj attacked/VERB/0/root Ostrava/PROPN/2/obj ./PUNCT/2/punct",
			[3]any{0, 1, "GPE"}, [3]any{2, 3, "GPE"}),
			[]want{{"attacked", "Norland", "Ostrava", "190", "asserted"}}},
		{parsed("Ostrava/PROPN/3/nsubj:pass was/AUX/3/aux:pass attacked/VERB/0/root/VBN by/ADP/5/case Norland/PROPN/3/obl:agent",
			[3]any{0, 1, "GPE"}, [3]any{4, 5, "GPE"}),
			[]want{{"attacked", "Norland", "Ostrava", "190", "asserted"}}},
		{parsed("Norland/PROPN/4/nsubj and/CCONJ/3/cc Ostrava/PROPN/1/conj clashed/VERB/0/root",
			[3]any{0, 1, "GPE"}, [3]any{2, 3, "GPE"}),
			[]want{{"clashed", "Norland", "Ostrava", "190", "asserted"}, {"clashed", "Ostrava", "Norland", "190", "asserted"}}},
		{parsed("Norland/PROPN/2/nsubj threatened/VERB/0/root to/PART/4/mark attack/VERB/2/xcomp Ostrava/PROPN/4/obj",
			[3]any{0, 1, "GPE"}, [3]any{4, 5, "GPE"}),
			[]want{{"threatened", "Norland", "Ostrava", "130", "asserted"}, {"attack", "Norland", "Ostrava", "190", "future"}}},
		{parsed("Norland/PROPN/2/nsubj launched/VERB/0/root an/DET/4/det offensive/NOUN/2/obj against/ADP/6/case Ostrava/PROPN/4/nmod",
			[3]any{0, 1, "GPE"}, [3]any{5, 6, "GPE"}),
			[]want{{"offensive", "Norland", "Ostrava", "190", "asserted"}}},
	}
	runInputs(t, x, tests)
}

// capitalised returns "Word/ORG" entity specs for the capitalised words of text, so that
// fuzzed text has mentions.
func capitalised(text string) []faultline.Entity {
	var out []faultline.Entity
	for i := 0; i < len(text); {
		if text[i] >= 'A' && text[i] <= 'Z' {
			j := i
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			out = append(out, faultline.Entity{Span: faultline.Span{Start: i, End: j, Text: text[i:j]}, Type: faultline.ORG})
			i = j
			continue
		}
		i++
	}
	return out
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Norland attacked Ostrava in March 2003.", "If Norland refused to meet Ostrava, the Hill-Tigers' offensive against Velika would resume.", "“A”, said B. C—D (E) attacked"} {
		f.Add(s, "2008-02-15")
	}
	x := New()
	x.Partial = true
	f.Fuzz(func(t *testing.T, text, date string) {
		in := &extract.Input{Doc: &faultline.Document{Text: text, Date: date}, Out: &faultline.Extraction{Entities: capitalised(text)}}
		for _, e := range x.Find(in) {
			for _, sp := range []*faultline.Span{&e.Span, e.Evidence, e.Place} {
				if sp != nil && (sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != sp.Text) {
					t.Fatalf("bad span %+v", sp)
				}
			}
			ok := false
			for _, ty := range faultline.EventTypes {
				ok = ok || ty == e.Type
			}
			if !ok {
				t.Fatalf("type %q", e.Type)
			}
		}
	})
}

// tagged builds an input with POS tags and no parse: each word is "form/UPOS/XPOS", tokens
// separated by spaces; entities are token ranges.
func tagged(words string, ents ...[3]any) *extract.Input {
	d := &nlp.Doc{}
	var text strings.Builder
	for k, w := range strings.Fields(words) {
		f := strings.Split(w, "/")
		if k > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(f[0])
		d.Tokens = append(d.Tokens, nlp.Token{Start: start, End: text.Len(), Norm: f[0], UPOS: f[1], XPOS: f[2], Head: -1})
	}
	return annotated(d, text.String(), ents)
}

// TestArgumentRules covers the argument rules of the default extractor (events need both
// arguments, or a verbal act of violence its target).
func TestArgumentRules(t *testing.T) {
	x := New()
	tests := []inputCase{
		// A hostile act is not aimed at the source's own group: the target is elsewhere.
		{input("Lasko threatened to lift the ban on his Hill Tigers if the raids went on.", "", "Lasko/PERSON", "Hill Tigers/ORG"),
			[]want{{"lift", "Lasko", "Hill Tigers", "085", "future"}}},
		{input("Lasko threatened Petrov's Hill Tigers.", "", "Lasko/PERSON", "Petrov/PERSON", "Hill Tigers/ORG"),
			[]want{{"threatened", "Lasko", "Petrov", "130", "asserted"}}},
		{input("The Red Brigade threatened Lasko and his Hill Tigers.", "", "Red Brigade/ORG", "Lasko/PERSON", "Hill Tigers/ORG"),
			[]want{{"threatened", "Red Brigade", "Lasko", "130", "asserted"}}},
		// An indirect object between the light verb and the noun is the target.
		{input("Premier Lasko paid Ostrava an official visit.", "", "Lasko/PERSON", "Ostrava/GPE"),
			[]want{{"visit", "Lasko", "Ostrava", "042", "asserted"}}},
		// A chain of phrases after the noun: by the agent, to the target.
		{input("The visit by Lasko to Ostrava ended well.", "", "Lasko/PERSON", "Ostrava/GPE"),
			[]want{{"visit", "Lasko", "Ostrava", "042", "asserted"}}},
		{input("Lasko plans to make the first visit by a Norland leader to Velika.", "", "Lasko/PERSON", "Velika/GPE"),
			[]want{{"visit", "Lasko", "Velika", "042", "future"}}},
		{input("It followed a pledge by Lasko to Petrov.", "", "Lasko/PERSON", "Petrov/PERSON"),
			[]want{{"pledge", "Lasko", "Petrov", "030", "asserted"}}},
		{input("Norland's incursion into northern Ostrava angered many.", "", "Norland/GPE", "Ostrava/GPE"),
			[]want{{"incursion", "Norland", "Ostrava", "190", "asserted"}}},
		// "campaign" is violence only against someone.
		{input("The Hill Tigers waged a campaign against the Red Brigade.", "", "Hill Tigers/ORG", "Red Brigade/ORG"),
			[]want{{"campaign", "Hill Tigers", "Red Brigade", "190", "asserted"}}},
		{input("The Hill Tigers began an election campaign with the Red Brigade.", "", "Hill Tigers/ORG", "Red Brigade/ORG"), nil},
		// Seizing people is detaining them; seizing a town is occupying it.
		{input("The Red Brigade seized Mayor Petrov.", "", "Red Brigade/ORG", "Petrov/PERSON"),
			[]want{{"seized", "Red Brigade", "Petrov", "173", "asserted"}}},
		{input("The Red Brigade seized Velika.", "", "Red Brigade/ORG", "Velika/GPE"),
			[]want{{"seized", "Red Brigade", "Velika", "192", "asserted"}}},
		// The by-agent of a participle modifying the subject noun.
		{input("Units controlled by the Red Brigade attacked Velika.", "", "Red Brigade/ORG", "Velika/GPE"),
			[]want{{"attacked", "Red Brigade", "Velika", "190", "asserted"}}},
		// "each other": both directions.
		{input("Norland and Ostrava fired mortars at each other.", "", "Norland/GPE", "Ostrava/GPE"),
			[]want{{"fired mortars at", "Norland", "Ostrava", "194", "asserted"}, {"fired mortars at", "Ostrava", "Norland", "194", "asserted"}}},
		// A nominal event without its source is not kept; a verbal act of violence is.
		{input("The occupation of Ostrava went on.", "", "Ostrava/GPE"), nil},
		{input("The attacks on the Red Brigade are on the increase.", "", "Red Brigade/ORG"), nil},
		{input("Mayor Petrov was killed.", "", "Petrov/PERSON"),
			[]want{{"killed", "", "Petrov", "1823", "asserted"}}},
		// Violence without a named source: passive, a weapon or an unnamed perpetrator;
		// not an active verb whose subject is no actor.
		{input("A roadside bomb killed Mayor Petrov.", "", "Petrov/PERSON"),
			[]want{{"killed", "", "Petrov", "1823", "asserted"}}},
		{input("Masked gunmen abducted Mayor Petrov.", "", "Petrov/PERSON"),
			[]want{{"abducted", "", "Petrov", "181", "asserted"}}},
		{input("The tribes pledged to fight the Red Brigade.", "", "Red Brigade/ORG"), nil},
		// A dateline is no argument.
		{input("VELIKA, Ostrava — The Red Brigade attacked the town hall.", "", "VELIKA/GPE", "Ostrava/GPE", "Red Brigade/ORG"), nil},
		// "between" introduces targets of a mediator only.
		{input("Norland opposed the accord between Ostrava and Velika.", "", "Norland/GPE", "Ostrava/GPE", "Velika/GPE"),
			[]want{{"accord", "Ostrava", "Velika", "057", "asserted"}, {"accord", "Velika", "Ostrava", "057", "asserted"}}},
		// A coordinated verb shares the subject of the first.
		{tagged("Norland/PROPN/NNP attacked/VERB/VBD Ostrava/PROPN/NNP and/CCONJ/CC kidnapped/VERB/VBD Petrov/PROPN/NNP",
			[3]any{0, 1, "GPE"}, [3]any{2, 3, "GPE"}, [3]any{5, 6, "PERSON"}),
			[]want{{"attacked", "Norland", "Ostrava", "190", "asserted"}, {"kidnapped", "Norland", "Petrov", "181", "asserted"}}},
		// A participle set off by a comma after a noun modifies it.
		{tagged("The/DET/DT report/NOUN/NN ,/PUNCT/, released/VERB/VBN last/ADJ/JJ year/NOUN/NN ,/PUNCT/, eased/VERB/VBD pressure/NOUN/NN on/ADP/IN Ostrava/PROPN/NNP",
			[3]any{9, 10, "GPE"}), nil},
		{tagged("The/DET/DT report/NOUN/NN ,/PUNCT/, released/VERB/VBD last/ADJ/JJ year/NOUN/NN ,/PUNCT/, eased/VERB/VBD pressure/NOUN/NN on/ADP/IN Ostrava/PROPN/NNP",
			[3]any{9, 10, "GPE"}), nil},
		// A retreat ordered: the one who orders it towards the forces ordered.
		{input("Lasko ordered the Red Brigade to stand down.", "", "Lasko/PERSON", "Red Brigade/ORG"),
			[]want{{"stand down", "Lasko", "Red Brigade", "0873", "asserted"}}},
		// A possessor after a preposition that does not take an object is the agent.
		{input("Protests followed during Lasko's visit to Ostrava.", "", "Lasko/PERSON", "Ostrava/GPE"),
			[]want{{"visit", "Lasko", "Ostrava", "042", "asserted"}}},
		// A mediator in the passive: the parties of the agreement are its targets.
		{input("Norland and Ostrava signed an accord, one that was brokered by Velika.", "", "Norland/GPE", "Ostrava/GPE", "Velika/GPE"),
			[]want{{"signed", "Norland", "Ostrava", "057", "asserted"}, {"signed", "Ostrava", "Norland", "057", "asserted"},
				{"brokered", "Velika", "Norland", "045", "asserted"}, {"brokered", "Velika", "Ostrava", "045", "asserted"}}},
		// The owner of what is sanctioned is the target; the one called on by a demand too.
		{tagged("Norland/PROPN/NNP announced/VERB/VBD sanctions/NOUN/NNS against/ADP/IN several/ADJ/JJ Ostravan/ADJ/JJ banks/NOUN/NNS",
			[3]any{0, 1, "GPE"}, [3]any{5, 6, "NORP"}),
			[]want{{"sanctions", "Norland", "Ostravan", "163", "asserted"}}},
		{input("Lasko's call for the Red Brigade to leave was heard.", "", "Lasko/PERSON", "Red Brigade/ORG"),
			[]want{{"call for", "Lasko", "Red Brigade", "100", "asserted"}}},
		// An event noun, not the actor modifying it, is the subject.
		{tagged("The/DET/DT Norland/PROPN/NNP occupation/NOUN/NN has/AUX/VBZ helped/VERB/VBN Ostrava/PROPN/NNP",
			[3]any{1, 2, "GPE"}, [3]any{5, 6, "GPE"}), nil},
		{tagged("The/DET/DT Norland/PROPN/NNP army/NOUN/NN division/NOUN/NN arrested/VERB/VBD Petrov/PROPN/NNP",
			[3]any{1, 2, "GPE"}, [3]any{5, 6, "PERSON"}),
			[]want{{"arrested", "Norland", "Petrov", "173", "asserted"}}},
		// "receive" is hosting a person only.
		{tagged("Lasko/PROPN/NNP visited/VERB/VBD Ostrava/PROPN/NNP and/CCONJ/CC recently/ADV/RB received/VERB/VBD President/PROPN/NNP Petrov/PROPN/NNP",
			[3]any{0, 1, "PERSON"}, [3]any{2, 3, "GPE"}, [3]any{7, 8, "PERSON"}),
			[]want{{"visited", "Lasko", "Ostrava", "042", "asserted"}, {"received", "Lasko", "Petrov", "043", "asserted"}}},
		{tagged("Ostrava/PROPN/NNP received/VERB/VBD support/NOUN/NN from/ADP/IN Norland/PROPN/NNP",
			[3]any{0, 1, "GPE"}, [3]any{4, 5, "GPE"}), nil},
		// A mention inside a "for" phrase is no target.
		{input("Norland competed for control of Ostrava's ports.", "", "Norland/GPE", "Ostrava/GPE"), nil},
		// The warned is the subject of the clause after "that".
		// (a warning with no one warned is a threat of its own, CAMEO 13, with no target)
		{input("Lasko warned that his men would resist any attack on Ostrava.", "", "Lasko/PERSON", "Ostrava/GPE"),
			[]want{{"warned", "Lasko", "", "130", "asserted"}}},
		// "accused B of V-ing C": B is the agent of V-ing.
		{tagged("Norland/PROPN/NNP accused/VERB/VBD the/DET/DT Red/PROPN/NNP Brigade/PROPN/NNP of/ADP/IN arming/VERB/VBG Velika/PROPN/NNP",
			[3]any{0, 1, "GPE"}, [3]any{3, 5, "ORG"}, [3]any{7, 8, "GPE"}),
			[]want{{"accused", "Norland", "Red Brigade", "112", "asserted"}, {"arming", "Red Brigade", "Velika", "072", "reported"}}},
		{input("It was the envoy whom Norland accuses of arming Velika.", "", "Norland/GPE", "Velika/GPE"), nil},
		{tagged("Ostrava/PROPN/NNP accused/VERB/VBD Norland/PROPN/NNP 's/PART/POS Tiger/PROPN/NNP Brigade/PROPN/NNP of/ADP/IN arming/VERB/VBG and/CCONJ/CC training/VERB/VBG Velika/PROPN/NNP",
			[3]any{0, 1, "GPE"}, [3]any{2, 3, "GPE"}, [3]any{4, 6, "ORG"}, [3]any{10, 11, "GPE"}),
			[]want{{"accused", "Ostrava", "Norland", "112", "asserted"}, {"arming", "Tiger Brigade", "Velika", "072", "reported"}, {"training", "Tiger Brigade", "Velika", "062", "reported"}}},
		// A pronoun subject that is no mention hides the agent.
		{input("Norland sent troops to Velika, and he warned Ostrava.", "", "Norland/GPE", "Velika/GPE", "Ostrava/GPE"), nil},
		{input("Lasko, who heads the Red Brigade, said he urged Ostrava to leave.", "", "Lasko/PERSON", "Red Brigade/ORG", "Ostrava/GPE"),
			[]want{{"urged", "Lasko", "Ostrava", "100", "reported"}}},
		{tagged("The/DET/DT Red/PROPN/NNP Brigade/PROPN/NNP has/AUX/VBZ held/VERB/VBN Velika/PROPN/NNP since/SCONJ/IN they/PRON/PRP invaded/VERB/VBD Ostrava/PROPN/NNP",
			[3]any{1, 3, "ORG"}, [3]any{5, 6, "GPE"}, [3]any{9, 10, "GPE"}),
			[]want{{"invaded", "Red Brigade", "Ostrava", "192", "asserted"}}},
		{input("Lasko said he would attack Ostrava.", "", "Lasko/PERSON", "Ostrava/GPE"),
			[]want{{"attack", "Lasko", "Ostrava", "190", "hypothetical"}}},
		// A list of objects goes on, a second verb does not.
		{tagged("Lasko/PROPN/NNP welcomed/VERB/VBD the/DET/DT settlement/NOUN/NN and/CCONJ/CC offered/VERB/VBD an/DET/DT amnesty/NOUN/NN to/ADP/IN Petrov/PROPN/NNP",
			[3]any{0, 1, "PERSON"}, [3]any{9, 10, "PERSON"}),
			[]want{{"offered", "Lasko", "Petrov", "030", "asserted"}}},
		{tagged("Norland/PROPN/NNP offered/VERB/VBD to/PART/TO train/VERB/VB and/CCONJ/CC equip/VERB/VB Ostrava/PROPN/NNP 's/PART/POS army/NOUN/NN",
			[3]any{0, 1, "GPE"}, [3]any{6, 9, "ORG"}),
			[]want{{"offered", "Norland", "Ostrava 's army", "030", "asserted"}, {"train", "Norland", "Ostrava 's army", "062", "asserted"}, {"equip", "Norland", "Ostrava 's army", "062", "asserted"}}},
		// A name ending in a noun for a group's people is a whole phrase.
		{tagged("Norland/PROPN/NNP fought/VERB/VBD Red/PROPN/NNP Brigade/PROPN/NNP militiamen/PROPN/NNP street/NOUN/NN by/ADP/IN street/NOUN/NN",
			[3]any{0, 1, "GPE"}, [3]any{2, 5, "ORG"}),
			[]want{{"fought", "Norland", "Red Brigade militiamen", "190", "asserted"}}},
		// The head of an "of" chain is the patient.
		{input("Two leaders of the Tiger Brigade of Norland's Guard were seized by the Red Brigade.", "", "Tiger Brigade/ORG", "Norland/GPE", "Guard/ORG", "Red Brigade/ORG"),
			[]want{{"seized", "Red Brigade", "Tiger Brigade", "173", "asserted"}}},
		// A participle after a comma shares the main clause's subject.
		{tagged("Norland/PROPN/NNP warned/VERB/VBD Ostrava/PROPN/NNP ,/PUNCT/, accusing/VERB/VBG Velika/PROPN/NNP of/ADP/IN lies/NOUN/NNS",
			[3]any{0, 1, "GPE"}, [3]any{2, 3, "GPE"}, [3]any{5, 6, "GPE"}),
			[]want{{"warned", "Norland", "Ostrava", "130", "asserted"}, {"accusing", "Norland", "Velika", "112", "asserted"}}},
		// A group's name before a noun for its people stands for the group; before another
		// noun it is a modifier.
		{tagged("Norland/PROPN/NNP arrested/VERB/VBD a/DET/DT Red/PROPN/NNP Brigade/PROPN/NNP commander/NOUN/NN",
			[3]any{0, 1, "GPE"}, [3]any{3, 5, "ORG"}),
			[]want{{"arrested", "Norland", "Red Brigade", "173", "asserted"}}},
		{tagged("Norland/PROPN/NNP arrested/VERB/VBD the/DET/DT Red/PROPN/NNP Brigade/PROPN/NNP treasurer/NOUN/NN",
			[3]any{0, 1, "GPE"}, [3]any{3, 5, "ORG"}), nil},
		// A one-word group name before another noun modifies it ("police stations").
		{tagged("Norland/PROPN/NNP abandoned/VERB/VBD the/DET/DT police/NOUN/NN stations/NOUN/NNS to/ADP/IN the/DET/DT Red/PROPN/NNP Brigade/PROPN/NNP",
			[3]any{0, 1, "GPE"}, [3]any{3, 4, "ORG"}, [3]any{7, 9, "ORG"}),
			[]want{{"abandoned", "Norland", "Red Brigade", "0874", "asserted"}}},
		// An adjectival participle.
		{tagged("Norland/PROPN/NNP used/VERB/VBD precisely/ADV/RB targeted/VERB/VBN mortars/NOUN/NNS against/ADP/IN Ostrava/PROPN/NNP",
			[3]any{0, 1, "GPE"}, [3]any{6, 7, "GPE"}), nil},
		// Only hand-curated verbs are read as nouns when the tagger says noun.
		{tagged("Norland/PROPN/NNP lavished/VERB/VBD praise/NOUN/NN on/ADP/IN Ostrava/PROPN/NNP",
			[3]any{0, 1, "GPE"}, [3]any{4, 5, "GPE"}),
			[]want{{"praise", "Norland", "Ostrava", "051", "asserted"}}},
		{tagged("Norland/PROPN/NNP shared/VERB/VBD Ostrava/PROPN/NNP 's/PART/POS aim/NOUN/NN of/ADP/IN Velika/PROPN/NNP",
			[3]any{0, 1, "GPE"}, [3]any{2, 3, "GPE"}, [3]any{6, 7, "GPE"}), nil},
		// The agent of a nominal may modify a noun.
		{tagged("The/DET/DT Hill/PROPN/NNP Tigers/PROPN/NNPS were/AUX/VBD under/ADP/IN heavy/ADJ/JJ attack/NOUN/NN by/ADP/IN a/DET/DT Norland/PROPN/NNP offensive/NOUN/NN",
			[3]any{1, 3, "ORG"}, [3]any{9, 10, "GPE"}),
			[]want{{"attack", "Norland", "Hill Tigers", "190", "asserted"}}},
		// An opening adjunct without a subject takes the main clause's ("To punish B, A
		// imposed"), and a word after "and" + a base verb is a verb whatever its tag.
		{tagged("To/PART/TO isolate/VERB/VB and/CCONJ/CC sanction/NOUN/NN Ostrava/PROPN/NNP ,/PUNCT/, the/DET/DT Norland/PROPN/NNP cabinet/NOUN/NN announced/VERB/VBD measures/NOUN/NNS",
			[3]any{4, 5, "GPE"}, [3]any{7, 9, "ORG"}),
			[]want{{"sanction", "Norland cabinet", "Ostrava", "163", "asserted"}}},
		// but not when the adjunct has a subject of its own
		{tagged("After/SCONJ/IN Velika/PROPN/NNP sanctioned/VERB/VBD Ostrava/PROPN/NNP ,/PUNCT/, the/DET/DT Norland/PROPN/NNP cabinet/NOUN/NN protested/VERB/VBD",
			[3]any{1, 2, "GPE"}, [3]any{3, 4, "GPE"}, [3]any{6, 8, "ORG"}),
			[]want{{"sanctioned", "Velika", "Ostrava", "163", "asserted"}}},
		// A noun that is the object of a coded verb with the same target is no event of
		// its own; a later noun with its own verb is.
		{input("Norland eased its pressure on Ostrava.", "", "Norland/GPE", "Ostrava/GPE"),
			[]want{{"eased", "Norland", "Ostrava", "081", "asserted"}}},
		{input("Norland signed a deal and then launched an attack on Ostrava.", "", "Norland/GPE", "Ostrava/GPE"),
			[]want{{"signed", "Norland", "Ostrava", "057", "asserted"}, {"attack", "Norland", "Ostrava", "190", "asserted"}}},
		// A place after a bearing ("south of B") locates the act, it is no target.
		{input("Norland attacked villages south of Ostrava.", "", "Norland/GPE", "Ostrava/GPE"),
			nil},
		{input("Norland attacked the outskirts of Ostrava.", "", "Norland/GPE", "Ostrava/GPE"),
			[]want{{"attacked", "Norland", "Ostrava", "190", "asserted"}}},
		// A unilateral act needs no target; a nominal one only when it is declared.
		{input("Within a week, Lasko declared a unilateral two-month cease-fire.", "", "Lasko/PERSON"),
			[]want{{"cease-fire", "Lasko", "", "0871", "asserted"}}},
		// (the modifier of the noun is its source, as in "the Norland invasion")
		{input("Lasko announced the Norland troop surge in May.", "", "Lasko/PERSON", "Norland/GPE"),
			[]want{{"surge", "Norland", "", "154", "asserted"}}},
		{input("Velika deployed two brigades last week.", "", "Velika/GPE"),
			[]want{{"deployed", "Velika", "", "154", "asserted"}}},
		{input("Lasko's fighters observed the cease-fire for months.", "", "Lasko/PERSON"),
			nil},
		// told twice, one act
		{input("Lasko declared a cease-fire. Nobody knows why Lasko declared the cease-fire.", "", "Lasko/PERSON", "Lasko/PERSON"),
			[]want{{"cease-fire", "Lasko", "", "0871", "asserted"}}},
		{input("Lasko and Tobar read the surge the same way.", "", "Lasko/PERSON", "Tobar/PERSON"),
			nil},
	}
	runInputs(t, x, tests)
}

// TestDateParagraph: an event without a timex takes the last date its paragraph gave, not one
// from an earlier paragraph.
func TestDateParagraph(t *testing.T) {
	text := "In May 2005 the rains came. The roads flooded. Ostrava attacked Norland.\nIn June 2005 it was dry.\n\nNorland attacked Ostrava."
	in := input(text, "2006-01-01", "Ostrava/GPE", "Norland/GPE", "Norland/GPE", "Ostrava/GPE")
	in.Out.Timexes = []faultline.Timex{
		{Span: faultline.Span{Start: 3, End: 11, Text: "May 2005"}, Value: "2005-05"},
		{Span: faultline.Span{Start: 76, End: 85, Text: "June 2005"}, Value: "2005-06"},
	}
	evs := New().Find(in)
	if len(evs) != 2 {
		t.Fatalf("got %+v", evs)
	}
	if evs[0].Date != "2005-05" || evs[0].DateSource != "context" {
		t.Errorf("first: %q %s", evs[0].Date, evs[0].DateSource)
	}
	if evs[1].Date != "2006-01-01" || evs[1].DateSource != "document" {
		t.Errorf("second: %q %s", evs[1].Date, evs[1].DateSource)
	}
}
