package ner

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/tokenize"
)

// rulesOut is what the document rules leave: the tags, the names actorRules learnt and the
// entities inside hyphenated tokens.
type rulesOut struct {
	tags  []string
	known map[string]string
	parts []nlp.Span
}

// runRules applies the document rules of Annotate to tags (a copy), with the current code or
// with the reference copies (rules_ref_test.go).
func runRules(lx *lexicon, d *nlp.Doc, words, tags []string, sents []nlp.Sentence, offices, ref bool) rulesOut {
	tags = append([]string(nil), tags...)
	var out rulesOut
	rd := newRdoc(lx, words) // one rdoc for both passes, as in Annotate
	if ref {
		docRulesRef(lx, words, tags, sents, true)
	} else {
		docRules(rd, tags, sents, true)
	}
	dropMisc(tags)
	trimPunct(words, tags)
	if ref {
		out.known = actorRulesRef(lx, words, tags, sents, offices)
		if d != nil {
			out.parts = compoundsRef(lx, d, words, tags, out.known)
		}
	} else {
		out.known = actorRules(rd, tags, sents, offices)
		if d != nil {
			out.parts = compounds(lx, d, words, tags, out.known)
		}
	}
	out.tags = tags
	return out
}

// tagOnly runs Annotate's steps before the document rules (tagDoc): the words and the
// tagger's tags.
func tagOnly(r *Recognizer, d *nlp.Doc) (words, tags []string, sents []nlp.Sentence) {
	sc := r.pool.Get().(*scratch)
	defer r.pool.Put(sc)
	defer sc.endDoc()
	words, tags, _, sents = r.tagDoc(sc, d)
	return slices.Clone(words), slices.Clone(tags), sents
}

// refTexts returns the demo corpus and the texts named by $NER_REF_TEXTS (globs, separated
// as in $PATH, of text files and of .jsonl files with a "text" field per line), when set.
func refTexts(t testing.TB) []string {
	var texts []string
	for _, doc := range demo.Documents() {
		texts = append(texts, doc.Text)
	}
	g := os.Getenv("NER_REF_TEXTS")
	if g == "" {
		return texts
	}
	var files []string
	for _, pat := range filepath.SplitList(g) {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(f, ".jsonl") {
			texts = append(texts, string(b))
			continue
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var v struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &v) == nil && v.Text != "" {
				texts = append(texts, v.Text)
			}
		}
	}
	return texts
}

// TestRulesMatchRef checks that docRules, actorRules and compounds give exactly the tags,
// names and parts of the reference code (rules_ref_test.go) on the tagger's output for real
// text: the demo corpus, and the files of $NER_REF_TEXTS when set (e.g. the seeds and a
// corpus of `faultline bench --write-corpus`).
func TestRulesMatchRef(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	texts := refTexts(t)
	ntok := 0
	for n, text := range texts {
		d := &nlp.Doc{Text: text}
		tokenize.New().Annotate(d)
		if len(d.Tokens) == 0 {
			continue
		}
		ntok += len(d.Tokens)
		words, tags, sents := tagOnly(r, d)
		for _, off := range []bool{false, true} {
			want := runRules(r.t.lx, d, words, tags, sents, off, true)
			got := runRules(r.t.lx, d, words, tags, sents, off, false)
			if diff := compareOut(words, want, got); diff != "" {
				t.Fatalf("text %d (offices %v): %s", n, off, diff)
			}
		}
	}
	t.Logf("%d texts, %d tokens", len(texts), ntok)
}

func compareOut(words []string, want, got rulesOut) string {
	for i := range want.tags {
		if want.tags[i] != got.tags[i] {
			lo, hi := max(0, i-8), min(len(words), i+8)
			return "token " + words[i] + ": want " + want.tags[i] + ", got " + got.tags[i] + " in " +
				strings.Join(words[lo:hi], " ") + " | want " + strings.Join(want.tags[lo:hi], " ") + " | got " + strings.Join(got.tags[lo:hi], " ")
		}
	}
	if !reflect.DeepEqual(want.known, got.known) {
		return "known names differ"
	}
	if !reflect.DeepEqual(want.parts, got.parts) {
		return "compound parts differ"
	}
	return ""
}

// fuzzPool is a vocabulary for FuzzRulesMatchRef: words of the lexicon's lists (in lower
// case and capitalised), descriptor words and function words, sorted.
func fuzzPool(lx *lexicon) []string {
	set := map[string]bool{}
	add := func(w string) {
		if w == "" {
			return
		}
		set[w] = true
		set[strings.ToUpper(w[:1])+w[1:]] = true
	}
	addAll := func(m map[string]bool) {
		for w := range m {
			for _, f := range strings.Fields(w) {
				add(f)
			}
		}
	}
	for _, m := range []map[string]bool{lx.groups, lx.titles, lx.orgHeads, lx.particles, lx.forces, lx.nonNames,
		lx.actorNouns, lx.actorMods, lx.people, lx.following, lx.dirNoun, lx.dirAdj, lx.geoNouns, calendar, afterPlace, spanEnders} {
		addAll(m)
	}
	for _, m := range descr {
		addAll(m)
	}
	for w := range lx.demonyms {
		add(w)
	}
	for w := range lx.offices {
		add(w)
	}
	// the countries, and some other places and actors (the same ones every run)
	var names []string
	country := map[string]bool{}
	for w, p := range lx.places.All() {
		names = append(names, w)
		country[w] = p.Kind == "country"
	}
	sort.Strings(names)
	for i, w := range names {
		if country[w] || i%40 == 0 {
			for _, f := range strings.Fields(w) {
				add(f)
			}
		}
	}
	names = names[:0]
	for w := range lx.actors {
		names = append(names, w)
	}
	sort.Strings(names)
	for i, w := range names {
		if i%10 == 0 {
			for _, f := range strings.Fields(w) {
				add(f)
			}
		}
	}
	for w := range lx.variants {
		add(w)
	}
	for _, w := range strings.Fields("the The of for and in near or , . ( ) ] 's ’s ' ’ & - parties so-called border state river came had " +
		"ISCI JAM SCIRI US UK BAGHDAD WASHINGTON US-led Badr-linked pro-Iran Sunni-Shia Iraq-Syria al-Maliki Al-Sadr as-Sadiyah Ar-Rutba abu-Bakr " +
		"Nouri Hadad Omar Hugh Grant Baathists Sadrists Sadr Maliki nationalism fundamentalism Jerusalem Quds Force Province Supreme Council " +
		"Islamic Revolution Iraq Study Centre Institute government central federal new leaders officials says said told daily newspaper X Y Z Mr. Adm. Rear " +
		// case folding outside ASCII: ToLower/ToUpper change a byte length or map to ASCII
		"İraq IRAQ İSCI ſadr al-ſadr AL-SADR Öcalan ÖCALAN \u212aurdish Ǆ ǅ ß SS") {
		set[w] = true
	}
	pool := make([]string, 0, len(set))
	for w := range set {
		pool = append(pool, w)
	}
	sort.Strings(pool)
	return pool
}

var fuzzTypes = []string{"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", misc}

// FuzzRulesMatchRef builds random documents (words of the lexicon's lists, random IOB2 tags
// and sentence breaks) from the fuzzer's seed and checks that the rules give exactly what the
// reference code gives.
func FuzzRulesMatchRef(f *testing.F) {
	r, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	lx := r.t.lx
	pool := fuzzPool(lx)
	for i := int64(0); i < 20; i++ {
		f.Add(i, uint8(i*13), uint8(i*7))
	}
	f.Fuzz(func(t *testing.T, seed int64, n8, tagRate uint8) {
		rng := rand.New(rand.NewSource(seed))
		n := int(n8) + 1
		words := make([]string, n)
		tags := make([]string, n)
		for i := range words {
			words[i] = pool[rng.Intn(len(pool))]
			switch x := rng.Intn(256); {
			case x < int(tagRate)/2:
				tags[i] = "B-" + fuzzTypes[rng.Intn(len(fuzzTypes))]
			case x < int(tagRate):
				tags[i] = "I-" + fuzzTypes[rng.Intn(len(fuzzTypes))]
			default:
				tags[i] = "O"
			}
		}
		var sents []nlp.Sentence
		for first := 0; first < n; {
			last := first + 1 + rng.Intn(40)
			if last > n {
				last = n
			}
			sents = append(sents, nlp.Sentence{First: first, Last: last})
			first = last
		}
		// a doc whose text is the words joined by spaces, for compounds
		d := &nlp.Doc{Text: strings.Join(words, " ")}
		off := 0
		for _, w := range words {
			d.Tokens = append(d.Tokens, nlp.Token{Start: off, End: off + len(w)})
			off += len(w) + 1
		}
		for _, offices := range []bool{false, true} {
			want := runRules(lx, d, words, tags, sents, offices, true)
			got := runRules(lx, d, words, tags, sents, offices, false)
			if diff := compareOut(words, want, got); diff != "" {
				t.Fatalf("offices %v: %s", offices, diff)
			}
		}
	})
}

// BenchmarkRules measures docRules, actorRules and compounds on the tagger's tags for the
// demo corpus, with the reference code (rules_ref_test.go) and the current one, in
// tokens per CPU-second.
func BenchmarkRules(b *testing.B) {
	r, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		d           *nlp.Doc
		words, tags []string
		sents       []nlp.Sentence
	}
	var docs []doc
	ntok := 0
	for _, text := range refTexts(nil) {
		d := &nlp.Doc{Text: text}
		tokenize.New().Annotate(d)
		if len(d.Tokens) == 0 {
			continue
		}
		words, tags, sents := tagOnly(r, d)
		docs = append(docs, doc{d, words, tags, sents})
		ntok += len(words)
	}
	for _, ref := range []bool{true, false} {
		name := "fast"
		if ref {
			name = "ref"
		}
		b.Run(name, func(b *testing.B) {
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				for _, x := range docs {
					runRules(r.t.lx, x.d, x.words, x.tags, x.sents, false, ref)
				}
			}
			if c := cpuTime() - cpu0; c > 0 {
				b.ReportMetric(float64(ntok*b.N)/c, "tokens/cpu-s")
			}
		})
	}
}

// TestRulesConcurrent runs the rules on the demo corpus from four goroutines at once (the
// word flags and sector names are cached for the process; run with -race) and checks each
// result against the reference code.
func TestRulesConcurrent(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	type doc struct {
		d           *nlp.Doc
		words, tags []string
		sents       []nlp.Sentence
		want        rulesOut
	}
	var docs []doc
	for _, text := range refTexts(t) {
		d := &nlp.Doc{Text: text}
		tokenize.New().Annotate(d)
		if len(d.Tokens) == 0 {
			continue
		}
		words, tags, sents := tagOnly(r, d)
		docs = append(docs, doc{d, words, tags, sents, runRules(r.t.lx, d, words, tags, sents, false, true)})
	}
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func(g int) {
			for k := range docs {
				x := docs[(k+g*7)%len(docs)]
				got := runRules(r.t.lx, x.d, x.words, x.tags, x.sents, false, false)
				if diff := compareOut(x.words, x.want, got); diff != "" {
					errs <- diff
					return
				}
			}
			errs <- ""
		}(g)
	}
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// TestAnnotateReuse checks that Annotate gives the same tags and entities with the buffers
// and caches its scratch keeps from earlier documents (the rules' rdoc, the word cache)
// as with a new scratch for each document, on the test texts and the demo corpus, twice
// over.
func TestAnnotateReuse(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	texts := append(slices.Clone(cacheTexts), refTexts(t)...)
	for pass := 0; pass < 2; pass++ {
		for n, text := range texts {
			got := &nlp.Doc{Text: text}
			tokenize.New().Annotate(got)
			want := &nlp.Doc{Text: text, Tokens: slices.Clone(got.Tokens), Sentences: got.Sentences}
			r.Annotate(got)
			fresh := New(r.t)
			fresh.Offices, fresh.Exact = r.Offices, r.Exact
			fresh.Annotate(want)
			if !reflect.DeepEqual(got.Entities, want.Entities) || !reflect.DeepEqual(got.Tokens, want.Tokens) {
				t.Fatalf("pass %d, text %d: Annotate with a used scratch gives entities %v, with a new one %v",
					pass, n, got.Entities, want.Entities)
			}
		}
	}
}
