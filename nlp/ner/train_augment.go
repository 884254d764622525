package ner

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/lexicon/gazetteer"
)

// Mention replacement (Dai & Adel 2020, "An analysis of simple data augmentation for named
// entity recognition"): extra training copies of sentences whose PERSON, ORG, GPE and LOC
// spans are swapped for other names of the same type, so that the tagger learns a name's
// context and shape rather than the names of the training text. The names come from the
// training sentences themselves (every distinct mention, drawn uniformly, not by frequency)
// and, for a share of the draws, from lists the project may use: GeoNames cities of 15,000+
// people and Natural Earth countries and provinces (GPE), the organisations of
// lexicon/gazetteer's actor list (ORG; Phoenix/PETRARCH2, MIT) and the office holders of
// Phoenix's country dictionary (PERSON; MIT).

// augTypes are the types whose spans mention replacement swaps.
var augTypes = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "LOC": true}

// namePools holds candidate names (token slices) per type.
type namePools map[string][][]string

// mentionPools returns every distinct mention of augTypes in ss whose first word is
// capitalised, per type, in a deterministic order.
func mentionPools(ss []Sentence) namePools {
	seen := map[string]bool{}
	p := namePools{}
	for _, s := range ss {
		for _, sp := range spans(s.Tags) {
			if !augTypes[sp.typ] || !isCap(s.Words[sp.first]) {
				continue
			}
			k := sp.typ + "\t" + strings.Join(s.Words[sp.first:sp.last], " ")
			if seen[k] {
				continue
			}
			seen[k] = true
			p[sp.typ] = append(p[sp.typ], s.Words[sp.first:sp.last:sp.last])
		}
	}
	return p
}

// externalPools reads the name lists of the corpora directory and the gazetteer (see the
// comment at the top of this file); a list that cannot be read is left out.
func externalPools(corpora string, lx *lexicon) namePools {
	p := namePools{}
	add := func(typ, name string) {
		w := strings.Fields(name)
		if len(w) == 0 || len(w) > 5 || !isCap(w[0]) {
			return
		}
		p[typ] = append(p[typ], w)
	}
	// GeoNames cities of 15,000+ people (CC BY 4.0): the ASCII name column.
	if zr, err := zip.OpenReader(filepath.Join(corpora, "geonames", "cities15000.zip")); err == nil {
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				continue
			}
			sc := bufio.NewScanner(rc)
			sc.Buffer(make([]byte, 1<<20), 1<<22)
			for sc.Scan() {
				c := strings.Split(sc.Text(), "\t")
				if len(c) > 2 {
					add("GPE", c[2])
				}
			}
			rc.Close()
		}
		zr.Close()
	}
	// Natural Earth (public domain): countries and provinces.
	for _, f := range []string{"ne_50m_admin_0_countries.json", "ne_50m_admin_1_states_provinces.json"} {
		b, err := os.ReadFile(filepath.Join(corpora, "natural-earth", f))
		if err != nil {
			continue
		}
		var fc struct {
			Features []struct {
				Properties map[string]any `json:"properties"`
			} `json:"features"`
		}
		if json.Unmarshal(b, &fc) != nil {
			continue
		}
		for _, ft := range fc.Features {
			for _, k := range []string{"NAME", "name"} {
				if n, ok := ft.Properties[k].(string); ok {
					add("GPE", n)
					break
				}
			}
		}
	}
	// Organisations of the actor list (Phoenix/PETRARCH2, MIT; stored lower-case).
	var orgs []string
	for n, typ := range gazetteer.Actors() {
		if typ == "ORG" {
			orgs = append(orgs, n)
		}
	}
	sort.Strings(orgs)
	for _, n := range orgs {
		add("ORG", nameCase(n))
	}
	// Office holders of the Phoenix country dictionary (MIT): entries marked CountryInfo.
	if fh, err := os.Open(filepath.Join(corpora, "eventdata", "petrarch2", "Phoenix.Countries.actors.txt")); err == nil {
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] < 'A' || line[0] > 'Z' || !strings.Contains(line, "CountryInfo") {
				continue
			}
			n := line
			if i := strings.IndexAny(n, " \t#["); i >= 0 {
				n = n[:i]
			}
			w := strings.Fields(strings.ReplaceAll(strings.Trim(n, "_"), "_", " "))
			for len(w) > 1 && lx.titles[strings.ToLower(strings.TrimSuffix(w[0], "."))] {
				w = w[1:]
			}
			if len(w) < 2 || strings.ContainsAny(n, ",()") {
				continue
			}
			add("PERSON", nameCase(strings.ToLower(strings.Join(w, " "))))
		}
		fh.Close()
	}
	return p
}

// nameCase capitalises the words of a lower-case name: function words inside the name
// stay lower case, words without a vowel (acronyms such as "nlf", "pkk") become upper case;
// other acronyms ("plo") stay capitalised words.
func nameCase(n string) string {
	w := strings.Fields(n)
	for i, x := range w {
		switch {
		case i > 0 && (x == "of" || x == "the" || x == "and" || x == "for" || x == "in" || x == "on" || x == "de" || x == "la" || x == "du" || x == "des"):
		case !strings.ContainsAny(x, "aeiouy"):
			w[i] = strings.ToUpper(x)
		default:
			r, n := utf8.DecodeRuneInString(x)
			w[i] = string(unicode.ToUpper(r)) + x[n:]
		}
	}
	return strings.Join(w, " ")
}

// augmenter makes mention-replacement copies of sentences.
type augmenter struct {
	train, ext namePools
	extShare   int // percent of draws from ext (when it has names of the type)
	rate       int // percent of a sentence's spans replaced (at least one is)
	rng        *rand.Rand
}

// draw returns a random name of type typ; one-word person mentions (surnames alone, as
// news writes them after the first mention) mostly get a one-word name.
func (a *augmenter) draw(typ string, n int) []string {
	pool := a.train[typ]
	if e := a.ext[typ]; len(e) > 0 && a.rng.Intn(100) < a.extShare {
		pool = e
	}
	if len(pool) == 0 {
		return nil
	}
	w := pool[a.rng.Intn(len(pool))]
	if typ == "PERSON" && n == 1 && len(w) > 1 && a.rng.Intn(100) < 70 {
		w = w[len(w)-1:]
	}
	return w
}

func (a *augmenter) drawIf(ok bool, typ string, n int) []string {
	if !ok {
		return nil
	}
	return a.draw(typ, n)
}

// copyOf returns a copy of s with some of its augTypes spans replaced, and false when s has
// no such span.
func (a *augmenter) copyOf(s *Sentence) (Sentence, bool) {
	var sps []span
	for _, sp := range spans(s.Tags) {
		if augTypes[sp.typ] {
			sps = append(sps, sp)
		}
	}
	if len(sps) == 0 {
		return Sentence{}, false
	}
	repl := make([]bool, len(sps))
	any := false
	for i := range sps {
		repl[i] = a.rng.Intn(100) < a.rate
		any = any || repl[i]
	}
	if !any {
		repl[a.rng.Intn(len(sps))] = true
	}
	out := Sentence{ID: s.ID, Doc: s.Doc + "#aug"}
	pos := s.POS != nil
	k, j := 0, 0
	for k < len(s.Words) {
		if j < len(sps) && sps[j].first == k {
			sp := sps[j]
			j++
			if w := a.drawIf(repl[j-1], sp.typ, sp.last-sp.first); w != nil {
				for x, word := range w {
					out.Words = append(out.Words, word)
					if x == 0 {
						out.Tags = append(out.Tags, "B-"+sp.typ)
					} else {
						out.Tags = append(out.Tags, "I-"+sp.typ)
					}
					if pos {
						out.POS = append(out.POS, "NNP")
					}
				}
				k = sp.last
				continue
			}
		}
		out.Words = append(out.Words, s.Words[k])
		out.Tags = append(out.Tags, s.Tags[k])
		if pos {
			out.POS = append(out.POS, s.POS[k])
		}
		k++
	}
	return out, true
}

// augment returns mention-replacement copies of ss: copies per sentence in percent (150 =
// one copy of every sentence with a span and a second of half of them).
func (a *augmenter) augment(ss []Sentence, percent int) []Sentence {
	var out []Sentence
	for i := range ss {
		n := percent / 100
		if a.rng.Intn(100) < percent%100 {
			n++
		}
		for c := 0; c < n; c++ {
			if s, ok := a.copyOf(&ss[i]); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// augmentData returns the mention-replacement copies of d's GMB and GUM training sentences
// that opt asks for (filling in its defaults), from a fixed seed.
func augmentData(d *Data, opt *TrainOptions, lx *lexicon) []Sentence {
	def := func(v *int, x int) {
		if *v == 0 {
			*v = x
		}
	}
	// defaults chosen on GUM dev and GMB dev (models/ner.md): six copies of every GUM
	// sentence with a name, none of GMB, half the names from the external lists
	def(&opt.AugGMB, -1)
	def(&opt.AugGUM, 600)
	def(&opt.AugExt, 50)
	def(&opt.AugRate, 50)
	if opt.AugGMB < 0 && opt.AugGUM < 0 || d.nGMB == 0 && d.gum == nil {
		return nil
	}
	a := &augmenter{
		train: mentionPools(append(d.Train[:d.nGMB:d.nGMB], d.gum...)),
		rate:  opt.AugRate,
		rng:   rand.New(rand.NewSource(opt.Seed*7919 + 17)),
	}
	if opt.AugExt > 0 {
		a.ext, a.extShare = externalPools(opt.Corpora, lx), opt.AugExt
	}
	var out []Sentence
	if opt.AugGMB > 0 {
		out = append(out, a.augment(d.Train[:d.nGMB], opt.AugGMB)...)
	}
	if opt.AugGUM > 0 {
		out = append(out, a.augment(d.gum, opt.AugGUM)...)
	}
	return out
}
