package eval

import (
	"github.com/faultline/faultline/internal/sharedtest"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

// A small invented gold over two invented documents (not the project's seed gold).
const synthText1 = `Colonel Amar Dost said: "We will hold the bridge." The Red Hand militia attacked the Northern Front near Kessa. Dost's men lost 12 fighters.`
const synthText2 = `The Northern Front and the Kessa Council signed a truce on 3 May 2031. "It is a pause, not peace," said Lina Varo of the Kessa Council.`

const synthGold = `{
 "actors": [
  {"id": "amar_dost", "type": "PERSON", "canonical": "Amar Dost", "aliases": ["Colonel Amar Dost", "Dost"], "docs": ["d1"]},
  {"id": "red_hand", "type": "ORG", "canonical": "Red Hand", "aliases": ["Red Hand militia"], "docs": ["d1"]},
  {"id": "northern_front", "type": "ORG", "canonical": "Northern Front", "aliases": ["Northern Front"], "docs": ["d1", "d2"]},
  {"id": "kessa_council", "type": "ORG", "canonical": "Kessa Council", "aliases": ["Kessa Council"], "docs": ["d2"]},
  {"id": "lina_varo", "type": "PERSON", "canonical": "Lina Varo", "aliases": ["Lina Varo"], "docs": ["d2"]}
 ],
 "ties": [
  {"a": "red_hand", "b": "northern_front", "type": "opposes", "sign": -1, "doc": "d1", "evidence": "x"},
  {"a": "northern_front", "b": "kessa_council", "type": "negotiates_with", "sign": 1, "doc": "d2", "evidence": "x"},
  {"a": "lina_varo", "b": "kessa_council", "type": "member_of", "sign": 1, "doc": "d2", "evidence": "x"}
 ],
 "events": [
  {"id": "E1", "doc": "d1", "source": "red_hand", "target": "northern_front", "type": "ASSAULT", "cameo": "180", "date": null, "evidence": "x"},
  {"id": "E2", "doc": "d2", "source": "northern_front", "target": "kessa_council", "type": "AGREE", "cameo": "057", "date": "2031-05", "evidence": "x"},
  {"id": "E3", "doc": "d2", "source": null, "alt_source": ["kessa_council"], "target": "northern_front", "type": "ELECTION", "cameo": null, "date": null, "evidence": "x"}
 ],
 "quotes": [
  {"doc": "d1", "speaker": "amar_dost", "quote_start": "We will hold the bridge.", "text": "We will hold the bridge."},
  {"doc": "d2", "speaker": "lina_varo", "quote_start": "It is a pause, not peace,", "text": "It is a pause, not peace,"}
 ],
 "figures": [
  {"doc": "d1", "text": "12 fighters", "value": 12, "unit": "people"}
 ],
 "paradoxes": [
  {"actors": ["red_hand", "northern_front", "kessa_council"], "evidence_doc": "d2", "kind": "unbalanced_triad"}
 ]
}`

func synth(t *testing.T) (*Gold, map[string]string) {
	t.Helper()
	g, err := ReadGold(strings.NewReader(synthGold))
	if err != nil {
		t.Fatal(err)
	}
	return g, map[string]string{"d1_aa.txt": synthText1, "d2_bb.txt": synthText2}
}

// mention returns the evidence of the first occurrence of s in text.
func mention(doc, text, s string) faultline.Evidence {
	i := strings.Index(text, s)
	if i < 0 {
		panic("no " + s)
	}
	return faultline.Evidence{Doc: doc, Start: i, End: i + len(s)}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestDocKey(t *testing.T) {
	for in, want := range map[string]string{
		"000": "000", "000_7ffe35af48bd8ea1.txt": "000", "/x/y/001_d7.txt": "001",
		"seeds/002.txt": "002", "doc-abc": "doc-abc", "a_b_c": "a",
	} {
		if got := DocKey(in); got != want {
			t.Errorf("DocKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScoreSynthetic(t *testing.T) {
	g, texts := synth(t)
	d1, d2 := "d1_aa.txt", "d2_bb.txt"
	m := &faultline.Model{
		Documents: []faultline.DocumentRef{{ID: d1}, {ID: d2}},
		Actors: []faultline.Actor{
			// Dost found by alias and by mention text; the colonel's full name split off.
			{ID: "dost", Type: "PERSON", Aliases: []string{"Dost"}, Mentions: []faultline.Evidence{mention(d1, synthText1, "Dost's")}},
			{ID: "col", Type: "PERSON", Aliases: []string{"Colonel Amar Dost"}, Mentions: []faultline.Evidence{mention(d1, synthText1, "Colonel Amar Dost")}},
			// The militia is mistyped as a person: its alias counts, the actor does not.
			{ID: "rh", Type: "PERSON", Aliases: []string{"Red Hand militia"}, Mentions: []faultline.Evidence{mention(d1, synthText1, "Red Hand militia")}},
			// Northern Front and Kessa Council wrongly merged.
			{ID: "nf", Type: "ORG", Aliases: []string{"Northern Front", "Kessa Council"}, Mentions: []faultline.Evidence{
				mention(d1, synthText1, "Northern Front"), mention(d2, synthText2, "Northern Front"), mention(d2, synthText2, "Kessa Council")}},
			// A spurious actor.
			{ID: "bridge", Type: "FAC", Aliases: []string{"bridge"}, Mentions: []faultline.Evidence{mention(d1, synthText1, "bridge")}},
			// Lina Varo is not found at all.
		},
		Ties: []faultline.ModelTie{
			{A: "nf", B: "rh", Type: "rival_of", Sign: -1, Evidence: []faultline.Evidence{{Doc: d1}}},       // reversed but symmetric type: match
			{A: "nf", B: "nf", Type: "negotiates_with", Sign: 1, Evidence: []faultline.Evidence{{Doc: d2}}}, // merged actors: match
			{A: "rh", B: "nf", Type: "opposes", Sign: 1, Evidence: []faultline.Evidence{{Doc: d1}}},         // wrong sign
		},
		Events: []faultline.ModelEvent{
			{Doc: d1, Source: "rh", Target: "nf", CAMEO: "190", Date: ""},                 // wrong root
			{Doc: d1, Source: "rh", Target: "nf", CAMEO: "183"},                           // match E1
			{Doc: d2, Source: "nf", Target: "nf", CAMEO: "0871", Date: "2031-04"},         // root 08 != 05: no match
			{Doc: d2, Source: "nf", Target: "nf", CAMEO: "057", Date: "2031-05-03"},       // match E2 with right month
			{Doc: d2, Source: "", Target: "nf", CAMEO: "120"},                             // null source, any type: match E3
			{Doc: d1, Source: "rh", Target: "nf", CAMEO: "183", Modality: "hypothetical"}, // did not happen: no prediction
			{Doc: d1, Source: "rh", Target: "nf", CAMEO: "183", Modality: "negated"},      // did not happen: no prediction
		},
		Quotes: []faultline.ModelQuote{
			{Doc: d1, Speaker: "dost", Start: strings.Index(synthText1, "We will"), End: strings.Index(synthText1, "We will") + 7},
			{Doc: d2, Speaker: "nf", Start: strings.Index(synthText2, "It is"), End: strings.Index(synthText2, "It is") + 10}, // wrong speaker
		},
		Figures: []faultline.ModelFigure{
			{Doc: d1, Start: strings.Index(synthText1, "12"), End: strings.Index(synthText1, "12") + 2, Text: "12", Value: 12},
		},
		Paradoxes: []faultline.Paradox{{Actors: []string{"nf", "rh", "nf"}}},
	}
	r := Score(g, m, texts)

	if r.Docs != 2 || r.GoldDocs != 2 {
		t.Errorf("docs %d of %d, want 2 of 2", r.Docs, r.GoldDocs)
	}
	// Aliases: 6 gold strings (Colonel Amar Dost, Dost, Red Hand militia, Northern Front,
	// Kessa Council, Lina Varo); all but Lina Varo found.
	if r.AliasRecall.Hit != 5 || r.AliasRecall.Total != 6 {
		t.Errorf("alias recall %+v, want 5 of 6", r.AliasRecall)
	}
	// B-cubed: items cd(col), d(dost), rh(rh), nf(nf), kc(nf), lv(-).
	// P over found: cd 1, d 1, rh 1, nf 1/2, kc 1/2 -> 4/5.
	// R over all: cd 1/2, d 1/2, rh 1, nf 1, kc 1, lv 0 -> 4/6.
	if !near(r.BCubed.P, 0.8) || !near(r.BCubed.R, 4.0/6) {
		t.Errorf("bcubed P=%v R=%v, want 0.8 0.667", r.BCubed.P, r.BCubed.R)
	}
	// Actors: dost<->{dost,col}, northern_front<->nf, kessa_council<->nf (taken); red_hand
	// has no compatible candidate. Matched 2 of 5 gold, 2 of 5 predicted.
	if r.Actors.TP != 2 || r.Actors.Gold != 5 || r.Actors.Pred != 5 {
		t.Errorf("actors %+v", r.Actors)
	}
	if r.Ties.TP != 2 || r.Ties.Gold != 3 || r.Ties.Pred != 3 {
		t.Errorf("ties %+v", r.Ties)
	}
	if r.Events.TP != 3 || r.Events.Gold != 3 || r.Events.Pred != 5 {
		t.Errorf("events %+v", r.Events)
	}
	if r.Dates.Hit != 1 || r.Dates.Total != 1 {
		t.Errorf("dates %+v", r.Dates)
	}
	if r.Quotes.Hit != 1 || r.Quotes.Total != 2 {
		t.Errorf("quotes %+v", r.Quotes)
	}
	if r.Figures.Hit != 1 {
		t.Errorf("figures %+v", r.Figures)
	}
	// The predicted paradox names nf twice: it cannot stand for three distinct gold actors
	// ... but nf is the candidate of both northern_front and kessa_council, so it matches.
	if r.Paradoxes.Hit != 1 {
		t.Errorf("paradoxes %+v", r.Paradoxes)
	}
	line := r.Line()
	if !strings.HasPrefix(line, "eval aliasR=0.833 actorsF1=0.400 ") {
		t.Errorf("line %q", line)
	}
}

func TestScoreWithoutTexts(t *testing.T) {
	g, _ := synth(t)
	m := &faultline.Model{
		Actors: []faultline.Actor{
			{ID: "dost", Type: "PERSON", Aliases: []string{"Colonel Amar Dost", "Dost"}, Mentions: []faultline.Evidence{{Doc: "d1"}}},
			{ID: "lv", Type: "PERSON", Aliases: []string{"Lina Varo"}, Mentions: []faultline.Evidence{{Doc: "d2"}}},
		},
		Quotes: []faultline.ModelQuote{
			{Doc: "d1", Speaker: "dost", Text: "We will hold the bridge"},
			{Doc: "d2", Speaker: "lv", Text: "something else"},
		},
		Figures: []faultline.ModelFigure{{Doc: "d1", Text: "12 fighters", Value: 12.05}},
	}
	r := Score(g, m, nil)
	if r.Quotes.Hit != 1 || r.Figures.Hit != 1 || r.AliasRecall.Hit != 3 {
		t.Errorf("quotes %+v figures %+v aliases %+v", r.Quotes, r.Figures, r.AliasRecall)
	}
	if !near(r.BCubed.P, 1) {
		t.Errorf("bcubed %+v", r.BCubed)
	}
}

func TestScoreEmpty(t *testing.T) {
	g, texts := synth(t)
	for _, m := range []*faultline.Model{nil, {}} {
		r := Score(g, m, texts)
		want := "eval aliasR=0.000 actorsF1=0.000 bcubedF1=0.000 tiesF1=0.000 eventsF1=0.000 quotesAcc=0.000 figuresR=0.000 paradoxesR=0.000"
		if r.Line() != want {
			t.Errorf("empty model: %s", r.Line())
		}
	}
}

func TestReadGoldErrors(t *testing.T) {
	for _, in := range []string{`{`, `{"actors":[{"id":""}]}`, `{"actors":[{"id":"a"}],"ties":[{"a":"a","b":"z"}]}`} {
		if _, err := ReadGold(strings.NewReader(in)); err == nil {
			t.Errorf("ReadGold(%q): no error", in)
		}
	}
}

func TestWriteTable(t *testing.T) {
	g, texts := synth(t)
	var b strings.Builder
	if err := Score(g, nil, texts).WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "eval aliasR=") || !strings.Contains(b.String(), "B-cubed") {
		t.Errorf("table:\n%s", b.String())
	}
}

// sharedDir finds ../shared from the module root, or skips the test.
func sharedDir(t *testing.T) string {
	return sharedtest.Dir(t, "gold", "seeds.gold.json")
}

// perfect builds, for the test only, the model a flawless system would store for the gold:
// it proves the scorer gives 1.0 on every metric. Stored document ids are seed file names.
func perfect(t *testing.T, g *Gold, texts map[string]string) *faultline.Model {
	t.Helper()
	stored := map[string]string{} // gold doc -> stored id
	m := &faultline.Model{Schema: faultline.Schema}
	for id := range texts {
		stored[DocKey(id)] = id
		m.Documents = append(m.Documents, faultline.DocumentRef{ID: id})
	}
	for _, a := range g.Actors {
		pa := faultline.Actor{ID: a.ID, Canonical: a.Canonical, Type: a.Type, Aliases: a.Aliases}
		for _, d := range a.Docs {
			for _, al := range a.Aliases {
				for _, sp := range spans(texts[stored[d]], al) {
					pa.Mentions = append(pa.Mentions, faultline.Evidence{Doc: stored[d], Start: sp[0], End: sp[1]})
				}
			}
		}
		m.Actors = append(m.Actors, pa)
	}
	for _, tie := range g.Ties {
		m.Ties = append(m.Ties, faultline.ModelTie{A: tie.A, B: tie.B, Type: tie.Type, Sign: tie.Sign,
			Evidence: []faultline.Evidence{{Doc: stored[tie.Doc]}}})
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for _, e := range g.Events {
		m.Events = append(m.Events, faultline.ModelEvent{Doc: stored[e.Doc], Source: str(e.Source),
			Target: str(e.Target), CAMEO: str(e.CAMEO), Date: str(e.Date)})
	}
	for _, q := range g.Quotes {
		sp := spans(texts[stored[q.Doc]], q.Text)
		if len(sp) == 0 {
			t.Fatalf("quote %q not in %s", q.Text, q.Doc)
		}
		m.Quotes = append(m.Quotes, faultline.ModelQuote{Doc: stored[q.Doc], Speaker: q.Speaker, Start: sp[0][0], End: sp[0][1], Text: q.Text})
	}
	for _, f := range g.Figures {
		sp := spans(texts[stored[f.Doc]], f.Text)
		if len(sp) == 0 {
			t.Fatalf("figure %q not in %s", f.Text, f.Doc)
		}
		m.Figures = append(m.Figures, faultline.ModelFigure{Doc: stored[f.Doc], Start: sp[0][0], End: sp[0][1], Text: f.Text, Value: f.Value})
	}
	for _, p := range g.Paradoxes {
		m.Paradoxes = append(m.Paradoxes, faultline.Paradox{Actors: p.Actors})
	}
	return m
}

func TestScoreSeedsGold(t *testing.T) {
	shared := sharedDir(t)
	g, err := LoadGold(filepath.Join(shared, "gold", "seeds.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared not found: no seeds")
	}
	texts := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(f)] = string(b)
	}

	empty := Score(g, &faultline.Model{}, texts)
	if want := "eval aliasR=0.000 actorsF1=0.000 bcubedF1=0.000 tiesF1=0.000 eventsF1=0.000 quotesAcc=0.000 figuresR=0.000 paradoxesR=0.000"; empty.Line() != want {
		t.Errorf("empty model: %s", empty.Line())
	}

	r := Score(g, perfect(t, g, texts), texts)
	if want := "eval aliasR=1.000 actorsF1=1.000 bcubedF1=1.000 tiesF1=1.000 eventsF1=1.000 quotesAcc=1.000 figuresR=1.000 paradoxesR=1.000"; r.Line() != want {
		var b strings.Builder
		r.WriteTable(&b)
		t.Errorf("perfect model:\n%s", b.String())
	}
	if r.Dates.Value != 1 || r.Dates.Total == 0 {
		t.Errorf("perfect model dates %+v", r.Dates)
	}
	if r.Docs != 4 {
		t.Errorf("docs %d, want 4", r.Docs)
	}
}
