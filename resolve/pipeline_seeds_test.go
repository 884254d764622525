//go:build seedspipeline

package resolve

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/eval"
	"github.com/faultline/faultline/pipeline"
)

// missHook, when set by a debugging test, receives the predicted names and gold aliases.
var missHook func(names map[string]bool, gold map[string][]string)

// TestSeedsPipeline runs the embedded nlp models and the extractors over the seed articles,
// resolves them and logs the scores against the gold (scoring only; no assertion: the
// numbers depend on every stage). Behind a build tag so that resolve's tests do not depend
// on the nlp packages:
//
//	go test -tags seedspipeline -run SeedsPipeline -v ./resolve
func TestSeedsPipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	s := shared(t)
	p, err := pipeline.New() // the default pipeline, as faultline ingest runs it
	if err != nil {
		t.Skip("no models: ", err)
	}
	g, _ := eval.LoadGold(filepath.Join(s, "gold", "seeds.gold.json"))
	files, _ := filepath.Glob(filepath.Join(s, "seeds", "*.txt"))
	sort.Strings(files)
	var docs []*faultline.Document
	var exts []*faultline.Extraction
	texts := map[string]string{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		d := &faultline.Document{ID: filepath.Base(f), Text: string(b)}
		x, err := p.Extract(d)
		if err != nil {
			t.Fatal(err)
		}
		docs, exts = append(docs, d), append(exts, x)
		texts[d.ID] = d.Text

	}
	m, _ := Build(docs, exts, nil)
	r := eval.Score(g, m, texts)
	if missHook != nil {
		names := map[string]bool{}
		for _, a := range m.Actors {
			for _, al := range a.Aliases {
				names[strings.ToLower(al)] = true
			}
		}
		gold := map[string][]string{}
		for _, a := range g.Actors {
			gold[a.ID] = a.Aliases
		}
		missHook(names, gold)
	}
	t.Logf("pipeline: actors=%d aliasR=%.3f bcubed P=%.3f R=%.3f F1=%.3f actorsF1=%.3f ties=%.3f events=%.3f", len(m.Actors), r.AliasRecall.Value, r.BCubed.P, r.BCubed.R, r.BCubed.F1, r.Actors.F1, r.Ties.F1, r.Events.F1)
	if testing.Verbose() {
		for _, a := range m.Actors {
			if len(a.Aliases) > 1 {
				t.Logf("%s %s %q", a.ID, a.Type, a.Aliases)
			}
		}
	}
}
