package parse

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/internal/benchutil"
	"github.com/faultline/faultline/nlp/pos"
	"github.com/faultline/faultline/nlp/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

func load(t testing.TB) (*pos.Tagger, *Parser) {
	t.Helper()
	tg, err := pos.Load()
	if errors.Is(err, pos.ErrNoModel) {
		t.Skip("no embedded pos model")
	}
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load()
	if errors.Is(err, ErrNoModel) {
		t.Skip("no embedded parse model")
	}
	if err != nil {
		t.Fatal(err)
	}
	return tg, p
}

func annotate(tg *pos.Tagger, p *Parser, text string) *nlp.Doc {
	d := &nlp.Doc{Text: text}
	tokenize.New().Annotate(d)
	tg.Annotate(d)
	p.Annotate(d)
	return d
}

func TestGolden(t *testing.T) {
	tg, p := load(t)
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := annotate(tg, p, string(text))
	var b strings.Builder
	for _, s := range d.Sentences {
		for i, tok := range d.Tokens[s.First:s.Last] {
			head := "0"
			if tok.Head >= 0 {
				head = fmt.Sprint(tok.Head - s.First + 1)
			}
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\n", i+1, tok.Norm, tok.XPOS, head, tok.Rel)
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
		t.Errorf("parser output differs from %s (run go test -update after checking):\n%s", golden, b.String())
	}
}

// TestTrees checks that every sentence gets a tree: one root, heads inside the sentence,
// no cycles.
func TestTrees(t *testing.T) {
	tg, p := load(t)
	for _, text := range []string{"", "\xff", "a", ". . .", "Go!", strings.Repeat("the war, ", 300),
		"IRAQ TALKS\n\nOfficials met. They left; nobody spoke -- (none)."} {
		d := annotate(tg, p, text)
		for _, s := range d.Sentences {
			roots := 0
			for i := s.First; i < s.Last; i++ {
				h := d.Tokens[i].Head
				if h == -1 {
					roots++
					continue
				}
				if h < s.First || h >= s.Last || h == i {
					t.Fatalf("%q: token %d head %d outside sentence [%d,%d)", text, i, h, s.First, s.Last)
				}
				// walk up: must reach the root within the sentence length
				k, steps := i, 0
				for k != -1 && steps <= s.Last-s.First {
					k = d.Tokens[k].Head
					steps++
				}
				if k != -1 {
					t.Fatalf("%q: cycle through token %d", text, i)
				}
			}
			if roots != 1 {
				t.Fatalf("%q: sentence with %d roots", text, roots)
			}
		}
	}
}

func TestCosts(t *testing.T) {
	// gold: 1 <- 2 (nsubj), root -> 2, 2 -> 3 (obj); positions 1-based, 0 = root
	gh := []int{none, 2, 0, 2}
	gl := []int{none, 1, 2, 0}
	var s state
	s.reset(3)
	costs := make([]int, 2+2*3)
	s.costs(gh, gl, costs)
	if costs[shift] != 0 {
		t.Errorf("shift cost %d, want 0", costs[shift])
	}
	if costs[3+2*2] != 1 { // right-arc root -> 1: loses 1 <- 2
		t.Errorf("right-arc cost %d, want 1", costs[3+2*2])
	}
	s.apply(shift)
	s.costs(gh, gl, costs)
	if costs[2+2*1] != 0 || costs[2+2*0] != 1 || costs[reduce] != -1 {
		t.Errorf("left-arc costs %v", costs)
	}
}

var benchText = strings.Repeat(`Rebel commanders in the northern province said on Tuesday that they had seized two border crossings. The defence minister denied the claim and accused the neighbouring government of arming the fighters. "We will not negotiate with gunmen," the prime minister told reporters in the capital.
`, 100)

// BenchmarkParse measures parsing alone (tokens tagged already).
func BenchmarkParse(b *testing.B) {
	tg, p := load(b)
	d := &nlp.Doc{Text: benchText}
	tokenize.New().Annotate(d)
	tg.Annotate(d)
	b.ReportAllocs()
	b.ResetTimer()
	m := benchutil.Start()
	for i := 0; i < b.N; i++ {
		p.Annotate(d)
	}
	m.Report(b, float64(len(d.Tokens))*float64(b.N), "tokens")
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() { p.Annotate(d) }))/float64(len(d.Tokens)), "allocs/token")
}

// BenchmarkPipeline measures tokenizer, tagger and parser together.
func BenchmarkPipeline(b *testing.B) {
	tg, p := load(b)
	tk := tokenize.New()
	var n int
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	m := benchutil.Start()
	for i := 0; i < b.N; i++ {
		d := &nlp.Doc{Text: benchText}
		tk.Annotate(d)
		tg.Annotate(d)
		p.Annotate(d)
		n = len(d.Tokens)
	}
	m.Report(b, float64(n)*float64(b.N), "tokens")
}
