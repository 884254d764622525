package ner

import (
	"iter"
	"maps"
	"strings"
	"unicode/utf8"

	"github.com/faultline/faultline/lexicon/gazetteer"
	"github.com/faultline/faultline/lexicon/nameheads"
)

// lexicon holds the word lists of lexicon/gazetteer in the shapes the tagger reads.
type lexicon struct {
	places    *gazetteer.PlaceTable
	actors    map[string]string
	demonyms  map[string]string
	groups    map[string]bool
	titles    map[string]bool
	orgHeads  map[string]bool
	particles map[string]bool
	forces    map[string]bool
	variants  map[string]string
	nonNames  map[string]bool
	// actor-mode word lists (Recognizer.Descriptive): nouns that are actors on their own,
	// their modifiers, group-of-people nouns, leader-following nouns, compass words
	actorNouns map[string]bool
	actorMods  map[string]bool
	people     map[string]bool
	following  map[string]bool
	dirNoun    map[string]bool
	dirAdj     map[string]bool
	geoNouns   map[string]bool
	offices    map[string]string // one-person offices: "head" or "mod" (actor mode)
	// caps maps lower-case words to their capitalisation bucket (capBucket), learnt from
	// unlabelled text at training time and stored with the model.
	caps map[string]byte
	// clusters maps words (clusterKey) to their coarse and fine word classes
	// (learnClusters), stored with the model; nil for models without them.
	clusters map[string]uint32
	// heads gives the kind of name a word ends (headPlace, headOrg, headPerson;
	// lexicon/nameheads and the organisation heads), keyed by fnv of the lower-case word
	heads map[uint64]byte
	// info gathers, per lower-case word, its flags, capitalisation bucket and the length
	// of the longest gazetteer name it starts, for one lookup per token (index).
	info map[string]wordInfo
	// maxLen[w] is the most tokens of a multi-word place or actor name starting with w.
	maxLen map[string]int
	// multi holds each multi-word name of places, actors and demonyms and each proper
	// prefix of two or more words of such a name, with its kind (kindOf, low 7 bits) and
	// multiPrefix for a prefix: matchTok's one lookup per name length. Built once per
	// lexicon; its size is bounded by the word lists (26,194 keys on 2026-12-06, an
	// estimated 1-2 MB; the names share their bytes with the lists' keys).
	multi map[string]uint8
}

// multiPrefix marks a key of lexicon.multi that is a proper prefix of a longer name.
const multiPrefix = 0x80

func newLexicon() *lexicon {
	lx := &lexicon{
		places:     gazetteer.PlaceIndex(),
		actors:     gazetteer.Actors(),
		demonyms:   gazetteer.Demonyms(),
		groups:     gazetteer.Groups(),
		titles:     gazetteer.Titles(),
		orgHeads:   gazetteer.OrgHeads(),
		particles:  gazetteer.Particles(),
		forces:     gazetteer.Forces(),
		variants:   gazetteer.Variants(),
		nonNames:   gazetteer.NonNames(),
		actorNouns: gazetteer.ActorNouns(),
		actorMods:  gazetteer.ActorMods(),
		people:     gazetteer.People(),
		following:  gazetteer.Following(),
		dirNoun:    map[string]bool{},
		dirAdj:     map[string]bool{},
		geoNouns:   gazetteer.GeoNouns(),
		offices:    gazetteer.Offices(),
		maxLen:     map[string]int{},
	}
	prefix := map[string]bool{}
	lx.heads = map[uint64]byte{}
	for w := range lx.orgHeads {
		lx.heads[fnv(w)] = headOrg
	}
	for w, k := range nameheads.Kinds() {
		switch k {
		case "place":
			lx.heads[fnv(w)] = headPlace
		case "org":
			lx.heads[fnv(w)] = headOrg
		case "person":
			lx.heads[fnv(w)] = headPerson
		}
	}
	for n, a := range gazetteer.Directions() {
		lx.dirNoun[n] = true
		lx.dirAdj[a] = true
	}
	note := func(name string) {
		f := strings.Fields(name)
		if len(f) > 0 && len(f) > lx.maxLen[f[0]] {
			lx.maxLen[f[0]] = len(f)
		}
		for k := 2; k < len(f); k++ {
			prefix[strings.Join(f[:k], " ")] = true
		}
	}
	for k := range lx.places.All() {
		note(k)
	}
	for k := range lx.actors {
		note(k)
	}
	for k := range lx.demonyms {
		note(k)
	}
	lx.multi = map[string]uint8{}
	for _, m := range []map[string]bool{prefix, keysWithSpace(lx.places.All()), keysWithSpace(maps.All(lx.actors)), keysWithSpace(maps.All(lx.demonyms))} {
		for k := range m {
			v := uint8(lx.kindOf(k))
			if prefix[k] {
				v |= multiPrefix
			}
			lx.multi[k] = v
		}
	}
	lx.index()
	return lx
}

// appendKey appends the lookup form of words to b: lower-case, curly apostrophes
// straightened, joined by single spaces, with a leading "the" dropped (an ASCII word is
// lower-cased byte by byte, any other with strings.ToLower).
func appendKey(b []byte, words []string) []byte {
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		ascii := true
		for j := 0; j < len(w); j++ {
			ascii = ascii && w[j] < utf8.RuneSelf
		}
		if !ascii {
			b = append(b, strings.ToLower(strings.ReplaceAll(w, "’", "'"))...)
			continue
		}
		for j := 0; j < len(w); j++ {
			c := w[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return b
}

// isPlace reports whether words name a country, province or city of the gazetteer.
func (lx *lexicon) isPlace(words []string) bool {
	var a [128]byte
	_, ok := lx.places.LookupBytes(appendKey(a[:0], words))
	return ok
}

// isActor reports whether words name an organisation of the actor list.
func (lx *lexicon) isActor(words []string) bool {
	var a [128]byte
	_, ok := lx.actors[string(appendKey(a[:0], words))]
	return ok
}

// isGroup reports whether w is a demonym or a religious, ethnic or political group word.
func (lx *lexicon) isGroup(w string) bool {
	k := strings.ToLower(w)
	if strings.Contains(k, "’") {
		k = strings.ReplaceAll(k, "’", "'")
	}
	if lx.groups[k] {
		return true
	}
	_, ok := lx.demonyms[k]
	return ok
}

// kinds of name a head word ends (lexicon.heads)
const (
	headPlace = iota + 1
	headOrg
	headPerson
)

// gazetteer kinds, as features.
const (
	gzNone = iota
	gzCountry
	gzProvince
	gzCity
	gzActor
	gzDemonym
	gzBigCity // a city of 100,000 people or more (gazetteer.Place.Big)
)

// matchTok finds the longest gazetteer name starting at toks[i] among capitalised words and
// returns its length in tokens (0 if none) and its kind. It does not allocate: it skips
// words that start no name (token.gzMax), takes a one-word name's kind from the token
// (token.gz1) and looks the lower-case forms of longer names up directly, up to a word
// that ends no longer name (token.inName).
func (lx *lexicon) matchTok(toks []token, i int) (int, int) {
	if toks[i].flags&fCap == 0 {
		return 0, gzNone
	}
	n := int(toks[i].gzMax)
	if n == 0 {
		return 0, gzNone
	}
	if i+n > len(toks) {
		n = len(toks) - i
	}
	ends := [8]int{}
	if n > len(ends) {
		n = len(ends)
	}
	// the word alone: its kind is cached in the token
	best, kind := 0, gzNone
	if c := int(toks[i].gz1); c != gzNone {
		best, kind = 1, c
	}
	if n == 1 {
		return best, kind
	}
	var arr [128]byte
	b := arr[:0]
	for l := 0; l < n; l++ {
		if l > 0 {
			b = append(b, ' ')
		}
		b = append(b, toks[i+l].lower...)
		ends[l] = len(b)
	}
	// grow the name while it is a prefix of a longer one, remembering the longest match
	for l := 2; l <= n; l++ {
		if !toks[i+l-1].inName {
			break // no key of lx.multi ends in this word: v would be 0
		}
		v := lx.multi[string(b[:ends[l-1]])] // kindOf and prefix of a key with a space
		if c := int(v &^ multiPrefix); c != gzNone {
			best, kind = l, c
		}
		if v&multiPrefix == 0 {
			break
		}
	}
	return best, kind
}

// kindOf returns the gazetteer kind of a lower-case name, or gzNone.
func (lx *lexicon) kindOf(k string) int {
	if p, ok := lx.places.Lookup(k); ok {
		switch p.Kind {
		case "country":
			return gzCountry
		case "province":
			return gzProvince
		default:
			if _, ok := lx.actors[k]; ok {
				return gzActor
			}
			if p.Big {
				return gzBigCity
			}
			return gzCity
		}
	}
	if _, ok := lx.actors[k]; ok {
		return gzActor
	}
	if _, ok := lx.demonyms[k]; ok {
		return gzDemonym
	}
	return gzNone
}

// wordInfo is what the lexicon knows about one lower-case word.
type wordInfo struct {
	flags  uint16 // fTitle, fOrgHead, fParticle, fGroup, fForce
	capb   byte
	maxLen uint8
	// later: the word is a later word (after a space) of a key of lexicon.multi
	later bool
}

// inName reports whether a lower-case word (wi its lexicon.info) may be the last word of a
// key of lx.multi, i.e. of a multi-word name of several tokens whose last token it is: a
// later word of a key, or a word with a space (which may end the key in its last part).
func (lx *lexicon) inName(lower string, wi wordInfo) bool {
	return wi.later || strings.IndexByte(lower, ' ') >= 0
}

// index builds lx.info; call it after setting lx.caps.
func (lx *lexicon) index() {
	info := make(map[string]wordInfo, len(lx.caps)+len(lx.maxLen))
	set := func(w string, f func(*wordInfo)) {
		wi := info[w]
		f(&wi)
		info[w] = wi
	}
	for w, b := range lx.caps {
		set(w, func(wi *wordInfo) { wi.capb = b })
	}
	for w, n := range lx.maxLen {
		if n > 255 {
			n = 255
		}
		set(w, func(wi *wordInfo) { wi.maxLen = uint8(n) })
	}
	for _, l := range []struct {
		m    map[string]bool
		flag uint16
	}{{lx.titles, fTitle}, {lx.orgHeads, fOrgHead}, {lx.particles, fParticle}, {lx.groups, fGroup}, {lx.forces, fForce}} {
		for w := range l.m {
			set(w, func(wi *wordInfo) { wi.flags |= l.flag })
		}
	}
	for w := range lx.demonyms {
		set(w, func(wi *wordInfo) { wi.flags |= fGroup })
	}
	for k := range lx.multi {
		for _, w := range strings.Split(k, " ")[1:] {
			set(w, func(wi *wordInfo) { wi.later = true })
		}
	}
	lx.info = info
}

// keysWithSpace returns the keys of kv that hold a space.
func keysWithSpace[V any](kv iter.Seq2[string, V]) map[string]bool {
	out := map[string]bool{}
	for k := range kv {
		if strings.IndexByte(k, ' ') >= 0 {
			out[k] = true
		}
	}
	return out
}
