package coref

import (
	"strings"
	"sync"
	"unicode"

	"github.com/faultline/faultline/lexicon/actors"
)

// Parsing a name (actors.ParseName) and finding an organisation's core (actors.OrgCore) are
// pure functions of the text (their lexicons are embedded), and the reporting on one
// conflict names the same actors in document after document. Their results are kept for
// the whole process, up to memoCap of each, safe for concurrent use: pipelines running in
// parallel share them. Keys and values are copied when stored, so that a kept entry does not
// hold its document's text in memory.

// memoCap bounds each memo; a full memo is emptied and fills again.
const memoCap = 1 << 14

// memo maps keys to values computed once.
type memo[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

// get returns the value kept for k, or ok false.
func (c *memo[K, V]) get(k K) (v V, ok bool) {
	c.mu.RLock()
	v, ok = c.m[k]
	c.mu.RUnlock()
	return v, ok
}

// put keeps v for k.
func (c *memo[K, V]) put(k K, v V) {
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoCap {
		c.m = make(map[K]V)
	}
	c.m[k] = v
	c.mu.Unlock()
}

var (
	parsedNames typedMemo[name]
	orgCores    memo[string, orgCore]
	groupIDs    typedMemo[string] // groupID of a group with one text and type
)

// typedMemo is a memo keyed by a text and a type, a map keyed by the text (a string key is
// hashed and compared faster than a struct of two): an entry holds the values of the
// types asked for that text, and is not changed once stored (put stores a new one).
type typedMemo[V any] struct {
	m memo[string, *typed[V]]
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

// put keeps v for text and typ (copied: the entry holds no memory of the arguments).
func (c *typedMemo[V]) put(text, typ string, v V) {
	c.m.mu.Lock()
	defer c.m.mu.Unlock()
	if c.m.m == nil || len(c.m.m) >= memoCap {
		c.m.m = make(map[string]*typed[V])
	}
	old := c.m.m[text]
	e := &typed[V]{typs: []string{strings.Clone(typ)}, vals: []V{v}}
	if old != nil {
		e.typs = append(e.typs, old.typs...)
		e.vals = append(e.vals, old.vals...)
	}
	c.m.m[strings.Clone(text)] = e
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
	orgCores.put(strings.Clone(text), x)
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
