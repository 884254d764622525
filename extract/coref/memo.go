package coref

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/faultline/faultline/lexicon/actors"
)

// Parsing a name (actors.ParseName), finding an organisation's core (actors.OrgCore) and
// the id of a group of mentions of one text (groupID) are pure functions of the text (their
// lexicons are embedded), and the reporting on one conflict names the same actors in
// document after document. Their results are kept for the whole process, safe for
// concurrent use: pipelines running in parallel share them. Keys and values are copied when
// stored, so that a kept entry does not hold its document's text in memory. Every lookup
// takes its memo's read lock (~180 a document): two goroutines doing nothing but lookups pay
// 45-65 ns more a lookup on two cores, but the coref stage alone on two cores, its lookups
// spread among its other work, took 3.9% more CPU than on one, a build without the lock 3.5%
// (measured): a front cache per pipeline would not pay for itself.
//
// Memory: a memo keeps at most memoCap texts, none longer than memoKeyMax bytes (a longer
// one is computed each time it is asked), in a typedMemo each with at most memoTypes types
// of at most memoKeyMax bytes; what is kept for a text and type is derived from the text.
// The three memos full take 22 MB of heap for names of four words under two types each, and
// about 90 MB at most, for texts of memoKeyMax bytes of one-letter words under memoTypes
// types (measured). Names are short: at most 50 bytes in the seeds, the demo and the bench
// corpus.

const (
	memoCap    = 1 << 14 // texts in a memo; a full memo is emptied and fills again
	memoKeyMax = 64      // bytes of a text or type a memo keeps
	memoTypes  = 4       // types kept for a text (a fifth replaces them)
)

// memo maps texts to values computed once.
type memo[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

// get returns the value kept for k, or ok false.
func (c *memo[V]) get(k string) (v V, ok bool) {
	if len(k) > memoKeyMax {
		return v, false
	}
	c.mu.RLock()
	v, ok = c.m[k]
	c.mu.RUnlock()
	return v, ok
}

// put keeps f(the value kept for k, whether one is) for k (a copy of k), unless k is
// longer than memoKeyMax.
func (c *memo[V]) put(k string, f func(old V, ok bool) V) {
	if len(k) > memoKeyMax {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	old, ok := c.m[k]
	if c.m == nil || !ok && len(c.m) >= memoCap {
		c.m = make(map[string]V)
	}
	c.m[strings.Clone(k)] = f(old, ok)
}

var (
	parsedNames typedMemo[name]
	orgCores    memo[orgCore]
	groupIDs    typedMemo[string] // groupID of a group with one text and type
)

// typedMemo is a memo keyed by a text and a type, a map keyed by the text (a string key is
// hashed and compared faster than a struct of two): an entry holds the values of the
// types asked for that text, and is not changed once stored (put stores a new one).
type typedMemo[V any] struct {
	m memo[*typed[V]]
}

// typed is the entry of a text in a typedMemo: vals[i] is the value of type typs[i].
type typed[V any] struct {
	typs []string
	vals []V
}

// get returns the value kept for text and typ, or ok false.
func (c *typedMemo[V]) get(text, typ string) (v V, ok bool) {
	if e, found := c.m.get(text); found {
		for i, t := range e.typs {
			if t == typ {
				return e.vals[i], true
			}
		}
	}
	return v, false
}

// put keeps v for text and typ (copied: the entry holds no memory of the arguments), with
// the other types kept for text, up to memoTypes.
func (c *typedMemo[V]) put(text, typ string, v V) {
	if len(typ) > memoKeyMax {
		return
	}
	c.m.put(text, func(old *typed[V], _ bool) *typed[V] {
		if old != nil && slices.Contains(old.typs, typ) {
			return old // kept by another pipeline meanwhile
		}
		e := &typed[V]{typs: []string{strings.Clone(typ)}, vals: []V{v}}
		if old != nil && len(old.typs) < memoTypes {
			e.typs = append(e.typs, old.typs...)
			e.vals = append(e.vals, old.vals...)
		}
		return e
	})
}

// orgCore is what actors.OrgCore returns.
type orgCore struct {
	core    string
	generic []string
}

// name is a parsed name (actors.Name) with its key, joined once.
type name struct {
	actors.Name
	key string // Name.Key()
}

// Key returns actors.Name.Key of the name.
func (n name) Key() string { return n.key }

// parseName returns actors.ParseName(text, typ), computed once per process. The Name's
// slices are shared: callers must not change them.
func parseName(text, typ string) name {
	if n, ok := parsedNames.get(text, typ); ok {
		return n
	}
	p := actors.ParseName(text, typ)
	n := name{Name: actors.Name{Titles: cloneAll(p.Titles), Words: cloneAll(p.Words), Raw: cloneAll(p.Raw)}}
	n.key = strings.Clone(n.Name.Key())
	parsedNames.put(text, typ, n)
	return n
}

// nameKeyOf returns actors.Key(text, typ).
func nameKeyOf(text, typ string) string { return parseName(text, typ).key }

// orgCoreOf returns actors.OrgCore(text), computed once per process. The generic slice is
// shared: callers must not change it.
func orgCoreOf(text string) (string, []string) {
	if c, ok := orgCores.get(text); ok {
		return c.core, c.generic
	}
	c, g := actors.OrgCore(text)
	x := orgCore{strings.Clone(c), cloneAll(g)}
	orgCores.put(text, func(orgCore, bool) orgCore { return x })
	return x.core, x.generic
}

// cloneAll returns a copy of ss whose strings share no memory with ss's (nil for none).
func cloneAll(ss []string) []string {
	if len(ss) == 0 {
		return ss
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Clone(s)
	}
	return out
}

// acronym returns actors.Acronym(name): "" at once for a name with a rune other than an
// upper-case letter, a digit or "." inside its trimmed text (white space included: then it
// has more than one field), as actors.Acronym decides without its allocations.
func acronym(name string) string {
	for _, r := range strings.TrimSpace(name) {
		if r != '.' && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return ""
		}
	}
	return actors.Acronym(name)
}
