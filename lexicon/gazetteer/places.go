package gazetteer

import (
	"iter"
	"strings"
	"sync"

	"github.com/faultline/faultline/lexicon/internal/strtab"
)

// PlaceTable holds the names and places of Places without a map of strings: the names are
// packed in one buffer with a hash index of integers (lexicon/internal/strtab) and each place
// is a few small integers, so the garbage collector has nothing to scan in it but the lists
// of the few distinct kinds and country codes. Read it from any number of goroutines; it
// never changes.
type PlaceTable struct {
	names *strtab.Table
	vals  []placeVal // by name number
	kinds []string   // the distinct Kind values, by number
	isos  []string   // the distinct ISO values, by number
}

// placeVal is a Place by the numbers of its Kind and ISO strings.
type placeVal struct {
	kind, iso uint16
	big       bool
}

var placeIndex = sync.OnceValue(newPlaceTable)

// PlaceIndex returns the place gazetteer (the names and places of Places), built once and
// shared.
func PlaceIndex() *PlaceTable { return placeIndex() }

func newPlaceTable() *PlaceTable {
	// Room for a name a line, in about half of places.tsv's bytes: estimates (the table grows).
	t := &PlaceTable{names: strtab.New(strings.Count(places, "\n")+strings.Count(countryAliases, "\n"), len(places)/2)}
	nums := map[*[]string]map[string]uint16{&t.kinds: {}, &t.isos: {}}
	num := func(list *[]string, v string) uint16 {
		n, ok := nums[list][v]
		if !ok {
			if len(*list) > 0xffff {
				panic("gazetteer: more than 65536 kinds or country codes")
			}
			n = uint16(len(*list))
			nums[list][v] = n
			*list = append(*list, v)
		}
		return n
	}
	set := func(name string, p placeVal) {
		i, added := t.names.Add(name)
		if added {
			t.vals = append(t.vals, p)
		} else {
			t.vals[i] = p
		}
	}
	eachRow(places, func(c []string) {
		if len(c) >= 3 {
			set(c[0], placeVal{kind: num(&t.kinds, c[1]), iso: num(&t.isos, c[2]), big: len(c) >= 4 && c[3] == "big"})
		}
	})
	eachRow(countryAliases, func(c []string) {
		if len(c) >= 2 {
			set(c[0], placeVal{kind: num(&t.kinds, "country"), iso: num(&t.isos, c[1])})
		}
	})
	return t
}

// Lookup returns the place of a name (lower-case), as Places()[name] does.
func (t *PlaceTable) Lookup(name string) (Place, bool) {
	i, ok := t.names.Index(name)
	if !ok {
		return Place{}, false
	}
	return t.place(i), true
}

// LookupBytes is Lookup for a name given as bytes.
func (t *PlaceTable) LookupBytes(name []byte) (Place, bool) {
	i, ok := t.names.IndexBytes(name)
	if !ok {
		return Place{}, false
	}
	return t.place(i), true
}

// Len returns the number of names.
func (t *PlaceTable) Len() int { return t.names.Len() }

// All yields every name with its place, in the order of places.tsv and then
// country_aliases.tsv.
func (t *PlaceTable) All() iter.Seq2[string, Place] {
	return func(yield func(string, Place) bool) {
		for i := range t.names.Len() {
			if !yield(t.names.Key(i), t.place(i)) {
				return
			}
		}
	}
}

func (t *PlaceTable) place(i int) Place {
	v := t.vals[i]
	return Place{Kind: t.kinds[v.kind], ISO: t.isos[v.iso], Big: v.big}
}
