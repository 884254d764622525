package pos

import (
	"errors"
	"flag"
	"fmt"
	"github.com/faultline/faultline/internal/sharedtest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/conllu"
	"github.com/faultline/faultline/nlp/internal/benchutil"
	"github.com/faultline/faultline/nlp/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

func load(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Load()
	if errors.Is(err, ErrNoModel) {
		t.Skip("no embedded pos model")
	}
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestGolden(t *testing.T) {
	tg := load(t)
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := &nlp.Doc{Text: string(text)}
	tokenize.New().Annotate(d)
	tg.Annotate(d)
	var b strings.Builder
	for _, s := range d.Sentences {
		for _, tok := range d.Tokens[s.First:s.Last] {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", tok.Norm, tok.UPOS, tok.XPOS, tok.Lemma)
		}
		b.WriteString("\n")
	}
	golden := filepath.Join("testdata", "news.golden")
	if *update {
		os.WriteFile(golden, []byte(b.String()), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("tagger output differs from %s (run go test -update after checking):\n%s", golden, b.String())
	}
}

func TestLemmatizerRules(t *testing.T) {
	lm := TrainLemmatizer(
		[]string{"walked", "talked", "cities", "men", "Baghdad", "The"},
		[]string{"VBD", "VBD", "NNS", "NNS", "NNP", "DT"},
		[]string{"walk", "talk", "city", "man", "Baghdad", "the"})
	tests := []struct{ form, tag, want string }{
		{"walked", "VBD", "walk"},
		{"stalked", "VBD", "stalk"},
		{"men", "NNS", "man"},
		{"Najaf", "NNP", "Najaf"},
		{"The", "DT", "the"},
		{"THE", "DT", "the"},
	}
	for _, tt := range tests {
		if got := lm.Lemma(tt.form, tt.tag); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.form, tt.tag, got, tt.want)
		}
	}
}

func TestEmptyAndOdd(t *testing.T) {
	tg := load(t)
	for _, text := range []string{"", "   ", "\xff\xfe", "a", "... -- !!"} {
		d := &nlp.Doc{Text: text}
		tokenize.New().Annotate(d)
		tg.Annotate(d)
		for _, tok := range d.Tokens {
			if tok.UPOS == "" || tok.XPOS == "" {
				t.Errorf("%q: untagged token %+v", text, tok)
			}
		}
	}
}

var benchText = strings.Repeat(`Rebel commanders in the northern province said on Tuesday that they had seized two border crossings. The defence minister denied the claim and accused the neighbouring government of arming the fighters. "We will not negotiate with gunmen," the prime minister told reporters in the capital.
`, 100)

// BenchmarkTag measures tagging alone (tokens already split), lemmas included.
func BenchmarkTag(b *testing.B) {
	tg := load(b)
	d := &nlp.Doc{Text: benchText}
	tokenize.New().Annotate(d)
	b.ReportAllocs()
	b.ResetTimer()
	m := benchutil.Start()
	for i := 0; i < b.N; i++ {
		tg.Annotate(d)
	}
	m.Report(b, float64(len(d.Tokens))*float64(b.N), "tokens")
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() { tg.Annotate(d) }))/float64(len(d.Tokens)), "allocs/token")
}

// sharedDir finds ../shared next to the module root, or skips the test.
func sharedDir(t *testing.T) string {
	return sharedtest.Dir(t)
}

// TestDevSample guards against regressions: the embedded tagger on the first 300 sentences
// of EWT dev.
func TestDevSample(t *testing.T) {
	tg := load(t)
	sents, err := conllu.ReadFile(filepath.Join(sharedDir(t), "corpora", "ud-en-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Skip("EWT dev not readable: ", err)
	}
	sc := tg.Evaluate(sents[:300])
	t.Logf("first 300 dev sentences: upos %.4f xpos %.4f lemma %.4f (%d tokens)", sc.UPOS, sc.XPOS, sc.Lemma, sc.Tokens)
	if sc.UPOS < 0.93 || sc.XPOS < 0.92 || sc.Lemma < 0.94 {
		t.Errorf("accuracy dropped: %+v", sc)
	}
}
