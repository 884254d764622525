package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/ingest"
	"github.com/spf13/cobra"
)

// demoCmd is `faultline demo`: the bundled demo corpus into a store, a summary, the web UI.
var demoCmd = &cobra.Command{
	Use:   "demo [--db PATH] [--no-serve] [--addr HOST:PORT]",
	Short: "Ingest the bundled demo corpus, print a summary and open the web UI",
	Long: `demo ingests the bundled demo corpus — 34 short articles on Iraq in 2004-2008, written for
faultline — into --db (default ./faultline.db) exactly as "faultline ingest" would, prints a
summary of the resulting model (documents, actors, strongest ties, events), then serves the
web UI on --addr until interrupted. --no-serve stops after the summary. Running it again is
harmless: documents already stored are skipped. The last line of the summary is
  demo docs=N new=N actors=N ties=N events=N`,
	Example: "  faultline demo\n  faultline demo --no-serve --db /tmp/demo.db",
	Args:    cobra.NoArgs,
	RunE:    runDemo,
}

func init() {
	demoCmd.Flags().Bool("no-serve", false, "stop after the summary instead of serving the web UI")
	demoCmd.Flags().String("addr", "127.0.0.1:8080", "address of the web UI, HOST:PORT")
	rootCmd.AddCommand(demoCmd)
}

func runDemo(cmd *cobra.Command, args []string) error {
	ctx := cmd.Context()
	noServe, _ := cmd.Flags().GetBool("no-serve")
	addr, _ := cmd.Flags().GetString("addr")
	store, err := openStore(ctx, cmd)
	if err != nil {
		return err
	}
	defer store.Close()

	docs := demo.Documents()
	fmt.Fprintf(cmd.ErrOrStderr(), "demo: ingesting %d demo articles\n", len(docs))
	created, err := demoIngest(ctx, store, docs, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	m, err := store.Model(ctx)
	if err != nil {
		return err
	}
	writeDemoSummary(cmd.OutOrStdout(), m, len(docs), created)
	if noServe {
		return nil
	}
	return serve(ctx, store, addr)
}

// demoIngest stores docs through the same path as `faultline ingest` (ingestItems: parallel
// extraction with the default pipeline, PutDocument in order, one rebuild of the corpus
// model) and returns how many were new. Documents that fail are reported on errw.
func demoIngest(ctx context.Context, store faultline.Store, docs []*faultline.Document, errw io.Writer) (int, error) {
	items := make([]ingest.Item, len(docs))
	for i, d := range docs {
		items[i] = ingest.Item{Source: "demo/corpus:" + d.ID, Doc: d}
	}
	st, err := ingestItems(ctx, store, items, ingestOptions{Errors: errw})
	if err != nil {
		return st.New, err
	}
	if st.Failed > 0 {
		fmt.Fprintf(errw, "demo: %d of %d articles failed (see above)\n", st.Failed, len(docs))
	}
	return st.New, nil
}

// writeDemoSummary prints what the demo corpus turned into: the most mentioned actors, the
// strongest ties and the heaviest events, then the last line for scripts.
func writeDemoSummary(w io.Writer, m *faultline.Model, docs, created int) {
	names := map[string]string{}
	for _, a := range m.Actors {
		names[a.ID] = cmp.Or(a.Canonical, a.ID)
	}
	name := func(id string) string { return cmp.Or(names[id], id, "—") }
	dates := map[string]string{}
	for _, d := range m.Documents {
		dates[d.ID] = d.Date
	}

	fmt.Fprintf(w, "faultline demo: %d articles (%d new), %d documents in the store\n", docs, created, len(m.Documents))
	fmt.Fprintf(w, "%d actors, %d ties, %d events, %d quotes, %d figures, %d paradoxes\n",
		len(m.Actors), len(m.Ties), len(m.Events), len(m.Quotes), len(m.Figures), len(m.Paradoxes))

	// Named actors only: descriptions ("a council member") are actors too, but not news.
	actors := slices.DeleteFunc(slices.Clone(m.Actors), func(a faultline.Actor) bool {
		r, _ := utf8.DecodeRuneInString(name(a.ID))
		return !unicode.IsUpper(r)
	})
	slices.SortStableFunc(actors, func(a, b faultline.Actor) int {
		return cmp.Or(cmp.Compare(len(b.Mentions), len(a.Mentions)), cmp.Compare(a.ID, b.ID))
	})
	if len(actors) > 0 {
		fmt.Fprintln(w, "\nmost mentioned actors:")
		for _, a := range actors[:min(10, len(actors))] {
			aka := ""
			if len(a.Aliases) > 1 {
				aka = " (also " + strings.Join(otherAliases(a), ", ") + ")"
			}
			fmt.Fprintf(w, "  %-28s %-6s %3d mentions%s\n", name(a.ID), a.Type, len(a.Mentions), aka)
		}
	}

	ties := slices.Clone(m.Ties)
	slices.SortStableFunc(ties, func(a, b faultline.ModelTie) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(len(b.Evidence), len(a.Evidence)))
	})
	if len(ties) > 0 {
		fmt.Fprintln(w, "\nstrongest ties:")
		for _, t := range ties[:min(8, len(ties))] {
			fmt.Fprintf(w, "  %s %s %s (%+d, %d source(s))\n", name(t.A), t.Type, name(t.B), t.Sign, len(t.Evidence))
		}
	}

	// Events between two named actors: the most violent and the most cooperative, the
	// weightiest first and the latest first among equals.
	events := slices.DeleteFunc(slices.Clone(m.Events), func(e faultline.ModelEvent) bool {
		return e.Source == "" || e.Target == ""
	})
	slices.SortStableFunc(events, func(a, b faultline.ModelEvent) int {
		return cmp.Or(cmp.Compare(math.Abs(b.Goldstein), math.Abs(a.Goldstein)),
			cmp.Compare(cmp.Or(b.Date, dates[b.Doc]), cmp.Or(a.Date, dates[a.Doc])))
	})
	list := func(title string, keep func(g float64) bool, n int) {
		var sel []faultline.ModelEvent
		for _, e := range events {
			if keep(e.Goldstein) && len(sel) < n {
				sel = append(sel, e)
			}
		}
		if len(sel) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s:\n", title)
		for _, e := range sel {
			date := cmp.Or(e.Date, dates[e.Doc], "undated")
			fmt.Fprintf(w, "  %-10s %s %s %s (%s, CAMEO %s)\n", date, name(e.Source), strings.ToLower(cmp.Or(e.Trigger, e.Type)), name(e.Target), e.Type, e.CAMEO)
		}
	}
	list("hostile events", func(g float64) bool { return g < 0 }, 5)
	list("cooperative events", func(g float64) bool { return g > 0 }, 5)

	if len(m.Paradoxes) > 0 {
		fmt.Fprintln(w, "\ncontradictions in the alliance web (strongest first):")
		for _, p := range m.Paradoxes[:min(3, len(m.Paradoxes))] {
			var ns []string
			for _, a := range p.Actors {
				ns = append(ns, name(a))
			}
			fmt.Fprintf(w, "  %s (%s, signs %v)\n", strings.Join(ns, " / "), strings.ReplaceAll(cmp.Or(p.Kind, "paradox"), "_", " "), p.Signs)
		}
	}
	fmt.Fprintf(w, "\ndemo docs=%d new=%d actors=%d ties=%d events=%d\n", docs, created, len(m.Actors), len(m.Ties), len(m.Events))
}

// otherAliases returns up to four aliases of a besides its canonical name.
func otherAliases(a faultline.Actor) []string {
	var out []string
	for _, s := range a.Aliases {
		if s != a.Canonical && len(out) < 4 {
			out = append(out, s)
		}
	}
	return out
}
