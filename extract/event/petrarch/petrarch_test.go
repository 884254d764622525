package petrarch

import (
	"github.com/faultline/faultline/internal/sharedtest"
	"os"
	"path/filepath"
	"testing"
)

func shared(t *testing.T) string {
	return filepath.Join(sharedtest.Dir(t, "corpora", "eventdata", "petrarch2"), "corpora", "eventdata", "petrarch2")
}

func TestParseTree(t *testing.T) {
	root, leaves, err := parseTree("(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))")
	if err != nil || len(leaves) != 4 || root.label != "ROOT" || leaves[1].word != "attacked" {
		t.Fatalf("parse: %v %v", err, leaves)
	}
	if _, _, err := parseTree("(ROOT (S (NP (NNP Arnor)) (VBD attacked))))"); err == nil {
		t.Error("unbalanced parse accepted")
	}
}

func TestCodeSimple(t *testing.T) {
	d := &Dictionaries{verbs: map[string][]*verbForm{}, synsets: map[string][][]string{}}
	d.actors = []actor{{words: phrase{"ARNOR"}, codes: []datedCode{{code: "ARN"}}}, {words: phrase{"GONDOR"}, codes: []datedCode{{code: "GON"}}}}
	d.agents = []agent{{words: phrase{"GOVERNMENT"}, code: "GOV"}}
	b := &verbBlock{code: "190"}
	d.addVerb("ATTACK", "", b)
	if p, ok := d.compile(" * WITH_TANKS", "194"); ok {
		b.patterns = append(b.patterns, p)
	}
	c := &Coder{D: d}
	tests := []struct {
		parse string
		want  Coding
	}{
		{"(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))", Coding{"ARN", "GON", "190"}},
		{"(ROOT (S (NP (DT The) (NNP Gondor) (NN government)) (VP (VBD attacked) (NP (NNP Arnor)) (PP (IN with) (NP (NNS tanks)))) (. .)))", Coding{"GONGOV", "ARN", "194"}},
		{"(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Arnor))))) (. .)))", Coding{"ARN", "GON", "190"}},
	}
	for _, tt := range tests {
		got := c.Code(Record{Parse: tt.parse})
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: got %v, want %v", tt.parse, got, tt.want)
		}
	}
}

// TestUnitRecords runs PETRARCH's unit-test records and guards the score.
func TestUnitRecords(t *testing.T) {
	dir := shared(t)
	d, err := Load(dir, "PETR.Validate.")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := ReadRecords(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	res, got := (&Coder{D: d}).Evaluate(recs)
	t.Logf("petrarch records=%d correct=%d (%.3f) covered=%d", res.Records, res.Correct, float64(res.Correct)/float64(res.Records), res.Covered)
	if os.Getenv("PETRARCH_MISSES") != "" {
		for _, r := range recs {
			if !Same(r, got[r.ID]) {
				t.Logf("MISS %s %s\n  want %v\n  got  %v", r.ID, r.Text, r.Expected, got[r.ID])
			}
		}
	}
	if res.Records != 284 || float64(res.Correct)/float64(res.Records) < 0.5 {
		t.Errorf("records=%d correct=%d: want 284 and >= 50%%", res.Records, res.Correct)
	}
}
