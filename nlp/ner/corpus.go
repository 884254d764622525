package ner

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Sentence is a tokenised sentence with IOB2 entity tags of the contract's types, as read
// from a training or evaluation corpus.
type Sentence struct {
	ID    int      // sentence id in its corpus (GMB: the "Sentence: N" number)
	Doc   string   // document the sentence belongs to, if known
	Words []string // tokens
	POS   []string // Penn tags, if the corpus has them
	Tags  []string // IOB2 tags: "B-PERSON", "I-PERSON", "O"
}

// ReadCoNLL reads a file with a token a line and the IOB2 tag in the last column; the token
// is the first column, or the second when the first is a running index (wikigold's layout).
// Blank lines separate sentences; lines starting with "#" are skipped; a -DOCSTART- token
// starts a new document (Sentence.Doc counts them).
// Tags are returned as they are in the file.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	doc := 0
	flush := func() {
		if len(cur.Words) > 0 {
			cur.ID = len(out)
			cur.Doc = strconv.Itoa(doc)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) > 0 && (f[0] == "-DOCSTART-" || len(f) > 1 && f[1] == "-DOCSTART-") {
			flush()
			doc++
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want a token and a tag, got %q", n, line)
		}
		w := f[0]
		if len(f) >= 3 {
			if _, err := strconv.Atoi(f[0]); err == nil {
				w = f[1]
			}
		}
		tag := f[len(f)-1]
		if tag != "O" && !(strings.HasPrefix(tag, "B-") || strings.HasPrefix(tag, "I-")) {
			return nil, fmt.Errorf("line %d: tag %q is not IOB2", n, tag)
		}
		cur.Words = append(cur.Words, w)
		cur.Tags = append(cur.Tags, tag)
	}
	flush()
	return out, sc.Err()
}

// readGMB reads the GMB-derived CSV (Latin-1; columns sentence id, word, POS, tag) from
// its zip and returns the sentences with their raw GMB tags.
func readGMB(path string) ([]Sentence, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	if len(zr.File) == 0 {
		return nil, fmt.Errorf("%s: empty zip", path)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	cr := csv.NewReader(charmap.ISO8859_1.NewDecoder().Reader(bufio.NewReaderSize(rc, 1<<20)))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var out []Sentence
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if first {
			first = false
			continue
		}
		if len(rec) < 4 {
			continue
		}
		if rec[0] != "" {
			id, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(rec[0], "Sentence:")))
			if err != nil {
				return nil, fmt.Errorf("%s: sentence id %q", path, rec[0])
			}
			out = append(out, Sentence{ID: id})
		}
		if len(out) == 0 {
			continue
		}
		s := &out[len(out)-1]
		s.Words = append(s.Words, rec[1])
		s.POS = append(s.POS, rec[2])
		s.Tags = append(s.Tags, rec[3])
	}
	return out, nil
}

// GUMGenres are the GUM genres whose texts are CC BY or CC BY-SA: only these are used to
// train shipped weights (see GUM's LICENSE.txt).
var GUMGenres = []string{"academic", "bio", "court", "interview", "news", "voyage"}

// readGUM reads the CC BY(-SA) genres of GUM's dep/*.conllu and turns its entity mentions
// into named-entity tags: a mention counts when its syntactic head is a proper noun; its
// span is trimmed to the stretch from its first to its last proper noun. Types: person ->
// PERSON, organization -> ORG, place -> GPE/LOC (by the gazetteer), event -> EVENT; the
// others are dropped.
func readGUM(dir string, lx *lexicon) ([]Sentence, error) {
	var files []string
	for _, g := range GUMGenres {
		m, err := filepath.Glob(filepath.Join(dir, "GUM_"+g+"_*.conllu"))
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no GUM files", dir)
	}
	var out []Sentence
	for _, f := range files {
		ss, err := readGUMFile(f, lx)
		if err != nil {
			return nil, err
		}
		out = append(out, ss...)
	}
	return out, nil
}

type gumMention struct {
	id, typ     string
	first, last int // token indexes, inclusive
}

func readGUMFile(path string, lx *lexicon) ([]Sentence, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	doc := strings.TrimSuffix(filepath.Base(path), ".conllu")
	var out []Sentence
	var words, upos, xpos []string
	var heads []int
	var done []gumMention
	open := map[string][]gumMention{}
	flush := func() {
		if len(words) > 0 {
			s := Sentence{ID: len(out), Doc: doc, Words: words, POS: xpos, Tags: make([]string, len(words))}
			for i := range s.Tags {
				s.Tags[i] = "O"
			}
			// named types first, longest first; the names of works and laws (MISC) only
			// where no person, organisation or place is
			isMisc := func(t string) bool { return t == "object" || t == "abstract" }
			sort.SliceStable(done, func(i, j int) bool {
				if a, b := isMisc(done[i].typ), isMisc(done[j].typ); a != b {
					return b
				}
				return done[i].last-done[i].first > done[j].last-done[j].first
			})
			for _, m := range done {
				gumLabel(&s, m, upos, heads, lx)
			}
			out = append(out, s)
		}
		words, upos, xpos, heads, done = nil, nil, nil, nil, nil
		open = map[string][]gumMention{}
	}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 10 || strings.ContainsAny(c[0], "-.") {
			continue
		}
		i := len(words)
		words = append(words, c[1])
		upos = append(upos, c[3])
		xpos = append(xpos, c[4])
		h, _ := strconv.Atoi(c[6])
		heads = append(heads, h-1)
		for _, kv := range strings.Split(c[9], "|") {
			if !strings.HasPrefix(kv, "Entity=") {
				continue
			}
			e := kv[len("Entity="):]
			for p := 0; p < len(e); {
				switch {
				case e[p] == '(':
					q := p + 1
					for q < len(e) && e[q] != '(' && e[q] != ')' {
						q++
					}
					info := strings.SplitN(e[p+1:q], "-", 3)
					m := gumMention{first: i, last: i}
					if len(info) >= 2 {
						m.id, m.typ = info[0], info[1]
					}
					if q < len(e) && e[q] == ')' {
						done = append(done, m)
						q++
					} else {
						open[m.id] = append(open[m.id], m)
					}
					p = q
				case e[p] >= '0' && e[p] <= '9':
					q := p
					for q < len(e) && e[q] >= '0' && e[q] <= '9' {
						q++
					}
					id := e[p:q]
					if st := open[id]; len(st) > 0 {
						m := st[len(st)-1]
						open[id] = st[:len(st)-1]
						m.last = i
						done = append(done, m)
					}
					if q < len(e) && e[q] == ')' {
						q++
					}
					p = q
				default:
					p++
				}
			}
		}
	}
	flush()
	return out, sc.Err()
}

// gumLabel tags one GUM mention in s if it is a named one and does not overlap a tag
// already set (longer mentions are labelled first).
func gumLabel(s *Sentence, m gumMention, upos []string, heads []int, lx *lexicon) {
	var typ string
	switch m.typ {
	case "person":
		typ = "PERSON"
	case "organization":
		typ = "ORG"
	case "place":
		typ = "LOC"
	case "event":
		typ = "EVENT"
	case "object", "abstract":
		typ = misc // named works, products, laws, languages: none of the contract's types
	default:
		return
	}
	head := -1
	for i := m.first; i <= m.last; i++ {
		if h := heads[i]; h < m.first || h > m.last {
			head = i
			break
		}
	}
	if head < 0 || upos[head] != "PROPN" && !strings.HasPrefix(s.POS[head], "NNP") {
		return
	}
	// The name is the run of proper nouns around the head, with "of", "the", "and", "for",
	// "de" between proper nouns (University of Portsmouth).
	first, last := head, head
	inner := func(i int) bool {
		switch strings.ToLower(s.Words[i]) {
		case "of", "the", "and", "for", "de", "&", "-":
			return true
		}
		return false
	}
	name := func(i int) bool {
		return upos[i] == "PROPN" || strings.HasPrefix(s.POS[i], "NNP") ||
			isCap(s.Words[i]) && (upos[i] == "ADJ" || upos[i] == "NOUN")
	}
	for first > m.first {
		if name(first - 1) {
			first--
		} else if first-2 >= m.first && inner(first-1) && name(first-2) {
			first -= 2
		} else {
			break
		}
	}
	for last < m.last {
		if name(last + 1) {
			last++
		} else if last+2 <= m.last && inner(last+1) && name(last+2) {
			last += 2
		} else {
			break
		}
	}
	for i := first; i <= last; i++ {
		if s.Tags[i] != "O" {
			return
		}
	}
	if typ == "LOC" && lx.isPlace(s.Words[first:last+1]) {
		typ = "GPE"
	}
	setSpan(s.Tags, first, last+1, typ)
}

func setSpan(tags []string, first, last int, typ string) {
	for i := first; i < last; i++ {
		if i == first {
			tags[i] = "B-" + typ
		} else {
			tags[i] = "I-" + typ
		}
	}
}

// spans returns the [first,last) spans of IOB2 tags, with their types. An I- tag that does
// not continue a span of its type starts one (the usual lenient reading).
func spans(tags []string) []span { return appendSpans(nil, tags) }

type span struct {
	first, last int
	typ         string
}

// isCap reports whether w starts with an upper-case letter.
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
