// Package wordtable maps word forms to small numbers, as a map[string]int32 would, with
// fewer memory reads: an entry holds a fingerprint of the form's hash and length and, for a
// form of at most inlineLen bytes (nearly every word), the form's bytes, so that a lookup
// usually reads one cache line (a Go map reads its control word, the slot in another line
// and the key's bytes elsewhere in the heap). The table holds no pointers: the garbage
// collector does not scan it. A longer form is compared with the caller's copy of it,
// which the caller gives by number (the form argument of Find, Insert and Put).
package wordtable

import "hash/maphash"

// Table is the table: open addressing, linear probing, at most half full; there is no
// deletion, only Clear.
type Table struct {
	ents []ent
	mask uint64
	n    int
	seed maphash.Seed
}

// inlineLen is the longest form an entry holds itself.
const inlineLen = 24

// ent is an entry of a Table: tag is 0 when empty, else the hash's high bits and the
// form's length (see entTag); forms longer than inlineLen are compared with form(v).
type ent struct {
	tag uint32
	v   int32
	key [inlineLen]byte
}

// New returns an empty table with room for capacity forms before it grows.
func New(capacity int) *Table {
	size := 16
	for size < 2*capacity {
		size <<= 1
	}
	return &Table{ents: make([]ent, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
}

// entTag is the tag of a form of hash h and length n: never 0.
func entTag(h uint64, n int) uint32 {
	return uint32(h>>32)&^0x3f | uint32(min(n, inlineLen+1)) | 0x20
}

// Find returns the number of w (form gives the form of a number), or -1 with the position
// and tag at which Insert puts it.
func (t *Table) Find(w string, form func(v int32) string) (v int32, pos uint64, tag uint32) {
	h := maphash.String(t.seed, w)
	tag = entTag(h, len(w))
	var key [inlineLen]byte
	short := len(w) <= inlineLen
	if short {
		copy(key[:], w)
	}
	for pos = h & t.mask; ; pos = (pos + 1) & t.mask {
		e := &t.ents[pos]
		if e.tag == 0 {
			return -1, pos, tag
		}
		if e.tag == tag && (short && e.key == key || !short && form(e.v) == w) {
			return e.v, pos, tag
		}
	}
}

// Insert puts w (absent, and already form(v)) with number v at pos, as Find returned
// them; it may grow the table, rehashing the forms of its numbers.
func (t *Table) Insert(w string, v int32, pos uint64, tag uint32, form func(v int32) string) {
	e := &t.ents[pos]
	e.tag, e.v = tag, v
	if len(w) <= inlineLen {
		copy(e.key[:], w) // an empty entry is all zero (make, Clear; no deletion)
	}
	t.n++
	if 2*t.n > len(t.ents) {
		old := t.ents
		t.ents = make([]ent, 2*len(old))
		t.mask = uint64(len(t.ents) - 1)
		t.n = 0
		for _, e := range old {
			if e.tag != 0 {
				_, p, _ := t.Find(form(e.v), form)
				t.ents[p] = e
				t.n++
			}
		}
	}
}

// Put puts w (absent, and already form(v)) with number v.
func (t *Table) Put(w string, v int32, form func(v int32) string) {
	_, pos, tag := t.Find(w, form)
	t.Insert(w, v, pos, tag, form)
}

// Len returns the number of forms in the table.
func (t *Table) Len() int { return t.n }

// Clear empties the table.
func (t *Table) Clear() {
	clear(t.ents)
	t.n = 0
}
