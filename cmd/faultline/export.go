package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/export"
	"github.com/spf13/cobra"
)

// exportCmd is `faultline export`: the stored corpus model in a format other tools read.
var exportCmd = &cobra.Command{
	Use:   "export [--db PATH] --format json|graphml|gexf|csv|plover",
	Short: "Print the corpus model as JSON, GraphML, GEXF, CSV events or PLOVER JSON Lines",
	Long: `export prints the stored corpus model on stdout.

  json     the contract model (CONTRACT.md §2): documents, actors, ties, events, quotes,
           figures, paradoxes, every fact with its evidence
  graphml  the signed actor graph (yEd, NetworkX, igraph)
  gexf     the actor graph with time spells for Gephi's timeline
  csv      one row per event in a GDELT-like column layout (export/README.md)
  plover   one PLOVER-style JSON object per event (JSON Lines)`,
	Example: "  faultline export --format json > model.json\n  faultline export --db corpus.db --format gexf > corpus.gexf",
	Args:    cobra.NoArgs,
	RunE:    runExport,
}

func init() {
	exportCmd.Flags().String("format", "json", "output format: json, graphml, gexf, csv or plover")
	rootCmd.AddCommand(exportCmd)
}

// exporters maps each --format to the function that writes it.
var exporters = map[string]func(io.Writer, *faultline.Model) error{
	"json":    writeModelJSON,
	"graphml": export.GraphML,
	"gexf":    export.GEXF,
	"csv":     export.CSV,
	"plover":  export.PLOVER,
}

func runExport(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	write, ok := exporters[format]
	if !ok {
		return faultline.Errorf(faultline.EINVALID, "--format %q: want json, graphml, gexf, csv or plover", format)
	}
	ctx := cmd.Context()
	store, err := openStore(ctx, cmd)
	if err != nil {
		return err
	}
	defer store.Close()
	m, err := store.Model(ctx)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(cmd.OutOrStdout())
	if err := write(w, m); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return w.Flush()
}

// writeModelJSON writes m as one indented JSON object, the shape of CONTRACT.md §2.
func writeModelJSON(w io.Writer, m *faultline.Model) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}
