package eval

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/faultline/faultline"
)

// PRF is a precision, recall and F1 with the counts behind them.
type PRF struct {
	P, R, F1 float64
	// Matched gold items (TP), gold items and predicted items considered.
	TP, Gold, Pred int
}

func newPRF(tp, gold, pred int) PRF {
	s := PRF{TP: tp, Gold: gold, Pred: pred}
	if pred > 0 {
		s.P = float64(tp) / float64(pred)
	}
	if gold > 0 {
		s.R = float64(tp) / float64(gold)
	}
	s.F1 = f1(s.P, s.R)
	return s
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Share is a proportion of gold items found, with its counts.
type Share struct {
	Value      float64
	Hit, Total int
}

func newShare(hit, total int) Share {
	s := Share{Hit: hit, Total: total}
	if total > 0 {
		s.Value = float64(hit) / float64(total)
	}
	return s
}

// Report is the score of a model against a gold file.
type Report struct {
	// Docs is the number of gold documents the model holds, of GoldDocs.
	Docs, GoldDocs int
	// AliasRecall: share of gold alias strings found as a name of a predicted actor that
	// is mentioned in one of the gold actor's documents.
	AliasRecall Share
	// BCubed scores the clustering of gold alias strings into predicted actors.
	BCubed PRF
	// Actors: gold actors matched one-to-one to predicted actors (mentioned in gold
	// documents) that carry one of their aliases with a compatible type.
	Actors PRF
	// Ties: actor pair (unordered for symmetric types) and sign, within a document.
	Ties PRF
	// Events: source, target (with alternatives) and CAMEO root, within a document.
	Events PRF
	// Quotes: share of gold quotes overlapped by a predicted quote with the right speaker.
	Quotes Share
	// Figures: share of gold figures overlapped by a predicted figure with the same value.
	Figures Share
	// Paradoxes: share of gold paradoxes whose actors form a predicted paradox.
	Paradoxes Share
	// Dates: among matched events whose gold has a date, share with the right month
	// (or year, when the gold gives only the year).
	Dates Share
}

// Score scores model m against gold g. texts maps stored document ids to their text; it
// lets the scorer read mention texts and place gold quotes and figures by byte offset. It
// may be nil or incomplete: quotes and figures of documents without text are then matched
// by comparing strings.
func Score(g *Gold, m *faultline.Model, texts map[string]string) *Report {
	s := newScorer(g, m, texts)
	r := &Report{GoldDocs: len(s.goldDocs), Docs: len(s.seenDocs)}
	r.AliasRecall, r.BCubed = s.aliases()
	r.Actors = s.actors()
	r.Ties = s.ties()
	r.Events, r.Dates = s.events()
	r.Quotes = s.quotes()
	r.Figures = s.figures()
	r.Paradoxes = s.paradoxes()
	return r
}

// scorer holds the indexes shared by the metrics.
type scorer struct {
	g     *Gold
	m     *faultline.Model
	texts map[string]string // by stored document id

	goldDocs map[string]bool   // gold document ids
	docMap   map[string]string // stored document id -> gold document id
	seenDocs map[string]bool   // gold documents the model holds

	actorDocs []map[string]bool // predicted actor index -> gold docs it is mentioned in
	mentions  []int             // predicted actor index -> mentions in gold docs
	byName    map[string][]int  // normalised alias -> predicted actors
	// byMention: gold doc + "\x00" + normalised mention text -> predicted actors.
	byMention map[string][]int
	actorIdx  map[string]int // predicted actor id -> index

	cands map[string][]int // gold actor id -> predicted actors it maps to
	docOf map[string]map[string]bool
}

func newScorer(g *Gold, m *faultline.Model, texts map[string]string) *scorer {
	if m == nil {
		m = &faultline.Model{}
	}
	s := &scorer{g: g, m: m, texts: texts, goldDocs: map[string]bool{}, docMap: map[string]string{},
		seenDocs: map[string]bool{}, byName: map[string][]int{}, byMention: map[string][]int{},
		actorIdx: map[string]int{}, cands: map[string][]int{}, docOf: map[string]map[string]bool{}}
	for _, a := range g.Actors {
		for _, d := range a.Docs {
			s.goldDocs[d] = true
		}
	}
	for _, t := range g.Ties {
		s.goldDocs[t.Doc] = true
	}
	for _, e := range g.Events {
		s.goldDocs[e.Doc] = true
	}
	for _, q := range g.Quotes {
		s.goldDocs[q.Doc] = true
	}
	for _, f := range g.Figures {
		s.goldDocs[f.Doc] = true
	}
	gk := map[string]string{}
	for d := range s.goldDocs {
		gk[DocKey(d)] = d
	}
	for _, d := range m.Documents {
		if gd, ok := s.goldDocs[d.ID]; ok && gd {
			s.docMap[d.ID] = d.ID
		} else if gd, ok := gk[DocKey(d.ID)]; ok {
			s.docMap[d.ID] = gd
		} else if gd, ok := gk[DocKey(d.Title)]; ok && d.Title != "" {
			s.docMap[d.ID] = gd
		}
		if gd, ok := s.docMap[d.ID]; ok {
			s.seenDocs[gd] = true
		}
	}
	for id := range texts {
		s.gdoc(id)
	}

	s.actorDocs = make([]map[string]bool, len(m.Actors))
	s.mentions = make([]int, len(m.Actors))
	for i, a := range m.Actors {
		s.actorIdx[a.ID] = i
		s.actorDocs[i] = map[string]bool{}
		for _, ev := range a.Mentions {
			d := s.gdoc(ev.Doc)
			if d == "" {
				continue
			}
			s.actorDocs[i][d] = true
			s.mentions[i]++
			if t, ok := texts[ev.Doc]; ok && 0 <= ev.Start && ev.Start < ev.End && ev.End <= len(t) {
				k := d + "\x00" + norm(t[ev.Start:ev.End])
				s.byMention[k] = appendUniq(s.byMention[k], i)
			}
		}
		names := append([]string{a.Canonical}, a.Aliases...)
		for _, n := range names {
			if k := norm(n); k != "" {
				s.byName[k] = appendUniq(s.byName[k], i)
			}
		}
	}
	for _, a := range g.Actors {
		docs := map[string]bool{}
		for _, d := range a.Docs {
			docs[d] = true
		}
		s.docOf[a.ID] = docs
		var c []int
		for _, al := range a.Aliases {
			for _, i := range s.aliasCands(al, docs) {
				c = appendUniq(c, i)
			}
		}
		sort.Ints(c)
		s.cands[a.ID] = c
	}
	return s
}

// gdoc returns the gold document a stored document id belongs to, or "".
func (s *scorer) gdoc(id string) string {
	if d, ok := s.docMap[id]; ok {
		return d
	}
	d := ""
	if s.goldDocs[id] {
		d = id
	} else {
		k := DocKey(id)
		for gd := range s.goldDocs {
			if DocKey(gd) == k {
				d = gd
				break
			}
		}
	}
	s.docMap[id] = d
	if d != "" {
		s.seenDocs[d] = true
	}
	return d
}

// aliasCands returns the predicted actors that carry the name al in one of docs: either
// al is one of their names and they are mentioned in one of docs, or one of their mentions
// in one of docs reads al.
func (s *scorer) aliasCands(al string, docs map[string]bool) []int {
	k := norm(al)
	var c []int
	for _, i := range s.byName[k] {
		for d := range docs {
			if s.actorDocs[i][d] {
				c = appendUniq(c, i)
				break
			}
		}
	}
	for d := range docs {
		for _, i := range s.byMention[d+"\x00"+k] {
			c = appendUniq(c, i)
		}
	}
	sort.Ints(c)
	return c
}

// aliases computes alias recall and the B-cubed scores of the alias clustering.
//
// Each gold alias string is an item; its gold cluster is its gold actor and its predicted
// cluster is the predicted actor that carries it (when several do, the one with most
// mentions in the gold actor's documents, then the lowest id). Precision is averaged over
// the items that have a predicted cluster, recall over all items (an item not found
// contributes 0), so an empty model scores 0.
func (s *scorer) aliases() (Share, PRF) {
	type item struct{ gold, pred int }
	var items []item
	found := 0
	for gi, a := range s.g.Actors {
		docs := s.docOf[a.ID]
		seen := map[string]bool{}
		for _, al := range a.Aliases {
			if seen[norm(al)] {
				continue
			}
			seen[norm(al)] = true
			c := s.aliasCands(al, docs)
			best := -1
			for _, i := range c {
				if best < 0 || s.better(i, best, docs) {
					best = i
				}
			}
			if best >= 0 {
				found++
			}
			items = append(items, item{gi, best})
		}
	}
	goldSize := map[int]int{}
	predSize := map[int]int{}
	both := map[[2]int]int{}
	for _, it := range items {
		goldSize[it.gold]++
		if it.pred >= 0 {
			predSize[it.pred]++
			both[[2]int{it.gold, it.pred}]++
		}
	}
	var p, r float64
	for _, it := range items {
		if it.pred < 0 {
			continue
		}
		n := float64(both[[2]int{it.gold, it.pred}])
		p += n / float64(predSize[it.pred])
		r += n / float64(goldSize[it.gold])
	}
	b := PRF{TP: found, Gold: len(items), Pred: found}
	if found > 0 {
		b.P = p / float64(found)
	}
	if len(items) > 0 {
		b.R = r / float64(len(items))
	}
	b.F1 = f1(b.P, b.R)
	return newShare(found, len(items)), b
}

// better reports whether predicted actor i is a better owner of a name than j: more
// mentions in docs, then the lower id.
func (s *scorer) better(i, j int, docs map[string]bool) bool {
	if ni, nj := s.mentionsIn(i, docs), s.mentionsIn(j, docs); ni != nj {
		return ni > nj
	}
	return s.m.Actors[i].ID < s.m.Actors[j].ID
}

// mentionsIn counts the mentions of predicted actor i in the gold documents docs.
func (s *scorer) mentionsIn(i int, docs map[string]bool) int {
	n := 0
	for _, ev := range s.m.Actors[i].Mentions {
		if docs[s.gdoc(ev.Doc)] {
			n++
		}
	}
	return n
}

// typeClass groups entity types that are confused without harm: a city is a GPE or a LOC,
// a movement an ORG or a NORP.
func typeClass(t string) string {
	switch strings.ToUpper(t) {
	case faultline.GPE, faultline.LOC, faultline.FAC:
		return "place"
	case faultline.ORG, faultline.NORP:
		return "group"
	case faultline.PERSON:
		return "person"
	case "":
		return ""
	}
	return strings.ToUpper(t)
}

func compatible(gold, pred string) bool {
	return pred == "" || typeClass(gold) == typeClass(pred)
}

// actors matches gold actors one-to-one to predicted actors mentioned in gold documents.
func (s *scorer) actors() PRF {
	adj := make([][]int, len(s.g.Actors))
	for gi, a := range s.g.Actors {
		for _, i := range s.cands[a.ID] {
			if compatible(a.Type, s.m.Actors[i].Type) {
				adj[gi] = append(adj[gi], i)
			}
		}
	}
	pred := 0
	for i := range s.m.Actors {
		if s.mentions[i] > 0 {
			pred++
		}
	}
	return newPRF(maxMatching(adj, len(s.m.Actors)), len(s.g.Actors), pred)
}

// in reports whether predicted actor id is one the gold actor gid maps to.
func (s *scorer) in(id, gid string) bool {
	i, ok := s.actorIdx[id]
	if !ok {
		return false
	}
	c := s.cands[gid]
	k := sort.SearchInts(c, i)
	return k < len(c) && c[k] == i
}

// ties matches gold ties one-to-one to predicted ties stated in the same document, on the
// actor pair (either direction when the gold or predicted type is symmetric) and the sign.
func (s *scorer) ties() PRF {
	type inst struct {
		doc, a, b, typ string
		sign           int
	}
	var preds []inst
	seen := map[inst]bool{}
	byDoc := map[string][]int{}
	for _, t := range s.m.Ties {
		for _, ev := range t.Evidence {
			d := s.gdoc(ev.Doc)
			if d == "" {
				continue
			}
			it := inst{d, t.A, t.B, t.Type, t.Sign}
			if seen[it] {
				continue
			}
			seen[it] = true
			byDoc[d] = append(byDoc[d], len(preds))
			preds = append(preds, it)
		}
	}
	adj := make([][]int, len(s.g.Ties))
	for gi, t := range s.g.Ties {
		for _, pi := range byDoc[t.Doc] {
			p := preds[pi]
			if p.sign != t.Sign {
				continue
			}
			fwd := s.in(p.a, t.A) && s.in(p.b, t.B)
			rev := (symmetric[t.Type] || symmetric[p.typ]) && s.in(p.a, t.B) && s.in(p.b, t.A)
			if fwd || rev {
				adj[gi] = append(adj[gi], pi)
			}
		}
	}
	return newPRF(maxMatching(adj, len(preds)), len(s.g.Ties), len(preds))
}

// happened reports whether an event of modality m is stated as having happened or happening.
func happened(m string) bool {
	return m == "" || m == faultline.Asserted || m == faultline.Reported
}

// events matches gold events one-to-one to predicted events of the same document on source,
// target and CAMEO root, and scores the dates of the matched pairs. The gold lists what
// happened, so only events stated as happening (asserted or reported) are predictions:
// hypothetical and negated ones (which the network leaves out too) and future ones (which
// have not happened yet) are not.
func (s *scorer) events() (PRF, Share) {
	byDoc := map[string][]int{}
	n := 0
	for i, e := range s.m.Events {
		if !happened(e.Modality) {
			continue
		}
		if d := s.gdoc(e.Doc); d != "" {
			byDoc[d] = append(byDoc[d], i)
			n++
		}
	}
	adj := make([][]int, len(s.g.Events))
	for gi := range s.g.Events {
		e := &s.g.Events[gi]
		roots := e.roots()
		for _, pi := range byDoc[e.Doc] {
			p := s.m.Events[pi]
			if !s.role(p.Source, e.Source, e.AltSource) || !s.role(p.Target, e.Target, e.AltTarget) {
				continue
			}
			if roots != nil && !contains(roots, root(p.CAMEO)) {
				continue
			}
			adj[gi] = append(adj[gi], pi)
		}
		// Candidates with the right date first, so that the matching pairs events that
		// agree on the date when several are alike.
		sort.SliceStable(adj[gi], func(i, j int) bool {
			return sameMonth(e.Date, s.m.Events[adj[gi][i]].Date) && !sameMonth(e.Date, s.m.Events[adj[gi][j]].Date)
		})
	}
	match := make([]int, len(s.g.Events))
	tp := maxMatchingPairs(adj, len(s.m.Events), match)
	hit, total := 0, 0
	for gi, pi := range match {
		e := s.g.Events[gi]
		if pi < 0 || e.Date == nil || *e.Date == "" {
			continue
		}
		total++
		if sameMonth(e.Date, s.m.Events[pi].Date) {
			hit++
		}
	}
	return newPRF(tp, len(s.g.Events), n), newShare(hit, total)
}

// role reports whether predicted actor id fills a gold event role: the gold actor or one of
// its alternatives; an empty role (no actor named) when the gold has none.
func (s *scorer) role(id string, gold *string, alt []string) bool {
	if gold == nil || *gold == "" {
		if id == "" {
			return true
		}
	} else if s.in(id, *gold) {
		return true
	}
	for _, a := range alt {
		if s.in(id, a) {
			return true
		}
	}
	return false
}

// sameMonth reports whether a predicted date agrees with a gold date to the month, or to
// the year when the gold gives only a year. A nil or empty gold date never agrees.
func sameMonth(gold *string, pred string) bool {
	if gold == nil || *gold == "" {
		return false
	}
	want := *gold
	if len(want) > 7 {
		want = want[:7]
	}
	return strings.HasPrefix(pred, want)
}

func root(cameo string) string {
	if len(cameo) < 2 {
		return ""
	}
	return cameo[:2]
}

// spans returns every occurrence of want in text as [start, end) pairs.
func spans(text, want string) [][2]int {
	var out [][2]int
	if want == "" {
		return nil
	}
	for off := 0; ; {
		i := strings.Index(text[off:], want)
		if i < 0 {
			return out
		}
		out = append(out, [2]int{off + i, off + i + len(want)})
		off += i + 1
	}
}

// overlaps reports whether a predicted span [start, end) with text ptext, in stored
// document id, overlaps the gold string want. With the document text it compares byte
// offsets; without it, the strings (one contains the other, or the predicted text contains
// the gold's opening words).
func (s *scorer) overlaps(id string, start, end int, ptext, want, opening string) bool {
	if t, ok := s.texts[id]; ok {
		if sp := spans(t, want); len(sp) > 0 {
			for _, g := range sp {
				if start < g[1] && g[0] < end {
					return true
				}
			}
			return false
		}
	}
	p, w := norm(ptext), norm(want)
	if p == "" || w == "" {
		return false
	}
	return strings.Contains(p, w) || strings.Contains(w, p) ||
		(opening != "" && strings.Contains(p, norm(opening)))
}

func (s *scorer) quotes() Share {
	byDoc := map[string][]int{}
	for i, q := range s.m.Quotes {
		if d := s.gdoc(q.Doc); d != "" {
			byDoc[d] = append(byDoc[d], i)
		}
	}
	hit := 0
	for _, gq := range s.g.Quotes {
		for _, pi := range byDoc[gq.Doc] {
			q := s.m.Quotes[pi]
			if s.in(q.Speaker, gq.Speaker) && s.overlaps(q.Doc, q.Start, q.End, q.Text, gq.Text, gq.QuoteStart) {
				hit++
				break
			}
		}
	}
	return newShare(hit, len(s.g.Quotes))
}

// sameValue compares figure values with a relative tolerance of 1% ("a third" = 0.333),
// or within the gold range when it has one.
func sameValue(gold GoldFigure, v float64) bool {
	if gold.ValueMax != nil && v >= gold.Value && v <= *gold.ValueMax {
		return true
	}
	d := math.Abs(gold.Value - v)
	return d <= 1e-9 || d <= 0.01*math.Max(math.Abs(gold.Value), math.Abs(v))
}

func (s *scorer) figures() Share {
	byDoc := map[string][]int{}
	for i, f := range s.m.Figures {
		if d := s.gdoc(f.Doc); d != "" {
			byDoc[d] = append(byDoc[d], i)
		}
	}
	hit := 0
	for _, gf := range s.g.Figures {
		for _, pi := range byDoc[gf.Doc] {
			f := s.m.Figures[pi]
			if sameValue(gf, f.Value) && s.overlaps(f.Doc, f.Start, f.End, f.Text, gf.Text, "") {
				hit++
				break
			}
		}
	}
	return newShare(hit, len(s.g.Figures))
}

// paradoxes counts gold paradoxes whose actors, in any order, are the actors of some
// predicted paradox (same number of actors, each predicted actor one its gold actor maps to).
func (s *scorer) paradoxes() Share {
	hit := 0
	for _, gp := range s.g.Paradoxes {
		for _, p := range s.m.Paradoxes {
			if len(p.Actors) != len(gp.Actors) {
				continue
			}
			adj := make([][]int, len(gp.Actors))
			for gi, ga := range gp.Actors {
				for pi, pa := range p.Actors {
					if s.in(pa, ga) {
						adj[gi] = append(adj[gi], pi)
					}
				}
			}
			if maxMatching(adj, len(p.Actors)) == len(gp.Actors) {
				hit++
				break
			}
		}
	}
	return newShare(hit, len(s.g.Paradoxes))
}

// maxMatching returns the size of a maximum bipartite matching; adj[i] lists the right-hand
// items left item i may be matched to.
func maxMatching(adj [][]int, nRight int) int {
	return maxMatchingPairs(adj, nRight, make([]int, len(adj)))
}

// maxMatchingPairs is maxMatching that also fills match[i] with the right item matched to
// left item i, or -1 (augmenting paths, Kuhn's algorithm).
func maxMatchingPairs(adj [][]int, nRight int, match []int) int {
	owner := make([]int, nRight)
	for i := range owner {
		owner[i] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for _, j := range adj[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if owner[j] < 0 || try(owner[j], seen) {
				owner[j] = i
				return true
			}
		}
		return false
	}
	n := 0
	seen := make([]bool, nRight)
	for i := range adj {
		if len(adj[i]) == 0 {
			continue
		}
		clear(seen)
		if try(i, seen) {
			n++
		}
	}
	for i := range match {
		match[i] = -1
	}
	for j, i := range owner {
		if i >= 0 {
			match[i] = j
		}
	}
	return n
}

// norm folds a name or quote for comparison: lower case, typographic quotes and dashes as
// ASCII, runs of white space as one space.
func norm(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`,
		"\u2013", "-", "\u2014", "-", "\u00a0", " ").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func appendUniq(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Line returns the report's one-line summary, the last line `faultline eval` prints.
func (r *Report) Line() string {
	return fmt.Sprintf("eval aliasR=%.3f actorsF1=%.3f bcubedF1=%.3f tiesF1=%.3f eventsF1=%.3f quotesAcc=%.3f figuresR=%.3f paradoxesR=%.3f",
		r.AliasRecall.Value, r.Actors.F1, r.BCubed.F1, r.Ties.F1, r.Events.F1, r.Quotes.Value,
		r.Figures.Value, r.Paradoxes.Value)
}

// WriteTable writes the report as a table a person can read, then the summary line.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "gold documents found in the model: %d of %d\n\n", r.Docs, r.GoldDocs)
	fmt.Fprintf(&b, "%-22s %7s %7s %7s %7s %7s %7s\n", "metric", "P", "R", "F1", "match", "gold", "pred")
	prf := func(name string, s PRF) {
		fmt.Fprintf(&b, "%-22s %7.3f %7.3f %7.3f %7d %7d %7d\n", name, s.P, s.R, s.F1, s.TP, s.Gold, s.Pred)
	}
	share := func(name string, s Share) {
		fmt.Fprintf(&b, "%-22s %7s %7.3f %7s %7d %7d %7s\n", name, "", s.Value, "", s.Hit, s.Total, "")
	}
	share("aliases (recall)", r.AliasRecall)
	prf("aliases (B-cubed)", r.BCubed)
	prf("actors", r.Actors)
	prf("ties", r.Ties)
	prf("events", r.Events)
	share("event dates (month)", r.Dates)
	share("quotes (accuracy)", r.Quotes)
	share("figures (recall)", r.Figures)
	share("paradoxes (recall)", r.Paradoxes)
	fmt.Fprintf(&b, "\n%s\n", r.Line())
	_, err := io.WriteString(w, b.String())
	return err
}
