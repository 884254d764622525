package resolve

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/extract/coref"
	"github.com/faultline/faultline/lexicon/actors"
)

// nameRe is a crude stand-in for NER in benchmarks: runs of capitalised words, with name
// particles and hyphens inside.
var nameRe = regexp.MustCompile(`\b[A-Z][\w'’.-]*(?:\s+(?:al-|Al\s|bin\s|of\s|the\s)?[A-Z][\w'’.-]*)*`)

var sentStart = map[string]bool{"The": true, "A": true, "An": true, "In": true, "On": true, "But": true, "He": true, "She": true,
	"It": true, "They": true, "His": true, "Her": true, "This": true, "That": true, "At": true, "After": true, "When": true, "We": true, "I": true}

// heuristicExtraction marks names in a text and types them by shape: a name with an
// organisation head word is an ORG, a known country or a one-word name a GPE, else a PERSON.
func heuristicExtraction(d *faultline.Document) *faultline.Extraction {
	x := &faultline.Extraction{Schema: 1, ID: d.ID}
	for _, m := range nameRe.FindAllStringIndex(d.Text, -1) {
		s, e := m[0], m[1]
		name := strings.TrimRight(d.Text[s:e], ".’'")
		e = s + len(name)
		if sentStart[name] || len(name) < 2 {
			continue
		}
		typ := faultline.PERSON
		ws := strings.Fields(name)
		if c, _ := actors.OrgCore(name); len(ws) > 1 && c != "" && strings.Contains(strings.ToLower(name), "army") || strings.Contains(name, "Council") || strings.Contains(name, "Party") || strings.Contains(name, "Corps") || strings.Contains(name, "Ministry") {
			typ = faultline.ORG
		} else if len(ws) == 1 {
			typ = faultline.GPE
			if actors.Acronym(name) != "" {
				typ = faultline.ORG
			}
		}
		x.Entities = append(x.Entities, faultline.Entity{Span: faultline.Span{Start: s, End: e, Text: name}, Type: typ})
	}
	return x
}

// renamer makes copy k of a text: every capitalised word gets a suffix, so each copy has
// its own actors.
var capWord = regexp.MustCompile(`\b[A-Z][a-z]+\b`)

func copyText(text string, k int) string {
	if k == 0 {
		return text
	}
	suffix := ""
	for n := k; n > 0; n /= 26 {
		suffix += string(rune('a' + n%26))
	}
	return capWord.ReplaceAllStringFunc(text, func(w string) string {
		if sentStart[w] {
			return w
		}
		return w + "q" + suffix
	})
}

// benchCorpus is the demo corpus copied n times with renamed actors, extracted by the
// heuristic NER and coreference.
func benchCorpus(n int) ([]*faultline.Document, []*faultline.Extraction, int) {
	base := demo.Documents()
	res := coref.New()
	var docs []*faultline.Document
	var exts []*faultline.Extraction
	mentions := 0
	for k := 0; k < n; k++ {
		for _, d := range base {
			text := copyText(d.Text, k)
			nd := &faultline.Document{ID: fmt.Sprintf("%s-%d", d.ID, k), Text: text, Date: d.Date, SHA256: faultline.ContentHash(text)}
			x := heuristicExtraction(nd)
			x.Entities = res.Resolve(text, x.Entities, nil)
			mentions += len(x.Entities)
			docs, exts = append(docs, nd), append(exts, x)
		}
	}
	return docs, exts, mentions
}

func benchmarkBuild(b *testing.B, n int) {
	docs, exts, mentions := benchCorpus(n)
	if _, err := actors.Default(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var actorsN int
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		m, err := Build(docs, exts, nil)
		if err != nil {
			b.Fatal(err)
		}
		actorsN = len(m.Actors)
	}
	// CPU time, unlike wall time, does not grow when other processes share the machine.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/float64(mentions), "cpu-ns/mention")
	b.ReportMetric(float64(mentions), "mentions")
	b.ReportMetric(float64(actorsN), "actors")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(mentions), "ns/mention")
}

// BenchmarkBuild1x, 10x and 100x time corpus resolution on 1, 10 and 100 renamed copies of
// the demo corpus: the cost per mention should stay about flat (near-linear).
func BenchmarkBuild1x(b *testing.B)   { benchmarkBuild(b, 1) }
func BenchmarkBuild10x(b *testing.B)  { benchmarkBuild(b, 10) }
func BenchmarkBuild100x(b *testing.B) { benchmarkBuild(b, 100) }

// BenchmarkBuild30x is between the two, for profiling.
func BenchmarkBuild30x(b *testing.B) { benchmarkBuild(b, 30) }

// TestScaling checks near-linear cost without a clock (timed tests flake on shared machines;
// BenchmarkBuild1x/10x/100x measure time): the allocations of resolving 10 copies of the
// corpus must stay near 10x those of one copy, which any per-pair work that allocates would
// break.
func TestScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	actors.Default()
	allocs := func(n int) (float64, int) {
		docs, exts, mentions := benchCorpus(n)
		a := testing.AllocsPerRun(1, func() {
			if _, err := Build(docs, exts, nil); err != nil {
				t.Fatal(err)
			}
		})
		return a, mentions
	}
	a1, m1 := allocs(1)
	a10, m10 := allocs(10)
	ratio := a10 / a1
	t.Logf("1 copy: %d mentions, %.0f allocations; 10 copies: %d mentions, %.0f allocations; ratio %.1f", m1, a1, m10, a10, ratio)
	if ratio > 15 { // 10 is linear
		t.Errorf("resolution allocates super-linearly: 10x mentions took %.1fx the allocations", ratio)
	}
}
