package gazetteer

import (
	"strings"
	"testing"
)

func TestLists(t *testing.T) {
	p := Places()
	for name, kind := range map[string]string{"iraq": "country", "baghdad": "city", "u.s.": "country", "anbar": "province"} {
		if p[name].Kind != kind {
			t.Errorf("Places()[%q] = %+v, want kind %s", name, p[name], kind)
		}
	}
	if Demonyms()["iraqi"] != "IQ" || !Groups()["shiite"] || !Titles()["ayatollah"] || !OrgHeads()["brigades"] ||
		!Particles()["abu"] || !Forces()["militias"] || Actors()["hezbollah"] != "ORG" || Variants()["US"] != "U.S." {
		t.Error("a word list lacks a basic entry")
	}
}

// TestPlaceIndex pins PlaceIndex to a plain map built from the data files as Places was
// built before the table: every name, place and miss the same.
func TestPlaceIndex(t *testing.T) {
	ref := map[string]Place{}
	for _, c := range refRows(places) {
		if len(c) >= 3 {
			ref[c[0]] = Place{Kind: c[1], ISO: c[2], Big: len(c) >= 4 && c[3] == "big"}
		}
	}
	for _, c := range refRows(countryAliases) {
		if len(c) >= 2 {
			ref[c[0]] = Place{Kind: "country", ISO: c[1]}
		}
	}
	tab := PlaceIndex()
	if tab.Len() != len(ref) {
		t.Fatalf("Len = %d, want %d", tab.Len(), len(ref))
	}
	seen := 0
	for name, p := range tab.All() {
		seen++
		if want, ok := ref[name]; !ok || p != want {
			t.Fatalf("All yields %q %+v, want %+v (%v)", name, p, want, ok)
		}
	}
	for name, want := range ref {
		if p, ok := tab.Lookup(name); !ok || p != want {
			t.Fatalf("Lookup(%q) = %+v, %v; want %+v", name, p, ok, want)
		}
		for _, miss := range []string{name + "x", name[1:], "#" + name} {
			if _, in := ref[miss]; !in {
				if p, ok := tab.Lookup(miss); ok || p != (Place{}) {
					t.Fatalf("Lookup(%q) = %+v, %v; want a miss", miss, p, ok)
				}
			}
		}
	}
	if m := Places(); len(m) != len(ref) || seen != len(ref) {
		t.Fatalf("Places has %d names, All %d, want %d", len(m), seen, len(ref))
	} else {
		for name, want := range ref {
			if m[name] != want {
				t.Fatalf("Places()[%q] = %+v, want %+v", name, m[name], want)
			}
		}
	}
}

// refRows is the plain row reader Places used before eachRow.
func refRows(s string) [][]string {
	var out [][]string
	for _, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	return out
}

// TestEachRow pins eachRow to refRows on every tab-separated file of the package.
func TestEachRow(t *testing.T) {
	for _, s := range []string{places, actors, countryAliases, demonyms, variants, directions, offices, descriptors,
		"", "\n", "a\tb\t\n#c\n\n\td", "x"} {
		var got [][]string
		eachRow(s, func(c []string) { got = append(got, append([]string(nil), c...)) })
		want := refRows(s)
		if len(got) != len(want) {
			t.Fatalf("eachRow gives %d rows, want %d", len(got), len(want))
		}
		for i := range want {
			if strings.Join(got[i], "\x00") != strings.Join(want[i], "\x00") || len(got[i]) != len(want[i]) {
				t.Fatalf("row %d: %q, want %q", i, got[i], want[i])
			}
		}
	}
}

func BenchmarkPlaces(b *testing.B) {
	for range b.N {
		Places()
	}
}

func BenchmarkPlaceTable(b *testing.B) {
	for range b.N {
		newPlaceTable()
	}
}

// lookupWords is a mix of place names and other words, as the recognisers look them up.
func lookupWords() []string {
	var ws []string
	i := 0
	for name := range PlaceIndex().All() {
		if i%97 == 0 {
			ws = append(ws, name, strings.ToUpper(name[:1])+"x", name+"s")
		}
		i++
	}
	return ws
}

func BenchmarkLookupMap(b *testing.B) {
	m, ws := Places(), lookupWords()
	b.ResetTimer()
	for i := range b.N {
		_ = m[ws[i%len(ws)]]
	}
}

func BenchmarkLookupTable(b *testing.B) {
	t, ws := PlaceIndex(), lookupWords()
	b.ResetTimer()
	for i := range b.N {
		t.Lookup(ws[i%len(ws)])
	}
}
