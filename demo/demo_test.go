package demo

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/faultline/faultline"
)

func TestDocuments(t *testing.T) {
	docs := Documents()
	if len(docs) < 30 {
		t.Fatalf("%d documents, want at least 30", len(docs))
	}
	ids := map[string]bool{}
	hashes := map[string]bool{}
	sources := map[string]bool{}
	years := map[string]bool{}
	for _, d := range docs {
		if ids[d.ID] || hashes[d.SHA256] {
			t.Errorf("%s: repeated id or text", d.ID)
		}
		ids[d.ID], hashes[d.SHA256] = true, true
		if d.SHA256 != faultline.ContentHash(d.Text) {
			t.Errorf("%s: SHA256 does not match text", d.ID)
		}
		if d.Title == "" || d.Source == "" || d.URL != "" {
			t.Errorf("%s: title %q source %q url %q", d.ID, d.Title, d.Source, d.URL)
		}
		if _, err := time.Parse("2006-01-02", d.Date); err != nil || d.DateSource != faultline.DateFromMetadata {
			t.Errorf("%s: date %q (%s)", d.ID, d.Date, d.DateSource)
		}
		if d.Date < "2004" || d.Date >= "2009" {
			t.Errorf("%s: date %s outside 2004-2008", d.ID, d.Date)
		}
		years[d.Date[:4]] = true
		sources[d.Source] = true
		if !utf8.ValidString(d.Text) {
			t.Errorf("%s: invalid UTF-8", d.ID)
		}
		if n := len(strings.Fields(d.Text)); n < 250 || n > 600 {
			t.Errorf("%s: %d words, want 250-600", d.ID, n)
		}
	}
	if len(years) != 5 || len(sources) < 4 {
		t.Errorf("years %v, sources %v: want 2004-2008 and several outlets", years, sources)
	}
	// Stable ids, and fresh copies.
	again := Documents()
	if again[0].ID != "demo-01" || again[0] == docs[0] {
		t.Errorf("first id %q; copies shared: %v", again[0].ID, again[0] == docs[0])
	}
}

// TestSpellings checks that the corpus uses the spelling variety of real press coverage,
// which the demo is meant to exercise.
func TestSpellings(t *testing.T) {
	var all strings.Builder
	for _, d := range Documents() {
		all.WriteString(d.Text)
		all.WriteByte('\n')
	}
	text := all.String()
	for _, s := range []string{"Moqtada", "Muqtada", "Mahdi Army", "Mehdi Army", "Jaish al-Mahdi (JAM)",
		"Nouri al-Maliki", "Nuri al-Maliki", "Quds Force", "Qods Force", "U.S.", "US ", "Shia", "Shiite",
		"SCIRI", "ISCI", "Badr", "Awakening", "Sahwa", "per cent", "percent", "£", "—", "“", "’"} {
		if !strings.Contains(text, s) {
			t.Errorf("corpus never uses %q", s)
		}
	}
}

// TestNoSeedText checks that no run of 8 words of the seed articles in ../shared appears
// in the demo corpus (proper names repeat; sentences must not).
func TestNoSeedText(t *testing.T) {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("../shared not found: no module root")
		}
		dir = filepath.Dir(dir)
	}
	seeds, _ := filepath.Glob(filepath.Join(dir, "..", "shared", "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Skip("../shared not found: no seed articles")
	}
	word := regexp.MustCompile(`[a-z0-9]+`)
	grams := func(text string, fn func(string)) {
		w := word.FindAllString(strings.ToLower(text), -1)
		for i := 0; i+8 <= len(w); i++ {
			fn(strings.Join(w[i:i+8], " "))
		}
	}
	seen := map[string]bool{}
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		grams(string(b), func(g string) { seen[g] = true })
	}
	names := regexp.MustCompile(`supreme council for the islamic revolution|islamic supreme council of iraq`)
	for _, d := range Documents() {
		grams(d.Text, func(g string) {
			if seen[g] && !names.MatchString(g) {
				t.Errorf("%s repeats seed text: %q", d.ID, g)
			}
		})
	}
}
