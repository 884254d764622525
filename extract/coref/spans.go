package coref

import "slices"

// spanIndex finds the entities that overlap, lie at or hold a span of the text without
// scanning every entity: each live entity is chained into the bucket of spanBucket bytes
// its start falls in, and a query reads the buckets where an entity that answers it may
// start (an entity is at most maxLen bytes long). Scanning every entity for each query made
// the passes that ask quadratic in the size of a document (29 s of coref on one 8 MB
// document). The index follows the entities through doc.add, doc.setSpan and doc.compact;
// the answers are those of the scans over all entities they replace (spans_test.go keeps
// the scans and compares).
type spanIndex struct {
	built  bool
	head   []int32 // first entity of each bucket, -1 for none
	next   []int32 // next entity of the same bucket, per entity
	maxLen int     // longest span of an entity indexed (an upper bound: spans shrink never)
}

// spanBucket is the width in bytes of a bucket of the span index.
const spanBucket = 32

// index returns the span index of the entities as they are, built on first use.
func (d *doc) index() *spanIndex {
	x := &d.spans
	if !x.built {
		x.built = true
		nb := len(d.text)/spanBucket + 1
		x.head = slices.Grow(x.head[:0], nb)[:nb]
		for b := range x.head {
			x.head[b] = -1
		}
		x.next = x.next[:0]
		x.maxLen = 0
		for i := range d.ents {
			x.next = append(x.next, -1)
			x.insert(d, i)
		}
	}
	return x
}

// insert chains entity i (live: a start within the text) into its bucket.
func (x *spanIndex) insert(d *doc, i int) {
	e := &d.ents[i]
	if e.Start < 0 || e.Start > len(d.text) {
		return // dropped
	}
	b := e.Start / spanBucket
	x.next[i] = x.head[b]
	x.head[b] = int32(i)
	if n := e.End - e.Start; n > x.maxLen {
		x.maxLen = n
	}
}

// remove unchains entity i from the bucket of its start.
func (x *spanIndex) remove(d *doc, i int) {
	e := &d.ents[i]
	if e.Start < 0 || e.Start > len(d.text) {
		return
	}
	p := &x.head[e.Start/spanBucket]
	for *p >= 0 {
		if int(*p) == i {
			*p = x.next[i]
			x.next[i] = -1
			return
		}
		p = &x.next[*p]
	}
}

// indexAdded indexes entity i, just appended to d.ents, when the index is built.
func (d *doc) indexAdded(i int) {
	if x := &d.spans; x.built {
		x.next = append(x.next, -1)
		x.insert(d, i)
	}
}

// setSpan moves entity i to [start, end) (-1, -1 drops it), keeping the index.
func (d *doc) setSpan(i, start, end int) {
	x := &d.spans
	if x.built {
		x.remove(d, i)
	}
	d.ents[i].Start, d.ents[i].End = start, end
	if x.built {
		x.insert(d, i)
	}
}

// buckets returns the range of buckets [lo, hi] that hold the entities starting in
// [from, to] (clamped to the text), hi < lo for none.
func (x *spanIndex) buckets(from, to, textLen int) (lo, hi int) {
	from = max(from, 0)
	to = min(to, textLen)
	if from > to {
		return 0, -1
	}
	return from / spanBucket, to / spanBucket
}

// covered reports whether [start, end) overlaps an entity.
func (d *doc) covered(start, end int) bool {
	x := d.index()
	// An entity that overlaps starts before end and ends after start, so starts after
	// start-maxLen.
	lo, hi := x.buckets(start-x.maxLen+1, end-1, len(d.text))
	for b := lo; b <= hi; b++ {
		for i := x.head[b]; i >= 0; i = x.next[i] {
			if e := &d.ents[i]; e.Start < end && start < e.End {
				return true
			}
		}
	}
	return false
}

// at returns the entity exactly at [start, end) (the first, by index), or -1.
func (d *doc) at(start, end int) int {
	x := d.index()
	lo, hi := x.buckets(start, start, len(d.text))
	j := -1
	for b := lo; b <= hi; b++ {
		for i := x.head[b]; i >= 0; i = x.next[i] {
			if e := &d.ents[i]; e.Start == start && e.End == end && (j < 0 || int(i) < j) {
				j = int(i)
			}
		}
	}
	return j
}

// overlapping appends to buf the entities overlapping [start, end), in index order.
func (d *doc) overlapping(buf []int, start, end int) []int {
	x := d.index()
	lo, hi := x.buckets(start-x.maxLen+1, end-1, len(d.text))
	n := len(buf)
	for b := lo; b <= hi; b++ {
		for i := x.head[b]; i >= 0; i = x.next[i] {
			if e := &d.ents[i]; e.Start < end && start < e.End {
				buf = append(buf, int(i))
			}
		}
	}
	slices.Sort(buf[n:])
	return buf
}

// within reports whether an entity covers [start, end) whole.
func (d *doc) within(start, end int) bool {
	x := d.index()
	// Such an entity starts at or before start, and at or after end-maxLen.
	lo, hi := x.buckets(end-x.maxLen, start, len(d.text))
	for b := lo; b <= hi; b++ {
		for i := x.head[b]; i >= 0; i = x.next[i] {
			if e := &d.ents[i]; e.Start <= start && end <= e.End {
				return true
			}
		}
	}
	return false
}
