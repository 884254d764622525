package pos

import "hash/maphash"

// wordTable maps word forms to word-cache slots, as a map[string]int32 would, with fewer
// memory reads: an entry holds a fingerprint of the form's hash and length and, for a form
// of at most inlineLen bytes (nearly every word), the form's bytes, so that a lookup
// usually reads one cache line (a Go map reads its control word, the slot in another line
// and the key's bytes elsewhere in the heap). Open addressing, linear probing, at most half
// full; there is no deletion, only clear.
type wordTable struct {
	ents []wordEnt
	mask uint64
	n    int
	seed maphash.Seed
}

// inlineLen is the longest form an entry holds itself.
const inlineLen = 24

// wordEnt is an entry of a wordTable: tag is 0 when empty, else the hash's high bits and
// the form's length (see entTag); forms longer than inlineLen are compared with the
// word cache's copy (wordCache.forms).
type wordEnt struct {
	tag  uint32
	slot int32
	key  [inlineLen]byte
}

func newWordTable(capacity int) *wordTable {
	size := 16
	for size < 2*capacity {
		size <<= 1
	}
	return &wordTable{ents: make([]wordEnt, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
}

// entTag is the tag of a form of hash h and length n: never 0.
func entTag(h uint64, n int) uint32 {
	return uint32(h>>32)&^0x3f | uint32(min(n, inlineLen+1)) | 0x20
}

// find returns the slot of w (forms gives the forms of the slots), or -1 with the
// position and tag at which insert puts it.
func (t *wordTable) find(w string, forms []string) (slot int32, pos uint64, tag uint32) {
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
		if e.tag == tag && (short && e.key == key || !short && forms[e.slot] == w) {
			return e.slot, pos, tag
		}
	}
}

// insert puts w (absent, and already forms[slot]) with slot at pos, as find returned
// them; it may grow the table, rehashing the forms of the slots.
func (t *wordTable) insert(w string, slot int32, pos uint64, tag uint32, forms []string) {
	e := &t.ents[pos]
	e.tag, e.slot = tag, slot
	if len(w) <= inlineLen {
		e.key = [inlineLen]byte{}
		copy(e.key[:], w)
	}
	t.n++
	if 2*t.n > len(t.ents) {
		old := t.ents
		t.ents = make([]wordEnt, 2*len(old))
		t.mask = uint64(len(t.ents) - 1)
		t.n = 0
		for _, e := range old {
			if e.tag != 0 {
				_, p, _ := t.find(forms[e.slot], forms)
				t.ents[p] = e
				t.n++
			}
		}
	}
}

// put puts w (absent, and already forms[slot]) with slot.
func (t *wordTable) put(w string, slot int32, forms []string) {
	_, pos, tag := t.find(w, forms)
	t.insert(w, slot, pos, tag, forms)
}

// clear empties the table.
func (t *wordTable) clear() {
	clear(t.ents)
	t.n = 0
}

// pairTable maps the keys of (previous tag, word) pairs (modelParts.pw) to the indexes of
// their vectors, as a map[uint32]int32 would, in one array of 8-byte entries: open
// addressing, linear probing, at most half full; there is no deletion, only clear.
type pairTable struct {
	ents  []pairEnt
	shift uint // 64 - log2(len(ents))
	n     int
}

// pairEnt is an entry of a pairTable: key1 is the key plus 1, 0 when empty.
type pairEnt struct {
	key1 uint32
	val  int32
}

func newPairTable(capacity int) pairTable {
	size, bits := 16, uint(4)
	for size < 2*capacity {
		size <<= 1
		bits++
	}
	return pairTable{ents: make([]pairEnt, size), shift: 64 - bits}
}

// find returns the value of key, or -1 with the position at which insert puts it.
func (t *pairTable) find(key uint32) (val int32, pos uint64) {
	mask := uint64(len(t.ents) - 1)
	for pos = uint64(key+1) * 0x9E3779B97F4A7C15 >> t.shift; ; pos = (pos + 1) & mask {
		switch e := t.ents[pos]; e.key1 {
		case 0:
			return -1, pos
		case key + 1:
			return e.val, pos
		}
	}
}

// insert puts key (absent) with val at pos, as find returned it; it may grow the table.
func (t *pairTable) insert(key uint32, val int32, pos uint64) {
	t.ents[pos] = pairEnt{key + 1, val}
	t.n++
	if 2*t.n > len(t.ents) {
		old := t.ents
		t.ents = make([]pairEnt, 2*len(old))
		t.shift--
		t.n = 0
		for _, e := range old {
			if e.key1 != 0 {
				_, p := t.find(e.key1 - 1)
				t.ents[p] = e
				t.n++
			}
		}
	}
}

// put puts key (absent) with val.
func (t *pairTable) put(key uint32, val int32) {
	_, pos := t.find(key)
	t.insert(key, val, pos)
}

// clear empties the table.
func (t *pairTable) clear() {
	clear(t.ents)
	t.n = 0
}
