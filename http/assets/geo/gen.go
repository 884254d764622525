//go:build ignore

// gen derives the map assets shipped in this folder from ../shared/corpora:
//
//	countries.geojson  Natural Earth 1:110m admin-0 countries, coordinates rounded to 0.1°,
//	                   properties reduced to name and iso (public domain)
//	places.tsv         a gazetteer: countries (label point of their largest polygon) and the
//	                   GeoNames cities of 15,000+ people, with their ASCII alternate names for
//	                   cities of 100,000+ (CC BY 4.0, GeoNames)
//
// Run from the module root: go run http/assets/geo/gen.go ../shared/corpora
package main

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run http/assets/geo/gen.go ../shared/corpora")
	}
	corp := os.Args[1]
	out := "http/assets/geo"
	var places []string
	places = append(places, countries(filepath.Join(corp, "natural-earth/ne_110m_admin_0_countries.json"), filepath.Join(out, "countries.geojson"))...)
	places = append(places, cities(filepath.Join(corp, "geonames/cities15000.zip"))...)
	f, err := os.Create(filepath.Join(out, "places.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# name\tlat\tlon\tcountry\tpopulation\tkind\talternate names (comma-separated). Countries: Natural Earth (public domain); cities: GeoNames cities15000 (CC BY 4.0).")
	for _, p := range places {
		fmt.Fprintln(w, p)
	}
	w.Flush()
	f.Close()
}

type feature struct {
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
	Geometry   struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

func round(x float64) float64 { return math.Round(x*10) / 10 }

// simplify rounds a ring to 0.1° and drops repeated points.
func simplify(ring [][]float64) [][]float64 {
	var out [][]float64
	for _, p := range ring {
		q := []float64{round(p[0]), round(p[1])}
		if n := len(out); n > 0 && out[n-1][0] == q[0] && out[n-1][1] == q[1] {
			continue
		}
		out = append(out, q)
	}
	if len(out) < 4 {
		return nil
	}
	return out
}

func area(ring [][]float64) (a, cx, cy float64) {
	for i := 0; i+1 < len(ring); i++ {
		x0, y0, x1, y1 := ring[i][0], ring[i][1], ring[i+1][0], ring[i+1][1]
		c := x0*y1 - x1*y0
		a += c
		cx += (x0 + x1) * c
		cy += (y0 + y1) * c
	}
	if a == 0 {
		return 0, ring[0][0], ring[0][1]
	}
	return math.Abs(a / 2), cx / (3 * a), cy / (3 * a)
}

func countries(in, out string) []string {
	b, err := os.ReadFile(in)
	if err != nil {
		log.Fatal(err)
	}
	var fc struct {
		Features []feature `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		log.Fatal(err)
	}
	type outFeature struct {
		Type       string            `json:"type"`
		Properties map[string]string `json:"properties"`
		Geometry   map[string]any    `json:"geometry"`
	}
	var feats []outFeature
	var places []string
	for _, f := range fc.Features {
		var polys [][][][]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][]float64
			json.Unmarshal(f.Geometry.Coordinates, &p)
			polys = [][][][]float64{p}
		case "MultiPolygon":
			json.Unmarshal(f.Geometry.Coordinates, &polys)
		}
		var mp [][][][]float64
		best, bx, by := -1.0, 0.0, 0.0
		for _, p := range polys {
			var np [][][]float64
			for i, r := range p {
				if i == 0 {
					if a, x, y := area(r); a > best {
						best, bx, by = a, x, y
					}
				}
				if s := simplify(r); s != nil {
					np = append(np, s)
				}
			}
			if len(np) > 0 {
				mp = append(mp, np)
			}
		}
		name, _ := f.Properties["NAME"].(string)
		iso, _ := f.Properties["ADM0_A3"].(string)
		long, _ := f.Properties["NAME_LONG"].(string)
		feats = append(feats, outFeature{"Feature", map[string]string{"name": name, "iso": iso},
			map[string]any{"type": "MultiPolygon", "coordinates": mp}})
		alts := []string{}
		if long != "" && long != name {
			alts = append(alts, long)
		}
		places = append(places, fmt.Sprintf("%s\t%.2f\t%.2f\t%s\t0\tcountry\t%s", name, by, bx, iso, strings.Join(alts, ",")))
	}
	o, err := json.Marshal(map[string]any{"type": "FeatureCollection", "features": feats})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(out, o, 0o644); err != nil {
		log.Fatal(err)
	}
	return places
}

func ascii(s string) bool {
	for _, r := range s {
		if r > 126 || r < 32 {
			return false
		}
	}
	return true
}

func cities(in string) []string {
	z, err := zip.OpenReader(in)
	if err != nil {
		log.Fatal(err)
	}
	defer z.Close()
	r, err := z.File[0].Open()
	if err != nil {
		log.Fatal(err)
	}
	type city struct {
		line string
		pop  int
	}
	var cs []city
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			continue
		}
		pop, _ := strconv.Atoi(f[14])
		lat, _ := strconv.ParseFloat(f[4], 64)
		lon, _ := strconv.ParseFloat(f[5], 64)
		seen := map[string]bool{strings.ToLower(f[1]): true}
		var alts []string
		add := func(s string) {
			s = strings.TrimSpace(s)
			k := strings.ToLower(s)
			if s == "" || seen[k] || !ascii(s) || len(s) > 30 || len(s) < 3 || strings.ToUpper(s) == s || strings.ToLower(s) == s {
				return
			}
			seen[k] = true
			alts = append(alts, s)
		}
		add(f[2])
		if pop >= 100000 {
			for _, a := range strings.Split(f[3], ",") {
				add(a)
			}
		}
		cs = append(cs, city{fmt.Sprintf("%s\t%.3f\t%.3f\t%s\t%d\tcity\t%s", f[1], lat, lon, f[8], pop, strings.Join(alts, ",")), pop})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].pop > cs[j].pop })
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.line
	}
	return out
}
