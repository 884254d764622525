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
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/coref"
	"github.com/faultline/faultline/extract/event"
	"github.com/faultline/faultline/extract/quote"
	"github.com/faultline/faultline/extract/tie"
	"github.com/faultline/faultline/extract/timex"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/ner"
	"github.com/faultline/faultline/nlp/parse"
	"github.com/faultline/faultline/nlp/pos"
	"github.com/faultline/faultline/nlp/tokenize"
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
	var ann []nlp.Annotator
	ann = append(ann, tokenize.New())
	if tg, err := pos.Load(); err == nil {
		ann = append(ann, tg)
	}
	if pr, err := parse.Load(); err == nil {
		ann = append(ann, pr)
	}
	nr, err := ner.Load()
	if err != nil {
		t.Skip("no NER model: ", err)
	}
	p := &extract.Pipeline{Annotators: append(ann, nr), Components: []extract.Component{coref.New(), timex.New(), quote.New(), event.New(), tie.New()}}
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
