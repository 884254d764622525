package main

import (
	"fmt"

	"github.com/faultline/faultline/eval"
	"github.com/spf13/cobra"
)

// `faultline eval --gold FILE [--db PATH]` scores the stored corpus model against a gold
// file; `faultline eval pos|parse|ner|petrarch` (other files) score single models.
func init() {
	evalCmd.Flags().String("gold", "", "gold annotation file (the shape of seeds.gold.json)")
	evalCmd.Long = `Without a subcommand, eval scores the corpus model stored in --db against a gold file:
alias recall and B-cubed clustering of the gold actors' names, actors, ties and events
(P/R/F1), event dates, quotes, figures and paradoxes. Gold document ids ("000") are matched
to stored ones by the part of the id before the first "_", without extension
("000_7ffe35af48bd8ea1.txt"). The last line is
  eval aliasR=… actorsF1=… bcubedF1=… tiesF1=… eventsF1=… quotesAcc=… figuresR=… paradoxesR=…`
	evalCmd.Example = `  faultline ingest --db /tmp/s.db ../shared/seeds
  faultline eval --gold ../shared/gold/seeds.gold.json --db /tmp/s.db`
	evalCmd.Args = cobra.NoArgs
	evalCmd.RunE = runEval
}

func runEval(cmd *cobra.Command, args []string) error {
	goldPath, _ := cmd.Flags().GetString("gold")
	if goldPath == "" {
		return fmt.Errorf("eval: --gold FILE is required (or a subcommand: %s)", subcommandNames(cmd))
	}
	g, err := eval.LoadGold(goldPath)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	st, err := openStore(ctx, cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := st.Model(ctx)
	if err != nil {
		return err
	}
	keys := map[string]bool{}
	for _, d := range g.Docs() {
		keys[eval.DocKey(d)] = true
	}
	// Texts of the stored documents the gold annotates: mention texts and quote and
	// figure offsets are checked against them.
	texts := map[string]string{}
	for _, d := range m.Documents {
		if !keys[eval.DocKey(d.ID)] && !(d.Title != "" && keys[eval.DocKey(d.Title)]) {
			continue
		}
		doc, err := st.Document(ctx, d.ID)
		if err != nil {
			return fmt.Errorf("eval: document %s: %w", d.ID, err)
		}
		texts[d.ID] = doc.Text
	}
	r := eval.Score(g, m, texts)
	if r.Docs == 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "eval: the store holds none of the %d gold documents (ingest them first)\n", r.GoldDocs)
	}
	return r.WriteTable(cmd.OutOrStdout())
}

// subcommandNames lists a command's subcommands for an error message.
func subcommandNames(cmd *cobra.Command) string {
	s := ""
	for i, c := range cmd.Commands() {
		if i > 0 {
			s += "|"
		}
		s += c.Name()
	}
	if s == "" {
		return "none yet"
	}
	return s
}
