package parse

import (
	"errors"
	"flag"
	"fmt"
	"github.com/faultline/faultline/internal/sharedtest"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/conllu"
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
	// gold: 1 <- 2 (label 1), 2 is the root (label 2), 2 -> 3 (label 0); positions
	// 1-based, 4 = root
	gh := []int{none, 2, 4, 2, none}
	gl := []int{none, 1, 2, 0, none}
	var s state
	s.reset(3)
	costs := make([]int, 2+2*3)
	s.costs(gh, gl, costs)
	if costs[shift] != 0 || costs[reduce] != -1 || costs[2] != -1 || costs[3] != -1 {
		t.Errorf("initial costs %v, want only shift, at 0", costs)
	}
	s.apply(shift)
	s.costs(gh, gl, costs)
	if costs[2+2*1] != 0 || costs[2+2*0] != 1 || costs[reduce] != -1 || costs[3] != 2 {
		t.Errorf("costs after shift %v", costs)
	}
	s.apply(2 + 2*1) // 1 <- 2
	s.apply(shift)   // 2
	s.costs(gh, gl, costs)
	if costs[3+2*0] != 0 || costs[3+2*1] != 1 || costs[shift] != 1 {
		t.Errorf("costs with 2 on the stack %v", costs)
	}
	s.apply(3) // 2 -> 3 (label 0)
	s.apply(reduce)
	s.costs(gh, gl, costs)
	if costs[2+2*2] != 0 || costs[2] != 1 || costs[shift] != -1 {
		t.Errorf("costs at the root %v", costs)
	}
	s.apply(2 + 2*2)
	if !s.done() || s.head[2] != 4 || s.head[1] != 2 || s.head[3] != 2 {
		t.Errorf("final state heads %v done %v", s.head, s.done())
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

// sharedDir finds ../shared next to the module root, or skips the test.
func sharedDir(t *testing.T) string {
	return sharedtest.Dir(t)
}

// TestDevSample guards against regressions: the embedded tagger and parser on the first
// 300 sentences of EWT dev (gold tokens, predicted tags).
func TestDevSample(t *testing.T) {
	tg, p := load(t)
	sents, err := conllu.ReadFile(filepath.Join(sharedDir(t), "corpora", "ud-en-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Skip("EWT dev not readable: ", err)
	}
	sents = sents[:300]
	var xpos, upos [][]string
	for _, s := range sents {
		var words []string
		for _, w := range s.Words {
			words = append(words, tokenize.Normalize(w.Form))
		}
		u, x := tg.Tag(words)
		xpos, upos = append(xpos, x), append(upos, u)
	}
	sc := p.Evaluate(FromCoNLLU(sents, xpos, upos))
	t.Logf("first 300 dev sentences: uas %.4f las %.4f (%d tokens)", sc.UAS, sc.LAS, sc.Tokens)
	if sc.UAS < 0.82 || sc.LAS < 0.78 {
		t.Errorf("accuracy dropped: %+v", sc)
	}
}

// TestLongSentence checks that a sentence too long for the score caches parses as it would
// with them.
func TestLongSentence(t *testing.T) {
	tg, p := load(t)
	d := &nlp.Doc{Text: strings.Repeat("the rebels said that the army , which had withdrawn from the town on Monday , would return ", 60)}
	tokenize.New().Annotate(d)
	tg.Annotate(d)
	var words, tags, utags []string
	for _, tok := range d.Tokens {
		words, tags, utags = append(words, tok.Norm), append(tags, tok.XPOS), append(utags, tok.UPOS)
	}
	if len(words) <= maxCached {
		t.Fatalf("test sentence has only %d words", len(words))
	}
	s := p.get()
	p.parse(s, words, tags, utags) // uncached
	long := append([]int(nil), s.heads...)
	for _, n := range []int{50, 333, maxCached} {
		p.parse(s, words[:n], tags[:n], utags[:n])
		cached := append([]int(nil), s.heads...)
		// the same prefix parsed alone without caches must agree
		p.parseUncached(s, words[:n], tags[:n], utags[:n])
		for i := range cached {
			if cached[i] != s.heads[i] {
				t.Fatalf("%d words: head of word %d is %d with caches, %d without", n, i, cached[i], s.heads[i])
			}
		}
	}
	if len(long) != len(words) {
		t.Fatalf("%d heads for %d words", len(long), len(words))
	}
}

// BenchmarkParseDev parses the 2,001 sentences of EWT dev (gold tokens, predicted tags):
// unlike BenchmarkParse, which parses one short text again and again with the features it
// needs in the processor's caches, it meets the model's memory as a long run of new text
// does.
func BenchmarkParseDev(b *testing.B) {
	tg, p := load(b)
	benchDev(b, tg, p)
}

// BenchmarkParseDevLite is BenchmarkParseDev with the pipeline's parser (LoadLite).
func BenchmarkParseDevLite(b *testing.B) {
	tg, _ := load(b)
	p, err := LoadLite()
	if err != nil {
		b.Skip("no embedded lite parse model: ", err)
	}
	benchDev(b, tg, p)
}

func benchDev(b *testing.B, tg *pos.Tagger, p *Parser) {
	sents, err := conllu.ReadFile(filepath.Join(sharedtest.Dir(b), "corpora", "ud-en-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Skip("EWT dev not readable: ", err)
	}
	var xpos, upos [][]string
	for _, s := range sents {
		var words []string
		for _, w := range s.Words {
			words = append(words, tokenize.Normalize(w.Form))
		}
		u, x := tg.Tag(words)
		xpos, upos = append(xpos, x), append(upos, u)
	}
	data := FromCoNLLU(sents, xpos, upos)
	n := 0
	for _, s := range data {
		n += len(s.Words)
	}
	b.ResetTimer()
	m := benchutil.Start()
	for i := 0; i < b.N; i++ {
		for _, s := range data {
			p.Parse(s.Words, s.Tags, s.UTags)
		}
	}
	m.Report(b, float64(n)*float64(b.N), "tokens")
}

// TestArcTable checks that an explicit arc table (state.arcs) listing every label both
// ways in the default order gives the validity, costs and transitions of the default
// layout, and that a table without some (label, direction) pairs gives each class the
// costs of its own direction and label, in every state of random transition sequences.
func TestArcTable(t *testing.T) {
	const nl = 4
	var all, some []uint16
	for l := 0; l < nl; l++ {
		all = append(all, arcKey(l, false), arcKey(l, true))
		if l != 2 {
			some = append(some, arcKey(l, false)) // no left-arc of label 2
		}
		some = append(some, arcKey(l, true))
	}
	rng := rand.New(rand.NewSource(1))
	for run := 0; run < 300; run++ {
		n := 1 + rng.Intn(9)
		gh, gl := []int{none}, []int{none}
		for i := 1; i <= n; i++ {
			h := n + 1
			if i > 1 || rng.Intn(2) == 0 {
				h = 1 + rng.Intn(n) // not projective nor a tree: costs only count arcs
			}
			gh = append(gh, h)
			gl = append(gl, rng.Intn(nl))
		}
		gh, gl = append(gh, none), append(gl, none)
		var def, ex, sm state
		def.reset(n)
		ex.reset(n)
		sm.reset(n)
		ex.arcs, sm.arcs = all, some
		cd, ce := make([]int, 2+2*nl), make([]int, 2+2*nl)
		cs := make([]int, 2+len(some))
		for step := 0; !def.done(); step++ {
			def.costs(gh, gl, cd)
			ex.costs(gh, gl, ce)
			sm.costs(gh, gl, cs)
			if !slices.Equal(cd, ce) {
				t.Fatalf("run %d step %d: costs %v with the table, %v without", run, step, ce, cd)
			}
			for c := 2; c < len(cs); c++ {
				right, l := sm.arc(c)
				k := 2 + 2*l
				if right {
					k++
				}
				if cs[c] != cd[k] || sm.valid(c) != def.valid(k) {
					t.Fatalf("run %d step %d: class %d (label %d right %v) cost %d valid %v, want %d %v",
						run, step, c, l, right, cs[c], sm.valid(c), cd[k], def.valid(k))
				}
			}
			var c int
			for c = rng.Intn(len(cd)); !def.valid(c); c = rng.Intn(len(cd)) {
			}
			if def.valid(c) != ex.valid(c) {
				t.Fatalf("run %d step %d: class %d valid %v with the table", run, step, c, ex.valid(c))
			}
			def.apply(c)
			ex.apply(c)
			switch right, l := def.arc(c); {
			case c < 2:
				sm.apply(c)
			case right || l != 2:
				sm.apply(2 + slices.Index(some, arcKey(l, right)))
			default: // a left-arc the table lacks: another label's, relabelled
				top := sm.top()
				sm.apply(2 + slices.Index(some, arcKey(0, false)))
				sm.lab[top] = l
			}
		}
	}
}
