// Package actors is faultline's general actor dictionary and the name keys actor
// resolution compares: countries with their capitals (GeoNames), international
// organisations, armed non-state groups and office holders (the Phoenix/PETRARCH2
// dictionaries, corrected), time-bounded leader_of ties from the dictionary roles, and the
// transliteration folds that make "Muqtada" and "Moqtada" one name. dict.tsv is generated
// by gen.go (go generate); NOTES.md gives sources, licences and known corrections.
package actors

//go:generate go run gen.go ../../../shared/corpora

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/faultline/faultline/lexicon/internal/strtab"
)

//go:embed dict.tsv
var dictTSV string

// Entry is one actor of the dictionary.
type Entry struct {
	ID      string   // slug of the display name, unique in the dictionary
	Type    string   // PERSON, ORG or GPE
	Country string   // ISO 3166 alpha-3 code of the country it belongs to, or ""
	ISO2    string   // for countries: the alpha-2 code
	Capital string   // for countries: the capital city
	Names   []string // display name first, then the other names
	Note    string   // a correction or a caveat
}

// Tie is a dictionary relation with the dates it holds: a role of the Phoenix dictionaries
// ("[IRQGOV 20060520-20140908]") read as leader_of the country's government.
type Tie struct {
	A, Type, B string // entry ids
	From, To   string // YYYY-MM-DD, "" when open
	Sector     string // the CAMEO sector code the role came from, e.g. GOV
}

// Dictionary is the parsed actor dictionary with a name index.
type Dictionary struct {
	Entries []Entry
	Ties    []Tie
	byID    index             // entry id -> entry
	byKey   index             // folded name key -> entry; ambiguous keys removed
	byISO   map[string]int    // alpha-2 and alpha-3 codes -> country entry
	ties    tieIndex          // entry id -> its ties
	agents  map[string]string // agent nouns added by WithAgents -> entity type
}

// index maps strings to entry numbers without a map of strings: the strings are packed in a
// strtab.Table, so the collector scans nothing of it. A number below 0 is a removed string.
type index struct {
	keys *strtab.Table
	to   []int32
}

func (x *index) get(k string) (int, bool) {
	if i, ok := x.keys.Index(k); ok && x.to[i] >= 0 {
		return int(x.to[i]), true
	}
	return -1, false
}

func (x *index) set(k string, v int) {
	if x.keys == nil {
		x.keys = strtab.New(0, 0)
	}
	if i, added := x.keys.Add(k); added {
		x.to = append(x.to, int32(v))
	} else {
		x.to[i] = int32(v)
	}
}

func (x *index) remove(k string) {
	if i, ok := x.keys.Index(k); ok {
		x.to[i] = -1
	}
}

// tieIndex lists the ties of each entry id: the ties of id number k of ids are
// list[at[k]:at[k+1]], numbers into Dictionary.Ties in their order there.
type tieIndex struct {
	ids  *strtab.Table
	at   []uint32
	list []uint32
}

// maxLine is the longest line Parse reads (bufio.Scanner's limit as Parse had set it: a line
// and its newline in 4 MiB).
const maxLine = 4 * 1024 * 1024

// Parse reads a dictionary in the dict.tsv format: '#' comments, and lines
//
//	E <tab> id <tab> type <tab> country <tab> names separated by '|' <tab> iso2 <tab> capital <tab> note
//	T <tab> a <tab> type <tab> b <tab> from <tab> to <tab> sector
//
// Malformed lines are errors naming the line.
func Parse(r io.Reader) (*Dictionary, error) {
	var b strings.Builder
	_, rerr := io.Copy(&b, r)
	d, err := parse(b.String()) // a read error ends the text as the end of r would (bufio.Scanner)
	if err == nil && rerr != nil {
		return nil, rerr
	}
	return d, err
}

// parse is Parse on a string: every string of the dictionary is a substring of s, and the
// names of all entries share a few arrays.
func parse(s string) (*Dictionary, error) {
	d := &Dictionary{
		Entries: make([]Entry, 0, strings.Count(s, "\nE\t")+1),
		Ties:    make([]Tie, 0, strings.Count(s, "\nT\t")+1),
	}
	d.byID.keys = strtab.New(cap(d.Entries), 0)
	var f, pool []string
	for ln := 1; s != ""; ln++ {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if len(line) >= maxLine {
			return nil, bufio.ErrTooLong
		}
		line = strings.TrimSuffix(line, "\r") // as bufio.ScanLines
		if line == "" || line[0] == '#' {
			continue
		}
		f = split(f[:0], line, '\t')
		switch f[0] {
		case "E":
			if len(f) < 5 || f[1] == "" || f[4] == "" {
				return nil, fmt.Errorf("actors: line %d: entry needs id, type, country and names", ln)
			}
			if n := strings.Count(f[4], "|") + 1; cap(pool)-len(pool) < n {
				pool = make([]string, 0, max(4096, n))
			}
			k := len(pool)
			pool = split(pool, f[4], '|')
			e := Entry{ID: f[1], Type: f[2], Country: f[3], Names: pool[k:len(pool):len(pool)]}
			if len(f) > 5 {
				e.ISO2 = f[5]
			}
			if len(f) > 6 {
				e.Capital = f[6]
			}
			if len(f) > 7 {
				e.Note = f[7]
			}
			if _, dup := d.byID.get(e.ID); dup {
				return nil, fmt.Errorf("actors: line %d: duplicate id %q", ln, e.ID)
			}
			d.byID.set(e.ID, len(d.Entries))
			d.Entries = append(d.Entries, e)
		case "T":
			if len(f) < 4 || f[1] == "" || f[2] == "" || f[3] == "" {
				return nil, fmt.Errorf("actors: line %d: tie needs a, type and b", ln)
			}
			t := Tie{A: f[1], Type: f[2], B: f[3]}
			if len(f) > 4 {
				t.From = f[4]
			}
			if len(f) > 5 {
				t.To = f[5]
			}
			if len(f) > 6 {
				t.Sector = f[6]
			}
			d.Ties = append(d.Ties, t)
		default:
			return nil, fmt.Errorf("actors: line %d: unknown record %q", ln, f[0])
		}
	}
	d.index()
	return d, nil
}

// split appends the parts of s between the seps to dst, as strings.Split does.
func split(dst []string, s string, sep byte) []string {
	for {
		i := strings.IndexByte(s, sep)
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// index builds the name, country and tie indexes from the entries and ties.
func (d *Dictionary) index() {
	d.byKey = index{keys: strtab.New(2*len(d.Entries), 0)}
	d.byISO = map[string]int{}
	amb := map[string]bool{}
	for i, e := range d.Entries {
		for _, n := range e.Names {
			k := Key(n, e.Type)
			if k == "" {
				continue
			}
			if j, ok := d.byKey.get(k); ok && j != i {
				amb[k] = true
				continue
			}
			d.byKey.set(k, i)
		}
		if e.Type == "GPE" && e.ISO2 != "" {
			d.byISO[e.ISO2] = i
			d.byISO[e.Country] = i
		}
	}
	for k := range amb {
		d.byKey.remove(k)
	}
	x := tieIndex{ids: strtab.New(len(d.Ties)/2, 0)}
	num := make([]uint32, len(d.Ties))
	for i, t := range d.Ties {
		k, added := x.ids.Add(t.A)
		if added {
			x.at = append(x.at, 0)
		}
		x.at[k]++
		num[i] = uint32(k)
	}
	x.at = append(x.at, 0)
	for k, sum := 0, uint32(0); k < len(x.at); k++ { // counts -> starts
		x.at[k], sum = sum, sum+x.at[k]
	}
	x.list = make([]uint32, len(d.Ties))
	next := append([]uint32(nil), x.at...)
	for i, k := range num {
		x.list[next[k]] = uint32(i)
		next[k]++
	}
	d.ties = x
}

// Lookup returns the entry whose name has the folded key of name (read as type typ), or
// nil. Names shared by several entries are not found.
func (d *Dictionary) Lookup(name, typ string) *Entry {
	if i, ok := d.byKey.get(Key(name, typ)); ok {
		return &d.Entries[i]
	}
	return nil
}

// LookupTyped returns the entry Lookup(name, typ) finds for the first of types whose entry
// has that type, or nil: what a loop over Lookup finds, with the name split into words once
// and a key shared by two types looked up once.
func (d *Dictionary) LookupTyped(name string, types ...string) *Entry {
	ws := Words(name)
	var prev string
	var e *Entry // what prev finds
	for i, typ := range types {
		if k := parseWords(name, ws, typ).Key(); i == 0 || k != prev {
			prev, e = k, d.LookupKey(k)
		}
		if e != nil && e.Type == typ {
			return e
		}
	}
	return nil
}

// LookupKey is Lookup for a key already folded by Key.
func (d *Dictionary) LookupKey(key string) *Entry {
	if i, ok := d.byKey.get(key); ok {
		return &d.Entries[i]
	}
	return nil
}

// Entry returns the entry with the given id, or nil.
func (d *Dictionary) Entry(id string) *Entry {
	if i, ok := d.byID.get(id); ok {
		return &d.Entries[i]
	}
	return nil
}

// Country returns the country entry with an ISO 3166 alpha-2 or alpha-3 code, or nil.
func (d *Dictionary) Country(code string) *Entry {
	if i, ok := d.byISO[strings.ToUpper(code)]; ok {
		return &d.Entries[i]
	}
	return nil
}

// TiesOf returns the dictionary ties whose A is the entry id.
func (d *Dictionary) TiesOf(id string) []Tie {
	k, ok := d.ties.ids.Index(id)
	if !ok {
		return nil
	}
	var out []Tie
	for _, i := range d.ties.list[d.ties.at[k]:d.ties.at[k+1]] {
		out = append(out, d.Ties[i])
	}
	return out
}

var (
	defOnce sync.Once
	def     *Dictionary
	defErr  error
)

// Default returns the dictionary shipped in the binary (dict.tsv). It is parsed once.
func Default() (*Dictionary, error) {
	defOnce.Do(func() { def, defErr = parse(dictTSV) })
	return def, defErr
}
