package resolve

import (
	"fmt"
	"regexp"
	"sort"
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

// oneDocument is the demo corpus concatenated n times into one document, extracted by the
// heuristic NER and coreference, with fact ends made up so that resolution has fact
// references to check against the entities: an event between each two consecutive
// entities of a line, a tie every third one, and a quote for each "said" whose speaker is
// the three words before it (often no entity: "the prime minister", "a US officer").
func oneDocument(n int) (*faultline.Document, *faultline.Extraction) {
	var sb strings.Builder
	for k := 0; k < n; k++ {
		for _, d := range demo.Documents() {
			sb.WriteString(d.Text)
			sb.WriteString("\n\n")
		}
	}
	text := sb.String()
	d := &faultline.Document{ID: fmt.Sprintf("one-%dx", n), Text: text, SHA256: faultline.ContentHash(text)}
	x := heuristicExtraction(d)
	x.Entities = coref.New().Resolve(text, x.Entities, nil)
	ref := func(e faultline.Entity) *faultline.Ref {
		return &faultline.Ref{Span: faultline.Span{Start: e.Start, End: e.End}, Actor: e.Actor}
	}
	ents := append([]faultline.Entity(nil), x.Entities...)
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].Start < ents[j].Start })
	for i := 1; i < len(ents); i++ {
		a, c := ents[i-1], ents[i]
		if c.Start < a.End || strings.Contains(text[a.End:c.Start], "\n") {
			continue
		}
		x.Events = append(x.Events, faultline.Event{Span: faultline.Span{Start: a.Start, End: c.End}, Type: "CONSULT", Source: ref(a), Target: ref(c)})
		if i%3 == 0 {
			x.Ties = append(x.Ties, faultline.Tie{Type: "ally", Sign: 1, A: *ref(a), B: *ref(c), Evidence: faultline.Span{Start: a.Start, End: c.End}})
		}
	}
	for off := 0; ; {
		k := strings.Index(text[off:], " said")
		if k < 0 {
			break
		}
		end := off + k
		start := end
		for w := 0; w < 3 && start > 0; w++ {
			j := strings.LastIndexAny(text[:start-1], " \n")
			if text[start-1] == '\n' || j < 0 {
				break
			}
			start = j + 1
		}
		if start < end {
			x.Quotes = append(x.Quotes, faultline.Quote{Span: faultline.Span{Start: start, End: end + 5}, Speaker: &faultline.Ref{Span: faultline.Span{Start: start, End: end}}})
		}
		off = end + 5
	}
	return d, x
}

// BenchmarkBuildOneDocument times resolving one document of 1, 4 and 16 times the demo
// corpus (about 0.15, 0.6 and 2.3 MB): the CPU time per byte should stay about flat
// (near-linear in the size of a single document, issue 9's gigantic documents).
func BenchmarkBuildOneDocument(b *testing.B) {
	if _, err := actors.Default(); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 4, 16} {
		d, x := oneDocument(n)
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := Build([]*faultline.Document{d}, []*faultline.Extraction{x}, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/float64(len(d.Text)), "cpu-ns/byte")
			b.ReportMetric(float64(len(d.Text)), "bytes")
			b.ReportMetric(float64(len(x.Entities)+len(x.Events)*2+len(x.Ties)*2+len(x.Quotes)), "ents+refs")
		})
	}
}

// BenchmarkOrphanRefsOneDocument times orphanRefs alone on the documents of
// BenchmarkBuildOneDocument (Build's time there also holds coreference's): flat per byte.
func BenchmarkOrphanRefsOneDocument(b *testing.B) {
	dict, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 4, 16} {
		d, x := oneDocument(n)
		bl := &builder{r: &Resolver{Dict: dict}}
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			cpu0 := cpuTime()
			orphans := 0
			for i := 0; i < b.N; i++ {
				orphans = len(bl.orphanRefs(d.Text, x, x.Entities))
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/float64(len(d.Text)), "cpu-ns/byte")
			b.ReportMetric(float64(orphans), "orphans")
		})
	}
}
