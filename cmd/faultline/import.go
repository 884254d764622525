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
// as an override of kind "entry", or a Phoenix/PETRARCH agent dictionary, stored as overrides
// of kind "agent", so that every later resolution uses them.
func init() {
	importCmd := &cobra.Command{
		Use:   "import [--format tsv|phoenix|phoenix-agents] FILE",
		Short: "Import an actor or agent dictionary (user TSV or Phoenix/PETRARCH) that every resolution then uses",
		Long: `import reads an actor dictionary and stores its entries in the database; every later
resolution (this command's, the next ingest's, an override's) adds them to the shipped
dictionary, where a name of an imported entry wins over the shipped one. Mentions of an entry's
names become one actor, named by the entry's name; an actor no document mentions is not
created. See docs/dictionary.md for both formats.

  tsv      the user format: name, aliases (|), type, country (ISO alpha-3), roles (;) with
           dates "ROLE FROM..TO", tab-separated, one actor a line
  phoenix  a CAMEO/PETRARCH actor dictionary (Phoenix.Countries.actors.txt and the like)
  phoenix-agents
           a CAMEO/PETRARCH agent dictionary (Phoenix.agents.txt): nouns that name an actor
           by its role ("riot police", "herdsmen") with their agent codes; an actor that
           only such descriptions name is typed by them (PERSON, or ORG for a body of people)

A TSV file with a malformed line is refused whole, with every bad line named. Importing the
same file again adds nothing. The last line is
  import entries=N new=N actors=N`,
		Args: cobra.ExactArgs(1),
		RunE: runImport,
	}
	importCmd.Flags().String("format", "tsv", "dictionary format: tsv, phoenix or phoenix-agents")
	actorsCmd.AddCommand(importCmd)
}

func runImport(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	var todo []faultline.Override
	switch format {
	case "tsv", "phoenix":
		entries, err := readDictionary(args[0], format)
		if err != nil {
			return err
		}
		for _, e := range entries {
			todo = append(todo, faultline.Override{Kind: faultline.OverrideEntry, Actor: e.ID(), Name: e.Name, Other: e.String()})
		}
	case "phoenix-agents":
		agents, err := readAgents(args[0])
		if err != nil {
			return err
		}
		for _, a := range agents {
			todo = append(todo, faultline.Override{Kind: faultline.OverrideAgent, Actor: "agent", Name: a.Noun, Other: a.String()})
		}
	default:
		return faultline.Errorf(faultline.EINVALID, "actors import: --format must be tsv, phoenix or phoenix-agents, not %q", format)
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
		have[o.Kind+"\t"+o.Other] = true
	}
	now := time.Now().UTC().Format(time.RFC3339)
	added := 0
	for _, o := range todo {
		if have[o.Kind+"\t"+o.Other] {
			continue
		}
		have[o.Kind+"\t"+o.Other] = true
		o.CreatedAt = now
		if err := st.AddOverride(ctx, &o); err != nil {
			return fmt.Errorf("actors import: %s: %s %q: %w", args[0], o.Kind, o.Name, err)
		}
		added++
	}
	m, err := rebuildModel(ctx, st)
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "import entries=%d new=%d actors=%d\n", len(todo), added, len(m.Actors))
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

// readAgents reads a Phoenix/PETRARCH agent dictionary.
func readAgents(path string) ([]actors.Agent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "actors import: %v", err)
	}
	defer f.Close()
	agents, err := actors.ParsePhoenixAgents(bufio.NewReader(f))
	if err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "actors import: %s: %v", path, err)
	}
	if len(agents) == 0 {
		return nil, faultline.Errorf(faultline.EINVALID, "actors import: %s: no agent nouns found", path)
	}
	return agents, nil
}

// buildModel resolves the actors of a corpus with the shipped dictionary plus the imported
// entries among the overrides, then names each actor of an imported entry by the entry's
// name, and applies the other overrides.
func buildModel(src resolve.Source, ov []faultline.Override) (*faultline.Model, error) {
	var user []actors.UserEntry
	var agents []actors.Agent
	var rest []faultline.Override
	for _, o := range ov {
		// Entries and agents were written by import, so readable: skip one that is not
		// rather than fail a rebuild.
		switch o.Kind {
		case faultline.OverrideEntry:
			if e, err := actors.ParseUserLine(o.Other); err == nil && e != nil {
				user = append(user, *e)
			}
		case faultline.OverrideAgent:
			if a, err := actors.ParseAgentLine(o.Other); err == nil {
				agents = append(agents, a)
			}
		default:
			rest = append(rest, o)
		}
	}
	dict, err := actors.Default()
	if err != nil {
		return nil, err
	}
	if len(agents) > 0 {
		dict = dict.WithAgents(agents)
	}
	if len(user) > 0 {
		dict = dict.With(user)
	}
	// The entry's name becomes the canonical name of its actor before any analyst's
	// correction, which comes after and so wins.
	var renames []faultline.Override
	for _, e := range user {
		renames = append(renames, faultline.Override{Kind: faultline.OverrideRename, Actor: e.Name, Name: e.Name})
	}
	return (&resolve.Resolver{Dict: dict}).BuildFrom(src, append(renames, rest...))
}
