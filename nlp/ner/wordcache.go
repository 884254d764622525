package ner

import (
	"unsafe"

	"github.com/faultline/faultline/internal/wordtable"
)

// wordCache is tag's cache of word forms (scratch.words): each form's entry, cut with the
// strings it holds from larger blocks, so that a new word costs a fraction of an allocation
// instead of five (the entry, the form, its lower case, its shape, a cluster key). Forms are
// found in a wordtable.Table, one memory line a lookup where a map[string] reads its
// control word, its slot and the key's bytes elsewhere in the heap. The table and the
// strings' blocks hold no pointers, which the collector need not scan.
type wordCache struct {
	table  *wordtable.Table // form -> entry number
	blocks [][]wordEntry    // entry i is blocks[i/cacheBlockEnts][i%cacheBlockEnts]
	bytes  []byte           // room for strings still to come
}

// cache blocks: entries and bytes allocated at once
const (
	cacheBlockEnts  = 128
	cacheBlockBytes = 4096
)

// newWordCache returns an empty cache with room for n words before its table grows.
func newWordCache(n int) *wordCache {
	return &wordCache{table: wordtable.New(n)}
}

// entry returns entry number i.
func (c *wordCache) entry(i int32) *wordEntry {
	return &c.blocks[i/cacheBlockEnts][i%cacheBlockEnts]
}

// form returns the form of entry number i (for the table).
func (c *wordCache) form(i int32) string { return c.entry(i).form }

// get returns the entry of w, nil if none.
func (c *wordCache) get(w string) *wordEntry {
	if i, _, _ := c.table.Find(w, c.form); i >= 0 {
		return c.entry(i)
	}
	return nil
}

// add returns a new zero entry for w, which must be absent and should be a string of the
// cache's blocks (cacheStr).
func (c *wordCache) add(w string) *wordEntry {
	i := int32(c.table.Len())
	if i%cacheBlockEnts == 0 {
		c.blocks = append(c.blocks, make([]wordEntry, cacheBlockEnts))
	}
	e := c.entry(i)
	e.form = w
	c.table.Put(w, i, c.form)
	return e
}

// len returns the number of words in the cache.
func (c *wordCache) len() int { return c.table.Len() }

// cacheStr returns a copy of b in c's blocks (a copy, not a piece of the document's
// text, which the cache would keep alive).
func cacheStr[T ~string | ~[]byte](c *wordCache, b T) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > cacheBlockBytes/8 {
		return string(b)
	}
	if len(c.bytes) < len(b) {
		c.bytes = make([]byte, cacheBlockBytes)
	}
	n := copy(c.bytes, b)
	s := unsafe.String(&c.bytes[0], n)
	c.bytes = c.bytes[n:]
	return s
}
