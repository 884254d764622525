package pos

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
