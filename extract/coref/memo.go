package coref

import (
	"strings"
	"sync"
	"unicode"

	"github.com/faultline/faultline/lexicon/actors"
)

// Parsing a name (actors.ParseName), finding an organisation's core (actors.OrgCore) and
// the id of a group of mentions of one text (groupID, kept with the parsed name) are pure
// functions of the text (their lexicons are embedded), and the reporting on one conflict
// names the same actors in document after document. Their results are kept for the whole
// process, safe for concurrent use: pipelines running in parallel share them. Keys and
// values are copied when stored, so that a kept entry does not hold its document's text in
// memory. Every lookup takes its memo's read lock (~180 a document): two goroutines doing
// nothing but lookups pay 45-65 ns more a lookup on two cores, but the coref stage alone on
// two cores, its lookups spread among its other work, took 3.9% more CPU than on one, a
// build without the lock 3.5% (measured): a front cache per pipeline would not pay for
// itself.
//
// Memory: a memo keeps at most memoCap texts and a typedMemo at most typedCap texts and
// types, none longer than memoKeyMax bytes (a longer one is computed each time it is
// asked); what is kept for a text and type is derived from the text. The two memos full
// take 23 MB of heap for names of four words under two types each, and about 57 MB at most,
// for texts of memoKeyMax bytes of one-letter words under types of memoKeyMax bytes
// (measured). Names are short: at most 50 bytes in the seeds, the demo and the bench corpus.

const (
	memoCap    = 1 << 14 // texts in a memo; a full memo is emptied and fills again
	memoKeyMax = 64      // bytes of a text or type a memo keeps
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
	parsedNames typedMemo[name] // with the groupID of a group of the name's text and type alone
	orgCores    memo[orgCore]
)

// typedMemo is a memo keyed by a text and a type: one map keyed by both joined (the type's
// length, the type, the text), built in a buffer on the stack for a lookup, with the values
// held in the map's slots. A lookup then reads the map's group, its slot and the key's
// bytes; a map of texts to a list of types and values read three more places in memory,
// each a cache miss in a memo of thousands of names (~500 ns a lookup on GMB news text,
// measured).
type typedMemo[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

// typedCap is the number of texts and types a typedMemo keeps (a full memo is emptied and
// fills again): memoCap texts under two types each.
const typedCap = 2 * memoCap

// typedKey appends the key of text and typ to b (typ is at most memoKeyMax bytes).
func typedKey(b []byte, text, typ string) []byte {
	return append(append(append(b, byte(len(typ))), typ...), text...)
}

// get returns the value kept for text and typ, or ok false.
func (c *typedMemo[V]) get(text, typ string) (v V, ok bool) {
	if len(text) > memoKeyMax || len(typ) > memoKeyMax {
		return v, false
	}
	var buf [2*memoKeyMax + 1]byte
	k := typedKey(buf[:0], text, typ)
	c.mu.RLock()
	v, ok = c.m[string(k)] // (no allocation: the compiler converts for the lookup only)
	c.mu.RUnlock()
	return v, ok
}

// put keeps v for text and typ (the key is a new string: the entry holds no memory of the
// arguments; v must hold none either), unless either is longer than memoKeyMax.
func (c *typedMemo[V]) put(text, typ string, v V) {
	if len(text) > memoKeyMax || len(typ) > memoKeyMax {
		return
	}
	k := string(typedKey(make([]byte, 0, 1+len(typ)+len(text)), text, typ))
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok {
		return // kept by another pipeline meanwhile
	}
	if c.m == nil || len(c.m) >= typedCap {
		c.m = make(map[string]V)
	}
	c.m[k] = v
}

// update calls f on the value kept for text and typ, if one is.
func (c *typedMemo[V]) update(text, typ string, f func(v *V)) {
	if len(text) > memoKeyMax || len(typ) > memoKeyMax {
		return
	}
	var buf [2*memoKeyMax + 1]byte
	k := typedKey(buf[:0], text, typ)
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[string(k)]; ok {
		f(&v)
		c.m[string(k)] = v
	}
}

// orgCore is what actors.OrgCore returns.
type orgCore struct {
	core    string
	generic []string
}

// name is a parsed name (actors.Name) with its key, joined once, the type it was parsed
// for, and the id of a group of mentions of its text and type alone (groupID), "" until one
// was asked.
type name struct {
	actors.Name
	key string // Name.Key()
	typ string
	id  string
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
	n.key, n.typ = strings.Clone(n.Name.Key()), strings.Clone(typ)
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
