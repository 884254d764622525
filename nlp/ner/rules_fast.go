package ner

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/faultline/faultline/lexicon/actors"
	"github.com/faultline/faultline/nlp"
)

// This file gives the document rules (rules.go, actors.go) what they ask of a word in one
// lookup: a set of flags, one per word-list test the rules make (wflag). The flags are
// computed once per word type from the same lists and cached for the lexicon (a lexicon
// never changes after newLexicon), so a rule tests a bit instead of lower-casing the word
// and looking it up in a map.

// wflag is a set of tests a word passes; see wordFlags for each one's definition.
type wflag uint64

const (
	wCap          wflag = 1 << iota // isCap(w)
	wLowerFirst                     // unicode.IsLower(firstRune(w))
	wLetterFirst                    // unicode.IsLetter(firstRune(w))
	wIsLower                        // w == strings.ToLower(w)
	wLed                            // isLedCompound(w)
	wAcrUp                          // isAcronym(w) && strings.ToUpper(w) == w
	wAcr                            // isAcronym(w)
	wPartL                          // particles[lw]
	wHasPartL                       // hasParticle(lw)
	wAnyPart                        // len(w) <= 6 && particles[lw] || IndexByte(w, '-') > 0 && hasParticle(lw)
	wTitleL                         // titles[lw]
	wTitle                          // titles[w]
	wOrgHeadL                       // orgHeads[lw]
	wOrgHeadAny                     // isOrgHead(w)
	wForcesL                        // forces[lw]
	wForces                         // forces[w]
	wForces2                        // some key of forces starts with w + " "
	wGroup                          // isGroup(w)
	wGroupsL                        // groups[lw]
	wDemL                           // lw is a key of demonyms
	wDemNE                          // demonyms[lw] != ""
	wDemReal                        // demonyms[lw] != "" && demonyms[lw] != "-"
	wNonNameL                       // nonNames[lw]
	wCalL                           // calendar[lw]
	wPlaceL                         // lw is a key of places
	wPlaceKindNE                    // places[lw].Kind != ""
	wCountryL                       // places[lw].Kind == "country"
	wProvinceL                      // places[lw].Kind == "province"
	wCityL                          // places[lw].Kind == "city"
	wCountry                        // lx.country(w)
	wPlace1                         // lx.isPlace([]string{w})
	wFollowL                        // following[lw]
	wFollow                         // following[w]
	wActorNounL                     // actorNouns[lw]
	wActorNoun                      // actorNouns[w]
	wActorNoun2                     // some key of actorNouns starts with w + " "
	wActorMod                       // actorMods[w]
	wPeople                         // people[w]
	wDirNoun                        // dirNoun[w]
	wDirAdj                         // dirAdj[w]
	wGeoNoun                        // geoNouns[w]
	wOfficeMod                      // offices[w] == "mod"
	wOfficeHead                     // offices[w] == "head"
	wPlaceheadL                     // descr["placehead"][lw]
	wNameheadL                      // descr["namehead"][lw]
	wTitlemodL                      // descr["titlemod"][lw]
	wFeatureL                       // descr["feature"][lw]
	wBeforeL                        // descr["before"][lw]
	wFollowers                      // descr["followers"][w]
	wPartymod                       // descr["partymod"][w]
	wAftermod                       // descr["aftermod"][w]
	wAfter                          // descr["after"][w]
	wSpeech                         // descr["speech"][w]
	wStateagent                     // descr["stateagent"][w]
	wAfterPlace                     // afterPlace[w]
	wSpanEnder                      // spanEnders[w]
	wSectorStartL                   // actors.SectorStart(lw)
	wSectorStart                    // actors.SectorStart(w)
	wPlainCap                       // plainCap(lx, w)
	wBorderL                        // lw == "border"
	wStateL                         // lw == "state"
	wAnd                            // w == "and" || w == "&"
	wWest                           // w == "West"
)

// descriptor kinds the rules read, looked up once.
var (
	dPlacehead  = descr["placehead"]
	dNamehead   = descr["namehead"]
	dTitlemod   = descr["titlemod"]
	dFeature    = descr["feature"]
	dBefore     = descr["before"]
	dFollowers  = descr["followers"]
	dPartymod   = descr["partymod"]
	dAftermod   = descr["aftermod"]
	dAfter      = descr["after"]
	dSpeech     = descr["speech"]
	dStateagent = descr["stateagent"]
)

// ruleCache caches the flags of each word type for one lexicon. Readers look words up
// in an immutable map (words) without locking; new words wait in pending, under mu, until
// there are enough of them to make a new map worth its copy.
type ruleCache struct {
	words   atomic.Pointer[map[string]wflag]
	mu      sync.Mutex
	pending map[string]wflag
	// pairs: the first words of the two-word keys of forces and actorNouns
	forces2, actorNouns2 map[string]bool
}

// maxRuleWords bounds a cache: past it, new words are computed and not kept.
const maxRuleWords = 1 << 18

var ruleCaches sync.Map // *lexicon -> *ruleCache

func ruleCacheOf(lx *lexicon) *ruleCache {
	if c, ok := ruleCaches.Load(lx); ok {
		return c.(*ruleCache)
	}
	c := &ruleCache{forces2: prefixWords(lx.forces), actorNouns2: prefixWords(lx.actorNouns), pending: map[string]wflag{}}
	c.words.Store(&map[string]wflag{})
	v, _ := ruleCaches.LoadOrStore(lx, c)
	return v.(*ruleCache)
}

// prefixWords returns every p such that some key of m starts with p + " ".
func prefixWords(m map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				out[k[:i]] = true
			}
		}
	}
	return out
}

// fill sets d's entries of the words the map does not hold (miss[i]).
func (c *ruleCache) fill(d *rdoc, miss []bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, w := range d.words {
		if !miss[i] {
			continue
		}
		x, ok := c.pending[w]
		if !ok {
			x = wordFlags(d.lx, c, w)
			c.pending[strings.Clone(w)] = x // not a piece of the document's text
		}
		d.f[i] = x
	}
	old := *c.words.Load()
	if len(c.pending) < 256+len(old)/4 {
		return
	}
	if len(old) < maxRuleWords {
		m := make(map[string]wflag, len(old)+len(c.pending))
		for w, x := range old {
			m[w] = x
		}
		for w, x := range c.pending {
			m[w] = x
		}
		c.words.Store(&m)
	}
	clear(c.pending)
}

// wordFlags computes the flags of w (see the wflag constants).
func wordFlags(lx *lexicon, c *ruleCache, w string) wflag {
	lw := strings.ToLower(w)
	var f wflag
	set := func(b bool, x wflag) {
		if b {
			f |= x
		}
	}
	r := firstRune(w)
	set(isCap(w), wCap)
	set(unicode.IsLower(r), wLowerFirst)
	set(unicode.IsLetter(r), wLetterFirst)
	set(w == lw, wIsLower)
	set(isLedCompound(lx, w), wLed)
	acr := isAcronym(w)
	set(acr, wAcr)
	set(acr && strings.ToUpper(w) == w, wAcrUp)
	set(lx.particles[lw], wPartL)
	set(hasParticle(lw), wHasPartL)
	set(len(w) <= 6 && lx.particles[lw] || strings.IndexByte(w, '-') > 0 && hasParticle(lw), wAnyPart)
	set(lx.titles[lw], wTitleL)
	set(lx.titles[w], wTitle)
	set(lx.orgHeads[lw], wOrgHeadL)
	set(isOrgHead(lx, w), wOrgHeadAny)
	set(lx.forces[lw], wForcesL)
	set(lx.forces[w], wForces)
	set(c.forces2[w], wForces2)
	set(lx.isGroup(w), wGroup)
	set(lx.groups[lw], wGroupsL)
	dem, demOK := lx.demonyms[lw]
	set(demOK, wDemL)
	set(dem != "", wDemNE)
	set(dem != "" && dem != "-", wDemReal)
	set(lx.nonNames[lw], wNonNameL)
	set(calendar[lw], wCalL)
	p, place := lx.places.Lookup(lw)
	set(place, wPlaceL)
	set(p.Kind != "", wPlaceKindNE)
	set(p.Kind == "country", wCountryL)
	set(p.Kind == "province", wProvinceL)
	set(p.Kind == "city", wCityL)
	set(lx.country(w), wCountry)
	set(lx.isPlace([]string{w}), wPlace1)
	set(lx.following[lw], wFollowL)
	set(lx.following[w], wFollow)
	set(lx.actorNouns[lw], wActorNounL)
	set(lx.actorNouns[w], wActorNoun)
	set(c.actorNouns2[w], wActorNoun2)
	set(lx.actorMods[w], wActorMod)
	set(lx.people[w], wPeople)
	set(lx.dirNoun[w], wDirNoun)
	set(lx.dirAdj[w], wDirAdj)
	set(lx.geoNouns[w], wGeoNoun)
	set(lx.offices[w] == "mod", wOfficeMod)
	set(lx.offices[w] == "head", wOfficeHead)
	set(dPlacehead[lw], wPlaceheadL)
	set(dNamehead[lw], wNameheadL)
	set(dTitlemod[lw], wTitlemodL)
	set(dFeature[lw], wFeatureL)
	set(dBefore[lw], wBeforeL)
	set(dFollowers[w], wFollowers)
	set(dPartymod[w], wPartymod)
	set(dAftermod[w], wAftermod)
	set(dAfter[w], wAfter)
	set(dSpeech[w], wSpeech)
	set(dStateagent[w], wStateagent)
	set(afterPlace[w], wAfterPlace)
	set(spanEnders[w], wSpanEnder)
	set(actors.SectorStart(lw), wSectorStartL)
	set(actors.SectorStart(w), wSectorStart)
	set(plainCap(lx, w), wPlainCap)
	set(lw == "border", wBorderL)
	set(lw == "state", wStateL)
	set(w == "and" || w == "&", wAnd)
	set(w == "West", wWest)
	return f
}

// rdoc is a document's words for the rules, with each word's flags, and the rules' working
// buffers, which an rdoc reused for the next document keeps (Annotate's scratch: reset).
type rdoc struct {
	lx    *lexicon
	words []string
	f     []wflag // the flags of each word
	// the rules' buffers; each rule clears what it uses before using it
	spans      []span
	names      map[string]string // docRules: names of the document; actorRules: known
	personWord map[string]bool
	votes      votesBuf    // voteTypes
	count      []typeVotes // actorRules: single-word names' votes, indexed by countOf
	countOf    map[string]int32
}

// newRdoc returns the rdoc of words, their flags looked up in the lexicon's cache.
func newRdoc(lx *lexicon, words []string) *rdoc {
	d := new(rdoc)
	d.reset(lx, words, nil)
	return d
}

// reset makes d the rdoc of words, reusing its buffers. ents[i] is the tagger's cache
// entry of words[i] (nil if none; ents is nil for none at all): a word's flags are taken
// from its entry when an earlier document set them there, else from the lexicon's cache,
// and then kept in the entry.
func (d *rdoc) reset(lx *lexicon, words []string, ents []*wordEntry) {
	c := ruleCacheOf(lx)
	d.lx, d.words = lx, words
	d.f = grow(d.f, len(words)) // every word's flags are set below
	var m map[string]wflag
	var miss []bool
	for i, w := range words {
		if ents != nil && ents[i] != nil && ents[i].rfOK {
			d.f[i] = ents[i].rf
			continue
		}
		if m == nil {
			m = *c.words.Load()
		}
		x, ok := m[w]
		if !ok {
			if miss == nil {
				miss = make([]bool, len(words))
			}
			miss[i] = true
			continue
		}
		d.f[i] = x
	}
	if miss != nil {
		c.fill(d, miss)
	}
	for i, e := range ents {
		if e != nil && !e.rfOK {
			e.rf, e.rfOK = d.f[i], true
		}
	}
}

// release drops what d holds of the document (words and names), and all its buffers when
// they grew past maxDocBuf words (the scratch's bound).
func (d *rdoc) release() {
	d.words = nil
	clear(d.names)
	clear(d.personWord)
	clear(d.countOf)
	clear(d.count)
	d.count = d.count[:0]
	d.votes.release()
	if cap(d.f) > maxDocBuf {
		*d = rdoc{}
	}
}

// strMap returns m cleared, or a new map when m is nil.
func strMap[V any](m map[string]V, n int) map[string]V {
	if m == nil {
		return make(map[string]V, n)
	}
	clear(m)
	return m
}

// union returns the flags any word of sentence s has (the rules skip a sentence without
// the words they look for).
func (d *rdoc) union(s nlp.Sentence) wflag {
	var u wflag
	for _, f := range d.f[s.First:s.Last] {
		u |= f
	}
	return u
}

// is reports whether word i has any of the flags f.
func (d *rdoc) is(i int, f wflag) bool { return d.f[i]&f != 0 }

// lw returns word i in lower case.
func (d *rdoc) lw(i int) string { return strings.ToLower(d.words[i]) }

// strip is stripParticle(words[i]).
func (d *rdoc) strip(i int) string {
	w := d.words[i]
	if d.is(i, wHasPartL) {
		return w[strings.IndexByte(w, '-')+1:]
	}
	return w
}

// appendSpans appends the spans of tags to buf, as spans(tags) returns them.
func appendSpans(buf []span, tags []string) []span {
	for i := 0; i < len(tags); {
		t := tags[i]
		if len(t) < 3 /* "O" too */ {
			i++
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && isTag(tags[j], 'I', typ) {
			j++
		}
		buf = append(buf, span{i, j, typ})
		i = j
	}
	return buf
}

// bTag and iTag return "B-"+typ and "I-"+typ, without building the strings of the usual types.
func bTag(typ string) string {
	switch typ {
	case "ORG":
		return "B-ORG"
	case "PERSON":
		return "B-PERSON"
	case "GPE":
		return "B-GPE"
	case "LOC":
		return "B-LOC"
	case "NORP":
		return "B-NORP"
	}
	return "B-" + typ
}

func iTag(typ string) string {
	switch typ {
	case "ORG":
		return "I-ORG"
	case "PERSON":
		return "I-PERSON"
	case "GPE":
		return "I-GPE"
	case "LOC":
		return "I-LOC"
	case "NORP":
		return "I-NORP"
	}
	return "I-" + typ
}

// setTags is setSpan with bTag and iTag.
func setTags(tags []string, first, last int, typ string) {
	for i := first; i < last; i++ {
		if i == first {
			tags[i] = bTag(typ)
		} else {
			tags[i] = iTag(typ)
		}
	}
}

// appendJoin appends words joined by spaces to b.
func appendJoin(b []byte, words []string) []byte {
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return b
}

// sectors memoises actors.Sector's ok for the names sectorSpans asks about, up to
// maxSectorNames of them (past it, new names are looked up and not kept). Pipelines share
// it: readers take the read lock, a new name the write lock. (It was a copy-on-write map,
// which copied the whole memo for every new name: quadratic in the names of a corpus,
// 5% of the CPU of extracting 4 MiB of news text.)
var sectors struct {
	mu sync.RWMutex
	m  map[string]bool
}

// maxSectorNames bounds the memo: about 1.5 MB at 16,384 names of some 40 bytes (GMB news
// text asks about more than 4,096 distinct names, past which each new one costs
// actors.Sector's allocations again).
const maxSectorNames = 1 << 14

// isSector reports whether words joined by spaces are a sector name (actors.Sector).
func isSector(words []string) bool {
	var a [64]byte
	b := appendJoin(a[:0], words)
	sectors.mu.RLock()
	ok, found := sectors.m[string(b)]
	sectors.mu.RUnlock()
	if found {
		return ok
	}
	name := string(b)
	_, _, ok = actors.Sector(name)
	sectors.mu.Lock()
	if sectors.m == nil {
		sectors.m = map[string]bool{}
	}
	if len(sectors.m) < maxSectorNames {
		sectors.m[name] = ok
	}
	sectors.mu.Unlock()
	return ok
}
