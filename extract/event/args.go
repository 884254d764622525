package event

import (
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract/internal/view"
	lex "github.com/faultline/faultline/lexicon/events"
)

// Argument finding. Every function returns mention indexes (-1: none) and the pairs
// (source, target) the trigger codes.

var (
	preps             = set("of in from at near by with for to on against between under over into onto toward towards upon across inside outside around through about within without among amid")
	placePrep         = set("in near at outside inside around across throughout")
	targetPrep        = set("against with on upon at into toward towards")
	stopRight         = set(", ; : . ( ) \" “ ” — – -- that which who whom when while because although but whereas since unless if after before until and or as rather instead")
	lightVerbs        = set("pay paid paying make made making launch launched launching launches stage staged staging carry carried carrying out mount mounted sign signed signing reach reached brokered broker declare declared announce announced call called hold held begin began begun conduct conducted lead led order ordered start started wage waged waging unleash unleashed step stepped continue continued resume resumed accept accepted reject rejected negotiate negotiated agree agreed observe observed honour honoured honor honored break broke broken violate violated end ended seal sealed strike struck make made pursue pursued lavish lavished heap heaped")
	coordWords        = set("and , or &")
	articles          = set("a an the")
	objPronouns       = set("it them him her us me itself themselves himself herself")
	determinersOrPron = set("this that these those its their his her our my your some many most all both")
	copulas           = set("is are was were be been being become became remains remained predominantly largely mostly mainly overwhelmingly")
	quoteMarks        = set("\" “ ” ''")
	endPunct          = set(", . ! ? ;")
	possessive        = set("'s ’s ' ’")
	subjPronouns      = set("he she they it we i you")
	accuseVerbs       = set("accuse accuses accused accusing suspect suspects suspected blame blames blamed charge charges charged praise praised thank thanked")
	orderVerbs        = set("ordered orders order told tells instructed instructs directed directs commanded commands")
	// objectPreps make a possessor before a trigger noun an object ("attacks on A's
	// positions"); others leave it the agent ("during A's visit to B").
	objectPreps    = set("of to for from by on upon against at with into onto toward towards between among")
	nounPreps      = set("by to against on upon into with from toward towards") // that attach to a trigger noun from afar
	nonTargetPreps = set("for under over about between among")                  // "opposed the accord between A and B"
	perpetrators   = lex.Perpetrators()
	speech         = set("said says say told tells claimed claims stated insisted added warned announced argued")
)

// actor reports whether mention mi exists and can be an argument: an actor type, and not a
// place after in/near/at.
func actor(v *view.View, mi int) bool {
	return actorArg(v, mi, true)
}

// actorArg is actor; modifiers says whether a mention modifying a following common noun
// is refused ("headed the Valdora team"): for agents it is kept ("the Valdoran army division
// arrested": the army).
func actorArg(v *view.View, mi int, modifiers bool) bool {
	if mi < 0 {
		return false
	}
	m := v.Mentions[mi]
	if !m.Actorish() {
		return false
	}
	if m.Placeish() && v.PrepBefore(m.First, placePrep) {
		return false
	}
	// "south and east of B", "north of B": a bearing from a place locates, it is no party
	if m.Placeish() && m.First >= 2 && v.Toks[m.First-1].Lower == "of" && compass[v.Toks[m.First-2].Lower] {
		return false
	}
	if m.Last <= datelineEnd(v, m.First) {
		return false // "VELIKA, Ostrava (Wire) — ...": the dateline
	}
	// "Sunni-run ministry", "US-led forces": a hyphenated modifier, not an argument.
	if m.End+1 < len(v.Text) && v.Text[m.End] == '-' && v.Text[m.End+1] >= 'a' && v.Text[m.End+1] <= 'z' {
		return false
	}
	// With tags: a mention followed by a common noun modifies it ("the Valdora team").
	// But a group's name before a noun for its people stands for the group ("arrested a
	// Red Brigade commander", "attacked rebel positions"), and a name that ends in such a
	// noun is a whole phrase ("fought Red Brigade militiamen street by street").
	if modifiers && v.HasPOS && m.Last < len(v.Toks) && v.Toks[m.Last].UPOS == "NOUN" && v.Toks[m.Last].Sent == v.Toks[m.First].Sent &&
		!members[v.Toks[m.Last].Lower] && !(m.Last-m.First > 1 && members[v.Toks[m.Last-1].Lower]) {
		return false
	}
	return true
}

// compass holds the bearings that locate by a place: "south of B".
var compass = set("north south east west northeast northwest southeast southwest")

// members are the nouns for a group's people (lexicon/events/members.txt).
var members = lex.Members()

// modifierActor is actor for a mention that modifies the trigger noun at i ("the US
// invasion"): being followed by that noun is what makes it the source.
func modifierActor(v *view.View, mi, i int) bool {
	m := v.Mentions[mi]
	if !m.Actorish() || (m.Placeish() && v.PrepBefore(m.First, placePrep)) {
		return false
	}
	for j := m.Last; j < i; j++ {
		if v.HasPOS && v.Toks[j].UPOS == "NOUN" {
			return false // "the Valdora team's offensive": Valdora modifies team
		}
	}
	return true
}

// The one-word preposition sets PrepBefore is asked about in the argument scans, built once.
var (
	ofPrep      = set("of")
	byPrep      = set("by")
	betweenPrep = set("between")
)

// coordRight returns mi and the mentions coordinated after it ("A, B and C"). Commas
// alone (appositions, "A, the B") do not coordinate: the chain needs an "and" or "or".
func coordRight(v *view.View, mi int, s view.Sent) []int {
	out := []int{mi}
	conj := false
	for {
		m := v.Mentions[mi]
		j := m.Last
		k := 0
		for j < s.Last && coordWords[v.Toks[j].Lower] && k < 2 {
			conj = conj || v.Toks[j].Lower != ","
			j++
			k++
		}
		for j < s.Last && v.Toks[j].Lower == "the" && k > 0 {
			j++
		}
		if k == 0 || j >= s.Last || v.Toks[j].Mention < 0 || !actor(v, v.Toks[j].Mention) {
			break
		}
		mi = v.Toks[j].Mention
		out = append(out, mi)
	}
	if !conj {
		return out[:1]
	}
	return out
}

// coordLeft returns mi and the mentions coordinated before it ("A and B", "A, B and C",
// "the A-B offensive").
func coordLeft(v *view.View, mi int, s view.Sent) []int {
	out := []int{mi}
	conj := false
	for {
		m := v.Mentions[mi]
		if m.Start > 1 && v.Text[m.Start-1] == '-' {
			if pj := v.MentionAt(m.First - 2); pj >= 0 && v.Mentions[pj].End == m.Start-1 && actor(v, pj) {
				mi = pj
				out = append([]int{mi}, out...)
				conj = true
				continue
			}
			if pj := v.MentionAt(m.First - 1); pj >= 0 && pj != mi && v.Mentions[pj].End == m.Start-1 && actor(v, pj) {
				mi = pj
				out = append([]int{mi}, out...)
				conj = true
				continue
			}
		}
		j := m.First - 1
		for j >= s.First && v.Toks[j].Lower == "the" {
			j--
		}
		k := 0
		for j >= s.First && coordWords[v.Toks[j].Lower] && k < 2 {
			conj = conj || v.Toks[j].Lower != ","
			j--
			k++
		}
		if k == 0 || j < s.First || v.Toks[j].Mention < 0 || !actor(v, v.Toks[j].Mention) {
			break
		}
		mi = v.Toks[j].Mention
		out = append([]int{mi}, out...)
	}
	if !conj {
		return out[len(out)-1:]
	}
	return out
}

// leftMention returns the nearest actor mention to the left of token i in its clause that
// is not the object of a preposition; for a relative clause it is the antecedent.
func leftMention(v *view.View, i int, s view.Sent) int {
	// "A warned B, accusing C": a participle after a comma (not one of a list: "funding,
	// arming and directing") shares the main clause's subject.
	if k := mainVerb(v, i, s); k >= 0 {
		return leftMentionIn(v, k, s)
	}
	if k := coordVerb(v, i, s); k >= 0 {
		return leftMention(v, k, s)
	}
	if a, ok := accusedOf(v, i, s); ok {
		return a
	}
	return leftMentionIn(v, i, s)
}

// accusedOf reports whether the verb at i is the gerund of "accused B of V-ing" (accuse,
// suspect, blame, charge, praise, thank), and returns B, its subject (-1 when B is no
// actor mention: "the general whom A accuses of arming C").
func accusedOf(v *view.View, i int, s view.Sent) (int, bool) {
	if i-2 <= s.First || v.Toks[i-1].Lower != "of" || !strings.HasSuffix(v.Toks[i].Lower, "ing") {
		return -1, false
	}
	for k := i - 2; k > s.First && k >= i-8; k-- {
		w := v.Toks[k].Lower
		if v.Toks[k].Lemma != "" {
			w = v.Toks[k].Lemma
		}
		if accuseVerbs[w] || accuseVerbs[v.Toks[k].Lower] {
			for j := i - 2; j > k; j-- { // the nearest: "accused A's B of" is B
				if mi := v.Toks[j].Mention; mi >= 0 && actor(v, mi) {
					return mi, true
				}
			}
			return -1, true
		}
		if v.Toks[k].Mention < 0 && (stopRight[w] || (v.HasPOS && v.Toks[k].UPOS == "VERB")) {
			break
		}
	}
	return -1, false
}

// parenthetical reports whether the words from token j close a parenthetical with a comma
// that a finite verb follows ("…, released last year, eased …"), before any mention or verb.
func parenthetical(v *view.View, j int, s view.Sent) bool {
	for q := j; q+1 < s.Last && q < j+6; q++ {
		t := &v.Toks[q]
		if t.Mention >= 0 || t.UPOS == "VERB" || (stopRight[t.Lower] && t.Lower != ",") {
			return false
		}
		if t.Lower == "," {
			n := v.Toks[q+1]
			return n.UPOS == "VERB" && (n.XPOS == "VBD" || n.XPOS == "VBZ" || n.XPOS == "VBP")
		}
	}
	return false
}

// pronounBefore returns the subject pronoun that is no mention right before the verb at i
// (past auxiliaries and adverbs), or -1.
func pronounBefore(v *view.View, i int, s view.Sent) int {
	for j := i - 1; j >= s.First && j >= i-4; j-- {
		w := v.Toks[j].Lower
		if auxWords[w] || strings.HasSuffix(w, "ly") || w == "not" || w == "also" || w == "then" {
			continue
		}
		if subjPronouns[w] && v.Toks[j].Mention < 0 {
			return j
		}
		break
	}
	return -1
}

// pronounSubject resolves the subject pronoun at token j that is no mention, or returns -1:
// after a speech verb or "that" ("A said he would", "A denied that it had") it is the
// subject of that verb, a person for he and she, a group for it and they; "they" or "it"
// in a later clause is the group that opens the sentence.
func pronounSubject(v *view.View, j int, s view.Sent) int {
	w := v.Toks[j].Lower
	person := w == "he" || w == "she"
	if !person && w != "it" && w != "they" {
		return -1
	}
	gov := -1
	switch {
	case j-1 > s.First && speech[v.Toks[j-1].Lower]:
		gov = j - 1
	case j-2 > s.First && v.Toks[j-1].Lower == "that" && (speech[v.Toks[j-2].Lower] || (v.HasPOS && v.Toks[j-2].UPOS == "VERB") ||
		(!v.HasPOS && strings.HasSuffix(v.Toks[j-2].Lower, "ed"))):
		gov = j - 2
	}
	if gov >= 0 {
		// The nearest fitting mention before the verb, not after a preposition ("A, who
		// heads B, said he ...").
		for k := gov - 1; k >= s.First; k-- {
			if mi := v.Toks[k].Mention; mi >= 0 {
				m := v.Mentions[mi]
				if (m.Type == faultline.PERSON) == person && actor(v, mi) && !v.PrepBefore(m.First, preps) {
					return mi
				}
				k = m.First
			}
		}
		return -1
	}
	if !person && j > s.First {
		if a := sentenceSubject(v, s, j); a >= 0 && v.Mentions[a].Type != faultline.PERSON {
			return a
		}
	}
	return -1
}

// sentenceSubject returns the actor mention that opens sentence s as the subject of its
// first verb (before token limit), or -1: a mention not after a preposition, with only
// modifiers, auxiliaries and adverbs between it and a verb.
func sentenceSubject(v *view.View, s view.Sent, limit int) int {
	if !v.HasPOS {
		return -1
	}
	for k := s.First; k < limit && k < s.First+12; k++ {
		t := &v.Toks[k]
		if t.UPOS == "VERB" {
			return -1 // a verb before any mention
		}
		mi := t.Mention
		if mi < 0 {
			continue
		}
		m := v.Mentions[mi]
		if !actor(v, mi) || v.PrepBefore(m.First, preps) {
			k = m.Last - 1
			continue
		}
		for q := m.Last; q < limit && q <= m.Last+3; q++ {
			u := v.Toks[q]
			if u.UPOS == "VERB" {
				return mi
			}
			if u.UPOS != "AUX" && u.UPOS != "ADV" && u.UPOS != "NOUN" && u.UPOS != "ADJ" {
				break
			}
		}
		return -1
	}
	return -1
}

// coordVerb returns, for a verb right after "and" ("A attacked B and killed C"), the verb
// of the same form it is coordinated with, whose subject it shares; -1 when there is none
// within the clause.
func coordVerb(v *view.View, i int, s view.Sent) int {
	a := i - 1
	for a > s.First && (strings.HasSuffix(v.Toks[a].Lower, "ly") || v.Toks[a].Lower == "also" || v.Toks[a].Lower == "then") {
		a-- // "and recently received"
	}
	if !v.HasPOS || a <= s.First || v.Toks[a].Lower != "and" || v.Toks[i].UPOS != "VERB" {
		return -1
	}
	for k := a - 1; k > s.First && k >= i-15; k-- {
		t := &v.Toks[k]
		if clauseWords[t.Lower] && t.Lower != "that" {
			return -1
		}
		if t.UPOS == "VERB" && t.XPOS == v.Toks[i].XPOS && t.Mention < 0 && !strings.Contains(t.Lower, "-") {
			return k // (not "armor-piercing", a compound adjective tagged as a verb)
		}
	}
	return -1
}

// mainVerb returns, for a participle after a comma ("..., accusing B"), the nearest finite
// verb before it, whose subject the participle shares; -1 when there is none or the
// participle is one of a list ("funding, training, arming and directing").
func mainVerb(v *view.View, i int, s view.Sent) int {
	if !v.HasPOS || i-2 <= s.First || v.Toks[i-1].Lower != "," || v.Toks[i].XPOS != "VBG" ||
		strings.HasSuffix(v.Toks[i-2].Lower, "ing") {
		return -1
	}
	for k := i - 2; k > s.First; k-- {
		t := &v.Toks[k]
		if t.UPOS != "VERB" || t.Mention >= 0 {
			continue
		}
		if t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP" || ((t.XPOS == "VBN" || t.XPOS == "VBG") && auxWords[v.Toks[k-1].Lower]) {
			return k
		}
	}
	return -1
}

// leftMentionIn is leftMention within the clause of token i.
func leftMentionIn(v *view.View, i int, s view.Sent) int {
	// "and he warned B": a pronoun subject that is no mention hides the agent.
	if j := pronounBefore(v, i, s); j >= 0 {
		return pronounSubject(v, j, s)
	}
	start := clauseStart(v, i, s)
	fallback := -1 // "fighters of A attacked", "units led by A attacked": A, when nothing better
	for j := i - 1; j >= start; j-- {
		mi := v.Toks[j].Mention
		if mi < 0 && v.Toks[j].Lower == "," {
			// "A, often with B, attacked": skip a parenthetical set off by commas, unless it
			// is a bare name ("the US envoy, Zalmay Khalilzad, tried"): the name is the agent.
			for k := j - 1; k > start && k >= j-14; k-- {
				if v.Toks[k].Lower == "," {
					f := k + 1
					for f < j && v.Toks[f].Lower == "the" {
						f++
					}
					if mj := v.Toks[f].Mention; mj >= 0 && v.Mentions[mj].First == f && v.Mentions[mj].Last == j && actor(v, mj) {
						return mj
					}
					j = k
					break
				}
			}
			continue
		}
		if mi < 0 {
			if c := classOf(v.Toks[j].Lower); c&cSpeech != 0 || (c&cQuoteMark != 0 && j > start && endPunct[v.Toks[j-1].Lower]) {
				break // "A said B would attack": A is the speaker, not the agent
			}
			continue
		}
		m := v.Mentions[mi]
		j = m.First
		if !actorArg(v, mi, false) || v.PrepBefore(m.First, copulas) || modifiesEvent(v, mi) {
			continue // "the division was largely Shia and arrested ...": a predicate
		}
		if v.PrepBefore(m.First, preps) {
			if fallback < 0 && ((v.PrepBefore(m.First, ofPrep) && !nominalPatient(v, mi)) || agentOfParticiple(v, m.First, s)) {
				fallback = mi
			}
			continue
		}
		// A possessor ("Lasko's men attacked"): still the best available source.
		return mi
	}
	if fallback >= 0 {
		return fallback
	}
	if start > s.First && v.Word(start, "which", "who", "that") {
		for j := start - 1; j >= s.First && j >= start-3; j-- {
			if mi := v.Toks[j].Mention; mi >= 0 && actor(v, mi) {
				return mi
			}
		}
	}
	return -1
}

// The noun forms of the first words of nominal triggers, read off the codebook once:
// eventNouns of all of them; forceNouns of coercion and force (CAMEO 17-20), whose "of"
// phrase is the party that suffers the event ("the occupation of B") while the "of" phrase
// of other event nouns is their agent ("the withdrawal of A's troops"), as in
// parseNounArgs; retreatNouns of military de-escalation (CAMEO 087: a withdrawal, a
// retreat), whose "from" phrase is the place left ("a withdrawal from B"), unlike the giver
// of "aid from B".
var eventNouns, forceNouns, retreatNouns = func() (all, force, retreat map[string]bool) {
	all, force, retreat = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, e := range lex.Codebook() {
		if e.POS != "N" {
			continue
		}
		for _, f := range view.NounForms(e.Words[0]) {
			if e.CAMEO != "-" {
				all[f] = true
				if e.CAMEO >= "17" {
					force[f] = true
				}
			}
			if strings.HasPrefix(e.CAMEO, "087") {
				retreat[f] = true
			}
		}
	}
	return all, force, retreat
}()

// eventNoun reports whether token j is a noun of coercion or force whose "of" phrase names
// the party that suffers it (forceNouns).
func eventNoun(v *view.View, j int) bool {
	t := &v.Toks[j]
	if v.HasPOS && t.UPOS != "NOUN" {
		return false
	}
	return forceNouns[t.Lower]
}

// nominalPatient reports whether mention mi is the object of "of" after a noun of coercion
// or force ("the occupation of B", "the siege of B"): the party that suffered that event,
// which is no argument of another trigger.
func nominalPatient(v *view.View, mi int) bool {
	j := v.Mentions[mi].First - 1
	for j > 0 && (articles[v.Toks[j].Lower] || determinersOrPron[v.Toks[j].Lower]) {
		j--
	}
	return j > 0 && v.Toks[j].Lower == "of" && eventNoun(v, j-1)
}

// modifiesEvent reports whether mention mi modifies an event noun that heads the subject
// ("the American occupation of B has facilitated ..."): the event, not the actor, is the
// subject.
func modifiesEvent(v *view.View, mi int) bool {
	if !v.HasPOS {
		return false // untagged, "A attacks" and "the A attacks" look alike
	}
	m := v.Mentions[mi]
	for j := m.Last; j < len(v.Toks) && j <= m.Last+2; j++ {
		t := &v.Toks[j]
		if t.Mention >= 0 || (t.UPOS != "NOUN" && t.UPOS != "ADJ") {
			return false
		}
		if eventNouns[t.Lower] && t.UPOS == "NOUN" {
			return true
		}
	}
	return false
}

// agentOfParticiple reports whether the mention starting at token first is the by-agent of
// a participle modifying a common noun: "units controlled by A", "fighters led by A".
func agentOfParticiple(v *view.View, first int, s view.Sent) bool {
	j := first - 1
	for j > s.First && v.Toks[j].Lower == "the" {
		j--
	}
	if j-2 < s.First || v.Toks[j].Lower != "by" {
		return false
	}
	part, noun := v.Toks[j-1], v.Toks[j-2]
	if !strings.HasSuffix(part.Lower, "ed") && part.Lower != "led" && part.Lower != "run" {
		return false
	}
	if v.HasPOS {
		return part.XPOS == "VBN" && noun.UPOS == "NOUN" && noun.Mention < 0
	}
	return noun.Mention < 0 && (j-2 == s.First || isLower(v.Text[noun.Start:noun.End])) && strings.HasSuffix(noun.Lower, "s")
}

// eachOther reports whether "each other" or "one another" follows token j closely, before
// any mention: "A and B fired mortars at each other".
func eachOther(v *view.View, j int, s view.Sent) bool {
	for k := j; k+1 < s.Last && k < j+6; k++ {
		if v.Toks[k].Mention >= 0 || (stopRight[v.Toks[k].Lower] && v.Toks[k].Lower != "and") {
			return false
		}
		if (v.Toks[k].Lower == "each" && v.Toks[k+1].Lower == "other") || (v.Toks[k].Lower == "one" && v.Toks[k+1].Lower == "another") {
			return true
		}
	}
	return false
}

// rightArgs scans right of token i for the target and, after "by", the agent.
// A mediator's targets may follow "between" ("brokered a truce between A and B"); no other
// trigger's ("opposed the accord between A and B").
func rightArgs(v *view.View, i int, s view.Sent, mediation bool) (target, by int) {
	target, by = -1, -1
	object := false // a common noun passed: the verb has its object ("welcomed the deal and ...")
	inPP := false   // inside a phrase that introduces no target
	nomOf := false  // inside the "of" phrase of an event noun: its patient, not the verb's target
	limit := i + 10
	if limit > s.Last {
		limit = s.Last
	}
	for j := i; j < limit; j++ {
		t := &v.Toks[j]
		if t.Mention >= 0 {
			mi := t.Mention
			m := v.Mentions[mi]
			j = m.Last - 1
			if v.PrepBefore(m.First, byPrep) {
				if nomOf {
					// "opposed the occupation of B by A": the occupier is what is opposed.
					if target < 0 && actor(v, mi) {
						target = mi
					}
					continue
				}
				if by < 0 && actor(v, mi) {
					by = mi
				}
				continue
			}
			if target < 0 && actor(v, mi) && !inPP && !nomOf && (!v.PrepBefore(m.First, nonTargetPreps) || (mediation && v.PrepBefore(m.First, betweenPrep))) {
				target = mi
			}
			continue
		}
		// "opposed the occupation of B", "condemned the killing of B": B suffered the event
		// the object names; the verb is directed at whoever did it (a possessor or modifier
		// before the noun, a by-phrase after it), never at B.
		if j > i && j+1 < limit && v.Toks[j+1].Lower == "of" && eventNoun(v, j) {
			nomOf = true
		}
		// "refused to contemplate a withdrawal from B": the place an event noun's "from"
		// phrase names is left, not acted on by the verb.
		if j > i && j+1 < limit && v.Toks[j+1].Lower == "from" && retreatNouns[t.Lower] && (!v.HasPOS || t.UPOS == "NOUN") {
			nomOf = true
		}
		c := classOf(t.Lower)
		// "warned against the policy of arming B": B is the object of the gerund, not of
		// the verb.
		if j > i && j > s.First && v.Toks[j-1].Lower == "of" && (v.HasPOS && t.XPOS == "VBG" || !v.HasPOS && strings.HasSuffix(t.Lower, "ing") && !nominalIng[t.Lower]) {
			nomOf = true
		}
		// "competed for leadership of A": a mention inside a phrase after "for" is no
		// target, until a preposition that introduces one ("fought for hours against B").
		switch {
		case c&cNonTargetPrep != 0 && !(mediation && t.Lower == "between"):
			inPP = true
		case c&cTargetPrep != 0:
			inPP, nomOf = false, false
		}
		if c&cObjPronoun != 0 && target < 0 {
			break // "welcome it": the object is a pronoun
		}
		if t.UPOS == "NOUN" {
			object = true
		}
		if c&cStopRight != 0 {
			// "supplies arms, money and training to B": a list of lower-case nouns goes on.
			if (t.Lower == "," || t.Lower == "and") && target < 0 && j+1 < s.Last && isLower(v.Text[v.Toks[j+1].Start:v.Toks[j+1].End]) &&
				classOf(v.Toks[j+1].Lower)&(cStopRight|cArticle|cDeterminerOrPron) == 0 && limit < i+16 &&
				!(object && (v.Toks[j+1].UPOS == "VERB" || v.Toks[j+1].UPOS == "AUX")) { // not "welcomed X and offered Y to B"
				limit++
				if limit > s.Last {
					limit = s.Last
				}
				continue
			}
			break
		}
	}
	return target, by
}

func isLower(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// passive reports whether the verb at i is a passive participle ("was attacked").
func passive(v *view.View, i int, s view.Sent) bool {
	if v.HasPOS && v.Toks[i].XPOS != "" && v.Toks[i].XPOS != "VBN" {
		return false
	}
	w := v.Toks[i].Lower
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "t") {
		return false
	}
	for j := i - 1; j >= s.First && j >= i-3; j-- {
		switch v.Toks[j].Lower {
		case "was", "were", "been", "being", "is", "are", "be", "got", "get":
			return true
		}
		if !strings.HasSuffix(v.Toks[j].Lower, "ly") && v.Toks[j].Lower != "not" {
			return false
		}
	}
	return false
}

// ofHead returns the first actor of an "of" chain ending in mention mi: "leaders of the
// Tiger Brigade of Norland's Guard were seized" has the Tiger Brigade for patient, not the
// Guard it belongs to.
func ofHead(v *view.View, mi int, s view.Sent) int {
	for n := 0; n < 4; n++ {
		j := v.Mentions[mi].First - 1
		if j > s.First && possessive[v.Toks[j].Lower] && v.Toks[j-1].Mention >= 0 {
			j = v.Mentions[v.Toks[j-1].Mention].First - 1
		}
		for j > s.First && v.Toks[j].Lower == "the" {
			j--
		}
		if j-1 < s.First || v.Toks[j].Lower != "of" {
			break
		}
		h := v.Toks[j-1].Mention
		if h < 0 || !actor(v, h) {
			break
		}
		mi = h
	}
	return mi
}

// patientNext reports whether mention mi is the subject of the passive verb at i: it ends
// right before the verb's auxiliaries and adverbs ("Ostrava was attacked", "Ostrava, which
// was attacked"), not farther ("the head of the council said 100 people were killed").
func patientNext(v *view.View, i int, s view.Sent, mi int) bool {
	j := i - 1
	for j >= s.First && (auxWords[v.Toks[j].Lower] || strings.HasSuffix(v.Toks[j].Lower, "ly") || v.Toks[j].Lower == "not" || v.Toks[j].Lower == "also") {
		j--
	}
	// "B's house, together with its contents, was burned": a phrase set off by commas
	// between the subject and its verb is passed over.
	if j > s.First && v.Toks[j].Lower == "," && v.Toks[j-1].Mention != mi {
		for k := j - 1; k > s.First && k >= j-8; k-- {
			t := &v.Toks[k]
			if t.Mention >= 0 && t.Mention != mi && !possPronouns[t.Lower] || v.HasPOS && (t.UPOS == "VERB" || t.UPOS == "AUX") {
				break
			}
			if t.Lower == "," {
				j = k - 1
				break
			}
		}
	}
	for j >= s.First && (v.Toks[j].Lower == "which" || v.Toks[j].Lower == "who" || v.Toks[j].Lower == "that" || v.Toks[j].Lower == ",") {
		j--
	}
	if j >= s.First && v.Toks[j].Mention == mi {
		return true
	}
	// "Valdora's army was attacked": the possessor stands for the patient; so does a
	// possessive pronoun ("his house was burned"), when coreference has made it a mention.
	for k := j - 1; k >= s.First && k >= j-2; k-- {
		if w := v.Toks[k].Lower; w == "'s" || w == "’s" || w == "'" {
			return k > s.First && v.Toks[k-1].Mention == mi
		}
		if possPronouns[v.Toks[k].Lower] {
			return v.Toks[k].Mention == mi
		}
	}
	return false
}

// possPronouns are the possessive pronouns that coreference may make mentions of.
var possPronouns = set("his her its their")

var auxWords = set("is are was were be been being has have had am will would could may might should can do does did got get")

func pairs(srcs, tgts []int) [][2]int {
	if len(srcs) == 0 {
		srcs = []int{-1}
	}
	if len(tgts) == 0 {
		tgts = []int{-1}
	}
	var out [][2]int
	for _, a := range srcs {
		for _, b := range tgts {
			out = append(out, [2]int{a, b})
		}
	}
	return out
}

// reciprocal codes both directions among a group of coordinated actors.
func reciprocal(group []int) [][2]int {
	var out [][2]int
	for _, a := range group {
		for _, b := range group {
			if a != b {
				out = append(out, [2]int{a, b})
			}
		}
	}
	return out
}

// between finds "between A and B" right after token j.
func between(v *view.View, j int, s view.Sent) []int {
	if j >= s.Last || v.Toks[j].Lower != "between" {
		return nil
	}
	k := j + 1
	for k < s.Last && v.Toks[k].Lower == "the" {
		k++
	}
	if k >= s.Last || v.Toks[k].Mention < 0 || !actor(v, v.Toks[k].Mention) {
		return nil
	}
	g := coordRight(v, v.Toks[k].Mention, s)
	if len(g) < 2 {
		return nil
	}
	return g
}

// complete reports whether some pair has both a source and a target.
func complete(ps [][2]int) bool {
	for _, p := range ps {
		if p[0] >= 0 && p[1] >= 0 {
			return true
		}
	}
	return false
}

// linearVerbArgs finds verb arguments by position, without a parse.
func linearVerbArgs(v *view.View, i, n int, s view.Sent, tr *trigger) [][2]int {
	if g := between(v, i+n, s); g != nil {
		return reciprocal(g)
	}
	// "A ordered B to stand down": a retreat A orders is A's towards the forces it orders.
	if strings.HasPrefix(tr.CAMEO, "08") && i-2 > s.First && v.Toks[i-1].Lower == "to" {
		if b := v.Toks[i-2].Mention; b >= 0 && actor(v, b) {
			k := v.Mentions[b].First - 1
			for k > s.First && (articles[v.Toks[k].Lower] || determinersOrPron[v.Toks[k].Lower]) {
				k--
			}
			if k > s.First && orderVerbs[v.Toks[k].Lower] {
				if a := leftMention(v, k, s); a >= 0 {
					return [][2]int{{a, b}}
				}
			}
		}
	}
	left := leftMention(v, i, s)
	start := i + n
	// "demanded that B ...", "warned that B ...": the addressee is the clause's subject.
	if (strings.HasPrefix(tr.CAMEO, "10") || strings.HasPrefix(tr.CAMEO, "02") || strings.HasPrefix(tr.CAMEO, "13")) &&
		start < s.Last && v.Toks[start].Lower == "that" {
		start++
	}
	tgt, by := rightArgs(v, start, s, strings.HasPrefix(tr.CAMEO, "045"))
	if start > i+n && tgt >= 0 && v.Mentions[tgt].First > start+2 {
		tgt = -1 // "warned that his forces would resist any attack on B": B is not warned
	}
	// "killed by insurgents" (a reduced relative) and "Financed by A, B ...": passives
	// without an auxiliary.
	byNext := i+n < s.Last && v.Toks[i+n].Lower == "by" && strings.HasSuffix(v.Toks[i].Lower, "ed")
	if byNext && left < 0 && by >= 0 {
		// A fronted participle: the subject of the main clause, after the comma.
		for j := v.Mentions[by].Last; j < s.Last; j++ {
			if v.Toks[j].Lower == "," {
				for k := j + 1; k < s.Last && k <= j+4; k++ {
					if mi := v.Toks[k].Mention; mi >= 0 && actor(v, mi) {
						// "Funded by A, B's C grew": the possessed name is the subject.
						if e := v.Mentions[mi].Last; e+1 < s.Last && possessive[v.Toks[e].Lower] && v.Toks[e+1].Mention >= 0 && actor(v, v.Toks[e+1].Mention) {
							mi = v.Toks[e+1].Mention
						}
						var agents []int
						for _, a := range coordRight(v, by, s) {
							if v.Mentions[a].Last <= j {
								agents = append(agents, a)
							}
						}
						return pairs(agents, coordRight(v, mi, s))
					}
				}
				break
			}
		}
	}
	if reducedRelative(v, i, s) && !byNext {
		return nil // "fighters trained in X": a participle modifying a noun, agent unknown
	}
	// "The report, released last year, ...": a participle set off after a noun modifies it.
	if v.HasPOS && !byNext && i-1 > s.First && v.Toks[i-1].Lower == "," && !auxBefore(v, i, s) &&
		(v.Toks[i].XPOS == "VBN" || parenthetical(v, i+n, s)) {
		return nil
	}
	if passive(v, i, s) || byNext {
		var srcs, tgts []int
		if by >= 0 {
			srcs = coordRight(v, by, s)
		}
		if left >= 0 && patientNext(v, i, s, left) {
			tgts = coordLeft(v, ofHead(v, left, s), s)
		}
		return pairs(srcs, tgts)
	}
	if left < 0 && tgt >= 0 {
		left = frontedSubject(v, i, s)
	}
	var srcs []int
	if left >= 0 {
		srcs = coordLeft(v, left, s)
	}
	if tgt < 0 && len(srcs) > 1 && (tr.Reciprocal || eachOther(v, i+n, s)) {
		return reciprocal(srcs)
	}
	var tgts []int
	if tgt >= 0 {
		tgts = coordRight(v, tgt, s)
	}
	return pairs(srcs, tgts)
}

// frontedSubject returns, for a verb inside an opening adjunct with no subject of its own
// ("To punish B, A imposed ...", "As part of its effort to isolate B, A announced ..."),
// the main clause's subject: the actor mention right after the adjunct's comma when a verb
// follows it. It returns -1 when the verb is not in such an adjunct.
func frontedSubject(v *view.View, i int, s view.Sent) int {
	comma := -1
	for j := i + 1; j < s.Last && j < i+15; j++ {
		if v.Toks[j].Mention >= 0 && comma < 0 {
			j = v.Mentions[v.Toks[j].Mention].Last - 1
			continue
		}
		if w := v.Toks[j].Lower; w == "," {
			comma = j
			break
		} else if stopRight[w] && w != "and" {
			return -1
		}
	}
	if comma < 0 {
		return -1
	}
	// no finite verb and no clause boundary between the sentence start and the trigger
	for j := s.First; j < i; j++ {
		t := &v.Toks[j]
		if t.Mention >= 0 && actor(v, t.Mention) || clauseWords[t.Lower] || v.HasPOS && t.UPOS == "AUX" || v.HasPOS && (t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP") {
			return -1
		}
	}
	k := comma + 1
	for k < s.Last && articles[v.Toks[k].Lower] {
		k++
	}
	mi := -1
	if k < s.Last {
		mi = v.Toks[k].Mention
	}
	if mi < 0 || !actor(v, mi) && !actorArg(v, mi, false) {
		return -1
	}
	e := v.Mentions[mi].Last
	if e >= s.Last || !(v.HasPOS && (v.Toks[e].UPOS == "VERB" || v.Toks[e].UPOS == "AUX")) {
		return -1
	}
	return mi
}

// linearNounArgs finds noun arguments by position, without a parse.
func linearNounArgs(v *view.View, i, n int, s view.Sent, tr *trigger) [][2]int {
	if g := between(v, i+n, s); g != nil {
		return reciprocal(g)
	}
	violent := tr.CAMEO >= "17"
	// "sanctions against A's banks": the owner is the target; "A's call for B to leave":
	// the one called on is.
	sanction := strings.HasPrefix(tr.CAMEO, "16")
	demand := strings.HasPrefix(tr.CAMEO, "10")
	src, tgt := -1, -1
	// "B was under attack by A", "B came under fire from A".
	for k := i - 1; k >= s.First && k >= i-3; k-- {
		if v.Toks[k].Lower == "under" {
			tgt = leftMention(v, k, s)
			break
		}
		if v.Toks[k].Mention >= 0 || preps[v.Toks[k].Lower] {
			break
		}
	}
	// After the noun, a chain of up to three phrases: by A (agent), against/on/of B
	// (target), to B for a non-violent event ("a visit by A to B", "the attack by A on B",
	// "pressure on B from A").
	j := i + n
	if n > 1 && preps[v.Toks[j-1].Lower] {
		j-- // "call for B": the entry ends in its preposition
	}
	for hop := 0; hop < 3 && j < s.Last; hop++ {
		p := v.Toks[j].Lower
		if !preps[p] {
			break
		}
		k := j + 1
		limit := j + 3
		for k < s.Last && k <= limit && !stopRight[v.Toks[k].Lower] {
			if mk := v.Toks[k].Mention; mk >= 0 {
				if actor(v, mk) || ((p == "by" || sanction) && actorArg(v, mk, false)) {
					break
				}
				// A refused modifier ("from Brigade-linked army units"): read on.
				k = v.Mentions[mk].Last
				limit = k + 1
				continue
			}
			if hop > 0 && (p == "by" || p == "from") && !articles[v.Toks[k].Lower] && !adjectiveSuffix(v.Toks[k].Lower) && !strings.Contains(v.Toks[k].Lower, "-") {
				k = s.Last // "by revealing that A": not an agent phrase
				break
			}
			k++
		}
		if k >= s.Last || k > limit || v.Toks[k].Mention < 0 {
			// A phrase without an actor ("by an unnamed envoy to B"): go on to the next
			// preposition close by.
			next := -1
			for q := j + 1; q < s.Last && q <= j+5 && k < s.Last; q++ {
				if stopRight[v.Toks[q].Lower] || v.Toks[q].Mention >= 0 {
					break
				}
				if preps[v.Toks[q].Lower] {
					if nounPreps[v.Toks[q].Lower] {
						next = q // "of" would attach to the nearer noun
					}
					break
				}
			}
			if next < 0 {
				break
			}
			j = next
			continue
		}
		mi := v.Toks[k].Mention
		// The agent may modify a noun: "under attack by a joint A-B offensive".
		if actor(v, mi) || ((p == "by" || sanction) && actorArg(v, mi, false)) {
			switch {
			case p == "by" || (p == "from" && tgt >= 0):
				if src < 0 {
					src = mi
				}
			case p == "of" && violent:
				if tgt < 0 {
					tgt = mi
				}
			case tgt >= 0:
			case p == "of" || p == "from":
				if src < 0 && hop == 0 {
					src = mi
				}
			case targetPrep[p] || p == "to" && !violent || p == "for" && demand:
				tgt = mi
			}
		}
		j = v.Mentions[mi].Last
	}
	// Before the noun: a possessor ("A's offensive") or a modifier ("the A offensive").
	if src < 0 {
		k := i - 1
		for k >= s.First && k >= i-3 && v.Toks[k].Mention < 0 && !possessive[v.Toks[k].Lower] &&
			!stopRight[v.Toks[k].Lower] && !preps[v.Toks[k].Lower] && !lightVerbs[v.Toks[k].Lower] &&
			!articles[v.Toks[k].Lower] {
			k--
		}
		if k >= s.First && possessive[v.Toks[k].Lower] {
			k--
		}
		if k >= s.First && v.Toks[k].Mention >= 0 && modifierActor(v, v.Toks[k].Mention, i) && !v.PrepBefore(v.Mentions[v.Toks[k].Mention].First, objectPreps) {
			src = v.Toks[k].Mention
		}
	}
	// A light verb before the noun: "A launched an offensive", "A and B signed a truce".
	if src < 0 {
		start := clauseStart(v, i, s)
		skipped := 0 // tokens of an indirect object passed ("paid B a visit")
		for k := i - 1; k >= start && k >= i-5-skipped; k-- {
			if lightVerbs[v.Toks[k].Lower] || (v.Toks[k].Lemma != "" && lightVerbs[v.Toks[k].Lemma]) ||
				(v.Toks[k].Lower == "in" && k > s.First && copulas[v.Toks[k-1].Lower]) {
				if l := leftMention(v, k, s); l >= 0 {
					src = l
				}
				// "A paid B a visit": B right after the light verb, then the noun's article.
				j := k + 1
				for j < i && v.Toks[j].Lower == "the" {
					j++
				}
				if mi := v.Toks[j].Mention; j < i && mi >= 0 && tgt < 0 && actor(v, mi) {
					if e := v.Mentions[mi].Last; e < i && (articles[v.Toks[e].Lower] || determinersOrPron[v.Toks[e].Lower]) {
						tgt = mi
					}
				}
				break
			}
			if mi := v.Toks[k].Mention; mi >= 0 {
				if skipped > 0 || !actor(v, mi) {
					break
				}
				skipped = v.Mentions[mi].Last - v.Mentions[mi].First
				k = v.Mentions[mi].First
			}
		}
	}
	var srcs []int
	if src >= 0 {
		srcs = coordLeft(v, src, s)
	}
	if tgt < 0 && tr.Reciprocal && len(srcs) > 1 {
		return reciprocal(srcs)
	}
	if src < 0 && tgt < 0 {
		return nil
	}
	var tgts []int
	if tgt >= 0 {
		tgts = coordRight(v, tgt, s)
	}
	return pairs(srcs, tgts)
}

// --- with a dependency parse

// argMention returns the mention for the argument headed by token h: the mention covering
// h, else the first actor mention among its compound, flat, appos or nmod dependents.
func argMention(v *view.View, h int) int {
	if h < 0 {
		return -1 // the head of a root: an acl without one (subjectOf)
	}
	if mi := v.Toks[h].Mention; mi >= 0 {
		if actor(v, mi) {
			return mi
		}
		return -1
	}
	for _, c := range v.Children(h) {
		switch base(v.Toks[c].Rel) {
		case "compound", "flat", "appos", "nmod", "amod":
			cs := caseOf(v, c)
			if nonTargetPreps[cs] {
				continue // "opposed the accord between A and B"
			}
			if cs == "of" && eventNoun(v, h) {
				continue // "opposed the occupation of B": B is no party to the opposing
			}
			if cs == "from" && retreatNouns[v.Toks[h].Lower] {
				continue // "refused to contemplate a withdrawal from B": a place left
			}
			if mi := v.Toks[c].Mention; mi >= 0 && actor(v, mi) {
				return mi
			}
		}
	}
	return -1
}

func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 && rel != "nsubj:pass" && rel != "obl:agent" && rel != "nmod:poss" {
		return rel[:i]
	}
	return rel
}

// caseOf returns the preposition (case dependent) of token h.
func caseOf(v *view.View, h int) string {
	for _, c := range v.Children(h) {
		if v.Toks[c].Rel == "case" {
			return v.Toks[c].Lower
		}
	}
	return ""
}

// withConj returns the argument mentions of h and of its conj dependents.
func withConj(v *view.View, h int) []int {
	var out []int
	if mi := argMention(v, h); mi >= 0 {
		out = append(out, mi)
	}
	for _, c := range v.Children(h) {
		if base(v.Toks[c].Rel) == "conj" {
			if mi := argMention(v, c); mi >= 0 {
				out = append(out, mi)
			}
		}
	}
	return out
}

// subjectOf returns the subject mentions of verb h, inherited through xcomp, conj and
// ccomp-less chains ("threatened to attack", "attacked and killed").
func subjectOf(v *view.View, h int) (srcs []int, pass bool) {
	for depth := 0; h >= 0 && depth < 4; depth++ {
		for _, c := range v.Children(h) {
			switch base(v.Toks[c].Rel) {
			case "nsubj":
				return withConj(v, c), false
			case "nsubj:pass":
				return withConj(v, c), true
			}
		}
		switch base(v.Toks[h].Rel) {
		case "xcomp", "conj":
			h = v.Toks[h].Head
		case "acl":
			// "militias backed by Norland": the modified noun is the subject (passive-like).
			return withConj(v, v.Toks[h].Head), true
		default:
			return nil, false
		}
	}
	return nil, false
}

func parseVerbArgs(v *view.View, i int, s view.Sent, tr *trigger) [][2]int {
	subj, pass := subjectOf(v, i)
	if v.Toks[i].Rel == "acl" || v.Toks[i].Rel == "acl:relcl" && subj == nil {
		pass = v.Toks[i].XPOS == "VBN"
	}
	var obj, agent, obl []int
	for _, c := range v.Children(i) {
		r := v.Toks[c].Rel
		switch {
		case r == "obj" || r == "iobj":
			if obj == nil {
				obj = withConj(v, c)
			}
		case r == "obl:agent" || (base(r) == "obl" && caseOf(v, c) == "by"):
			agent = withConj(v, c)
		case base(r) == "obl" && (targetPrep[caseOf(v, c)] || caseOf(v, c) == "between"):
			if obl == nil {
				obl = withConj(v, c)
			}
		case r == "nsubj:pass":
			pass = true
		}
	}
	if pass {
		return filter(pairs(agent, subj))
	}
	tgts := obj
	if tgts == nil {
		tgts = obl
	}
	if tgts == nil && tr.Reciprocal && len(subj) > 1 {
		return reciprocal(subj)
	}
	return filter(pairs(subj, tgts))
}

func parseNounArgs(v *view.View, i int, s view.Sent, tr *trigger) [][2]int {
	violent := tr.CAMEO >= "17"
	var srcs, tgts, betw []int
	for _, c := range v.Children(i) {
		r := v.Toks[c].Rel
		switch {
		case r == "nmod:poss" || base(r) == "compound" || base(r) == "amod":
			if mi := argMention(v, c); mi >= 0 && srcs == nil {
				srcs = []int{mi}
			}
		case base(r) == "nmod":
			switch p := caseOf(v, c); {
			case p == "by":
				srcs = withConj(v, c)
			case p == "between":
				betw = withConj(v, c)
			case p == "of" && violent, targetPrep[p]:
				if tgts == nil {
					tgts = withConj(v, c)
				}
			case p == "of" || p == "from":
				if srcs == nil {
					srcs = withConj(v, c)
				}
			}
		}
	}
	if len(betw) > 1 {
		return reciprocal(betw)
	}
	if srcs == nil {
		// Light verb: the noun is the object of a verb whose subject is the source.
		if h := v.Toks[i].Head; h >= 0 && base(v.Toks[i].Rel) == "obj" {
			srcs, _ = subjectOf(v, h)
			if tgts == nil {
				for _, c := range v.Children(h) {
					if base(v.Toks[c].Rel) == "obl" && targetPrep[caseOf(v, c)] {
						tgts = withConj(v, c)
					}
				}
			}
		}
	}
	if tgts == nil && tr.Reciprocal && len(srcs) > 1 {
		return reciprocal(srcs)
	}
	return filter(pairs(srcs, tgts))
}

// filter drops pairs with no argument at all.
func filter(ps [][2]int) [][2]int {
	var out [][2]int
	for _, p := range ps {
		if p[0] >= 0 || p[1] >= 0 {
			out = append(out, p)
		}
	}
	return out
}

// reducedRelative reports whether the -ed verb at i follows a common noun directly, as in
// "fighters trained in Norland" (untagged text only).
func reducedRelative(v *view.View, i int, s view.Sent) bool {
	if i <= s.First {
		return false
	}
	if v.HasPOS {
		return v.Toks[i].XPOS == "VBN" && v.Toks[i-1].UPOS == "NOUN" && v.Toks[i-1].Mention < 0
	}
	if !strings.HasSuffix(v.Toks[i].Lower, "ed") {
		return false
	}
	p := v.Toks[i-1]
	w := p.Lower
	if p.Mention >= 0 || w == "" || w[0] < 'a' || w[0] > 'z' || len(w) < 4 {
		return false
	}
	return strings.HasSuffix(w, "s") && !auxWords[w] && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous")
}

// datelineEnd returns the first token after the dateline of the sentence of token i
// ("VELIKA, Ostrava — ", "DARUN (Wire) — "): an upper-case opening word, then a dash
// within eight tokens. Without a dateline it returns the sentence's first token.
func datelineEnd(v *view.View, i int) int {
	si := v.Toks[i].Sent
	if si >= len(v.Sents) {
		return -1
	}
	s := v.Sents[si]
	w := v.Text[v.Toks[s.First].Start:v.Toks[s.First].End]
	if len(w) < 3 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return s.First
	}
	for j := s.First + 1; j < s.Last && j <= s.First+8; j++ {
		switch v.Toks[j].Lower {
		case "—", "--", "–":
			return j + 1
		}
	}
	return s.First
}

// unnamedAgent reports whether the verbal trigger at tokens [i, i+n) may stand without a
// named source: it is passive ("B was killed", "killed by"), or its subject is a weapon or
// an unnamed perpetrator ("a roadside bomb killed B", "gunmen seized B"; for a participle
// after a comma, the main clause's subject: "a bomb exploded, killing B").
func unnamedAgent(v *view.View, i, n int, s view.Sent) bool {
	if passive(v, i, s) || (i+n < s.Last && v.Toks[i+n].Lower == "by") {
		return true
	}
	if k := mainVerb(v, i, s); k >= 0 {
		i = k
	}
	// The subject noun phrase: up to eight words back in the clause, before any other verb
	// or actor mention ("gunmen in police uniforms killed B", "the blast on 13 May
	// destroyed B").
	for j := i - 1; j >= s.First && j >= i-8; j-- {
		t := &v.Toks[j]
		if perpetrators[t.Lower] {
			return true
		}
		if t.Mention >= 0 || clauseWords[t.Lower] || (v.HasPOS && t.UPOS == "VERB") {
			return false
		}
	}
	return false
}

// sameEvent drops an event told again: one with the source, target, CAMEO code and stated
// date (a date from the text, not the publication date) of an event coded before it in the
// document, and stated as happening or not alike ("A and B signed an accord in October ...
// the accord between A and B in October"). This is the duplicate filter of event data sets
// (PETRARCH's one-a-day filter: one event per dyad, code and day), applied within a document.
func sameEvent(evs []faultline.Event) []faultline.Event {
	type key struct {
		src, tgt, code, date string
		happened             bool
	}
	seen := map[key]bool{}
	out := evs[:0]
	for _, e := range evs {
		if e.Date != "" && (e.DateSource == "text" || e.DateSource == "context") {
			k := key{code: e.CAMEO, date: e.Date, happened: happening(e.Modality)}
			if e.Source != nil {
				k.src = strings.ToLower(e.Source.Text)
			}
			if e.Target != nil {
				k.tgt = strings.ToLower(e.Target.Text)
			}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		out = append(out, e)
	}
	return out
}

// happening reports whether modality m states an event as having happened.
func happening(m string) bool {
	return m == faultline.Asserted || m == faultline.Reported
}
