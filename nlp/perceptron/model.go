package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unsafe"
)

// Model is a trained, read-only averaged perceptron. Its methods are safe for concurrent use
// and do not allocate.
type Model struct {
	// Classes names the classes, index = class id (may be empty when the caller keeps them).
	Classes []string

	nclass int
	keys   []uint64  // feature keys, sorted
	start  []uint32  // weights of keys[i] are cls/w[start[i]:start[i+1]]
	cls    []uint16  // class of each weight
	w      []float32 // weight value
	scale  float32   // quantisation step
	kmask  uint64    // bits of feature keys kept: keyMask, or all for version-1 files

	// Open-addressing table of features: each slot packs a 32-bit fingerprint of the
	// feature's hash (high half) and 1 + the offset in ent of its weight list (low half);
	// 0 is an empty slot. ent[off] is the number of weights, which follow, each packed as
	// class<<16 | uint16(quantised weight). Eight bytes a slot keeps the table small
	// enough to stay in cache.
	table []uint64
	mask  uint64
	ent   []uint32
	// Long weight lists (models of at most maxDenseClasses classes; see isDense) are
	// stored dense instead, as rows of lanes words: word j packs the weights of classes 4j
	// to 4j+3 as 16-bit values biased by 32768 (see addDense), so that a row takes two
	// bytes a class. Rows start on cache lines, stride words apart (the padding words are
	// 0). A table slot marks such a feature with denseBit and gives its row number.
	dense  []uint64
	lanes  int
	stride int // words from one row to the next: lanes rounded up to whole cache lines
}

const (
	denseMin        = 16
	maxDenseClasses = 256
	denseBit        = 1 << 31
)

// NumClasses returns the number of classes.
func (m *Model) NumClasses() int { return m.nclass }

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int { return len(m.keys) }

// NumWeights returns the number of stored (non-zero) weights.
func (m *Model) NumWeights() int { return len(m.w) }

// Step returns the model's quantisation step: Score's values are ScoreInt's times Step
// (each computed as float32(ScoreInt) * Step), so that a caller which sums ScoreInt parts
// itself (e.g. from a cache) can rebuild exactly the scores Score would give.
func (m *Model) Step() float32 { return m.scale }

// quantise rounds weights to 16-bit steps so that serialisation is lossless.
func (m *Model) quantise() {
	var max float64
	for _, w := range m.w {
		if a := math.Abs(float64(w)); a > max {
			max = a
		}
	}
	if max == 0 {
		m.scale = 1
		return
	}
	m.scale = float32(max / 32767)
	for i, w := range m.w {
		m.w[i] = float32(math.Round(float64(w/m.scale))) * m.scale
	}
}

// build makes the lookup table.
func (m *Model) build() {
	size := 16
	for size*7 < len(m.keys)*10 {
		size <<= 1
	}
	m.table = make([]uint64, size)
	m.mask = uint64(size - 1)
	m.lanes = (m.nclass + 3) / 4
	m.stride = (m.lanes + lineWords - 1) &^ (lineWords - 1)
	nd, ne := 0, 0 // dense rows, sparse words
	for i := range m.keys {
		if n := int(m.start[i+1] - m.start[i]); m.isDense(n) {
			nd++
		} else if n > 0 {
			ne += 1 + n
		}
	}
	m.ent = make([]uint32, 0, ne)
	m.dense = alignLine(nd * m.stride)
	nd = 0
	for i, k := range m.keys {
		a, b := m.start[i], m.start[i+1]
		if a == b {
			continue
		}
		var off uint32
		if m.isDense(int(b - a)) {
			off = denseBit | uint32(nd)
			r := m.dense[nd*m.stride:][:m.lanes]
			nd++
			for j := range r {
				r[j] = bias4 // every class's weight 0
			}
			for j := a; j < b; j++ {
				q := int64(math.Round(float64(m.w[j] / m.scale)))
				c := m.cls[j]
				r[c>>2] += uint64(q) << (16 * (c & 3)) // on the bias: no borrow
			}
		} else {
			off = uint32(len(m.ent))
			m.ent = append(m.ent, b-a)
			for j := a; j < b; j++ {
				q := int16(math.Round(float64(m.w[j] / m.scale)))
				m.ent = append(m.ent, uint32(m.cls[j])<<16|uint32(uint16(q)))
			}
		}
		h := mix64(k)
		s := h & m.mask
		for m.table[s] != 0 {
			s = (s + 1) & m.mask
		}
		m.table[s] = h>>32<<32 | uint64(off+1)
	}
	adviseHuge(m.table)
	adviseHuge(m.ent)
	adviseHuge(m.dense)
}

// lineWords is the number of 64-bit words in a cache line.
const lineWords = 8

// isDense reports whether a weight list of n weights is stored as a dense row: when it has
// at least denseMin weights, or (small models) when its sparse list would take more bytes
// than the row.
func (m *Model) isDense(n int) bool {
	return m.nclass <= maxDenseClasses && (n >= denseMin || 4*(n+1) > 8*m.lanes)
}

// alignLine returns n zero words starting at a cache-line boundary.
func alignLine(n int) []uint64 {
	if n == 0 {
		return nil
	}
	s := make([]uint64, n+lineWords-1)
	k := int(uintptr(unsafe.Pointer(unsafe.SliceData(s)))/8) % lineWords
	return s[(lineWords-k)%lineWords:][:n]
}

// Score sets scores[k] to the score of class k for feats. len(scores) must be at least
// NumClasses; only the first NumClasses entries are written.
func (m *Model) Score(feats []uint64, scores []float32) {
	scores = scores[:m.nclass]
	for i := range scores {
		scores[i] = 0
	}
	m.AddScores(feats, scores)
}

// AddScores adds the weights of feats to scores without clearing them first.
func (m *Model) AddScores(feats []uint64, scores []float32) {
	scores = scores[:m.nclass]
	if m.nclass > maxDenseClasses {
		m.addScoresLarge(feats, scores)
		return
	}
	var q [maxDenseClasses]int32
	m.sum(feats, q[:m.nclass])
	for i := range scores {
		scores[i] += float32(q[i]) * m.scale
	}
}

// ScoreInt sets scores[k] to the score of class k for feats in units of the model's
// quantisation step (Score's values divided by the step, but summed exactly): the fastest
// way to rank classes. len(scores) must be at least NumClasses; only the first NumClasses
// entries are written.
func (m *Model) ScoreInt(feats []uint64, scores []int32) {
	scores = scores[:m.nclass]
	if m.nclass > maxDenseClasses {
		for i := range scores {
			scores[i] = 0
		}
		// large models keep every weight list sparse
		m.scatter(feats, func(c uint32, w int32) { scores[c] += w })
		return
	}
	m.sum(feats, scores)
}

// sum sets q (len NumClasses) to the quantised scores of feats (a model of at most
// maxDenseClasses classes).
func (m *Model) sum(feats []uint64, q []int32) {
	if len(m.table) == 0 {
		clear(q)
		return
	}
	if len(feats) <= smallChunk { // most calls: less stack to clear
		var offs [smallChunk]uint32
		m.find(feats, offs[:len(feats)])
		m.add(offs[:len(feats)], q)
		return
	}
	var offs [chunk]uint32
	n := min(len(feats), chunk)
	m.find(feats[:n], offs[:n])
	m.add(offs[:n], q)
	for feats = feats[n:]; len(feats) > 0; feats = feats[n:] {
		var r [maxDenseClasses]int32
		n = min(len(feats), chunk)
		m.find(feats[:n], offs[:n])
		m.add(offs[:n], r[:len(q)])
		for i, v := range r[:len(q)] {
			q[i] += v
		}
	}
}

// chunk is the number of features whose weight lists sum and ScoreIntParts find at once.
const chunk = 128

// smallChunk bounds the calls of find, add, sum and ScoreIntParts that use arrays of this
// size instead of chunk: the stack arrays of a call are cleared, and most calls have few
// features (a POS word's context or previous tag, 3 to 5).
const smallChunk = 32

// find sets offs[i] to 1 + the table value of the weight list of feats[i], or to 0 when the
// model has no weights for it (len(offs) == len(feats) <= chunk). It returns a meaningless
// sum of the words it loaded.
//
// Its passes issue loads that do not wait on each other, in loops that do not branch on a
// loaded value: the first probe of every feature's slot, then the probes that continue
// (collisions), then the first word of each found sparse list (and every cache line of
// each dense row, unless the AVX2 kernel sums them: its loads of different rows do not
// wait on each other either). A branch on a value still in flight from memory is often
// mispredicted (hit, miss and collision are all common) and replays the loads behind it,
// so that the processor would wait for one cache miss at a time (hundreds of nanoseconds
// on a virtual machine); this way it overlaps them.
func (m *Model) find(feats []uint64, offs []uint32) (touched uint64) {
	if len(feats) <= smallChunk {
		var hs, es [smallChunk]uint64
		var sparse [smallChunk]uint32
		return m.findIn(feats, offs, hs[:], es[:], sparse[:])
	}
	var hs, es [chunk]uint64
	var sparse [chunk]uint32
	return m.findIn(feats, offs, hs[:], es[:], sparse[:])
}

// findIn is find with scratch arrays hs, es and sparse, at least as long as feats.
func (m *Model) findIn(feats []uint64, offs []uint32, hs, es []uint64, sparse []uint32) (touched uint64) {
	tab, mask, kmask := m.table, m.mask, m.kmask
	// hashes first, so that the loop of loads is short and many of them fit in the
	// processor's window at once
	for i, f := range feats {
		hs[i] = mix64(f & kmask)
	}
	for i, h := range hs[:len(feats)] {
		es[i] = tab[h&mask]
	}
	ns := 0 // sparse[:ns]: offsets of the sparse lists found
	for i, h := range hs[:len(feats)] {
		e := es[i]
		for s := h & mask; e != 0 && e>>32 != h>>32; {
			s = (s + 1) & mask
			e = tab[s]
		}
		offs[i] = uint32(e) // 1 + offset, or 0 when absent
		sparse[ns] = uint32(e) - 1
		if uint32(e)-1 < denseBit { // found, not dense
			ns++
		}
	}
	var touch uint64
	for _, off := range sparse[:ns] {
		touch += uint64(m.ent[off])
	}
	if !useAVX2 { // the kernel's loads overlap without this
		lanes, stride := m.lanes, m.stride
		for _, off := range offs {
			if off != 0 && (off-1)&denseBit != 0 {
				row := m.dense[int((off-1)&^denseBit)*stride:][:lanes]
				for j := 0; j < len(row); j += lineWords { // rows start on a cache line
					touch += row[j]
				}
			}
		}
	}
	return touch // returned so that the loads are not optimised away
}

// add sets q (len NumClasses) to the sums of the weight lists found by find.
func (m *Model) add(offs []uint32, q []int32) {
	if len(offs) <= smallChunk {
		var rows, sparse [smallChunk]uint32
		m.addIn(offs, q, rows[:], sparse[:])
		return
	}
	var rows, sparse [chunk]uint32
	m.addIn(offs, q, rows[:], sparse[:])
}

// addIn is add with scratch arrays rows and sparse, at least as long as offs.
func (m *Model) addIn(offs []uint32, q []int32, rows, sparse []uint32) {
	stride := uint32(m.stride)
	nd, ns := 0, 0
	for _, off := range offs {
		if off == 0 {
			continue
		}
		off--
		if off&denseBit != 0 {
			rows[nd] = (off &^ denseBit) * stride
			nd++
		} else {
			sparse[ns] = off
			ns++
		}
	}
	switch {
	case nd == 0:
		clear(q)
	case useAVX2:
		sumRowsAVX2(unsafe.SliceData(m.dense), &rows[0], nd, &q[0], len(q))
	default:
		m.addDense(rows[:nd], q)
	}
	for _, off := range sparse[:ns] {
		n := m.ent[off]
		for _, x := range m.ent[off+1 : off+1+n] {
			q[x>>16] += int32(int16(uint16(x)))
		}
	}
}

// addDense sets q to the sums of the dense rows starting at the words rows (at least one).
func (m *Model) addDense(rows []uint32, q []int32) {
	// Eight or four rows at a time, one load and store of the sums per row group. A row
	// word holds four biased 16-bit weights; ev sums classes 4j and 4j+2 and od classes
	// 4j+1 and 4j+3, each in a 32-bit half, which rows of 16-bit values cannot overflow.
	lanes := m.lanes
	var ev, od [maxDenseClasses / 4]uint64
	k, nd := 0, len(rows)
	for ; k+8 <= nd; k += 8 {
		r0 := m.dense[rows[k]:][:lanes]
		r1 := m.dense[rows[k+1]:][:lanes]
		r2 := m.dense[rows[k+2]:][:lanes]
		r3 := m.dense[rows[k+3]:][:lanes]
		r4 := m.dense[rows[k+4]:][:lanes]
		r5 := m.dense[rows[k+5]:][:lanes]
		r6 := m.dense[rows[k+6]:][:lanes]
		r7 := m.dense[rows[k+7]:][:lanes]
		e, o := ev[:len(r0)], od[:len(r0)]
		r1, r2, r3 = r1[:len(r0)], r2[:len(r0)], r3[:len(r0)]
		r4, r5, r6, r7 = r4[:len(r0)], r5[:len(r0)], r6[:len(r0)], r7[:len(r0)]
		for j, x0 := range r0 {
			x1, x2, x3, x4, x5, x6, x7 := r1[j], r2[j], r3[j], r4[j], r5[j], r6[j], r7[j]
			e[j] += x0&lo16 + x1&lo16 + x2&lo16 + x3&lo16 + x4&lo16 + x5&lo16 + x6&lo16 + x7&lo16
			o[j] += x0>>16&lo16 + x1>>16&lo16 + x2>>16&lo16 + x3>>16&lo16 +
				x4>>16&lo16 + x5>>16&lo16 + x6>>16&lo16 + x7>>16&lo16
		}
	}
	for ; k+4 <= nd; k += 4 {
		r0 := m.dense[rows[k]:][:lanes]
		r1 := m.dense[rows[k+1]:][:lanes]
		r2 := m.dense[rows[k+2]:][:lanes]
		r3 := m.dense[rows[k+3]:][:lanes]
		e, o := ev[:len(r0)], od[:len(r0)]
		r1, r2, r3 = r1[:len(r0)], r2[:len(r0)], r3[:len(r0)]
		for j, x0 := range r0 {
			x1, x2, x3 := r1[j], r2[j], r3[j]
			e[j] += x0&lo16 + x1&lo16 + x2&lo16 + x3&lo16
			o[j] += x0>>16&lo16 + x1>>16&lo16 + x2>>16&lo16 + x3>>16&lo16
		}
	}
	for ; k < nd; k++ {
		r0 := m.dense[rows[k]:][:lanes]
		e, o := ev[:len(r0)], od[:len(r0)]
		for j, x0 := range r0 {
			e[j] += x0 & lo16
			o[j] += x0 >> 16 & lo16
		}
	}
	bias := int32(nd) << 15 // each row adds 32768 to every class
	// the last word may hold fewer than four classes
	full := len(q) / 4
	qq := q[:4*full]
	for j := range full {
		e, o := ev[j], od[j]
		c := qq[4*j:][:4]
		c[0] = int32(uint32(e)) - bias
		c[1] = int32(uint32(o)) - bias
		c[2] = int32(e>>32) - bias
		c[3] = int32(o>>32) - bias
	}
	if len(q) > 4*full {
		e, o := ev[full], od[full]
		v := [4]int32{int32(uint32(e)) - bias, int32(uint32(o)) - bias, int32(e>>32) - bias, int32(o>>32) - bias}
		copy(q[4*full:], v[:])
	}
}

// Dense rows store each weight w as the 16-bit value w + 32768, four to a word.
const (
	bias4 = 0x8000800080008000 // four zero weights
	lo16  = 0x0000FFFF0000FFFF // the first and third 16-bit value of a word
)

// ScoreIntParts is ScoreInt for several feature sets at once, faster than one call for
// each because the memory loads of all of them overlap: part k is feats[ends[k-1]:ends[k]]
// (from 0 for k = 0) and its scores are written to out[k] (len >= NumClasses; the parts'
// features must not depend on each other's scores). len(out) must be len(ends).
func (m *Model) ScoreIntParts(feats []uint64, ends []int, out [][]int32) {
	if len(feats) > chunk || m.nclass > maxDenseClasses || len(m.table) == 0 {
		start := 0
		for k, end := range ends {
			m.ScoreInt(feats[start:end], out[k])
			start = end
		}
		return
	}
	if len(feats) <= smallChunk {
		var offs [smallChunk]uint32
		m.partsIn(feats, ends, out, offs[:len(feats)])
		return
	}
	var offs [chunk]uint32
	m.partsIn(feats, ends, out, offs[:len(feats)])
}

// partsIn is ScoreIntParts (len(feats) <= chunk) with scratch offs, as long as feats.
func (m *Model) partsIn(feats []uint64, ends []int, out [][]int32, offs []uint32) {
	m.find(feats, offs)
	start := 0
	for k, end := range ends {
		m.add(offs[start:end], out[k][:m.nclass])
		start = end
	}
}

// scatter calls add for each weight of feats (models whose lists are all sparse).
func (m *Model) scatter(feats []uint64, add func(c uint32, w int32)) {
	for _, f := range feats {
		if e := m.Handle(f); e != 0 {
			off := e - 1
			n := m.ent[off]
			for _, x := range m.ent[off+1 : off+1+n] {
				add(x>>16, int32(int16(uint16(x))))
			}
		}
	}
}

// Handle returns a handle of the weights of feature feat for ScoreIntHandles, 0 when the
// model has none: a caller that meets the same features again and again can keep their
// handles and save the hash-table probes.
func (m *Model) Handle(feat uint64) uint32 {
	if len(m.table) == 0 {
		return 0
	}
	h := mix64(feat & m.kmask)
	for s := h & m.mask; ; s = (s + 1) & m.mask {
		if e := m.table[s]; e == 0 || e>>32 == h>>32 {
			return uint32(e) // 1 + offset, or 0 when absent
		}
	}
}

// ScoreIntHandles is ScoreInt for the features whose handles (see Handle) are hs: the
// same scores, without the look-ups. len(hs) must be at most 128.
func (m *Model) ScoreIntHandles(hs []uint32, scores []int32) {
	m.add(hs, scores[:m.nclass])
}

func (m *Model) addScoresLarge(feats []uint64, scores []float32) {
	scale := m.scale
	m.scatter(feats, func(c uint32, w int32) { scores[c] += float32(w) * scale })
}

// Predict returns the best class for feats (the first one on ties), leaving all scores in
// scores (len >= NumClasses).
func (m *Model) Predict(feats []uint64, scores []float32) int {
	m.Score(feats, scores)
	return Argmax(scores[:m.nclass])
}

// File magic: version 1 stores full 64-bit keys, version 2 keyBits-bit keys.
const (
	magic1 = "FLPC\x01"
	magic  = "FLPC\x02"
)

// WriteTo writes the model in its binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	le := binary.LittleEndian
	var buf [8]byte
	put32 := func(v uint32) { le.PutUint32(buf[:4], v); cw.Write(buf[:4]) }
	if m.kmask == keyMask {
		cw.Write([]byte(magic))
	} else {
		cw.Write([]byte(magic1))
	}
	put32(uint32(m.nclass))
	put32(uint32(len(m.Classes)))
	for _, c := range m.Classes {
		put32(uint32(len(c)))
		cw.Write([]byte(c))
	}
	put32(math.Float32bits(m.scale))
	put32(uint32(len(m.keys)))
	put32(uint32(len(m.w)))
	// keys delta-encoded as uvarints (sorted)
	var prev uint64
	var vb [binary.MaxVarintLen64]byte
	for _, k := range m.keys {
		n := binary.PutUvarint(vb[:], k-prev)
		cw.Write(vb[:n])
		prev = k
	}
	for i := range m.keys {
		n := binary.PutUvarint(vb[:], uint64(m.start[i+1]-m.start[i]))
		cw.Write(vb[:n])
	}
	for _, c := range m.cls {
		n := binary.PutUvarint(vb[:], uint64(c))
		cw.Write(vb[:n])
	}
	for _, x := range m.w {
		q := int16(math.Round(float64(x / m.scale)))
		le.PutUint16(buf[:2], uint16(q))
		cw.Write(buf[:2])
	}
	if cw.err != nil {
		return cw.n, cw.err
	}
	return cw.n, bw.Flush()
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// ErrFormat is returned by Read for data that is not a model.
var ErrFormat = errors.New("perceptron: not a model or corrupt")

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic && string(head) != magic1 {
		return nil, ErrFormat
	}
	var buf [4]byte
	get32 := func() (uint32, error) {
		_, err := io.ReadFull(br, buf[:])
		return binary.LittleEndian.Uint32(buf[:]), err
	}
	m := &Model{kmask: keyMask}
	if string(head) == magic1 {
		m.kmask = ^uint64(0)
	}
	nclass, err := get32()
	if err != nil || nclass == 0 || nclass > math.MaxUint16 {
		return nil, ErrFormat
	}
	m.nclass = int(nclass)
	ncl, err := get32()
	if err != nil || ncl > nclass {
		return nil, ErrFormat
	}
	for i := 0; i < int(ncl); i++ {
		l, err := get32()
		if err != nil || l > 1<<16 {
			return nil, ErrFormat
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, ErrFormat
		}
		m.Classes = append(m.Classes, string(b))
	}
	sc, err := get32()
	if err != nil {
		return nil, ErrFormat
	}
	m.scale = math.Float32frombits(sc)
	nkeys, err := get32()
	if err != nil || nkeys > 1<<28 {
		return nil, ErrFormat
	}
	nw, err := get32()
	if err != nil || nw > 1<<30 {
		return nil, ErrFormat
	}
	// grow slices as data arrives, so a corrupt header cannot force a huge allocation
	m.keys = make([]uint64, 0, min(nkeys, 1<<16))
	var prev uint64
	for i := 0; i < int(nkeys); i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, ErrFormat
		}
		prev += d
		m.keys = append(m.keys, prev)
	}
	m.start = make([]uint32, 1, len(m.keys)+1)
	for i := 0; i < int(nkeys); i++ {
		d, err := binary.ReadUvarint(br)
		if err != nil || d > uint64(nw-m.start[i]) {
			return nil, ErrFormat
		}
		m.start = append(m.start, m.start[i]+uint32(d))
	}
	if m.start[nkeys] != nw {
		return nil, ErrFormat
	}
	m.cls = make([]uint16, 0, min(nw, 1<<16))
	for i := 0; i < int(nw); i++ {
		c, err := binary.ReadUvarint(br)
		if err != nil || c >= uint64(nclass) {
			return nil, ErrFormat
		}
		m.cls = append(m.cls, uint16(c))
	}
	m.w = make([]float32, 0, len(m.cls))
	b2 := buf[:2]
	for i := 0; i < int(nw); i++ {
		if _, err := io.ReadFull(br, b2); err != nil {
			return nil, ErrFormat
		}
		m.w = append(m.w, float32(int16(binary.LittleEndian.Uint16(b2)))*m.scale)
	}
	m.build()
	return m, nil
}

// String describes the model's size.
func (m *Model) String() string {
	return fmt.Sprintf("perceptron: %d classes, %d features, %d weights", m.nclass, len(m.keys), len(m.w))
}

// Prune returns a copy of m without weights smaller than min in absolute value (and without
// features left with none), to trade a little accuracy for size.
func (m *Model) Prune(min float32) *Model {
	p := &Model{Classes: m.Classes, nclass: m.nclass, scale: m.scale, kmask: m.kmask, start: []uint32{0}}
	for i, k := range m.keys {
		n := 0
		for j := m.start[i]; j < m.start[i+1]; j++ {
			if w := m.w[j]; w >= min || w <= -min {
				p.cls = append(p.cls, m.cls[j])
				p.w = append(p.w, w)
				n++
			}
		}
		if n > 0 {
			p.keys = append(p.keys, k)
			p.start = append(p.start, uint32(len(p.w)))
		}
	}
	p.build()
	return p
}
