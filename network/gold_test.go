package network

import (
	"encoding/json"
	"github.com/faultline/faultline/internal/sharedtest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

// sharedDir finds ../shared from the module root, or skips the test.
func sharedDir(t *testing.T) string {
	return sharedtest.Dir(t, "gold", "seeds.gold.json")
}

// TestGoldParadoxCeiling measures the paradox ranking alone: it builds a model from the gold
// ties, events and actors (perfect extraction, resolution and typing) and reports the share of gold
// paradoxes whose actors form one of the top 30 paradoxes. Scoring only: nothing here
// feeds the ranking.
func TestGoldParadoxCeiling(t *testing.T) {
	dir := sharedDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "gold", "seeds.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Ties []struct {
			A, B, Type, Doc, Evidence, Modality string
			Sign                                int
		}
		Events []struct {
			Source, Target, Type, Doc, Evidence, Date, Cameo string
			Goldstein                                        float64
			Modality                                         string `json:"modality"`
		}
		Paradoxes []struct {
			Actors []string
		}
		Actors []struct {
			ID, Type, Canonical string
		}
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	m := &faultline.Model{}
	dates := map[string]string{"000": "2006-09", "001": "2006-11", "002": "2008-02", "003": "2008-04"}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		id := strings.SplitN(filepath.Base(f), "_", 2)[0]
		texts[id] = string(b)
		m.Documents = append(m.Documents, faultline.DocumentRef{ID: id, Date: dates[id]})
	}
	for _, a := range gold.Actors {
		m.Actors = append(m.Actors, faultline.Actor{ID: a.ID, Canonical: a.Canonical, Type: a.Type})
	}
	at := func(doc, s string) faultline.Evidence {
		i := strings.Index(texts[doc], s)
		return faultline.Evidence{Doc: doc, Start: i, End: i + len(s)}
	}
	for _, x := range gold.Ties {
		mod := x.Modality
		if mod == "implied" || mod == "historical" {
			mod = "asserted"
		}
		m.Ties = append(m.Ties, faultline.ModelTie{A: x.A, B: x.B, Type: x.Type, Sign: x.Sign, Weight: 1, Modality: mod,
			Evidence: []faultline.Evidence{at(x.Doc, x.Evidence)}})
	}
	for _, x := range gold.Events {
		m.Events = append(m.Events, faultline.ModelEvent{Doc: x.Doc, Source: x.Source, Target: x.Target, Type: x.Type,
			CAMEO: x.Cameo, Goldstein: x.Goldstein, Date: x.Date, Modality: x.Modality, Evidence: at(x.Doc, x.Evidence)})
	}
	ps := ParadoxesText(m, 0, func(doc string) string { return texts[doc] })
	for i, p := range ps[:min(40, len(ps))] {
		t.Logf("%2d %.2f %v %v %s", i+1, p.Score, p.Actors, p.Signs, p.Kind)
	}
	key := func(a []string) string {
		s := append([]string(nil), a...)
		sort.Strings(s)
		return strings.Join(s, ",")
	}
	found := map[string]int{}
	for i, p := range ps {
		if _, ok := found[key(p.Actors)]; !ok {
			found[key(p.Actors)] = i + 1
		}
	}
	hit := 0
	for _, gp := range gold.Paradoxes {
		r, ok := found[key(gp.Actors)]
		if ok && r <= 30 {
			hit++
		}
		t.Logf("gold %v: rank %d", gp.Actors, r)
	}
	t.Logf("paradox recall@30 on gold ties and events: %d/%d = %.3f", hit, len(gold.Paradoxes), float64(hit)/float64(len(gold.Paradoxes)))
}
