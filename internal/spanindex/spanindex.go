// Package spanindex indexes a document's entities by span, so that questions about the
// entities overlapping or holding a span cost a binary search instead of a scan of them
// all: a gigantic document (ingest takes up to 20 MiB) has hundreds of thousands of
// entities, and a scan per sentence or per fact end would make its work quadratic.
package spanindex

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/faultline/faultline"
)

// Index holds entities sorted by start, with the largest end of every prefix of that
// order. It is exact for any spans, empty or inverted ones included. The zero Index is
// empty; Reset fills it, reusing its memory.
type Index struct {
	// Ents are the entities indexed, as given to Reset.
	Ents   []faultline.Entity
	order  []int32 // entity indexes by start (stable)
	starts []int   // starts[k] = Ents[order[k]].Start
	maxEnd []int   // maxEnd[k]: the largest End of Ents[order[:k+1]]
}

// Reset indexes ents.
func (x *Index) Reset(ents []faultline.Entity) {
	x.Ents = ents
	x.order = x.order[:0]
	sorted := true
	for i := range ents {
		x.order = append(x.order, int32(i))
		if i > 0 && ents[i].Start < ents[i-1].Start {
			sorted = false
		}
	}
	if !sorted {
		slices.SortStableFunc(x.order, func(a, b int32) int { return cmp.Compare(ents[a].Start, ents[b].Start) })
	}
	x.starts, x.maxEnd = x.starts[:0], x.maxEnd[:0]
	m := math.MinInt
	for _, i := range x.order {
		m = max(m, ents[i].End)
		x.starts = append(x.starts, ents[i].Start)
		x.maxEnd = append(x.maxEnd, m)
	}
}

// before returns how many entities start before s.
func (x *Index) before(s int) int {
	return sort.SearchInts(x.starts, s)
}

// atMost returns how many entities start at or before s.
func (x *Index) atMost(s int) int {
	if s == math.MaxInt {
		return len(x.starts)
	}
	return sort.SearchInts(x.starts, s+1)
}

// Overlaps reports whether an entity e has e.Start < end && start < e.End.
func (x *Index) Overlaps(start, end int) bool {
	k := x.before(end)
	return k > 0 && x.maxEnd[k-1] > start
}

// Holds reports whether an entity e has e.Start <= start && end <= e.End.
func (x *Index) Holds(start, end int) bool {
	k := x.atMost(start)
	return k > 0 && x.maxEnd[k-1] >= end
}

// Straddles reports whether an entity starts before s and ends after it.
func (x *Index) Straddles(s int) bool {
	return x.Overlaps(s, s)
}

// Starting returns the indexes into Ents of the entities starting in [s, e), in the order
// of their starts (stable).
func (x *Index) Starting(s, e int) []int32 {
	lo := x.before(s)
	return x.order[lo:max(lo, x.before(e))]
}

// Count returns how many entities e have e.Start < end && start < e.End, up to limit:
// from the last entity starting before end back while one of them may still end after
// start.
func (x *Index) Count(start, end, limit int) int {
	n := 0
	for k := x.before(end) - 1; k >= 0 && x.maxEnd[k] > start && n < limit; k-- {
		if x.Ents[x.order[k]].End > start {
			n++
		}
	}
	return n
}
