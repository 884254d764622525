package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/network"
	"github.com/spf13/cobra"
)

// The analysis commands: network, blocs, brokers, paradoxes, scenario, timeline. Each loads
// the stored corpus model, builds the signed actor graph for --from/--to and prints a table
// (last line `name key=value …`) or, with --format json, one JSON object.

var (
	networkCmd = &cobra.Command{
		Use:   "network",
		Short: "The signed, weighted actor graph for a time window",
		Long: `network prints the signed actor graph: each pair of actors with the weight of their
cooperation and hostility (events weighted by Goldstein score and recency, stated ties by type;
hypothetical and negated statements left out), the distinct documents and sources behind it,
and a summary of structural balance.`,
		Example: "  faultline network --from 2007 --to 2008-06 --format json",
		Args:    cobra.NoArgs,
		RunE:    runNetwork,
	}
	blocsCmd = &cobra.Command{
		Use:   "blocs",
		Short: "Blocs: groups friendly inside and hostile across (signed community detection)",
		Args:  cobra.NoArgs,
		RunE:  runBlocs,
	}
	brokersCmd = &cobra.Command{
		Use:   "brokers",
		Short: "Brokers: actors tied positively into mutually hostile blocs",
		Args:  cobra.NoArgs,
		RunE:  runBrokers,
	}
	paradoxesCmd = &cobra.Command{
		Use:   "paradoxes",
		Short: "Unbalanced triads and ambivalent dyads, most evidenced first",
		Args:  cobra.NoArgs,
		RunE:  runParadoxes,
	}
	scenarioCmd = &cobra.Command{
		Use:   "scenario",
		Short: "What if a tie changed or an actor left: a balance-dynamics model",
		Long: `scenario sets or removes ties (--set "A~B=+1", --set "A~B=-1") or removes actors
(--remove ACTOR), holds them fixed and runs a balance-dynamics model many times: AKR
constrained triad dynamics (Antal, Krapivsky & Redner, Phys. Rev. E 72, 036121, 2005) or
the continuous model of Marvel, Kleinberg, Kleinberg & Strogatz (PNAS 108, 1771, 2011).
It reports the relations that flip, with their probability over the runs and the triads
that drive them, and the blocs that result. It is a model, not a forecast.
Actors are given by id or by name.`,
		Example: `  faultline scenario --set "united_states~iran=+1" --runs 200 --seed 7
  faultline scenario --remove moqtada_al_sadr --model marvel`,
		Args: cobra.NoArgs,
		RunE: runScenario,
	}
	timelineCmd = &cobra.Command{
		Use:   "timeline [ACTOR [ACTOR]]",
		Short: "When relations changed sign (an accord signed, a cease-fire collapsed)",
		Args:  cobra.MaximumNArgs(2),
		RunE:  runTimeline,
	}
)

func init() {
	for _, c := range []*cobra.Command{networkCmd, blocsCmd, brokersCmd, paradoxesCmd, scenarioCmd, timelineCmd} {
		c.Flags().String("from", "", "start of the time window, YYYY[-MM[-DD]]")
		c.Flags().String("to", "", "end of the time window, YYYY[-MM[-DD]]")
		c.Flags().String("format", "table", "output format: table or json")
		c.Flags().Float64("half-life", 365, "recency half-life in days: evidence this much older than the window's end counts half (0: no decay)")
		rootCmd.AddCommand(c)
	}
	for _, c := range []*cobra.Command{networkCmd, brokersCmd, paradoxesCmd} {
		c.Flags().Int("limit", 30, "at most this many rows (0: all)")
	}
	for _, c := range []*cobra.Command{blocsCmd, brokersCmd, scenarioCmd, networkCmd} {
		c.Flags().Uint64("seed", 1, "random seed: same seed, same result")
	}
	scenarioCmd.Flags().StringArray("set", nil, `set a tie and hold it fixed: "A~B=+1" or "A~B=-1" (repeatable)`)
	scenarioCmd.Flags().StringArray("remove", nil, "remove an actor (repeatable)")
	scenarioCmd.Flags().String("model", network.AKR, "dynamics: akr (constrained triad dynamics) or marvel (continuous)")
	scenarioCmd.Flags().Int("runs", 100, "independent runs summarised as probabilities")
	scenarioCmd.Flags().Float64("min-p", 0.05, "smallest flip probability reported")
}

// netOpenStore opens the store of the analysis commands; tests replace it.
var netOpenStore = openStore

// netLoad loads the stored model and builds its graph for the command's window.
func netLoad(cmd *cobra.Command) (*faultline.Model, *network.Graph, faultline.Store, error) {
	return netLoadWith(cmd, network.Options{})
}

// netLoadWith is netLoad with the graph options the flags do not set (States).
func netLoadWith(cmd *cobra.Command, opt network.Options) (*faultline.Model, *network.Graph, faultline.Store, error) {
	from, _ := cmd.Flags().GetString("from")
	to, _ := cmd.Flags().GetString("to")
	hl, _ := cmd.Flags().GetFloat64("half-life")
	format, _ := cmd.Flags().GetString("format")
	for _, d := range []string{from, to} {
		if d != "" && !network.ValidDate(d) {
			return nil, nil, nil, faultline.Errorf(faultline.EINVALID, "bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	if format != "table" && format != "json" {
		return nil, nil, nil, faultline.Errorf(faultline.EINVALID, "bad --format %q: want table or json", format)
	}
	if hl < 0 {
		return nil, nil, nil, faultline.Errorf(faultline.EINVALID, "--half-life must not be negative")
	}
	ctx := cmd.Context()
	st, err := netOpenStore(ctx, cmd)
	if err != nil {
		return nil, nil, nil, err
	}
	m, err := st.Model(ctx)
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	opt.From, opt.To, opt.HalfLife = from, to, hl
	return m, network.Build(m, opt), st, nil
}

func netJSON(cmd *cobra.Command) bool {
	f, _ := cmd.Flags().GetString("format")
	return f == "json"
}

func netWriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// netTexts fetches evidence text from stored documents, caching each document.
type netTexts struct {
	cmd  *cobra.Command
	st   faultline.Store
	docs map[string]string
}

// doc returns the text of document id, read once ("" when it cannot be read).
func (t *netTexts) doc(id string) string {
	if t.docs == nil {
		t.docs = map[string]string{}
	}
	txt, ok := t.docs[id]
	if !ok {
		if d, err := t.st.Document(t.cmd.Context(), id); err == nil {
			txt = d.Text
		}
		t.docs[id] = txt
	}
	return txt
}

func (t *netTexts) text(ev faultline.Evidence) string {
	txt := t.doc(ev.Doc)
	if ev.Start < 0 || ev.End > len(txt) || ev.Start >= ev.End {
		return ""
	}
	s := strings.Join(strings.Fields(txt[ev.Start:ev.End]), " ")
	if r := []rune(s); len(r) > 200 {
		s = string(r[:199]) + "…"
	}
	return s
}

func netLimit(cmd *cobra.Command) int {
	n, _ := cmd.Flags().GetInt("limit")
	return n
}

func netSeed(cmd *cobra.Command) uint64 {
	s, _ := cmd.Flags().GetUint64("seed")
	return s
}

func runNetwork(cmd *cobra.Command, args []string) error {
	_, g, st, err := netLoad(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	bal := network.Measure(g, netSeed(cmd))
	pos, neg, amb, linked := 0, 0, 0, map[int]bool{}
	for _, e := range g.Edges {
		switch e.Sign {
		case 1:
			pos++
		case -1:
			neg++
		}
		if e.Ambivalent() {
			amb++
		}
		linked[e.U], linked[e.V] = true, true
	}
	edges := append([]network.Edge(nil), g.Edges...)
	sort.SliceStable(edges, func(i, j int) bool {
		if edges[i].Docs != edges[j].Docs {
			return edges[i].Docs > edges[j].Docs
		}
		return abs64(edges[i].Weight) > abs64(edges[j].Weight)
	})
	if n := netLimit(cmd); n > 0 && len(edges) > n {
		edges = edges[:n]
	}
	w := cmd.OutOrStdout()
	if netJSON(cmd) {
		type actor struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		}
		var actors []actor
		for i, id := range g.Actors {
			if linked[i] {
				actors = append(actors, actor{id, g.Names[i]})
			}
		}
		return netWriteJSON(w, map[string]any{"actors": actors, "edges": edges, "balance": bal, "edges_total": len(g.Edges)})
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "A\tB\tSIGN\tWEIGHT\tCOOP\tHOSTILE\tDOCS\tSOURCES\t")
	for _, e := range edges {
		fmt.Fprintf(tw, "%s\t%s\t%+d\t%.2f\t%.2f\t%.2f\t%d\t%d\t\n", g.Name(e.U), g.Name(e.V), e.Sign, e.Weight, e.Pos, e.Neg, e.Docs, e.Sources)
	}
	tw.Flush()
	fmt.Fprintf(w, "network actors=%d edges=%d positive=%d negative=%d ambivalent=%d triads=%d balanced=%.3f frustration=%d exact=%t\n",
		len(linked), len(g.Edges), pos, neg, amb, bal.Triads, bal.Share, bal.Frustration.Value, bal.Frustration.Exact)
	return nil
}

func abs64(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// netBlocJSON is a bloc as JSON: its members by id and name.
type netBlocJSON struct {
	Bloc    int      `json:"bloc"`
	Members []string `json:"members"`
	Names   []string `json:"names"`
}

func netBlocList(g *network.Graph, b *network.Blocs) []netBlocJSON {
	var out []netBlocJSON
	for c, m := range b.Members {
		if len(m) < 2 {
			continue
		}
		bj := netBlocJSON{Bloc: c + 1}
		for _, i := range m {
			bj.Members = append(bj.Members, g.Actors[i])
			bj.Names = append(bj.Names, g.Name(i))
		}
		out = append(out, bj)
	}
	return out
}

// netLinked returns a graph's actors that have at least one edge.
func netLinked(g *network.Graph) int {
	n := 0
	for i := 0; i < g.Len(); i++ {
		if g.Degree(i) > 0 {
			n++
		}
	}
	return n
}

func runBlocs(cmd *cobra.Command, args []string) error {
	_, g, st, err := netLoad(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	b := network.Partition(g, network.BlocOptions{Seed: netSeed(cmd)})
	blocs := netBlocList(g, b)
	w := cmd.OutOrStdout()
	if netJSON(cmd) {
		return netWriteJSON(w, map[string]any{"blocs": blocs, "frustration": b.Frustration, "frustrated_edges": b.Frustrated})
	}
	for _, bl := range blocs {
		fmt.Fprintf(w, "bloc %d (%d): %s\n", bl.Bloc, len(bl.Names), strings.Join(bl.Names, ", "))
	}
	fmt.Fprintf(w, "blocs blocs=%d actors=%d unaligned=%d frustration=%.3f frustrated=%d\n",
		len(blocs), netLinked(g), netLinked(g)-netInBlocs(blocs), b.Frustration, b.Frustrated)
	return nil
}

func netInBlocs(bs []netBlocJSON) int {
	n := 0
	for _, b := range bs {
		n += len(b.Members)
	}
	return n
}

func runBrokers(cmd *cobra.Command, args []string) error {
	_, g, st, err := netLoad(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	b := network.Partition(g, network.BlocOptions{Seed: netSeed(cmd)})
	brs := network.FindBrokers(g, b, netLimit(cmd))
	w := cmd.OutOrStdout()
	if netJSON(cmd) {
		return netWriteJSON(w, map[string]any{"brokers": brs, "blocs": netBlocList(g, b)})
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ACTOR\tBLOC\tSCORE\tBETWEENNESS\tWHY\t")
	for _, br := range brs {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.4f\t%s\t\n", br.Name, br.Bloc+1, br.Score, br.Betweenness, br.Explanation)
	}
	tw.Flush()
	fmt.Fprintf(w, "brokers brokers=%d actors=%d blocs=%d\n", len(brs), netLinked(g), len(netBlocList(g, b)))
	return nil
}

func runParadoxes(cmd *cobra.Command, args []string) error {
	// Paradoxes are ranked on the state-coded graph, as the stored model's are
	// (network.Paradoxes): a state's army and officials act for the state.
	_, g, st, err := netLoadWith(cmd, network.Options{States: true, Members: true})
	if err != nil {
		return err
	}
	defer st.Close()
	tx := &netTexts{cmd: cmd, st: st}
	ps := network.RankParadoxes(g, network.ParadoxOptions{Limit: netLimit(cmd), Quads: true, Text: tx.doc})
	w := cmd.OutOrStdout()
	if netJSON(cmd) {
		return netWriteJSON(w, map[string]any{"paradoxes": ps})
	}
	kinds := map[string]int{}
	for i, p := range ps {
		kinds[p.Kind]++
		fmt.Fprintf(w, "%d. [%.2f] %s\n", i+1, p.Score, p.Explanation)
		for _, ev := range p.Evidence {
			if s := tx.text(ev); s != "" {
				fmt.Fprintf(w, "     %s:%d-%d %q\n", ev.Doc, ev.Start, ev.End, s)
			} else {
				fmt.Fprintf(w, "     %s:%d-%d\n", ev.Doc, ev.Start, ev.End)
			}
		}
	}
	fmt.Fprintf(w, "paradoxes paradoxes=%d triads=%d dyads=%d quads=%d\n", len(ps),
		kinds[network.UnbalancedTriad], kinds[network.AmbivalentDyad], kinds[network.UnbalancedQuad])
	return nil
}

// netActor finds an actor by id, canonical name or alias (case-insensitive).
func netActor(m *faultline.Model, g *network.Graph, s string) (string, error) {
	if g.Index(s) >= 0 {
		return s, nil
	}
	var hits []string
	for _, a := range m.Actors {
		match := strings.EqualFold(a.ID, s) || strings.EqualFold(a.Canonical, s)
		for _, al := range a.Aliases {
			match = match || strings.EqualFold(al, s)
		}
		if match {
			hits = append(hits, a.ID)
		}
	}
	switch len(hits) {
	case 0:
		return "", faultline.Errorf(faultline.ENOTFOUND, "no actor %q", s)
	case 1:
		return hits[0], nil
	}
	return "", faultline.Errorf(faultline.EINVALID, "%q names several actors: %s", s, strings.Join(hits, ", "))
}

func runScenario(cmd *cobra.Command, args []string) error {
	sets, _ := cmd.Flags().GetStringArray("set")
	removes, _ := cmd.Flags().GetStringArray("remove")
	model, _ := cmd.Flags().GetString("model")
	runs, _ := cmd.Flags().GetInt("runs")
	minP, _ := cmd.Flags().GetFloat64("min-p")
	if len(sets)+len(removes) == 0 {
		return faultline.Errorf(faultline.EINVALID, `scenario: nothing to change: give --set "A~B=+1" or --remove ACTOR`)
	}
	if runs <= 0 || runs > 100000 {
		return faultline.Errorf(faultline.EINVALID, "--runs must be between 1 and 100000")
	}
	var edits []network.Edit
	for _, s := range sets {
		e, err := network.ParseEdit(s)
		if err != nil {
			return err
		}
		edits = append(edits, e)
	}
	m, g, st, err := netLoad(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	for i := range edits {
		if edits[i].A, err = netActor(m, g, edits[i].A); err != nil {
			return err
		}
		if edits[i].B, err = netActor(m, g, edits[i].B); err != nil {
			return err
		}
	}
	for _, r := range removes {
		id, err := netActor(m, g, r)
		if err != nil {
			return err
		}
		edits = append(edits, network.Edit{A: id, Remove: true})
	}
	sc, err := network.Simulate(g, edits, network.ScenarioOptions{Model: model, Runs: runs, Seed: netSeed(cmd), MinP: minP})
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	if netJSON(cmd) {
		return netWriteJSON(w, sc)
	}
	name := func(id string) string {
		if i := g.Index(id); i >= 0 {
			return g.Name(i)
		}
		return id
	}
	fmt.Fprintf(w, "NOTE: %s\n", sc.Note)
	fmt.Fprintf(w, "model=%s runs=%d seed=%d; changes:", sc.Model, sc.Runs, sc.Seed)
	for _, e := range sc.Edits {
		if e.Remove {
			fmt.Fprintf(w, " remove %s;", name(e.A))
		} else {
			fmt.Fprintf(w, " %s~%s=%+d;", name(e.A), name(e.B), e.Sign)
		}
	}
	fmt.Fprintln(w)
	if len(sc.Flips) == 0 {
		fmt.Fprintln(w, "No reported relation comes under enough pressure to flip.")
	}
	for _, f := range sc.Flips {
		fmt.Fprintf(w, "  %3.0f%%  %s\n", 100*f.P, f.Explanation)
	}
	if len(sc.Relieved) > 0 {
		fmt.Fprintln(w, "relations the change steadies:")
		for _, f := range sc.Relieved {
			fmt.Fprintf(w, "  %3.0f%%  %s\n", 100*f.P, f.Explanation)
		}
	}
	for _, x := range []struct {
		label string
		blocs [][]string
	}{{"blocs before", sc.Before}, {"blocs after", sc.After}} {
		fmt.Fprintf(w, "%s:\n", x.label)
		for i, b := range x.blocs {
			names := make([]string, len(b))
			for j, id := range b {
				names[j] = name(id)
			}
			fmt.Fprintf(w, "  %d. %s\n", i+1, strings.Join(names, ", "))
		}
	}
	fmt.Fprintf(w, "scenario flips=%d relieved=%d balanced=%.3f blocs_before=%d blocs_after=%d model=%s runs=%d seed=%d\n",
		len(sc.Flips), len(sc.Relieved), sc.Balanced, len(sc.Before), len(sc.After), sc.Model, sc.Runs, sc.Seed)
	return nil
}

func runTimeline(cmd *cobra.Command, args []string) error {
	m, g, st, err := netLoad(cmd)
	if err != nil {
		return err
	}
	defer st.Close()
	var want []string
	for _, a := range args {
		id, err := netActor(m, g, a)
		if err != nil {
			return err
		}
		want = append(want, id)
	}
	var tls []network.Timeline
	for _, tl := range network.Timelines(g) {
		ok := true
		for _, id := range want {
			ok = ok && (tl.A == id || tl.B == id)
		}
		if ok {
			tls = append(tls, tl)
		}
	}
	w := cmd.OutOrStdout()
	if netJSON(cmd) {
		if tls == nil {
			tls = []network.Timeline{}
		}
		return netWriteJSON(w, map[string]any{"timelines": tls})
	}
	tx := &netTexts{cmd: cmd, st: st}
	changes := 0
	for _, tl := range tls {
		for _, c := range tl.Changes {
			changes++
			fmt.Fprintf(w, "%s  %s\n", c.Date, c.Explanation)
			for _, it := range append(c.Before[max(0, len(c.Before)-1):], c.After[:min(1, len(c.After))]...) {
				fmt.Fprintf(w, "     %s %s:%d-%d %q\n", it.Date, it.Evidence.Doc, it.Evidence.Start, it.Evidence.End, tx.text(it.Evidence))
			}
		}
	}
	fmt.Fprintf(w, "timeline dyads=%d changes=%d\n", len(tls), changes)
	return nil
}
