package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/spf13/pflag"
)

// TestEvalGold runs `faultline eval --gold FILE --db X` in-process on a small invented gold
// and a stored model that gets half of it right.
func TestEvalGold(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	gold := filepath.Join(dir, "gold.json")
	text := `The Red Hand attacked the Kessa Council. "We stand," said Lina Varo.`
	if err := os.WriteFile(gold, []byte(`{
 "actors": [
  {"id": "red_hand", "type": "ORG", "canonical": "Red Hand", "aliases": ["Red Hand"], "docs": ["d1"]},
  {"id": "kessa_council", "type": "ORG", "canonical": "Kessa Council", "aliases": ["Kessa Council"], "docs": ["d1"]},
  {"id": "lina_varo", "type": "PERSON", "canonical": "Lina Varo", "aliases": ["Lina Varo"], "docs": ["d1"]}
 ],
 "ties": [{"a": "red_hand", "b": "kessa_council", "type": "opposes", "sign": -1, "doc": "d1", "evidence": "x"}],
 "events": [{"id": "E1", "doc": "d1", "source": "red_hand", "target": "kessa_council", "type": "ASSAULT", "cameo": "180", "evidence": "x"}],
 "quotes": [{"doc": "d1", "speaker": "lina_varo", "quote_start": "We stand,", "text": "We stand,"}],
 "figures": [],
 "paradoxes": []
}`), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	store, err := openDSN(ctx, db)
	if err != nil {
		t.Skip("no store backend: ", err)
	}
	doc := &faultline.Document{ID: "d1_0123.txt", Text: text, SHA256: faultline.ContentHash(text)}
	if _, err := store.PutDocument(ctx, doc, &faultline.Extraction{Schema: faultline.Schema, ID: doc.ID}); err != nil {
		t.Fatal(err)
	}
	at := func(s string) faultline.Evidence {
		i := strings.Index(text, s)
		return faultline.Evidence{Doc: doc.ID, Start: i, End: i + len(s)}
	}
	m := &faultline.Model{Schema: faultline.Schema,
		Documents: []faultline.DocumentRef{{ID: doc.ID, SHA256: doc.SHA256}},
		Actors: []faultline.Actor{
			{ID: "red-hand", Canonical: "Red Hand", Type: "ORG", Aliases: []string{"Red Hand"}, Mentions: []faultline.Evidence{at("Red Hand")}},
			{ID: "kessa-council", Canonical: "Kessa Council", Type: "ORG", Aliases: []string{"Kessa Council"}, Mentions: []faultline.Evidence{at("Kessa Council")}},
		},
		Events: []faultline.ModelEvent{{Doc: doc.ID, Source: "red-hand", Target: "kessa-council", Type: "ASSAULT", CAMEO: "180",
			Modality: "asserted", Evidence: at("attacked")}},
	}
	if err := store.SaveModel(ctx, m); err != nil {
		t.Fatal(err)
	}
	store.Close()

	var out bytes.Buffer
	rootCmd.SetOut(&out)
	rootCmd.SetErr(&out)
	rootCmd.SetArgs([]string{"eval", "--gold", gold, "--db", db})
	defer func() {
		rootCmd.SetOut(nil)
		rootCmd.SetErr(nil)
		rootCmd.SetArgs(nil)
		for _, f := range []*pflag.Flag{rootCmd.PersistentFlags().Lookup("db"), evalCmd.Flags().Lookup("gold")} {
			f.Value.Set(f.DefValue)
			f.Changed = false
		}
	}()
	if err := rootCmd.ExecuteContext(ctx); err != nil {
		t.Fatalf("eval: %v\n%s", err, out.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := "eval aliasR=0.667 actorsF1=0.800 bcubedF1=0.800 tiesF1=0.000 eventsF1=1.000 quotesAcc=0.000 figuresR=0.000 paradoxesR=0.000"
	if got := lines[len(lines)-1]; got != want {
		t.Errorf("last line\n got %s\nwant %s\n%s", got, want, out.String())
	}
}
