// Package strtab is a set of distinct strings numbered in the order they were added, packed
// for a garbage-collected heap: the strings are concatenated in one buffer and the index is
// an open-addressing hash table of integers, so the collector marks three objects and scans
// no pointers in them, however many strings there are. The read-only lexicons (place names,
// actor names) use it instead of maps of strings built at load time.
package strtab

import (
	"hash/maphash"
	"strings"
)

// Table numbers distinct strings 0, 1, 2, … in the order Add first saw them. It is not safe
// for concurrent use while strings are added; once built, any number of goroutines may read
// it. The zero Table is empty and ready to use. Offsets and numbers are 32-bit: it holds less
// than 4 GiB of strings in all, which Add does not check.
type Table struct {
	data  strings.Builder // every string, concatenated in number order
	ends  []uint32        // ends[i]: end offset in data of string i (it starts at ends[i-1])
	slots []uint64        // linear probing: high 32 bits of the hash | number+1; 0 is free
	seed  maphash.Seed
}

// New returns an empty table with room for n strings of bytes bytes in all.
func New(n, bytes int) *Table {
	t := &Table{}
	t.data.Grow(bytes)
	t.ends = make([]uint32, 0, n)
	t.rehash(n)
	return t
}

// Len returns how many strings the table holds.
func (t *Table) Len() int { return len(t.ends) }

// Key returns string number i.
func (t *Table) Key(i int) string {
	a := uint32(0)
	if i > 0 {
		a = t.ends[i-1]
	}
	return t.data.String()[a:t.ends[i]]
}

// Index returns the number of s, or -1 and false when the table does not hold s. A nil
// table holds nothing.
func (t *Table) Index(s string) (int, bool) {
	if t == nil || len(t.slots) == 0 {
		return -1, false
	}
	return find(t, s, maphash.String(t.seed, s))
}

// find returns the number of s, whose hash is h, or -1 and false (s is a string or its
// bytes: the comparison converts nothing).
func find[S string | []byte](t *Table, s S, h uint64) (int, bool) {
	tag, mask := h&^0xffffffff, uint64(len(t.slots)-1)
	for p := h & mask; ; p = (p + 1) & mask {
		v := t.slots[p]
		if v == 0 {
			return -1, false
		}
		if v&^0xffffffff == tag {
			if i := int(uint32(v)) - 1; t.Key(i) == string(s) {
				return i, true
			}
		}
	}
}

// Add adds s if the table does not hold it yet, and returns its number and whether it
// was added.
func (t *Table) Add(s string) (int, bool) {
	if len(t.slots) == 0 {
		t.rehash(0)
	}
	h := maphash.String(t.seed, s)
	if i, ok := find(t, s, h); ok {
		return i, false
	}
	if (len(t.ends)+1)*5 > len(t.slots)*3 {
		t.rehash(2 * len(t.ends))
	}
	t.data.WriteString(s)
	t.ends = append(t.ends, uint32(t.data.Len()))
	t.place(h, len(t.ends)-1)
	return len(t.ends) - 1, true
}

// place puts number i, whose string hashes to h, in the first free slot of its probe run.
func (t *Table) place(h uint64, i int) {
	mask := uint64(len(t.slots) - 1)
	p := h & mask
	for t.slots[p] != 0 {
		p = (p + 1) & mask
	}
	t.slots[p] = h&^0xffffffff | uint64(i+1)
}

// rehash sizes the index for n strings (a load of at most 3/5) and refills it.
func (t *Table) rehash(n int) {
	size := 8
	for size*3 < n*5 {
		size *= 2
	}
	if t.slots == nil {
		t.seed = maphash.MakeSeed()
	}
	t.slots = make([]uint64, size)
	for i := range t.ends {
		t.place(maphash.String(t.seed, t.Key(i)), i)
	}
}

// IndexBytes is Index for a string given as bytes, without converting it.
func (t *Table) IndexBytes(b []byte) (int, bool) {
	if t == nil || len(t.slots) == 0 {
		return -1, false
	}
	return find(t, b, maphash.Bytes(t.seed, b))
}
