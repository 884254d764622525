package ingest

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/faultline/faultline/demo"
)

// plant makes a wire copy of text: kind "headline" adds a headline and byline, "edit"
// replaces a share of the words, "cut" keeps the first 60%, "extend" appends a paragraph.
func plant(text, kind string, r *rand.Rand) string {
	words := strings.Fields(text)
	switch kind {
	case "headline":
		return "WIRE STORY: LATEST FROM THE REGION\nBy a staff reporter\n\n" + text
	case "edit":
		for i := range words {
			if r.Float64() < 0.03 {
				words[i] = "changed"
			}
		}
		return strings.Join(words, " ")
	case "cut":
		return strings.Join(words[:len(words)*6/10], " ")
	case "extend":
		return text + "\n\nAdditional reporting by the agency's correspondents in the capital, who said talks would continue next week."
	}
	panic(kind)
}

// TestDedupPlanted plants wire copies of demo articles among the originals: every copy is
// found and points at its original, and no two different articles are marked.
func TestDedupPlanted(t *testing.T) {
	docs := demo.Documents()
	r := rand.New(rand.NewSource(1))
	d := NewDedup()
	type doc struct{ id, text, want string }
	var all []doc
	for _, x := range docs {
		all = append(all, doc{x.ID, x.Text, ""})
	}
	kinds := []string{"headline", "edit", "cut", "extend"}
	for i, x := range docs {
		k := kinds[i%len(kinds)]
		all = append(all, doc{fmt.Sprintf("copy-%s-%s", k, x.ID), plant(x.Text, k, r), x.ID})
	}
	tp, fp, fn := 0, 0, 0
	for _, x := range all {
		sig := Sign(x.text)
		got, c := d.Find(&sig)
		switch {
		case got == x.want && got != "":
			tp++
		case got != x.want && got != "" && x.want == "":
			fp++
			t.Errorf("%s marked a duplicate of %s (containment %.2f)", x.id, got, c)
		case got != x.want:
			fn++
			t.Errorf("%s: found %q (%.2f), want %q", x.id, got, c, x.want)
		}
		d.Add(x.id, &sig, got)
	}
	t.Logf("planted %d copies of %d articles: %d found, %d false, %d missed", len(docs), len(docs), tp, fp, fn)

	// A copy of a copy points at the original.
	orig := docs[0]
	c1 := Sign(plant(orig.Text, "headline", r))
	if got, _ := d.Find(&c1); got != orig.ID {
		t.Errorf("copy of a copy: original %q, want %q", got, orig.ID)
	}
	// Short texts are never marked.
	short := Sign("Iraq: a bomb exploded.")
	d.Add("short", &short, "")
	if got, _ := d.Find(&short); got != "" {
		t.Errorf("short text marked a duplicate of %s", got)
	}
}

func TestSignDeterministic(t *testing.T) {
	a, b := Sign("The quick brown fox jumps over the lazy dog again and again."), Sign("the QUICK brown fox, jumps over the lazy dog again and again")
	if a != b || a.Shingles != 8 {
		t.Errorf("signatures differ or wrong shingle count: %d, %d", a.Shingles, b.Shingles)
	}
	if j := a.Jaccard(&b); j != 1 {
		t.Errorf("Jaccard of the same shingles = %v", j)
	}
}

func BenchmarkSign(b *testing.B) {
	text := demo.Documents()[0].Text
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Sign(text)
	}
}
