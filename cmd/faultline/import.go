package main

import (
	"bufio"
	"fmt"
	"os"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
	"github.com/faultline/faultline/resolve"
	"github.com/spf13/cobra"
)

// `faultline actors import` reads an actor dictionary — the user format of
// docs/dictionary.md or a Phoenix/PETRARCH (CAMEO) actor dictionary — and stores each entry
// as an override of kind "entry", so that every later resolution uses it.
func init() {
	importCmd := &cobra.Command{
		Use:   "import [--format tsv|phoenix] FILE",
		Short: "Import an actor dictionary (user TSV or Phoenix/PETRARCH) that every resolution then uses",
		Long: `import reads an actor dictionary and stores its entries in the database; every later
resolution (this command's, the next ingest's, an override's) adds them to the shipped
dictionary, where a name of an imported entry wins over the shipped one. Mentions of an entry's
names become one actor, named by the entry's name; an actor no document mentions is not
created. See docs/dictionary.md for both formats.

  tsv      the user format: name, aliases (|), type, country (ISO alpha-3), roles (;) with
           dates "ROLE FROM..TO", tab-separated, one actor a line
  phoenix  a CAMEO/PETRARCH actor dictionary (Phoenix.Countries.actors.txt and the like)

A TSV file with a malformed line is refused whole, with every bad line named. Importing the
same file again adds nothing. The last line is
  import entries=N new=N actors=N`,
		Args: cobra.ExactArgs(1),
		RunE: runImport,
	}
	importCmd.Flags().String("format", "tsv", "dictionary format: tsv or phoenix")
	actorsCmd.AddCommand(importCmd)
}

func runImport(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	if format != "tsv" && format != "phoenix" {
		return faultline.Errorf(faultline.EINVALID, "actors import: --format must be tsv or phoenix, not %q", format)
	}
	entries, err := readDictionary(args[0], format)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	st, err := openStore(ctx, cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	ov, err := st.Overrides(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, o := range ov {
		if o.Kind == faultline.OverrideEntry {
			have[o.Other] = true
		}
	}
	now := time.Now().UTC().Format(time.RFC3339)
	added := 0
	for _, e := range entries {
		line := e.String()
		if have[line] {
			continue
		}
		have[line] = true
		o := faultline.Override{Kind: faultline.OverrideEntry, Actor: e.ID(), Name: e.Name, Other: line, CreatedAt: now}
		if err := st.AddOverride(ctx, &o); err != nil {
			return fmt.Errorf("actors import: %s line %d: %w", args[0], e.Line, err)
		}
		added++
	}
	m, err := rebuildModel(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "import entries=%d new=%d actors=%d\n", len(entries), added, len(m.Actors))
	return nil
}

// readDictionary reads the entries of a dictionary file in a format.
func readDictionary(path, format string) ([]actors.UserEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "actors import: %v", err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	if format == "tsv" {
		es, err := actors.ParseUser(r)
		if err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "actors import: %s: %v", path, err)
		}
		return es, nil
	}
	pe, err := actors.ParsePhoenix(r)
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "actors import: %s: %v", path, err)
	}
	base, err := actors.Default()
	if err != nil {
		return nil, err
	}
	var out []actors.UserEntry
	for _, p := range pe {
		e := actors.FromPhoenix(p, base)
		// Keep what the user format can hold: a converted entry must read back.
		if back, err := actors.ParseUserLine(e.String()); err == nil && back != nil {
			back.Line = p.Line
			out = append(out, *back)
		}
	}
	if len(out) == 0 {
		return nil, faultline.Errorf(faultline.EINVALID, "actors import: %s: no Phoenix actor entries found", path)
	}
	return out, nil
}

// buildModel resolves the actors of a corpus with the shipped dictionary plus the imported
// entries among the overrides, then names each actor of an imported entry by the entry's
// name, and applies the other overrides.
func buildModel(docs []*faultline.Document, exts []*faultline.Extraction, ov []faultline.Override) (*faultline.Model, error) {
	var user []actors.UserEntry
	var rest []faultline.Override
	for _, o := range ov {
		if o.Kind != faultline.OverrideEntry {
			rest = append(rest, o)
			continue
		}
		e, err := actors.ParseUserLine(o.Other)
		if err != nil || e == nil {
			continue // written by import, so readable; skip rather than fail a rebuild
		}
		user = append(user, *e)
	}
	if len(user) == 0 {
		return resolve.Build(docs, exts, ov)
	}
	base, err := actors.Default()
	if err != nil {
		return nil, err
	}
	// The entry's name becomes the canonical name of its actor before any analyst's
	// correction, which comes after and so wins.
	var renames []faultline.Override
	for _, e := range user {
		renames = append(renames, faultline.Override{Kind: faultline.OverrideRename, Actor: e.Name, Name: e.Name})
	}
	return (&resolve.Resolver{Dict: base.With(user)}).Build(docs, exts, append(renames, rest...))
}
