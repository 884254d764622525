package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline"
)

// after looks for the attribution that follows a quotation in its sentence.
func (st *state) after(s segment) *faultline.Ref {
	if !s.closed {
		return nil
	}
	text := st.text
	end := min(windowEnd(text, s.outerEnd), s.nextStart)
	words := wordsIn(text[s.outerEnd:end], s.outerEnd)
	if len(words) == 0 {
		return nil
	}
	// a passive attribution right after a quoted label: the “surge” announced by NAME, the
	// “clear and hold” plan announced by NAME
	for k := 0; k <= 1 && k+2 < len(words); k++ {
		if lw := strings.ToLower(words[k].w); st.x.verbs[lw] && strings.HasSuffix(lw, "ed") && strings.EqualFold(words[k+1].w, "by") {
			return st.found(st.speakerAt(words, k+2))
		}
	}
	// Only a quotation that ends as an attributed one does is followed by its attribution:
	// …,” …?” …!” …—” or ”, (the comma outside). After a full stop (…here.”) what follows
	// is a new sentence unless it starts in lower case (“… here.” he said).
	// A nested quotation may close with the outer one: …Special Groups,’”.
	inner := strings.TrimRight(text[s.innerStart:s.innerEnd], "'’‘ ")
	lastRune, _ := utf8.DecodeLastRuneInString(inner)
	first, _ := utf8.DecodeRuneInString(words[0].w)
	switch lastRune {
	case ',', '?', '!', '…', '—', '–', '-', ':':
	case '.':
		if !unicode.IsLower(first) {
			return nil
		}
	default:
		if !strings.HasPrefix(strings.TrimLeft(text[s.outerEnd:end], " "), ",") {
			return nil
		}
	}
	// "…," according to NAME; "… is the (proud) claim of NAME"
	if len(words) > 2 && strings.EqualFold(words[0].w, "according") && strings.EqualFold(words[1].w, "to") {
		return st.found(st.speakerAt(words, 2))
	}
	for i := 1; i < len(words) && i < 5; i++ {
		if strings.EqualFold(words[i].w, "of") && strings.EqualFold(words[i-1].w, "claim") {
			return st.found(st.speakerAt(words, i+1))
		}
	}
	// "said NAME" / "NAME said": the first speech verb within the first words.
	for i, w := range words {
		if i > 14 {
			break
		}
		if !st.x.verbs[strings.ToLower(w.w)] {
			continue
		}
		if i == 0 || (i == 1 && isAux(words[0].w)) {
			return st.found(st.speakerAt(words, i+1))
		}
		return st.found(st.subjectOf(words[:i], i))
	}
	return nil
}

// before looks for `NAME said: "…"` in the quotation's clause.
func (st *state) before(s segment) *faultline.Ref {
	start := max(windowStart(st.text, s.outerStart), s.prevEnd)
	words := wordsIn(st.text[start:s.outerStart], start)
	// the last speech verb close to the quotation, or a light verb before a noun of
	// saying that ends the clause ("made the point that")
	// (within 8 words, or 20 when "that" stands between: "said … that “…”")
	vi := -1
	that := false
	for i := len(words) - 1; i >= 0 && i >= len(words)-20; i-- {
		lw := strings.ToLower(words[i].w)
		if lw == "that" {
			that = true
		}
		if st.x.verbs[lw] {
			if i >= len(words)-8 || that {
				vi = i
			}
			break
		}
	}
	for k := len(words) - 1; k >= 0 && k >= len(words)-2 && k > vi; k-- {
		if !st.x.speechNouns[strings.ToLower(words[k].w)] {
			continue
		}
		if k < len(words)-1 && !strings.EqualFold(words[k+1].w, "that") {
			continue
		}
		for d := k - 1; d > vi && d >= k-3; d-- {
			if isDeterminer(words[d].w) {
				if d > 0 {
					vi = d - 1
				}
				break
			}
		}
		break
	}
	if vi < 0 {
		// "in the words of one diplomat, “…”", "according to NAME, … “…”"
		for k := len(words) - 2; k >= 1 && k >= len(words)-12; k-- {
			prev := strings.ToLower(words[k-1].w)
			if lk := strings.ToLower(words[k].w); lk == "of" && prev == "words" || lk == "to" && prev == "according" {
				return st.found(st.speakerAt(words, k+1))
			}
		}
		return nil
	}
	return st.found(st.subjectBefore(words, vi))
}

// found notes that the current quotation has its own attribution when r names a speaker.
func (st *state) found(r *faultline.Ref) *faultline.Ref {
	if r != nil {
		st.attributed = true
	}
	return r
}

// subjectBefore finds who says the speech verb words[vi] of a clause that precedes a quotation.
func (st *state) subjectBefore(words []word, vi int) *faultline.Ref {
	j := vi - 1
	for j >= 0 && isSkippable(words[j].w) {
		j--
	}
	if j < 0 || isCap(words[vi].w) {
		// "Adds NAME of the institute, “…”": the subject follows the verb.
		return st.speakerAt(words, vi+1)
	}
	verb := strings.ToLower(words[vi].w)
	w := words[j]
	lw := strings.ToLower(w.w)
	if lw == "i" || lw == "we" {
		// the reporter's own words: no one else's continuation
		st.attributed = true
		return nil
	}
	participle := strings.HasSuffix(verb, "ing") && (st.commaBefore(words[vi].start) || isSubordinator(lw) || lw == "by")
	if !participle {
		if st.x.pronouns[lw] {
			return st.antecedent(w)
		}
		if e := st.entityAt(w.start); e != nil && isSpeakerType(e.Type) && !st.afterPrep(e.Start) {
			return st.named(e)
		}
		if st.x.nouns[lw] {
			if r := st.descriptionEnding(words, j); r != nil {
				return r
			}
		}
		if isCap(w.w) && st.entityAt(w.start) == nil && !isFunctionWord(w.w) {
			if r := st.nameEnding(words, j); r != nil {
				return r
			}
		}
	}
	if r := st.clauseSubject(words[:j+1], vi); r != nil {
		return r
	}
	return description(st.text, words[:vi])
}

// clauseSubject takes the subject of a clause from its start: a person named at a clause
// opening (not inside a prepositional phrase), else a described person, else another
// actor named there.
func (st *state) clauseSubject(words []word, vi int) *faultline.Ref {
	var desc, other *faultline.Ref
	descAt, otherAt := -1, -1
	for p := 0; p < len(words); p++ {
		w := words[p]
		if e := st.entityAt(w.start); e != nil && e.Start >= w.start-1 && isSpeakerType(e.Type) && !st.afterPrep(e.Start) {
			if st.personLike(e) {
				return st.named(e)
			}
			if other == nil {
				other, otherAt = st.named(e), p
			}
			continue
		}
		if desc == nil && isDeterminer(w.w) && st.clauseInitial(w.start) && !st.apposition(w.start) {
			for k := p + 1; k < len(words) && k <= p+5; k++ {
				if st.x.nouns[strings.ToLower(words[k].w)] {
					// "an expert on the region recently said": the phrase runs to the verb
					last := k
					if k+1 < len(words) && isDescPrep(words[k+1].w) && st.entityAt(w.start) == nil {
						last = len(words) - 1
					}
					desc, descAt = st.span(words[p], words[last]), p
					break
				}
				if isCap(words[k].w) && st.entityAt(words[k].start) != nil && st.personLike(st.entityAt(words[k].start)) {
					break
				}
			}
		}
	}
	if desc != nil && (other == nil || descAt < otherAt) {
		return desc
	}
	return other
}

// speakerAt takes the speaker whose mention starts at words[i]: after an inverted speech
// verb ("said NAME", "says a senior officer") or after "according to".
func (st *state) speakerAt(words []word, i int) *faultline.Ref {
	if i >= len(words) {
		return nil
	}
	w := words[i]
	lw := strings.ToLower(w.w)
	if st.x.pronouns[lw] {
		return st.antecedent(w)
	}
	if isDeterminer(w.w) {
		for k := i + 1; k < len(words) && k <= i+5; k++ {
			lk := strings.ToLower(words[k].w)
			if st.x.nouns[lk] {
				// "says the provincial governor NAME", "said another member of the
				// council, NAME,": the name in apposition
				for m := k + 1; m < len(words) && m <= k+8; m++ {
					if e := st.entityAt(words[m].start); e != nil && st.personLike(e) &&
						(m == k+1 || st.commaBefore(e.Start)) {
						return st.named(e)
					}
				}
				return st.span(w, words[k])
			}
			if e := st.entityAt(words[k].start); e != nil && isSpeakerType(e.Type) && k == i+1 {
				// "said the Pentagon", but not "the US officer": check what follows the name
				if !st.nounAfter(words, e.End, i+5) {
					return st.named(e)
				}
			}
		}
		// "says a 2007 report of the Crisis Group": the actor named in the phrase
		for k := i + 1; k < len(words) && k <= i+6; k++ {
			if e := st.entityAt(words[k].start); e != nil && isSpeakerType(e.Type) && e.Type != faultline.GPE {
				return st.named(e)
			}
		}
		return nil
	}
	// a name, possibly after a title ("Gen. NAME") the recogniser left out
	for k := i; k < len(words) && k <= i+2; k++ {
		if e := st.entityAt(words[k].start); e != nil && isSpeakerType(e.Type) {
			return st.named(e)
		}
		if !isCap(words[k].w) {
			break
		}
	}
	return nameRef(st.text, words[i:])
}

// nounAfter reports whether a speaker noun follows byte off among the next words.
func (st *state) nounAfter(words []word, off, limit int) bool {
	for k := range words {
		if k > limit {
			break
		}
		if words[k].start >= off && st.x.nouns[strings.ToLower(words[k].w)] {
			return true
		}
	}
	return false
}

// subjectOf finds the speaker in the words between a quotation and the speech verb
// words[vi] that follows it (`…,” NAME said`, `…,” the ministry said`, `…,” he said`).
func (st *state) subjectOf(words []word, vi int) *faultline.Ref {
	if len(words) == 1 && st.x.pronouns[strings.ToLower(words[0].w)] {
		return st.antecedent(words[0])
	}
	var other *faultline.Entity
	for _, w := range words {
		e := st.entityAt(w.start)
		if e == nil || !isSpeakerType(e.Type) || st.afterPrep(e.Start) {
			continue
		}
		if st.personLike(e) {
			return st.named(e)
		}
		if other == nil {
			other = e
		}
	}
	if isDeterminer(words[0].w) {
		for k := 1; k < len(words) && k <= 5; k++ {
			if st.x.nouns[strings.ToLower(words[k].w)] {
				return st.span(words[0], words[k])
			}
		}
	}
	if other != nil {
		return ref(st.text, other)
	}
	if r, _ := utf8.DecodeRuneInString(words[0].w); unicode.IsUpper(r) && !isFunctionWord(words[0].w) {
		return nameRef(st.text, words)
	}
	return description(st.text, words)
}

// descriptionEnding takes a described speaker whose head noun is words[k] ("a senior
// official", "the spokesman"): from its determiner, or the adjectives before the noun.
func (st *state) descriptionEnding(words []word, k int) *faultline.Ref {
	for d := k - 1; d >= 0 && d >= k-5; d-- {
		if isDeterminer(words[d].w) {
			if e := st.appositionOf(words[d].start); e != nil {
				return st.named(e)
			}
			return st.span(words[d], words[k])
		}
		if isFunctionWord(words[d].w) || st.x.verbs[strings.ToLower(words[d].w)] {
			break
		}
	}
	return nil
}

// nameEnding takes a capitalised name whose last word is words[j] ("the magazine Vanity
// Fair commented"), when no entity covers it.
func (st *state) nameEnding(words []word, j int) *faultline.Ref {
	i := j
	for i > 0 && (isCap(words[i-1].w) || isParticle(words[i-1].w)) && !isFunctionWord(words[i-1].w) &&
		!st.boundaryBetween(words[i-1].end, words[i].start) {
		// a part of the name the recogniser took for a place ("Vanity" of "Vanity Fair")
		// belongs to it; an actor named there does not
		if e := st.entityAt(words[i-1].start); e != nil && (isSpeakerType(e.Type) || e.Start < words[0].start) {
			break
		}
		i--
	}
	for i < j && isParticle(words[i].w) {
		i++
	}
	if isFunctionWord(words[i].w) {
		return nil
	}
	return st.span(words[i], words[j])
}

// span is the speaker reference for the words from a to b. An indefinite article is left
// out: "a senior officer" is named "senior officer".
func (st *state) span(a, b word) *faultline.Ref {
	s := a.start
	if lw := strings.ToLower(a.w); (lw == "a" || lw == "an") && b.start > a.start {
		s = a.end
		for s < b.start && st.text[s] == ' ' {
			s++
		}
	}
	e := b.end
	return &faultline.Ref{Span: faultline.Span{Start: s, End: e, Text: st.text[s:e]}}
}

// antecedent resolves a pronoun speaker to the nearest earlier candidate in its paragraph
// or the one before: the latest speaker, a person named as a clause's subject or after
// "according to", or a described person opening a clause. With none, the latest speaker
// of the last three paragraphs.
func (st *state) antecedent(pron word) *faultline.Ref {
	p := pron.start
	lp := strings.ToLower(pron.w)
	pi := st.paraOf(p)
	ws := 0
	if pi-1 >= 0 && pi-1 < len(st.paras) {
		ws = st.paras[pi-1]
	}
	var best *faultline.Ref
	bestAt := -1
	if st.last != nil && st.lastAt >= ws && st.lastAt <= p {
		cp := *st.last
		best, bestAt = &cp, st.lastAt
	}
	// the coreference component may have resolved the pronoun: the nearest earlier name
	// of that actor is a candidate too
	if e := st.entityAt(p); e != nil && e.Actor != "" && e.Type == faultline.PERSON && lp != "they" {
		for i := len(st.ents) - 1; i >= 0; i-- {
			a := &st.ents[i]
			if a.End <= p && a.Actor == e.Actor && !isPronounWord(a.Text) && !st.inQuote(a.Start) {
				if a.End > bestAt {
					best, bestAt = ref(st.text, a), a.End
				}
				break
			}
		}
	}
	ents := st.entsIn(ws, p)
	for i := range ents {
		e := &ents[i]
		if e.End > p || e.End <= bestAt || st.inQuote(e.Start) {
			continue
		}
		if !isSpeakerType(e.Type) {
			continue
		}
		if lp == "they" {
			if e.Type == faultline.PERSON || e.Type == faultline.GPE {
				continue
			}
		} else if !st.personLike(e) {
			continue
		}
		if st.possessive(e.End) || !(st.clauseInitial(e.Start) || st.accordingTo(e.Start) || st.verbAfter(e.End) && !st.afterPrep(e.Start)) {
			continue
		}
		best, bestAt = st.named(e), e.End
	}
	if lp != "they" {
		ws2 := max(ws, bestAt)
		words := wordsIn(st.text[ws2:p], ws2)
		for k, w := range words {
			lw := strings.ToLower(w.w)
			if !st.x.nouns[lw] || strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "men") || st.inQuote(w.start) {
				continue
			}
			for d := k - 1; d >= 0 && d >= k-5; d-- {
				if isFunctionWord(words[d].w) && !isDeterminer(words[d].w) {
					break
				}
				if isDeterminer(words[d].w) {
					// a described person opening a clause, or introduced as an object ("I
					// phoned a friend …. He answered")
					ld := strings.ToLower(words[d].w)
					opens := st.clauseInitial(words[d].start) || (ld == "a" || ld == "an") && !st.afterPrep(words[d].start)
					if opens && !st.apposition(words[d].start) && w.end > bestAt {
						best, bestAt = st.span(words[d], w), w.end
					}
					break
				}
			}
		}
	}
	if best != nil {
		return best
	}
	if st.last != nil && st.lastAt <= p && pi-st.paraOf(st.lastAt) <= 3 {
		cp := *st.last
		return &cp
	}
	return nil
}

// newSubject reports whether a person other than the latest speaker is named as the
// subject of a clause between byte offsets from and to.
func (st *state) newSubject(from, to int) bool {
	ents := st.entsIn(from, to)
	for i := range ents {
		e := &ents[i]
		if e.End > to || st.inQuote(e.Start) || st.x.pronouns[strings.ToLower(e.Text)] || !st.personLike(e) {
			continue
		}
		if isPronounWord(e.Text) || (st.last != nil && (e.Actor != "" && e.Actor == st.last.Actor || sameSurname(e.Text, st.last.Text))) {
			continue
		}
		if st.clauseInitial(e.Start) || st.verbAfter(e.End) && !st.afterPrep(e.Start) {
			return true
		}
	}
	return false
}

// verbAfter reports whether the word after byte off, past adverbs, is a verb (from the
// part-of-speech tags, when the document has them).
func (st *state) verbAfter(off int) bool {
	i := sort.Search(len(st.toks), func(i int) bool { return st.toks[i].Start >= off })
	for ; i < len(st.toks); i++ {
		switch st.toks[i].UPOS {
		case "ADV":
			continue
		case "VERB", "AUX":
			return true
		}
		return false
	}
	return false
}

// named returns the nearest earlier name of the actor a pronoun entity refers to, or the
// entity itself.
func (st *state) named(e *faultline.Entity) *faultline.Ref {
	if isPronounWord(e.Text) && e.Actor != "" {
		for i := len(st.ents) - 1; i >= 0; i-- {
			a := &st.ents[i]
			if a.End <= e.Start && a.Actor == e.Actor && !isPronounWord(a.Text) && !st.inQuote(a.Start) {
				return ref(st.text, a)
			}
		}
	}
	return ref(st.text, e)
}

// title reports whether w, lower-cased, is a personal title, with or without its period
// ("Gen", "gen.").
func (x *Extractor) title(w string) bool {
	lw := strings.ToLower(w)
	return x.titles[lw] || x.titles[lw+"."]
}

// sameSurname reports whether two names end in the same word ("Ambassador Lee", "Lee").
func sameSurname(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	return len(fa) > 0 && len(fb) > 0 && strings.EqualFold(fa[len(fa)-1], fb[len(fb)-1])
}

func isPronounWord(w string) bool {
	switch strings.ToLower(strings.TrimSpace(w)) {
	case "he", "she", "they", "his", "her", "him", "hers", "their", "them", "it", "its", "himself", "herself":
		return true
	}
	return false
}

// inQuote reports whether byte off lies inside a quotation.
func (st *state) inQuote(off int) bool {
	i := sort.Search(len(st.segs), func(i int) bool { return st.segs[i].outerEnd > off })
	return i < len(st.segs) && st.segs[i].outerStart <= off
}

// entsIn returns the entities (sorted by start) that start between bytes from and to,
// inclusive; one that starts after to cannot end by it.
func (st *state) entsIn(from, to int) []faultline.Entity {
	lo := sort.Search(len(st.ents), func(i int) bool { return st.ents[i].Start >= from })
	hi := sort.Search(len(st.ents), func(i int) bool { return st.ents[i].Start > to })
	if hi < lo {
		hi = lo
	}
	return st.ents[lo:hi]
}

// entityAt returns the entity covering byte off, or nil.
func (st *state) entityAt(off int) *faultline.Entity {
	i := sort.Search(len(st.ents), func(i int) bool { return st.ents[i].Start > off })
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if e := &st.ents[k]; e.Start <= off && off < e.End {
			return e
		}
	}
	return nil
}

// personLike reports whether an entity names a person: typed so, or written after a
// personal title somewhere in the document ("President NAME") though typed otherwise.
func (st *state) personLike(e *faultline.Entity) bool {
	if e.Type == faultline.PERSON {
		return true
	}
	if e.Type != faultline.ORG && e.Type != "" {
		return false
	}
	t := e.Text
	if f := strings.Fields(t); len(f) > 1 && st.x.title(f[0]) {
		return true
	}
	if st.titled == nil {
		// names written after a title somewhere in the document, and their last words
		st.titled = map[string]bool{}
		for i := range st.ents {
			a := &st.ents[i]
			f := strings.Fields(a.Text)
			if len(f) == 0 {
				continue
			}
			w, _ := st.prevWord(a.Start)
			if st.x.title(w) || len(f) > 1 && st.x.title(f[0]) {
				st.titled[a.Text] = true
				st.titled[f[len(f)-1]] = true
			}
		}
	}
	return st.titled[t]
}

// prevWord returns the word that ends right before byte off (after spaces and a period of
// abbreviation) and whether a clause boundary (punctuation, line start) comes first.
func (st *state) prevWord(off int) (string, bool) {
	w, _, boundary := st.wordBefore(off)
	return w, boundary
}

// wordBefore steps back over the word that ends right before byte off and returns it with
// its start (off at a boundary).
func (st *state) wordBefore(off int) (string, int, bool) {
	i := off
	for i > 0 && st.text[i-1] == ' ' {
		i--
	}
	if i >= 2 && st.text[i-1] == '.' && isLetterByte(st.text[i-2]) && abbrevBefore(st.text, i-1) {
		i-- // "Adm." or "Gen." before a name
	}
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(st.text[:j])
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			break
		}
		j -= n
	}
	if j == i {
		return "", off, true
	}
	return st.text[j:i], j, false
}

// clauseInitial reports whether the phrase at byte off opens a clause: only titles,
// capitalised words of the name and determiners stand between it and a punctuation mark,
// the line start or a conjunction.
func (st *state) clauseInitial(off int) bool {
	for n := 0; n < 6; n++ {
		w, s, boundary := st.wordBefore(off)
		if boundary {
			return true
		}
		lw := strings.ToLower(w)
		switch {
		case isSubordinator(lw):
			return true
		case lw == "the" || st.x.title(lw) || isCap(w) && !isFunctionWord(w):
			off = s
		default:
			return false
		}
	}
	return false
}

// accordingTo reports whether the name at byte off follows "according to".
func (st *state) accordingTo(off int) bool {
	for n := 0; n < 5; n++ {
		w, s, boundary := st.wordBefore(off)
		if boundary {
			return false
		}
		if strings.EqualFold(w, "to") {
			w2, _, _ := st.wordBefore(s)
			return strings.EqualFold(w2, "according")
		}
		if !isCap(w) && !st.x.titles[strings.ToLower(w)] {
			return false
		}
		off = s
	}
	return false
}

// afterPrep reports whether the name at byte off is the object of a preposition ("in
// Iraq", "of the ministry"), skipping titles, the article and capitalised name words.
func (st *state) afterPrep(off int) bool {
	for n := 0; n < 5; n++ {
		w, s, boundary := st.wordBefore(off)
		if boundary {
			return false
		}
		lw := strings.ToLower(w)
		if isPrep(lw) {
			if lw == "to" {
				w2, _, _ := st.wordBefore(s)
				return !strings.EqualFold(w2, "according")
			}
			return true
		}
		if lw == "the" || lw == "and" || lw == "or" || st.x.title(lw) || isCap(w) && !isFunctionWord(w) {
			off = s
			continue
		}
		return false
	}
	return false
}

// possessive reports whether a possessive 's follows byte off ("NAME's militia").
func (st *state) possessive(off int) bool {
	rest := st.text[off:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "’ ") || strings.HasPrefix(rest, "' ")
}

// apposition reports whether the phrase at byte off follows "NAME, " ("Gen. NAME, the
// commander of …"): it then describes that person.
func (st *state) apposition(off int) bool { return st.appositionOf(off) != nil }

// appositionOf returns the person a phrase at byte off stands in apposition to, or nil.
func (st *state) appositionOf(off int) *faultline.Entity {
	i := off
	for i > 0 && st.text[i-1] == ' ' {
		i--
	}
	if i == 0 || st.text[i-1] != ',' {
		return nil
	}
	i--
	for i > 0 && st.text[i-1] == ' ' {
		i--
	}
	if i == 0 {
		return nil
	}
	if e := st.entityAt(i - 1); e != nil && e.End == i && st.personLike(e) {
		return e
	}
	return nil
}

// commaBefore reports whether a comma precedes byte off (after spaces).
func (st *state) commaBefore(off int) bool {
	i := off
	for n := 0; n < 4; n++ {
		w, s, boundary := st.wordBefore(i)
		if boundary || !st.x.title(w) {
			break
		}
		i = s
	}
	for i > 0 && st.text[i-1] == ' ' {
		i--
	}
	return i > 0 && st.text[i-1] == ','
}

// boundaryBetween reports whether punctuation separates two words.
func (st *state) boundaryBetween(a, b int) bool {
	return a <= b && strings.TrimSpace(st.text[a:b]) != ""
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the", "another", "one":
		return true
	}
	return false
}

// isDescPrep reports whether w opens a phrase that belongs to a described speaker ("an
// expert on", "a spokesman for", "an aide to").
func isDescPrep(w string) bool {
	switch strings.ToLower(w) {
	case "on", "for", "to", "of", "with":
		return true
	}
	return false
}

func isPrep(w string) bool {
	switch w {
	case "of", "in", "on", "at", "from", "with", "by", "for", "to", "against", "into", "about",
		"over", "under", "between", "among", "near", "across", "through", "within", "without",
		"toward", "towards", "inside", "outside", "around", "behind", "beyond", "despite":
		return true
	}
	return false
}

func isSubordinator(w string) bool {
	switch w {
	case "and", "but", "or", "that", "when", "while", "as", "because", "after", "before",
		"although", "though", "since", "if", "so", "yet", "where", "whereas", "until", "once":
		return true
	}
	return false
}

// isSkippable reports whether w may stand between a subject and its speech verb:
// adverbs, auxiliaries and verbs of beginning ("has also said", "started calling").
func isSkippable(w string) bool {
	lw := strings.ToLower(w)
	switch lw {
	case "has", "had", "have", "was", "were", "is", "are", "will", "would", "been", "did",
		"does", "do", "also", "then", "later", "once", "recently", "again", "still", "never",
		"just", "now", "today", "yesterday", "not", "started", "began", "begun", "soon", "often",
		"repeatedly", "publicly", "privately", "reportedly", "went", "on":
		return true
	}
	return len(lw) > 4 && strings.HasSuffix(lw, "ly") && !isCap(w) && lw != "only"
}

// isFunctionWord reports whether w is a closed-class word that cannot start or be a name,
// even capitalised at a sentence start.
func isFunctionWord(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "it", "this", "that", "these", "those", "i", "we", "you", "our", "my",
		"his", "her", "their", "there", "here", "but", "and", "or", "so", "yet", "in", "on", "at",
		"after", "before", "when", "while", "as", "if", "then", "now", "today", "yesterday",
		"last", "next", "even", "still", "also", "asked", "speaking", "he", "she", "they", "who",
		"what", "which", "one", "another", "some", "many", "most", "all", "both", "its", "by",
		"for", "of", "to", "with", "from", "according", "instead", "however", "meanwhile":
		return true
	}
	return false
}
