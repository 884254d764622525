package petrarch

import (
	"strings"
)

// Coder codes records with a set of dictionaries.
type Coder struct {
	D *Dictionaries
}

type sentence struct {
	leaves []*node
	words  []string // upper case
	date   int
}

// Code returns the events of one record, using its parse tree. A record whose parse does
// not balance, or that contains a discard phrase, codes nothing.
func (c *Coder) Code(r Record) []Coding {
	root, leaves, err := parseTree(r.Parse)
	if err != nil {
		return nil
	}
	s := &sentence{leaves: leaves, date: r.Date}
	for _, l := range leaves {
		s.words = append(s.words, strings.ToUpper(l.word))
	}
	for _, dp := range c.D.discards {
		if at(s.words, dp) {
			return nil
		}
	}
	var out []Coding
	seen := map[Coding]bool{}
	var walk func(n *node)
	walk = func(n *node) {
		if n.label == "VP" {
			for _, e := range c.codeVP(s, n) {
				if !seen[e] {
					seen[e] = true
					out = append(out, e)
				}
			}
		}
		for _, ch := range n.children {
			walk(ch)
		}
	}
	walk(root)
	return out
}

// at reports whether the phrase occurs in words.
func at(words []string, p []string) bool {
	if len(p) == 0 {
		return false
	}
	for i := 0; i+len(p) <= len(words); i++ {
		ok := true
		for k := range p {
			if words[i+k] != p[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// codeVP codes the verb heading vp, if it is in the dictionary.
func (c *Coder) codeVP(s *sentence, vp *node) []Coding {
	var verb *node
	for _, ch := range vp.children {
		if ch.isLeaf() && strings.HasPrefix(ch.label, "VB") {
			verb = ch
			break
		}
	}
	if verb == nil {
		return nil
	}
	vf, vs, ve := c.lookupVerb(s, verb.leaf)
	if vf == nil {
		return nil
	}
	code := vf.code
	if code == "" {
		code = vf.block.code
	}
	best := -1
	var bestP *vpattern
	markSrc, markTgt := -1, -1
	for k, p := range vf.block.patterns {
		if !validCode(p.code) {
			continue
		}
		if ok, ms, mt := matchPattern(s.words, p, vs, ve); ok && p.size > best {
			best, code, bestP, markSrc, markTgt = p.size, p.code, &vf.block.patterns[k], ms, mt
		}
	}
	if code == "" || strings.Trim(code, "-") == "" {
		return nil
	}
	// Arguments.
	subj := subject(vp)
	passive := verb.label == "VBN" && beAux(vp)
	var srcs, tgts []string
	if passive {
		if by := byPhrase(vp, verb.leaf); by != nil {
			srcs = c.codeNP(s, by)
		}
		if subj != nil {
			tgts = c.codeNP(s, subj)
		}
	} else {
		if subj != nil {
			srcs = c.codeNP(s, subj)
		}
		tgts = c.target(s, vp, ve)
	}
	// Pattern markers: "+" and "$" say where the target and the source start.
	if markTgt >= 0 {
		if m, ok := c.actorFrom(s, markTgt); ok {
			tgts = []string{m}
		}
	}
	if markSrc >= 0 {
		if m, ok := c.actorFrom(s, markSrc); ok {
			srcs = []string{m}
		}
	}
	// "%": a compound subject with no target acts on its own members.
	if bestP != nil && bestP.compound && len(tgts) == 0 && len(srcs) > 1 {
		fwd, _, _ := strings.Cut(code, ":")
		var out []Coding
		for _, a := range srcs {
			for _, b := range srcs {
				if a != b {
					out = append(out, Coding{a, b, fwd})
				}
			}
		}
		return out
	}
	if len(srcs) == 0 || len(tgts) == 0 {
		return nil
	}
	fwd, back, _ := strings.Cut(code, ":")
	var out []Coding
	for _, a := range srcs {
		for _, b := range tgts {
			if a == b {
				continue
			}
			if fwd != "" && strings.Trim(fwd, "-") != "" {
				out = append(out, Coding{a, b, fwd})
			}
			if back != "" && strings.Trim(back, "-") != "" {
				out = append(out, Coding{b, a, back})
			}
		}
	}
	return out
}

// lookupVerb finds the longest verb form whose head word is at leaf i; it returns the
// form and the leaf span [vs, ve] it covers.
func (c *Coder) lookupVerb(s *sentence, i int) (*verbForm, int, int) {
	var best *verbForm
	bs, be := 0, 0
	for _, f := range c.D.verbs[s.words[i]] {
		start := i - f.head
		if start < 0 || start+len(f.words) > len(s.words) {
			continue
		}
		ok := true
		for k, w := range f.words {
			if s.words[start+k] != w {
				ok = false
				break
			}
		}
		if ok && (best == nil || len(f.words) > len(best.words)) {
			best, bs, be = f, start, start+len(f.words)-1
		}
	}
	return best, bs, be
}

// validCode reports whether a pattern's code is an event code (not "+++", "###", "xxy").
func validCode(c string) bool {
	return c != "" && c[0] >= '0' && c[0] <= '9' || strings.HasPrefix(c, ":")
}

// actorFrom returns the code of the first actor phrase starting within a few words of i.
func (c *Coder) actorFrom(s *sentence, i int) (string, bool) {
	for k := i; k < len(s.words) && k <= i+4; k++ {
		if m, ok := c.matchActor(s.words, k, s.date); ok {
			code := m.code
			for j := m.end; j < len(s.words) && j <= m.end+2; j++ {
				if g, ok := c.matchAgent(s.words, j); ok && !g.prefix && !strings.HasSuffix(code, g.code) {
					code += g.code
					break
				}
			}
			return code, true
		}
	}
	return "", false
}

// matchPattern matches the words before and after the verb span [vs, ve]; it returns the
// word positions of the source and target markers (-1: none).
func matchPattern(words []string, p vpattern, vs, ve int) (bool, int, int) {
	ms, mt := -1, -1
	// After the verb.
	pos := ve + 1
	for _, e := range p.post {
		if e.marker != 0 {
			if e.marker == '+' {
				mt = pos
			} else {
				ms = pos
			}
			continue
		}
		if e.alts == nil {
			continue
		}
		found := -1
		for j := pos; j < len(words); j++ {
			if n := matchAt(words, e.alts, j); n > 0 {
				found = j + n
				break
			}
			if e.adj {
				break
			}
		}
		if found < 0 {
			return false, -1, -1
		}
		pos = found
	}
	// Before the verb, nearest first.
	pos = vs - 1
	for _, e := range p.pre {
		if e.marker != 0 {
			continue // markers before the verb: the parse already gives the subject
		}
		found := -2
		for j := pos; j >= 0; j-- {
			if n := matchEndAt(words, e.alts, j); n > 0 {
				found = j - n
				break
			}
			if e.adj {
				break
			}
		}
		if found == -2 {
			return false, -1, -1
		}
		pos = found
	}
	return true, ms, mt
}

func matchAt(words []string, alts [][]string, j int) int {
	best := 0
	for _, alt := range alts {
		if j+len(alt) > len(words) || len(alt) <= best {
			continue
		}
		ok := true
		for k, w := range alt {
			if words[j+k] != w {
				ok = false
				break
			}
		}
		if ok {
			best = len(alt)
		}
	}
	return best
}

// matchEndAt matches an alternative that ends at word j.
func matchEndAt(words []string, alts [][]string, j int) int {
	best := 0
	for _, alt := range alts {
		start := j - len(alt) + 1
		if start < 0 || len(alt) <= best {
			continue
		}
		ok := true
		for k, w := range alt {
			if words[start+k] != w {
				ok = false
				break
			}
		}
		if ok {
			best = len(alt)
		}
	}
	return best
}

func isClause(label string) bool {
	return label == "S" || label == "SINV" || label == "SQ" || label == "SBARQ"
}

// subject returns the subject NP of a verb phrase: the last NP before it in the nearest
// clause above, climbing through auxiliary VPs, infinitival clauses and coordination.
func subject(vp *node) *node {
	cur := vp
	for p := cur.parent; p != nil; cur, p = p, p.parent {
		if isClause(p.label) || p.label == "NP" {
			var np *node
			for _, ch := range p.children {
				if ch == cur {
					break
				}
				if ch.label == "NP" {
					np = ch
				}
			}
			if np != nil && !pronounNP(np) {
				return np
			}
			if p.label == "NP" {
				return nil
			}
		}
		if p.label == "SBAR" || p.label == "PP" || p.label == "ROOT" {
			// A relative clause: the noun it modifies.
			if p.label == "SBAR" && p.parent != nil && p.parent.label == "NP" {
				for _, ch := range p.parent.children {
					if ch.label == "NP" {
						return ch
					}
				}
			}
			if p.label != "SBAR" || p.parent == nil || p.parent.label != "NP" {
				return nil
			}
		}
	}
	return nil
}

// pronounNP reports whether an NP is a lone personal pronoun ("it", "he"): its referent is
// taken to be the subject of the governing clause.
func pronounNP(np *node) bool {
	return len(np.children) == 1 && np.children[0].isLeaf() && np.children[0].label == "PRP"
}

var beForms = map[string]bool{"IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true, "'S": true}

// beAux reports whether a form of "be" governs the VP (a passive).
func beAux(vp *node) bool {
	for p := vp.parent; p != nil && p.label == "VP"; p = p.parent {
		for _, ch := range p.children {
			if ch.isLeaf() && strings.HasPrefix(ch.label, "VB") {
				if beForms[strings.ToUpper(ch.word)] {
					return true
				}
				break
			}
		}
	}
	return false
}

// byPhrase returns the NP of the first "by" PP after the verb inside vp.
func byPhrase(vp *node, verb int) *node {
	var found *node
	var walk func(n *node)
	walk = func(n *node) {
		if found != nil || isClause(n.label) || n.label == "SBAR" {
			return
		}
		if n.label == "PP" && len(n.children) > 1 && n.children[0].isLeaf() && strings.EqualFold(n.children[0].word, "by") {
			for _, ch := range n.children[1:] {
				if ch.label == "NP" {
					found = ch
					return
				}
			}
		}
		for _, ch := range n.children {
			walk(ch)
		}
	}
	for _, ch := range vp.children {
		if ch.first > verb {
			walk(ch)
		}
	}
	return found
}

// target returns the codes of the first NP after the verb (directly, or inside a PP or an
// NP) that contains an actor; subordinate clauses are not searched.
func (c *Coder) target(s *sentence, vp *node, ve int) []string {
	var out []string
	var walk func(n *node) bool
	walk = func(n *node) bool {
		if n.label == "SBAR" || n.isLeaf() {
			return false
		}
		if n.label == "NP" {
			if codes := c.codeNP(s, n); len(codes) > 0 {
				out = codes
				return true
			}
		}
		if isClause(n.label) || (n.label == "VP" && (n.parent == nil || n.parent.label != "NP")) {
			return false
		}
		for _, ch := range n.children {
			if walk(ch) {
				return true
			}
		}
		return false
	}
	for _, ch := range vp.children {
		if ch.first <= ve {
			continue
		}
		if isClause(ch.label) {
			// "urged B to respond": the subject of the small clause.
			for _, g := range ch.children {
				if g.label == "NP" {
					if codes := c.codeNP(s, g); len(codes) > 0 {
						return codes
					}
					break
				}
			}
			continue
		}
		if walk(ch) {
			return out
		}
	}
	return nil
}

type match struct {
	start, end int // leaf indexes [start, end)
	code       string
	prefix     bool
}

// codeNP returns the actor codes of a noun phrase: each actor (several when they are
// coordinated with "and") combined with the agents of the phrase.
func (c *Coder) codeNP(s *sentence, np *node) []string {
	// The words of the NP outside any clause inside it.
	var idx []int
	var collect func(n *node)
	collect = func(n *node) {
		if n.label == "SBAR" || (n != np && (isClause(n.label) || n.label == "VP")) {
			return
		}
		if n.isLeaf() {
			idx = append(idx, n.leaf)
			return
		}
		for _, ch := range n.children {
			collect(ch)
		}
	}
	collect(np)
	ws := make([]string, len(idx))
	for k, i := range idx {
		ws[k] = s.words[i]
	}
	var actors, agents []match
	for k := 0; k < len(ws); {
		if m, ok := c.matchActor(ws, k, s.date); ok {
			actors = append(actors, m)
			k = m.end
			continue
		}
		if m, ok := c.matchAgent(ws, k); ok {
			agents = append(agents, m)
			k = m.end
			continue
		}
		k++
	}
	if len(actors) == 0 {
		return nil
	}
	// Coordinated actors: "Fornost and Gondor", "Fornost and the evil Gondor".
	use := actors[:1]
	if len(actors) > 1 {
		for k := 1; k < len(actors); k++ {
			between := ws[actors[k-1].end:actors[k].start]
			coord := false
			for _, w := range between {
				if w == "AND" || w == "," || w == "NOR" || w == "OR" {
					coord = true
				}
			}
			if coord && len(between) <= 5 {
				use = actors[:k+1]
			} else {
				break
			}
		}
	}
	// Coordinated agents ("media and government") each make their own code.
	groups := [][]match{agents}
	if len(agents) > 1 {
		coordAgents := true
		for k := 1; k < len(agents); k++ {
			between := ws[agents[k-1].end:agents[k].start]
			if len(between) == 0 || len(between) > 2 || (between[0] != "AND" && between[0] != ",") {
				coordAgents = false
			}
		}
		if coordAgents {
			groups = nil
			for _, g := range agents {
				groups = append(groups, []match{g})
			}
		}
	}
	combine := func(code string, gs []match) string {
		for _, g := range gs {
			if g.prefix {
				if !strings.HasPrefix(code, g.code) {
					code = g.code + code
				}
			} else if !strings.HasSuffix(code, g.code) {
				code += g.code
			}
		}
		return code
	}
	// With several actors, an agent between or after them goes with the nearest one
	// ("Ithilen and the government of Gondor"); agents before all of them go with each.
	nearest := func(g match) int {
		best, bd := 0, 1<<30
		for k, a := range use {
			d := a.start - g.end
			if d < 0 {
				d = g.start - a.end
			}
			if d >= 0 && d < bd {
				best, bd = k, d
			}
		}
		return best
	}
	var out []string
	for _, gs := range groups {
		for k, a := range use {
			var mine []match
			for _, g := range gs {
				if len(use) == 1 || g.end <= use[0].start || nearest(g) == k {
					mine = append(mine, g)
				}
			}
			for _, code := range strings.Split(a.code, "/") {
				out = append(out, combine(code, mine))
			}
		}
	}
	return dedupe(out)
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// matchActor matches the longest actor phrase starting at ws[k] and returns its code for
// the date; entries whose codes are all out of date, or null ("---"), match nothing.
func (c *Coder) matchActor(ws []string, k, date int) (match, bool) {
	var best match
	found := false
	c.D.index()
	var cands []int
	t := ws[k]
	cands = append(cands, c.D.byFirst[t]...)
	for n := 4; n < len(t); n++ { // stems: "ARGENTIN" for "ARGENTINA"
		cands = append(cands, c.D.byFirst[t[:n]]...)
	}
	for _, ai := range cands {
		a := c.D.actors[ai]
		n := len(a.words)
		if k+n > len(ws) || (found && n <= best.end-best.start) {
			continue
		}
		ok := true
		for j, w := range a.words {
			t := ws[k+j]
			if t == w {
				continue
			}
			if j == n-1 && !a.exact && len(w) >= 4 && strings.HasPrefix(t, w) {
				continue
			}
			ok = false
			break
		}
		if !ok {
			continue
		}
		code := pick(a.codes, date)
		best, found = match{start: k, end: k + n, code: code}, true
	}
	if !found || best.code == "" || strings.Trim(best.code, "-+#") == "" {
		return match{}, false
	}
	return best, true
}

// pick returns the code valid on date: the first restricted code whose range holds it,
// else the first unrestricted one.
func pick(codes []datedCode, date int) string {
	def := ""
	for _, c := range codes {
		if c.from == 0 && c.to == 0 {
			if def == "" {
				def = c.code
			}
			continue
		}
		if (c.from == 0 || date >= c.from) && (c.to == 0 || date <= c.to) {
			return c.code
		}
	}
	return def
}

func (c *Coder) matchAgent(ws []string, k int) (match, bool) {
	var best match
	found := false
	for _, a := range c.D.agents {
		n := len(a.words)
		if k+n > len(ws) || (found && n <= best.end-best.start) {
			continue
		}
		ok := true
		for j, w := range a.words {
			if ws[k+j] != w {
				ok = false
				break
			}
		}
		if ok {
			best, found = match{start: k, end: k + n, code: a.code, prefix: a.prefix}, true
		}
	}
	return best, found
}

// Result is the score of a run over records.
type Result struct {
	Records, Correct, Covered int
}

// Evaluate codes every record and counts those coded exactly as expected (the same set of
// source, target and CAMEO root) and those whose expected codings are all found.
func (c *Coder) Evaluate(recs []Record) (Result, map[string][]Coding) {
	var res Result
	got := map[string][]Coding{}
	for _, r := range recs {
		res.Records++
		out := c.Code(r)
		got[r.ID] = out
		key := func(x Coding) Coding { return Coding{x.Source, x.Target, x.Root()} }
		want := map[Coding]bool{}
		for _, e := range r.Expected {
			want[key(e)] = true
		}
		have := map[Coding]bool{}
		for _, e := range out {
			have[key(e)] = true
		}
		covered := true
		for w := range want {
			if !have[w] {
				covered = false
			}
		}
		if covered {
			res.Covered++
			if len(have) == len(want) {
				res.Correct++
			}
		}
	}
	return res, got
}

// Same reports whether got is exactly the expected coding of r (by CAMEO root).
func Same(r Record, got []Coding) bool {
	key := func(x Coding) Coding { return Coding{x.Source, x.Target, x.Root()} }
	want, have := map[Coding]bool{}, map[Coding]bool{}
	for _, e := range r.Expected {
		want[key(e)] = true
	}
	for _, e := range got {
		have[key(e)] = true
	}
	if len(want) != len(have) {
		return false
	}
	for w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}
