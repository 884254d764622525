//go:build ignore

// build.go regenerates the place and actor lists of this folder from the public sources in
// ../shared/corpora (GeoNames, Natural Earth, Phoenix/PETRARCH2 dictionaries):
//
//	go run ./lexicon/gazetteer/build.go ../shared/corpora
//
// It writes places.tsv (name, kind, ISO country code, "big" for cities of 100,000 people or
// more) and actors.tsv (name, type). Names are
// lower-cased; matching in nlp/ner is case-insensitive over capitalised tokens.
package main

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./lexicon/gazetteer/build.go CORPORA_DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	out := filepath.Join("lexicon", "gazetteer")
	places := map[string]string{} // name -> kind\tISO (first kind wins: country > province > city)
	add := func(name, kind, iso string) {
		n := norm(name)
		if n == "" || len(n) < 3 || !plausible(name) {
			return
		}
		if _, ok := places[n]; !ok {
			places[n] = kind + "\t" + iso
		}
	}
	// Countries (GeoNames countryInfo.tsv).
	f, err := os.Open(filepath.Join(dir, "geonames", "countryInfo.tsv"))
	check(err)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) > 5 {
			add(c[4], "country", c[0])
		}
	}
	f.Close()
	// Provinces (Natural Earth admin-1).
	var ne struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "natural-earth", "ne_50m_admin_1_states_provinces.json"))
	check(err)
	check(json.Unmarshal(b, &ne))
	for _, ft := range ne.Features {
		p := ft.Properties
		iso, _ := p["iso_a2"].(string)
		for _, k := range []string{"name", "name_en"} {
			if s, ok := p[k].(string); ok {
				add(s, "province", iso)
			}
		}
		if s, ok := p["name_alt"].(string); ok {
			for _, a := range strings.Split(s, "|") {
				add(a, "province", iso)
			}
		}
	}
	// Cities (GeoNames cities15000): name and ASCII name; ASCII alternate names for cities of
	// 100,000 people or more.
	zr, err := zip.OpenReader(filepath.Join(dir, "geonames", "cities15000.zip"))
	check(err)
	type city struct {
		names []string
		iso   string
		pop   int
	}
	var cities []city
	for _, zf := range zr.File {
		rc, err := zf.Open()
		check(err)
		br := bufio.NewReaderSize(rc, 1<<20)
		for {
			line, err := br.ReadString('\n')
			if line != "" {
				c := strings.Split(strings.TrimRight(line, "\n"), "\t")
				if len(c) > 14 {
					pop, _ := strconv.Atoi(c[14])
					names := []string{c[1], c[2]}
					if pop >= 100000 {
						for _, a := range strings.Split(c[3], ",") {
							if asciiName.MatchString(a) {
								names = append(names, a)
							}
						}
					}
					cities = append(cities, city{names, c[8], pop})
				}
			}
			if err == io.EOF {
				break
			}
			check(err)
		}
		rc.Close()
	}
	sort.SliceStable(cities, func(i, j int) bool { return cities[i].pop > cities[j].pop })
	for _, c := range cities {
		for k, n := range c.names {
			if k < 2 && c.pop >= 100000 {
				// a city of 100,000 people or more under its own name: the fourth column
				// marks it, a stronger sign of a place than the many small towns that share
				// a name with a person (Bush, Hamilton)
				add(n, "city", c.iso+"\tbig")
				continue
			}
			add(n, "city", c.iso)
		}
	}
	// Places of the Phoenix country blocks: the synonyms listed under a country's name
	// (cities, provinces, regions, historical names), without demonyms and group words.
	iso3 := map[string]string{}
	countryName := map[string]string{}
	f, err = os.Open(filepath.Join(dir, "geonames", "countryInfo.tsv"))
	check(err)
	sc = bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) > 5 && !strings.HasPrefix(c[0], "#") {
			iso3[c[1]] = c[0]
			countryName[norm(c[4])] = c[0]
		}
	}
	f.Close()
	skip := map[string]bool{}
	for _, file := range []string{"demonyms.tsv", "groups.txt"} {
		b, err := os.ReadFile(filepath.Join(out, file))
		check(err)
		for _, line := range strings.Split(string(b), "\n") {
			if line != "" && line[0] != '#' {
				skip[strings.Split(line, "\t")[0]] = true
			}
		}
	}
	readPhoenixBlocks(filepath.Join(dir, "eventdata", "petrarch2", "Phoenix.Countries.actors.txt"), func(header string, syns []string, code string) {
		iso, ok := iso3[code]
		if !ok {
			return
		}
		if countryName[norm(header)] == "" && norm(header) != "" {
			// a block about a part of a country (IRAQI_KURDISTAN): its name is a place too
			if len(strings.Fields(norm(header))) <= 3 && !skip[norm(header)] {
				add(header, "province", iso)
			}
		}
		for _, s := range syns {
			n := norm(s)
			if skip[n] || len(strings.Fields(n)) > 3 || strings.HasSuffix(n, "s") && skip[strings.TrimSuffix(n, "s")] || natural.MatchString(n) {
				continue
			}
			for _, suf := range []string{" province", " governorate", " region", " state"} {
				if strings.HasSuffix(n, suf) {
					add(strings.TrimSuffix(n, suf), "province", iso)
				}
			}
			add(s, "province", iso)
		}
	})
	writeTSV(filepath.Join(out, "places.tsv"), places,
		"# name\tkind\tISO country code\t\"big\" for cities of 100,000+. Generated by build.go from GeoNames (CC BY 4.0), Natural Earth (public domain) and the Phoenix country dictionary (MIT).")

	// Actors: Phoenix MilNonState (armed non-state groups) and the organisations of
	// Phoenix International (entries naming an organisation word, or an acronym).
	actors := map[string]string{}
	readPhoenix(filepath.Join(dir, "eventdata", "petrarch2", "Phoenix.MilNonState.actors.txt"), func(name string) {
		if n := norm(name); n != "" && len(n) > 2 {
			actors[n] = "ORG"
		}
	})
	readPhoenix(filepath.Join(dir, "eventdata", "petrarch2", "Phoenix.International.actors.txt"), func(name string) {
		n := norm(name)
		if n == "" || len(n) < 2 {
			return
		}
		if orgWord.MatchString(n) || (acronym.MatchString(name) && !strings.Contains(n, " ")) {
			actors[n] = "ORG"
		}
	})
	writeTSV(filepath.Join(out, "actors.tsv"), actors,
		"# name\ttype. Generated by build.go from the Phoenix/PETRARCH2 dictionaries (MIT).")
}

var (
	asciiName = regexp.MustCompile(`^[A-Z][A-Za-z'.-]+( [A-Za-z][A-Za-z'.-]+){0,3}$`)
	acronym   = regexp.MustCompile(`^[A-Z][A-Z.]+_?$`)
	orgWord   = regexp.MustCompile(`\b(organi[sz]ation|agency|council|army|front|party|movement|committee|union|bank|fund|court|commission|brigades?|association|league|group|forces|tribunal|institute|programme|program|office|federation|alliance|network|society|foundation|church|ministry|department|command|corps|militia|coalition|congress|parliament|assembly|authority|mission|nations|red cross|red crescent)\b`)
	space     = regexp.MustCompile(`\s+`)
	natural   = regexp.MustCompile(`\b(river|mountains?|mount|lake|sea|ocean|peak|desert|gulf|valley|islands?|strait|bay|canal)\b`)
)

// plausible rejects names that are codes or contain digits.
func plausible(s string) bool {
	if strings.ContainsAny(s, "0123456789()/") {
		return false
	}
	if len(s) <= 4 && strings.ToUpper(s) == s {
		return false // airport and admin codes
	}
	return true
}

func norm(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	s = strings.ReplaceAll(s, "’", "'")
	s = space.ReplaceAllString(strings.TrimSpace(s), " ")
	return strings.ToLower(s)
}

// readPhoenix calls fn with each actor name (headers and + synonyms) of a TABARI file,
// without comments, codes and parenthesised acronyms.
func readPhoenix(path string, fn func(string)) {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	paren := regexp.MustCompile(`\(.*?\)`)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || line[0] == '\t' || line[0] == ' ' {
			continue
		}
		if i := strings.IndexAny(line, "#["); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimPrefix(strings.TrimSpace(line), "+")
		line = strings.TrimSpace(paren.ReplaceAllString(line, ""))
		if line == "" || strings.ContainsAny(line, "0123456789{}<>") {
			continue
		}
		fn(line)
	}
}

// readPhoenixBlocks calls fn for each block of a TABARI actor file whose first code is a
// bare country code ([IRQ], [IRQ <20030320]): the block's header name, its + synonyms and
// the code.
func readPhoenixBlocks(path string, fn func(header string, syns []string, code string)) {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	code := regexp.MustCompile(`\[([A-Z]{3})(\s[^\]]*)?\]`)
	var header, first string
	var syns []string
	emit := func() {
		if header != "" && first != "" {
			fn(header, syns, first)
		}
	}
	clean := func(s string) string {
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		if i := strings.IndexByte(s, '['); i >= 0 {
			s = s[:i]
		}
		return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "+"))
	}
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] != '\t' && line[0] != ' ' && line[0] != '+' {
			emit()
			header, syns, first = clean(line), nil, ""
		} else if line[0] == '+' {
			if s := clean(line); s != "" && !strings.ContainsAny(s, "0123456789()") {
				syns = append(syns, s)
			}
		}
		if m := code.FindStringSubmatch(line); m != nil && first == "" {
			first = m[1]
		}
	}
	emit()
}

func writeTSV(path string, m map[string]string, header string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	f, err := os.Create(path)
	check(err)
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, header)
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%s\n", k, m[k])
	}
	check(w.Flush())
	check(f.Close())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}
