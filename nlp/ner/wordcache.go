package ner

import (
	"hash/maphash"
	"unsafe"
)

// wordCache is tag's cache of word forms (scratch.words): each form's entry, cut with the
// strings it holds from larger blocks, so that a new word costs a fraction of an allocation
// instead of five (the entry, the form, its lower case, its shape, a cluster key). Forms are
// found in an open-addressing table whose slots hold a form of up to inlineLen bytes
// itself, with a hash fingerprint: one memory line a lookup, where a map[string] reads
// its control word, its slot and the key's bytes elsewhere in the heap. The table and the
// strings' blocks hold no pointers, which the collector need not scan.
type wordCache struct {
	slots  []cacheSlot
	mask   uint64
	seed   maphash.Seed
	blocks [][]wordEntry // entry i is blocks[i/cacheBlockEnts][i%cacheBlockEnts]
	n      int           // entries
	bytes  []byte        // room for strings still to come
}

// cacheSlot is a slot of wordCache's table: tag is 0 when empty, else the form's hash's
// high bits and its length (slotTag); a form longer than inlineLen is compared with its
// entry's copy (wordEntry.form).
type cacheSlot struct {
	tag uint32
	ent int32 // entry number
	key [inlineLen]byte
}

// inlineLen is the longest form a slot holds itself.
const inlineLen = 24

// cache blocks: entries and bytes allocated at once
const (
	cacheBlockEnts  = 128
	cacheBlockBytes = 4096
)

// newWordCache returns an empty cache with room for n words before its table grows.
func newWordCache(n int) *wordCache {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &wordCache{slots: make([]cacheSlot, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
}

// slotTag is the tag of a form of hash h and length n: never 0.
func slotTag(h uint64, n int) uint32 {
	return uint32(h>>32)&^0x3f | uint32(min(n, inlineLen+1)) | 0x20
}

// entry returns entry number i.
func (c *wordCache) entry(i int32) *wordEntry {
	return &c.blocks[i/cacheBlockEnts][i%cacheBlockEnts]
}

// find returns the slot of w: the one holding it (ok), or the empty one where it goes.
func (c *wordCache) find(w string) (pos uint64, ok bool) {
	h := maphash.String(c.seed, w)
	tag := slotTag(h, len(w))
	var key [inlineLen]byte
	short := len(w) <= inlineLen
	if short {
		copy(key[:], w)
	}
	for pos = h & c.mask; ; pos = (pos + 1) & c.mask {
		s := &c.slots[pos]
		if s.tag == 0 {
			return pos, false
		}
		if s.tag == tag && (short && s.key == key || !short && c.entry(s.ent).form == w) {
			return pos, true
		}
	}
}

// get returns the entry of w, nil if none.
func (c *wordCache) get(w string) *wordEntry {
	if pos, ok := c.find(w); ok {
		return c.entry(c.slots[pos].ent)
	}
	return nil
}

// add returns a new zero entry for w, which must be absent and should be a string of the
// cache's blocks (cacheStr).
func (c *wordCache) add(w string) *wordEntry {
	if c.n%cacheBlockEnts == 0 {
		c.blocks = append(c.blocks, make([]wordEntry, cacheBlockEnts))
	}
	i := int32(c.n)
	c.n++
	e := c.entry(i)
	e.form = w
	c.put(w, i)
	if 2*c.n > len(c.slots) {
		c.slots = make([]cacheSlot, 2*len(c.slots))
		c.mask = uint64(len(c.slots) - 1)
		for j := range int32(c.n) {
			c.put(c.entry(j).form, j)
		}
	}
	return e
}

// put puts w, absent from the table, with entry number i.
func (c *wordCache) put(w string, i int32) {
	pos, _ := c.find(w)
	s := &c.slots[pos]
	s.tag, s.ent = slotTag(maphash.String(c.seed, w), len(w)), i
	s.key = [inlineLen]byte{}
	copy(s.key[:], w)
}

// len returns the number of words in the cache.
func (c *wordCache) len() int { return c.n }

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
