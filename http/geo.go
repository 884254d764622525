package http

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// places.tsv is the gazetteer: countries (Natural Earth, public domain) and the GeoNames
// cities of 15,000+ people (CC BY 4.0); see assets/geo/NOTES.md.
//
//go:embed assets/geo/places.tsv
var placesTSV string

// Place is a gazetteer entry.
type Place struct {
	Name    string
	Country string // ISO alpha-3 for countries, alpha-2 for cities, as the sources give it
	Lat     float64
	Lon     float64
}

var gazetteer struct {
	once  sync.Once
	names map[string]Place
}

// placeKey normalises a place name for lookup: lower case, no leading article or "al-".
func placeKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.ReplaceAll(s, "’", "'")
	return s
}

func loadGazetteer() {
	g := map[string]Place{}
	for _, line := range strings.Split(placesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 7 {
			continue
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		p := Place{Name: f[0], Country: f[3], Lat: lat, Lon: lon}
		// Entries come countries first, then cities by population: the first claim wins.
		add := func(name string) {
			if k := placeKey(name); k != "" {
				if _, ok := g[k]; !ok {
					g[k] = p
				}
			}
		}
		add(f[0])
		if f[6] != "" {
			for _, a := range strings.Split(f[6], ",") {
				add(a)
			}
		}
	}
	gazetteer.names = g
}

// geocode finds a place name in the gazetteer: as given, then without an Arabic article
// ("al-Kut" → "Kut"), then its last comma-separated part dropped ("Basra, Iraq" → "Basra").
func geocode(name string) (Place, bool) {
	if name == "" {
		return Place{}, false
	}
	gazetteer.once.Do(loadGazetteer)
	k := placeKey(name)
	if p, ok := gazetteer.names[k]; ok {
		return p, true
	}
	for _, pre := range []string{"al-", "al ", "el-", "an-", "ar-", "as-", "ad-"} {
		if rest, ok := strings.CutPrefix(k, pre); ok {
			if p, ok := gazetteer.names[rest]; ok {
				return p, true
			}
		}
	}
	if first, _, ok := strings.Cut(k, ","); ok {
		return geocode(first)
	}
	return Place{}, false
}
