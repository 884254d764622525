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
	byID    map[string]int
	byKey   map[string]int // folded name key -> entry; ambiguous keys removed
	byISO   map[string]int // alpha-2 and alpha-3 codes -> country entry
	ties    map[string][]int
	agents  map[string]string // agent nouns added by WithAgents -> entity type
}

// Parse reads a dictionary in the dict.tsv format: '#' comments, and lines
//
//	E <tab> id <tab> type <tab> country <tab> names separated by '|' <tab> iso2 <tab> capital <tab> note
//	T <tab> a <tab> type <tab> b <tab> from <tab> to <tab> sector
//
// Malformed lines are errors naming the line.
func Parse(r io.Reader) (*Dictionary, error) {
	d := &Dictionary{byID: map[string]int{}, byKey: map[string]int{}, byISO: map[string]int{}, ties: map[string][]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		switch f[0] {
		case "E":
			if len(f) < 5 || f[1] == "" || f[4] == "" {
				return nil, fmt.Errorf("actors: line %d: entry needs id, type, country and names", ln)
			}
			e := Entry{ID: f[1], Type: f[2], Country: f[3], Names: strings.Split(f[4], "|")}
			if len(f) > 5 {
				e.ISO2 = f[5]
			}
			if len(f) > 6 {
				e.Capital = f[6]
			}
			if len(f) > 7 {
				e.Note = f[7]
			}
			if _, dup := d.byID[e.ID]; dup {
				return nil, fmt.Errorf("actors: line %d: duplicate id %q", ln, e.ID)
			}
			d.byID[e.ID] = len(d.Entries)
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
	if err := sc.Err(); err != nil {
		return nil, err
	}
	d.index()
	return d, nil
}

func (d *Dictionary) index() {
	amb := map[string]bool{}
	for i, e := range d.Entries {
		for _, n := range e.Names {
			k := Key(n, e.Type)
			if k == "" {
				continue
			}
			if j, ok := d.byKey[k]; ok && j != i {
				amb[k] = true
				continue
			}
			d.byKey[k] = i
		}
		if e.Type == "GPE" && e.ISO2 != "" {
			d.byISO[e.ISO2] = i
			d.byISO[e.Country] = i
		}
	}
	for k := range amb {
		delete(d.byKey, k)
	}
	for i, t := range d.Ties {
		d.ties[t.A] = append(d.ties[t.A], i)
	}
}

// Lookup returns the entry whose name has the folded key of name (read as type typ), or
// nil. Names shared by several entries are not found.
func (d *Dictionary) Lookup(name, typ string) *Entry {
	if i, ok := d.byKey[Key(name, typ)]; ok {
		return &d.Entries[i]
	}
	return nil
}

// LookupKey is Lookup for a key already folded by Key.
func (d *Dictionary) LookupKey(key string) *Entry {
	if i, ok := d.byKey[key]; ok {
		return &d.Entries[i]
	}
	return nil
}

// Entry returns the entry with the given id, or nil.
func (d *Dictionary) Entry(id string) *Entry {
	if i, ok := d.byID[id]; ok {
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
	var out []Tie
	for _, i := range d.ties[id] {
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
	defOnce.Do(func() { def, defErr = Parse(strings.NewReader(dictTSV)) })
	return def, defErr
}
