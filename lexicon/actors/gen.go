//go:build ignore

// gen.go converts GeoNames countryInfo.tsv and the Phoenix/PETRARCH2 actor dictionaries
// into dict.tsv, correcting what it can (see NOTES.md):
//
//	go run gen.go ../../../shared/corpora     (from lexicon/actors; or go generate)
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/faultline/faultline/lexicon/actors"
	"github.com/faultline/faultline/lexicon/gazetteer"
)

type entry struct {
	id, typ, country, iso2, capital, note string
	names                                 []string
	roles                                 []actors.PhoenixRole
	primary                               string // key of the first name
}

// corrections are known errors of the Phoenix dictionaries, fixed by primary name.
var corrections = map[string]struct{ country, note string }{
	// Coded as a Palestinian rebel group (PSEREB); the Badr forces are the Iraqi Shia
	// militia (Badr Corps / Badr Organization).
	"BADR_FORCES_": {"IRQ", "Phoenix codes it PSEREB (Palestinian); corrected to Iraq"},
}

var orgNoise = map[string]bool{"of": true, "the": true, "for": true, "in": true, "and": true, "al": true, "el": true, "a": true}

func main() {
	root := "../../../shared/corpora"
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	places := gazetteer.Places()
	heads := gazetteer.OrgHeads()

	// GeoNames countries.
	var ents []*entry
	byISO3 := map[string]*entry{}
	geoByKey := map[string]*entry{}
	f, err := os.Open(filepath.Join(root, "geonames", "countryInfo.tsv"))
	check(err)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 6 || len(c[1]) != 3 {
			continue
		}
		e := &entry{typ: "GPE", country: c[1], iso2: c[0], capital: c[5], names: []string{c[4]}}
		ents = append(ents, e)
		byISO3[c[1]] = e
		geoByKey[actors.Key(c[4], "GPE")] = e
	}
	f.Close()

	// Phoenix.
	for _, file := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		f, err := os.Open(filepath.Join(root, "eventdata", "petrarch2", file))
		check(err)
		pe, err := actors.ParsePhoenix(f)
		check(err)
		f.Close()
		for _, p := range pe {
			name, acr := actors.PhoenixName(p.Name)
			if name == "" {
				continue
			}
			codes := append([]string{}, p.Codes...)
			for _, r := range p.Roles {
				codes = append(codes, r.Code)
			}
			country := ""
			allCountry := len(codes) > 0
			for _, c := range codes {
				if len(c) >= 3 && byISO3[c[:3]] != nil && country == "" {
					country = c[:3]
				}
				if len(c) != 3 {
					allCountry = false
				}
			}
			typ := "ORG"
			switch {
			case strings.Contains(p.Comment, "CountryInfo") || strings.Contains(p.Comment, "rulers"):
				typ = "PERSON"
			case file == "Phoenix.Countries.actors.txt" && allCountry:
				typ = "GPE"
			}
			e := &entry{typ: typ, country: country, roles: p.Roles, names: []string{title(name)}}
			if c, ok := corrections[p.Name]; ok {
				e.country, e.note = c.country, c.note
			}
			if acr != "" {
				e.names = append(e.names, acr)
			}
			for _, s := range p.Synonyms {
				n, a := actors.PhoenixName(s)
				if n != "" {
					e.names = append(e.names, title(n))
				}
				if a != "" {
					e.names = append(e.names, a)
				}
			}
			// A country block: fold into the GeoNames country of the same name.
			if file == "Phoenix.Countries.actors.txt" && typ != "PERSON" {
				if g := geoByKey[actors.Key(name, "GPE")]; g != nil {
					g.names = append(g.names, e.names[1:]...)
					continue
				}
			}
			ents = append(ents, e)
		}
	}

	// Short country names of the gazetteer (US, America, Britain).
	trusted := map[string]*entry{} // gazetteer short names of countries win over Phoenix
	var pnames []string
	for name, p := range places {
		if p.Kind == "country" {
			pnames = append(pnames, name)
		}
	}
	sort.Strings(pnames)
	for _, name := range pnames {
		p := places[name]
		for _, e := range ents[:len(byISO3)] {
			if e.iso2 == p.ISO && actors.Key(name, "GPE") != actors.Key(e.names[0], "GPE") {
				e.names = append(e.names, name)
				trusted[actors.Key(name, "GPE")] = e
			}
		}
	}
	// Phoenix lists some actors twice ("THE_UNITED_NATIONS_", "UNITED_NATIONS_"): entries
	// of one type with the same primary key are one entry.
	{
		byPrim := map[string]*entry{}
		var merged []*entry
		for _, e := range ents {
			k := e.typ + "\x00" + actors.Key(e.names[0], e.typ)
			if o := byPrim[k]; o != nil && e.iso2 == "" {
				o.names = append(o.names, e.names...)
				o.roles = append(o.roles, e.roles...)
				if o.country == "" {
					o.country = e.country
				}
				continue
			}
			byPrim[k] = e
			merged = append(merged, e)
		}
		ents = merged
	}
	// Filter names.
	for _, e := range ents {
		e.primary = actors.Key(e.names[0], e.typ)
		first := actors.ParseName(e.names[0], e.typ)
		var keep []string
		seen := map[string]bool{}
		for i, n := range e.names {
			k := actors.Key(n, e.typ)
			if k == "" || seen[k] {
				continue
			}
			if i > 0 && !compatible(e, first, n, places, heads) {
				continue
			}
			seen[k] = true
			keep = append(keep, n)
		}
		e.names = keep
	}
	// "George Bush" is the father's primary name in Phoenix but also the son's first and
	// last name: a person name that is the first-and-last form of another person of the
	// same surname is ambiguous, and dropped.
	short := map[string][]*entry{}
	for _, e := range ents {
		if e.typ != "PERSON" || len(e.names) == 0 {
			continue
		}
		p := actors.ParseName(e.names[0], "PERSON")
		if len(p.Words) > 2 {
			short[p.Words[0]+" "+p.Last()] = append(short[p.Words[0]+" "+p.Last()], e)
		}
	}
	personKeys := map[string]map[*entry]bool{}
	for _, e := range ents {
		if e.typ != "PERSON" {
			continue
		}
		for _, n := range e.names {
			k := actors.Key(n, "PERSON")
			if personKeys[k] == nil {
				personKeys[k] = map[*entry]bool{}
			}
			personKeys[k][e] = true
		}
	}
	for _, e := range ents {
		if e.typ != "PERSON" {
			continue
		}
		var keep []string
		for _, n := range e.names {
			k := actors.Key(n, "PERSON")
			amb := false
			for _, o := range short[k] {
				if o != e {
					amb = true
				}
				for x := range personKeys[k] {
					if x != o {
						amb = true
					}
				}
			}
			if amb {
				e.note = strings.TrimSpace(e.note + " dropped ambiguous name " + n + ";")
				continue
			}
			keep = append(keep, n)
		}
		e.names = keep
	}
	// Names claimed by several entries: kept only where they are the primary name of
	// exactly one entry.
	owners := map[string][]*entry{}
	primaries := map[string]int{}
	for _, e := range ents {
		primaries[e.primary]++
		for _, n := range e.names {
			k := actors.Key(n, e.typ)
			owners[k] = append(owners[k], e)
		}
	}
	for _, e := range ents {
		var keep []string
		for i, n := range e.names {
			k := actors.Key(n, e.typ)
			if t := trusted[k]; t != nil {
				if t != e {
					continue
				}
			} else if len(owners[k]) > 1 && !(i == 0 && (primaries[k] == 1 || e.iso2 != "")) {
				continue
			}
			keep = append(keep, n)
		}
		e.names = keep
	}
	// Ids.
	used := map[string]bool{}
	var out []*entry
	for _, e := range ents {
		if len(e.names) == 0 {
			continue
		}
		id := actors.Slug(e.names[0])
		for i := 2; used[id]; i++ {
			id = fmt.Sprintf("%s-%d", actors.Slug(e.names[0]), i)
		}
		used[id] = true
		e.id = id
		out = append(out, e)
	}
	countryID := map[string]string{}
	for _, e := range out {
		if e.typ == "GPE" && e.iso2 != "" {
			countryID[e.country] = e.id
		}
	}

	w, err := os.Create("dict.tsv")
	check(err)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# faultline general actor dictionary. GENERATED by gen.go from GeoNames countryInfo.tsv (CC BY 4.0,")
	fmt.Fprintln(bw, "# (c) GeoNames, https://www.geonames.org/) and the Phoenix/PETRARCH2 actor dictionaries (MIT, (c) 2014")
	fmt.Fprintln(bw, "# Open Event Data Alliance). Do not edit: fix gen.go and regenerate. See NOTES.md.")
	fmt.Fprintln(bw, "# E id type country names(|) iso2 capital note  /  T a type b from to sector")
	var ties []string
	for _, e := range out {
		fmt.Fprintf(bw, "E\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.id, e.typ, e.country, strings.Join(e.names, "|"), e.iso2, e.capital, e.note)
		if e.typ != "PERSON" {
			continue
		}
		for _, r := range e.roles {
			if len(r.Code) != 6 || r.Code[3:] != "GOV" || r.From == "" {
				continue
			}
			b := countryID[r.Code[:3]]
			if b == "" {
				continue
			}
			ties = append(ties, fmt.Sprintf("T\t%s\tleader_of\t%s\t%s\t%s\t%s", e.id, b, r.From, r.To, r.Code[3:]))
		}
	}
	sort.Strings(ties)
	for i, t := range ties {
		if i > 0 && t == ties[i-1] {
			continue
		}
		fmt.Fprintln(bw, t)
	}
	check(bw.Flush())
	check(w.Close())
	fmt.Fprintf(os.Stderr, "dict.tsv: %d entries, %d ties\n", len(out), len(ties))
}

// compatible reports whether a synonym of a Phoenix entry names the same actor rather than
// something the dictionary codes the same way (CAMEO codes a city as its country, a
// leader or a militia as his group).
func compatible(e *entry, first actors.Name, n string, places map[string]gazetteer.Place, heads map[string]bool) bool {
	low := strings.ToLower(n)
	switch e.typ {
	case "GPE":
		if p, ok := places[low]; ok && p.Kind == "country" && e.iso2 != "" && p.ISO == e.iso2 {
			return true // a short name of the gazetteer (US, America, Britain)
		}
		if e.iso2 != "" && !sharesStem(first, actors.ParseName(n, "GPE")) && n != e.iso2 && n != e.country {
			return false // Persia, deserts and landmarks coded as the country
		}
		if p, ok := places[low]; ok && p.Kind != "country" {
			return false // a city or province coded as its country
		}
		if _, ok := gazetteer.Demonyms()[low]; ok {
			return false // demonyms are linked to their state by resolution
		}
		for _, bad := range []string{"government", "regime", "administration", "ministry", "army", "forces", "military", "police", "party"} {
			if strings.Contains(low, bad) {
				return false
			}
		}
		return true
	case "PERSON":
		p := actors.ParseName(n, "PERSON")
		if len(p.Words) < 2 || p.Last() != first.Last() {
			return false
		}
		for _, bad := range []string{"administration", "government", "regime", "cabinet", "family"} {
			if strings.Contains(low, bad) {
				return false
			}
		}
		return true
	}
	// Organisations: a shared content word, or an acronym of each other.
	if a := actors.Acronym(n); a != "" {
		for _, i := range actors.Initials(e.names[0]) {
			if i == a {
				return true
			}
		}
		return false
	}
	if a := actors.Acronym(e.names[0]); a != "" {
		for _, i := range actors.Initials(n) {
			if i == a {
				return true
			}
		}
	}
	p := actors.ParseName(n, e.typ)
	for _, w := range p.Words {
		if orgNoise[w] || heads[w] || len(w) < 3 {
			continue
		}
		for _, v := range first.Words {
			if v == w {
				return true
			}
		}
	}
	return false
}

// sharesStem reports whether a country synonym contains the first four letters of a word
// of the country's name ("Islamic Republic of Iran" for Iran).
func sharesStem(country, n actors.Name) bool {
	for _, c := range country.Words {
		if len(c) < 4 {
			continue
		}
		for _, w := range n.Words {
			if strings.HasPrefix(w, c[:4]) {
				return true
			}
		}
	}
	return false
}

// title writes an upper-case dictionary name in title case, particles lower-case.
func title(s string) string {
	if actors.Acronym(s) != "" && len(strings.Fields(s)) == 1 && (len(s) <= 4 || !strings.ContainsAny(s, "AEIOU")) {
		return s
	}
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		parts := strings.Split(w, "-")
		for j, p := range parts {
			if p == "" {
				continue
			}
			if (p == "al" || p == "el" || p == "of" || p == "the" || p == "and" || p == "for" || p == "in" || p == "bin") && (i > 0 || j > 0) {
				continue
			}
			parts[j] = strings.ToUpper(p[:1]) + p[1:]
		}
		ws[i] = strings.Join(parts, "-")
	}
	return strings.Join(ws, " ")
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
