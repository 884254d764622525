package coref

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

var appos = regexp.MustCompile(`^,\s+(?:the|a|an)\s+((?:[A-Za-z][a-z'-]*\s+){0,3}?)([a-z][a-z-]+(?:\s+minister)?)\s*[,.;]`)

// appositions records role descriptions: "Moqtada al-Sadr, the radical cleric," and the
// titles written before names ("Prime Minister Nouri al-Maliki").
func (d *doc) appositions() {
	for i, e := range d.ents {
		if e.Type != faultline.PERSON {
			continue
		}
		if w, _, _ := strings.Cut(e.Text, " "); strings.EqualFold(w, "the") || strings.EqualFold(w, "a") {
			continue // a role description ("the prime minister"), whose words are no titles
		}
		if t := d.names[i].Titles; len(t) > 0 {
			var ws []string
			for _, w := range t {
				if actors.IsTitle(w) {
					ws = append(ws, w)
				}
			}
			d.addRole(i, ws)
		}
		if m := apposMatch(d.text[e.End:]); m != nil {
			last := strings.Fields(m[2])
			if nat, ok := nationality(m[1]); ok && (actors.IsTitle(last[len(last)-1]) || roleNoun[last[len(last)-1]]) {
				d.addRole(i, last)
				d.addNation(i, nat)
			}
		}
		// "Iraqi Prime Minister Karim Haddad": a nationality before the titles, in the
		// mention or right before it.
		if n := len(d.names[i].Words); n > 0 {
			ws := strings.Fields(d.text[max(0, e.Start-40):e.End])
			k := len(ws) - n - 1
			for k >= 0 && actors.IsTitle(strings.ToLower(strings.TrimSuffix(ws[k], "."))) {
				k--
			}
			if k >= 0 && k < len(ws)-n-1 {
				d.addNation(i, actors.Demonym(ws[k]))
			}
		}
		// "the cleric Moqtada al-Sadr": a role word right before the name.
		before := strings.ToLower(d.text[max(0, e.Start-40):e.Start])
		if k := strings.LastIndex(before, "the "); k >= 0 {
			ws := strings.Fields(before[k+4:])
			if len(ws) >= 1 && len(ws) <= 3 && (roleNoun[ws[len(ws)-1]] || actors.IsTitle(ws[len(ws)-1])) && strings.HasSuffix(before, " ") {
				d.addRole(i, ws[len(ws)-1:])
			}
		}
	}
}

// apposMatch is appos.FindStringSubmatch(s), tried only when s opens with the comma the
// regexp requires.
func apposMatch(s string) []string {
	if !strings.HasPrefix(s, ",") {
		return nil
	}
	// The regexp needs white space, "the", "a" or "an", and white space again.
	i := skipSpace(s, 1)
	if i == 1 {
		return nil
	}
	det := func(w string) bool {
		return strings.HasPrefix(s[i:], w) && i+len(w) < len(s) && isSpace(s[i+len(w)])
	}
	if !det("the") && !det("a") && !det("an") {
		return nil
	}
	return appos.FindStringSubmatch(s)
}

// roleNoun are role nouns besides the person titles.
var roleNoun = map[string]bool{"cleric": true, "premier": true, "leader": true, "commander": true,
	"spokesman": true, "spokeswoman": true, "president": true, "minister": true, "chief": true,
	"ayatollah": true, "general": true, "ambassador": true, "envoy": true, "governor": true, "sheikh": true}

// nationality reads the modifiers of a role description ("young ", "Iraqi "): the ISO code
// of the one nationality among them ("" for none); ok is false when a capitalised word
// there is no nationality ("the Mahdi Army commander" is no role description).
func nationality(mods string) (iso string, ok bool) {
	for _, w := range strings.Fields(mods) {
		if !startsUpper(w) {
			continue
		}
		c := actors.Demonym(w)
		if c == "" || iso != "" && iso != c {
			return "", false
		}
		iso = c
	}
	return iso, true
}

// addNation records the nationality of entity i's group given with its role.
func (d *doc) addNation(i int, iso string) {
	if iso == "" {
		return
	}
	if d.nation == nil {
		d.nation = map[int]string{}
	}
	g := d.find(i)
	if old, ok := d.nation[g]; ok && old != iso {
		iso = "?" // two nationalities: none to check
	}
	d.nation[g] = iso
}

func (d *doc) addRole(i int, ws []string) {
	if len(ws) == 0 {
		return
	}
	role := strings.Join(ws, " ")
	g := d.find(i)
	if d.roles[g] == nil {
		d.roles[g] = map[string]bool{}
	}
	d.roles[g][role] = true
	// "prime minister" is also "premier".
	if role == "prime minister" {
		d.roles[g]["premier"] = true
	}
}

var nominalRe = regexp.MustCompile(`\b[Tt]he\s+((?:[A-Za-z][a-z-]+\s+){0,2}?)([a-z][a-z-]+(?:\s+minister)?)\b`)

// nextRole is the word after a nominalRe match that may be the role it modifies.
var nextRole = regexp.MustCompile(`^\s+([a-z][a-z-]+(?:\s+minister)?)\b`)

// nominals adds mentions of "the cleric", "the premier" when exactly one person of the
// document so far was given that role.
func (d *doc) nominals() {
	type holder struct {
		group, first int // group and the offset of its first mention with the role
	}
	holders := map[string][]holder{}
	if len(d.roles) == 0 {
		return
	}
	// The first offset and the size of each group, found once (scanning every entity per
	// group or per description made this quadratic in the size of a document); size is
	// kept through the unions below.
	first := make([]int, len(d.ents))
	size := make([]int32, len(d.ents))
	for i := range first {
		first[i] = len(d.text)
	}
	for i := range d.ents {
		g := d.find(i)
		first[g] = min(first[g], d.ents[i].Start)
		size[g]++
	}
	for g, rs := range d.roles {
		first := first[g] // (len(d.text) when g is no root: a group without mentions)
		for r := range rs {
			holders[r] = append(holders[r], holder{g, first})
		}
	}
	if len(holders) == 0 {
		return
	}
	var adds []faultline.Entity
	var groups []int
	var bySent map[int][]int // sentence -> its entities, for otherPerson
	for _, m := range nominalMatches(d.text) {
		role := d.text[m[4]:m[5]]
		hs := holders[role]
		for k := 0; len(hs) == 0 && k < 2; k++ {
			// "the young cleric": the role is a word further on, the words before
			// it modify it.
			x := nextRole.FindStringSubmatchIndex(d.text[m[1]:])
			if x == nil {
				break
			}
			m = []int{m[0], m[1] + x[1], m[2], m[1] + x[2], m[1] + x[2], m[1] + x[3]}
			role = d.text[m[4]:m[5]]
			hs = holders[role]
		}
		if len(hs) == 0 {
			continue
		}
		// "the young cleric", "the Iraqi prime minister": a nationality must not be
		// another than the one given with the role.
		nat, ok := nationality(d.text[m[2]:m[3]])
		if !ok {
			continue
		}
		existing := -1
		// "Iraqi" the recogniser found inside the description stays a mention of its
		// own; the description is added around it.
		if d.covered(m[0], m[1]) && !(nat != "" && d.at(m[0], m[1]) < 0 && d.onlyNationalities(m[0], m[1])) {
			// A fact already points at "the cleric" (an untyped or person mention of its
			// own): link it rather than add one.
			j := d.at(m[0], m[1])
			if j < 0 || d.ents[j].Type != "" && d.ents[j].Type != faultline.PERSON {
				continue
			}
			if size[d.find(j)] > 1 {
				continue // not alone in its group
			}
			existing = j
		}
		rest := d.text[m[1]:]
		if strings.HasPrefix(rest, " of") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " ")); unicode.IsUpper(r) && strings.HasPrefix(rest, " ") {
			continue // "the cleric Moqtada al-Sadr": the name itself follows
		}
		var before []holder
		for _, h := range hs {
			if h.first < m[0] && (nat == "" || d.nation[h.group] == "" || d.nation[h.group] == nat) {
				before = append(before, h)
			}
		}
		if bySent == nil {
			bySent = map[int][]int{}
			for i := range d.ents {
				bySent[d.sent[i]] = append(bySent[d.sent[i]], i)
			}
		}
		if len(before) != 1 || d.otherPerson(bySent[sentenceOf(d.sents, m[0])], m[0], before[0].group) {
			continue
		}
		if existing >= 0 {
			if a, b := d.find(before[0].group), d.find(existing); a != b {
				size[min(a, b)] = size[a] + size[b]
			}
			d.union(before[0].group, existing)
			d.ents[existing].Type = faultline.PERSON
			continue
		}
		adds = append(adds, faultline.Entity{Span: faultline.Span{Start: m[0], End: m[1]}, Type: faultline.PERSON})
		groups = append(groups, before[0].group)
	}
	for k, e := range adds {
		d.add(e, groups[k])
	}
}

// otherPerson reports whether the entities of the sentence holding offset off (sent)
// name a person before it who is not of group g ("aides to Ayatollah X said the senior
// cleric…": the description may be X's, whatever role X was given).
func (d *doc) otherPerson(sent []int, off, g int) bool {
	for _, i := range sent {
		if e := d.ents[i]; e.Start < off && e.Type == faultline.PERSON && !isPronoun(e.Text) && d.find(i) != d.find(g) {
			return true
		}
	}
	return false
}

// onlyNationalities reports whether the entities overlapping [start, end) are
// nationalities lying inside it.
func (d *doc) onlyNationalities(start, end int) bool {
	for _, i := range d.overlapping(nil, start, end) {
		if e := d.ents[i]; e.Start < start || e.End > end || actors.Demonym(e.Text) == "" {
			return false
		}
	}
	return true
}

// Roles returns, for a resolved document, the role descriptions recorded per actor id.
func (r *Resolver) Roles(text string, ents []faultline.Entity) map[string][]string {
	d := newDoc(text, ents, nil) // grouped by their actors (keepGroups)
	d.appositions()
	out := map[string][]string{}
	for g, rs := range d.roles {
		for role := range rs {
			out[d.ents[g].Actor] = append(out[d.ents[g].Actor], role)
		}
	}
	for _, v := range out {
		sort.Strings(v)
	}
	return out
}

// nominalAt is nominalRe anchored: a match starting where the text is given.
var nominalAt = regexp.MustCompile(`^` + nominalRe.String())

// nominalMatches returns what nominalRe.FindAllStringSubmatchIndex(text, -1) does: a match
// starts only at "the" or "The" after a non-word byte, so the regexp is tried anchored at
// those places only (the same leftmost-first match at each start).
func nominalMatches(text string) [][]int {
	var out [][]int
	prev := 0 // the next match starts at or after the last one's end
	for off := 0; ; {
		k := strings.Index(text[off:], "he")
		if k < 0 {
			return out
		}
		p := off + k - 1 // where "the" or "The" would start
		off += k + 2
		if p < prev || text[p] != 't' && text[p] != 'T' || p > 0 && asciiWord(text[p-1]) {
			continue
		}
		m := nominalAt.FindStringSubmatchIndex(text[p:])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += p
			}
		}
		out = append(out, m)
		prev = m[1]
		if off < prev {
			off = prev
		}
	}
}
