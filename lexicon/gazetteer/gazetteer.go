// Package gazetteer ships the place names, actor names and word lists that entity
// recognition reads: countries, provinces and cities (GeoNames, Natural Earth), a general
// actor list (Phoenix/PETRARCH2 dictionaries), demonyms, religious and ethnic group words,
// titles, organisation head words, Arabic name particles and security nouns. Every name is
// lower-cased; see NOTES.md for sources and licences, and build.go for how places.tsv and
// actors.tsv are regenerated.
package gazetteer

import (
	_ "embed"
	"strings"
)

//go:embed places.tsv
var places string

//go:embed actors.tsv
var actors string

//go:embed country_aliases.tsv
var countryAliases string

//go:embed demonyms.tsv
var demonyms string

//go:embed groups.txt
var groups string

//go:embed titles.txt
var titles string

//go:embed orgheads.txt
var orgHeads string

//go:embed particles.txt
var particles string

//go:embed forces.txt
var forces string

//go:embed variants.tsv
var variants string

//go:embed nonnames.txt
var nonNames string

//go:embed actornouns.txt
var actorNouns string

//go:embed actormods.txt
var actorMods string

//go:embed people.txt
var people string

//go:embed directions.txt
var directions string

//go:embed following.txt
var following string

//go:embed geonouns.txt
var geoNouns string

//go:embed offices.txt
var offices string

//go:embed descriptors.tsv
var descriptors string

// Place is a gazetteer entry for a place name.
type Place struct {
	Kind string // "country", "province" or "city"
	ISO  string // ISO 3166-1 alpha-2 code of its country
	Big  bool   // a city of 100,000 people or more under this name (GeoNames)
}

// Places returns the place names (lower-case) with their kind and country: GeoNames
// countries and cities of 15,000 people or more, Natural Earth provinces, and the short
// country names of country_aliases.tsv. Each call builds a new map; PlaceIndex gives the
// same names and places without one.
func Places() map[string]Place {
	t := PlaceIndex()
	m := make(map[string]Place, t.Len())
	for name, p := range t.All() {
		m[name] = p
	}
	return m
}

// Actors returns names (lower-case) of organisations and armed groups with their entity
// type, from the Phoenix dictionaries.
func Actors() map[string]string { return pairs(actors) }

// Demonyms returns the adjectives and nouns of nationality (lower-case) with their ISO code.
func Demonyms() map[string]string { return pairs(demonyms) }

// Groups returns religious, ethnic and political group words (NORP).
func Groups() map[string]bool { return set(groups) }

// Titles returns the words that come before a person's name.
func Titles() map[string]bool { return set(titles) }

// OrgHeads returns the head words of organisation names.
func OrgHeads() map[string]bool { return set(orgHeads) }

// Particles returns the particles of Arabic and similar names (al-, bin, Abu).
func Particles() map[string]bool { return set(particles) }

// Forces returns the security and group nouns of descriptive actors ("Iraqi army").
func Forces() map[string]bool { return set(forces) }

// Variants returns spelling variants (case-sensitive: US, Shiite, al-Qaeda) with the form
// entity recognition's lexical features use (U.S., Shi'ite, al-Qaida).
func Variants() map[string]string { return pairs(variants) }

// NonNames returns closed-class words that are never a name on their own (He, The, This).
func NonNames() map[string]bool { return set(nonNames) }

// ActorNouns returns the nouns that name a collective actor on their own (police,
// insurgents, militias); multi-word entries are joined by one space.
func ActorNouns() map[string]bool { return set(actorNouns) }

// ActorMods returns the modifiers that make a descriptive actor with a security noun
// ("occupation forces", "federal police").
func ActorMods() map[string]bool { return set(actorMods) }

// People returns plural nouns for groups of people (tribes, politicians) that extend a group
// word into one group mention ("Sunni tribes").
func People() map[string]bool { return set(people) }

// Directions returns compass nouns (north) with their adjectives (northern).
func Directions() map[string]string { return pairs(directions) }

// Following returns the nouns that, after a person's or group's name, name the
// organisation or following it leads ("Bush administration", "Sadr's movement").
func Following() map[string]bool { return set(following) }

// GeoNouns returns nouns of geographic areas that make a location after a group word or
// national adjective ("Kurdish region", "Iranian border").
func GeoNouns() map[string]bool { return set(geoNouns) }

// Offices returns the words of offices held by one person, each marked "head" (president,
// minister) or "mod" (prime, foreign: words between a national adjective and the head).
func Offices() map[string]string { return pairs(offices) }

// Descriptors returns, by kind, the words around a name that say what it names: "namehead"
// (an organisation head that takes a complement: Centre for …), "before" and "after" (common
// nouns that introduce or follow an organisation's name: the daily X, the X firm),
// "aftermod" (words between a name and an "after" noun: security), "feature" (geographic
// features named after a place: river, tunnel), "placehead" (Province), "partymod"
// (religious, secular: kinds of party), "followers" (followers, loyalists: of a leader),
// "area" (region, provinces: the Kurdish region), "stateagent" (officials, diplomats: people
// who act for a state), "speech" (says, told: verbs before a speaker's name) and "titlemod"
// (rear, deputy: words that open a title of several words).
func Descriptors() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	eachRow(descriptors, func(c []string) {
		if len(c) >= 2 {
			k := strings.TrimSpace(c[0])
			if m[k] == nil {
				m[k] = map[string]bool{}
			}
			m[k][strings.ToLower(strings.TrimSpace(c[1]))] = true
		}
	})
	return m
}

// eachRow calls fn with the tab-separated fields of each line of s that is neither empty nor
// a '#' comment. fn must not keep the slice (it is reused); the fields are substrings of s.
func eachRow(s string, fn func(fields []string)) {
	var c []string
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		c = c[:0]
		for {
			i := strings.IndexByte(line, '\t')
			if i < 0 {
				break
			}
			c = append(c, line[:i])
			line = line[i+1:]
		}
		fn(append(c, line))
	}
}

func pairs(s string) map[string]string {
	m := map[string]string{}
	eachRow(s, func(c []string) {
		if len(c) >= 2 {
			m[strings.TrimSpace(c[0])] = strings.TrimSpace(c[1])
		}
	})
	return m
}

func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(list, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if w := strings.ToLower(strings.TrimSpace(line)); w != "" {
			m[w] = true
		}
	}
	return m
}
