package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
	"github.com/spf13/cobra"
)

// `faultline actors` lists the resolved actors; its subcommands record analysts'
// corrections (merge, split, alias, rename), which are stored, re-applied by every
// resolution and so survive re-ingest. `faultline actor NAME` prints one actor's dossier.
func init() {
	actorsCmd.Flags().String("format", "table", "output format: table or json")
	actorsCmd.Args = cobra.NoArgs
	actorsCmd.RunE = runActors
	actorsCmd.Long = `List the resolved actors of the stored corpus: id, canonical name, type, aliases, mentions
and documents. The subcommands correct resolution by hand; each correction is stored and
re-applied after every automatic resolution, in order. The last line is
  actors count=N`

	mergeCmd := &cobra.Command{Use: "merge ACTOR OTHER", Short: "Make OTHER part of ACTOR (ACTOR's id survives)", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return addOverride(cmd, faultline.Override{Kind: faultline.OverrideMerge, Actor: args[0], Other: args[1]})
		}}
	splitCmd := &cobra.Command{Use: "split ACTOR ALIAS", Short: "Give the mentions of ALIAS an actor of their own", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return addOverride(cmd, faultline.Override{Kind: faultline.OverrideSplit, Actor: args[0], Name: args[1]})
		}}
	aliasCmd := &cobra.Command{Use: "alias ACTOR NAME", Short: "Record NAME as another name of ACTOR", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return addOverride(cmd, faultline.Override{Kind: faultline.OverrideAlias, Actor: args[0], Name: args[1]})
		}}
	renameCmd := &cobra.Command{Use: "rename ACTOR NAME", Short: "Make NAME the canonical name of ACTOR", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return addOverride(cmd, faultline.Override{Kind: faultline.OverrideRename, Actor: args[0], Name: args[1]})
		}}
	overridesCmd := &cobra.Command{Use: "overrides", Short: "List the stored corrections, oldest first", Args: cobra.NoArgs, RunE: runOverrides}
	overridesCmd.Flags().String("format", "table", "output format: table or json")
	actorsCmd.AddCommand(mergeCmd, splitCmd, aliasCmd, renameCmd, overridesCmd)

	actorCmd := &cobra.Command{Use: "actor NAME", Short: "One actor's dossier: aliases, roles, documents, ties, events, quotes",
		Long: `Print the dossier of one actor, found by id or by any of its names (spelling variants fold:
"Muqtada al-Sadr" finds moqtada-al-sadr). The last line is
  actor id=ID mentions=N docs=N ties=N events=N quotes=N`,
		Args: cobra.ExactArgs(1), RunE: runActor}
	actorCmd.Flags().String("format", "table", "output format: table or json")
	rootCmd.AddCommand(actorCmd)
}

func runActors(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	if format != "table" && format != "json" {
		return fmt.Errorf("actors: --format must be table or json, not %q", format)
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
	out := cmd.OutOrStdout()
	as := append([]faultline.Actor(nil), m.Actors...)
	sort.SliceStable(as, func(i, j int) bool {
		if len(as[i].Mentions) != len(as[j].Mentions) {
			return len(as[i].Mentions) > len(as[j].Mentions)
		}
		return as[i].ID < as[j].ID
	})
	if format == "json" {
		type row struct {
			ID        string   `json:"id"`
			Canonical string   `json:"canonical"`
			Type      string   `json:"type"`
			Country   string   `json:"country,omitempty"`
			Aliases   []string `json:"aliases"`
			Roles     []string `json:"roles,omitempty"`
			Mentions  int      `json:"mentions"`
			Docs      int      `json:"docs"`
		}
		rows := []row{}
		for _, a := range as {
			rows = append(rows, row{a.ID, a.Canonical, a.Type, a.Country, a.Aliases, a.Roles, len(a.Mentions), docCount(a)})
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCANONICAL\tTYPE\tMENTIONS\tDOCS\tALIASES")
	for _, a := range as {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", a.ID, a.Canonical, a.Type, len(a.Mentions), docCount(a), clip(strings.Join(a.Aliases, "; "), 80))
	}
	tw.Flush()
	fmt.Fprintf(out, "actors count=%d\n", len(as))
	return nil
}

// docCount is the number of documents mentioning an actor.
func docCount(a faultline.Actor) int {
	if a.Docs > 0 {
		return a.Docs
	}
	seen := map[string]bool{}
	for _, m := range a.Mentions {
		seen[m.Doc] = true
	}
	return len(seen)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// findActor finds an actor of a model by id, by the slug of a name, or by a name (folded
// key of its canonical name, then of an alias; the most mentioned wins).
func findActor(m *faultline.Model, name string) *faultline.Actor {
	for i := range m.Actors {
		if m.Actors[i].ID == name {
			return &m.Actors[i]
		}
	}
	slug := actors.Slug(name)
	for i := range m.Actors {
		if m.Actors[i].ID == slug {
			return &m.Actors[i]
		}
	}
	key := actors.Key(name, "")
	var best *faultline.Actor
	for i := range m.Actors {
		a := &m.Actors[i]
		if actors.Key(a.Canonical, "") == key {
			if best == nil || len(a.Mentions) > len(best.Mentions) {
				best = a
			}
		}
	}
	if best != nil {
		return best
	}
	for i := range m.Actors {
		a := &m.Actors[i]
		for _, al := range a.Aliases {
			if actors.Key(al, "") == key && (best == nil || len(a.Mentions) > len(best.Mentions)) {
				best = a
			}
		}
	}
	return best
}

// addOverride checks that the override's actors exist, stores it and rebuilds the model.
func addOverride(cmd *cobra.Command, o faultline.Override) error {
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
	a := findActor(m, o.Actor)
	if a == nil {
		return faultline.Errorf(faultline.ENOTFOUND, "actors %s: no actor %q (see faultline actors)", o.Kind, o.Actor)
	}
	o.Actor = a.ID
	switch o.Kind {
	case faultline.OverrideMerge:
		b := findActor(m, o.Other)
		if b == nil {
			return faultline.Errorf(faultline.ENOTFOUND, "actors merge: no actor %q", o.Other)
		}
		if b.ID == a.ID {
			return faultline.Errorf(faultline.EINVALID, "actors merge: %q and %q are already one actor (%s)", o.Actor, o.Other, a.ID)
		}
		o.Other = b.ID
	case faultline.OverrideSplit:
		found := false
		key := actors.Key(o.Name, "")
		for _, al := range a.Aliases {
			if actors.Key(al, "") == key {
				found = true
			}
		}
		if !found {
			return faultline.Errorf(faultline.EINVALID, "actors split: %s has no alias %q (aliases: %s)", a.ID, o.Name, strings.Join(a.Aliases, "; "))
		}
	}
	if strings.TrimSpace(o.Name) == "" && o.Kind != faultline.OverrideMerge {
		return faultline.Errorf(faultline.EINVALID, "actors %s: empty name", o.Kind)
	}
	o.CreatedAt = time.Now().UTC().Format(time.RFC3339)
	if err := st.AddOverride(ctx, &o); err != nil {
		return err
	}
	m2, err := rebuildModel(ctx, st)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	id := o.Actor
	if o.Kind == faultline.OverrideRename {
		if r := findActor(m2, o.Name); r != nil {
			id = r.ID
		}
	}
	if r := findActor(m2, id); r != nil {
		fmt.Fprintf(out, "%s (%s): %s\n", r.ID, r.Type, strings.Join(r.Aliases, "; "))
	}
	if o.Kind == faultline.OverrideSplit {
		if r := findActor(m2, o.Name); r != nil && r.ID != id {
			fmt.Fprintf(out, "%s (%s): %s\n", r.ID, r.Type, strings.Join(r.Aliases, "; "))
		}
	}
	fmt.Fprintf(out, "override kind=%s actor=%s actors=%d\n", o.Kind, id, len(m2.Actors))
	return nil
}

func runOverrides(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
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
	out := cmd.OutOrStdout()
	if format == "json" {
		if ov == nil {
			ov = []faultline.Override{}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(ov)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tACTOR\tOTHER/NAME\tCREATED")
	for _, o := range ov {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", o.ID, o.Kind, o.Actor, o.Other+o.Name, o.CreatedAt)
	}
	tw.Flush()
	fmt.Fprintf(out, "overrides count=%d\n", len(ov))
	return nil
}

// Dossier is everything the corpus model says about one actor.
type Dossier struct {
	Actor     faultline.Actor        `json:"actor"`
	Documents []DossierDoc           `json:"documents"`
	Ties      []faultline.ModelTie   `json:"ties"`
	Events    []faultline.ModelEvent `json:"events"`
	Quotes    []faultline.ModelQuote `json:"quotes"`
	Names     map[string]string      `json:"names"` // actor id -> canonical name, for the ids above
}

// DossierDoc is a document mentioning the actor and how often.
type DossierDoc struct {
	ID       string `json:"id"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	Mentions int    `json:"mentions"`
}

// dossier assembles the dossier of actor a.
func dossier(m *faultline.Model, a *faultline.Actor) *Dossier {
	d := &Dossier{Actor: *a, Documents: []DossierDoc{}, Ties: []faultline.ModelTie{}, Events: []faultline.ModelEvent{},
		Quotes: []faultline.ModelQuote{}, Names: map[string]string{}}
	names := map[string]string{}
	for _, x := range m.Actors {
		names[x.ID] = x.Canonical
	}
	count := map[string]int{}
	for _, ev := range a.Mentions {
		count[ev.Doc]++
	}
	for _, doc := range m.Documents {
		if n := count[doc.ID]; n > 0 {
			d.Documents = append(d.Documents, DossierDoc{ID: doc.ID, Title: doc.Title, Date: doc.Date, Mentions: n})
		}
	}
	note := func(id string) {
		if id != "" {
			d.Names[id] = names[id]
		}
	}
	for _, t := range m.Ties {
		if t.A == a.ID || t.B == a.ID {
			d.Ties = append(d.Ties, t)
			note(t.A)
			note(t.B)
		}
	}
	for _, e := range m.Events {
		if e.Source == a.ID || e.Target == a.ID {
			d.Events = append(d.Events, e)
			note(e.Source)
			note(e.Target)
		}
	}
	for _, q := range m.Quotes {
		if q.Speaker == a.ID {
			d.Quotes = append(d.Quotes, q)
		}
	}
	sort.SliceStable(d.Events, func(i, j int) bool { return d.Events[i].Date < d.Events[j].Date })
	return d
}

func runActor(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	if format != "table" && format != "json" {
		return fmt.Errorf("actor: --format must be table or json, not %q", format)
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
	a := findActor(m, args[0])
	if a == nil {
		return faultline.Errorf(faultline.ENOTFOUND, "actor: no actor %q (see faultline actors)", args[0])
	}
	d := dossier(m, a)
	out := cmd.OutOrStdout()
	if format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	writeDossier(out, d)
	fmt.Fprintf(out, "actor id=%s mentions=%d docs=%d ties=%d events=%d quotes=%d\n", a.ID, len(a.Mentions), len(d.Documents), len(d.Ties), len(d.Events), len(d.Quotes))
	return nil
}

func writeDossier(out io.Writer, d *Dossier) {
	a := d.Actor
	name := func(id string) string {
		if id == "" {
			return "?"
		}
		if n := d.Names[id]; n != "" {
			return n
		}
		return id
	}
	fmt.Fprintf(out, "%s (%s)  id=%s", a.Canonical, a.Type, a.ID)
	if a.Country != "" {
		fmt.Fprintf(out, "  country=%s", a.Country)
	}
	fmt.Fprintln(out)
	fmt.Fprintf(out, "aliases: %s\n", strings.Join(a.Aliases, "; "))
	if len(a.Roles) > 0 {
		fmt.Fprintf(out, "roles: %s\n", strings.Join(a.Roles, "; "))
	}
	fmt.Fprintf(out, "\ndocuments (%d):\n", len(d.Documents))
	for _, doc := range d.Documents {
		fmt.Fprintf(out, "  %s  %s  %s  mentions=%d\n", doc.ID, doc.Date, clip(doc.Title, 60), doc.Mentions)
	}
	fmt.Fprintf(out, "\nties (%d):\n", len(d.Ties))
	for _, t := range d.Ties {
		fmt.Fprintf(out, "  %s %s %s  sign=%+d weight=%g\n", name(t.A), t.Type, name(t.B), t.Sign, t.Weight)
	}
	fmt.Fprintf(out, "\nevents (%d):\n", len(d.Events))
	for _, e := range d.Events {
		fmt.Fprintf(out, "  %-10s %s %s %s (%s, %s)  %s\n", e.Date, name(e.Source), e.Type, name(e.Target), e.CAMEO, e.Modality, e.Doc)
	}
	fmt.Fprintf(out, "\nquotes (%d):\n", len(d.Quotes))
	for _, q := range d.Quotes {
		fmt.Fprintf(out, "  %q  (%s)\n", clip(q.Text, 100), q.Doc)
	}
}
