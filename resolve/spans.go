package resolve

import (
	"math"
	"slices"
	"sort"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/internal/spanindex"
	"github.com/faultline/faultline/lexicon/actors"
)

// Span indexes, so that a document's work grows with its size, not with its square: a
// gigantic document (ingest takes up to 20 MiB) has hundreds of thousands of entities and
// fact ends, and a scan over all of them for each would take minutes.

// entIndex is a spanindex.Index of a document's entities with orphanRefs' questions about
// role descriptions.
type entIndex struct{ spanindex.Index }

// onlyAfter is onlyAfter(x.Ents, r, from) for r.Start < r.End: no entity overlapping r
// starts before it (those reach past r.Start) and the ones starting inside r are tested
// one by one.
func (x *entIndex) onlyAfter(r *faultline.Ref, from int) bool {
	if r.Start >= r.End {
		return onlyAfter(x.Ents, r, from)
	}
	if x.Straddles(r.Start) {
		return false // it starts before r and overlaps it
	}
	for _, i := range x.Starting(r.Start, r.End) {
		if !afterIn(&x.Ents[i], r, from) {
			return false
		}
	}
	return true
}

// modifiersOnly is modifiersOnly(x.Ents, text, r, head) for r.Start < r.End and 0 <= head:
// the entities starting in the head are tested one by one, and when an entity starts
// before r and reaches past its start (orphanRefs asks only when none does) the whole
// list is. So is it when an entity of the head that reaches past r.Start is inverted (End <
// Start) or ends past the text: the loop slices the text at that entity's span and panics,
// unless an entity before it in the list answers first, which only the list's order tells
// (the head's are in the order of their starts).
func (x *entIndex) modifiersOnly(text string, r *faultline.Ref, head int) bool {
	if r.Start >= r.End || head < 0 || x.Straddles(r.Start) {
		return modifiersOnly(x.Ents, text, r, head)
	}
	inHead := x.Starting(r.Start, r.Start+head)
	for _, i := range inHead {
		if e := &x.Ents[i]; r.Start < e.End && (e.End < e.Start || e.End > len(text)) {
			return modifiersOnly(x.Ents, text, r, head)
		}
	}
	for _, i := range inHead {
		e := &x.Ents[i]
		if e.Start < r.Start+head && r.Start < e.End && actors.Demonym(text[e.Start:e.End]) == "" {
			return false
		}
	}
	return true
}

// orphanSet is the entities orphanRefs adds, all of them spans inside the text with
// Start < End, with the same questions as entIndex. A few are scanned; past
// orphanScan, a Fenwick tree over the starts the document's fact ends can have gives the
// largest end of the ones starting up to a point, and a set their spans.
type orphanSet struct {
	list   []faultline.Entity
	starts []int // sorted distinct starts of the fact ends (nil: not indexed yet)
	tree   []int // Fenwick tree (1-based) of the largest end by start
	spans  map[[2]int]bool
}

// orphanScan is the number of added entities up to which orphanSet scans them.
const orphanScan = 32

// add appends e; starts lists the starts a fact end can have (e's among them), called
// once, when the set is first indexed.
func (o *orphanSet) add(e faultline.Entity, starts func() []int) {
	o.list = append(o.list, e)
	if o.starts == nil && len(o.list) > orphanScan {
		o.starts = starts()
		o.tree = make([]int, len(o.starts)+1)
		for k := range o.tree {
			o.tree[k] = math.MinInt
		}
		o.spans = make(map[[2]int]bool, 2*len(o.list))
		for _, x := range o.list {
			o.insert(x)
		}
		return
	}
	if o.starts != nil {
		o.insert(e)
	}
}

// insert records e, a span at one of the starts o indexes, in the set of spans and the tree.
func (o *orphanSet) insert(e faultline.Entity) {
	o.spans[[2]int{e.Start, e.End}] = true
	k, ok := slices.BinarySearch(o.starts, e.Start)
	if !ok {
		panic("resolve: orphan entity at a start no fact end has")
	}
	for k++; k < len(o.tree); k += k & -k {
		o.tree[k] = max(o.tree[k], e.End)
	}
}

// maxEnd returns the largest end of the entities among the first n starts.
func (o *orphanSet) maxEnd(n int) int {
	m := math.MinInt
	for ; n > 0; n -= n & -n {
		m = max(m, o.tree[n])
	}
	return m
}

// overlaps reports whether an added entity e has e.Start < end && start < e.End.
func (o *orphanSet) overlaps(start, end int) bool {
	if o.starts == nil {
		for i := range o.list {
			if e := &o.list[i]; e.Start < end && start < e.End {
				return true
			}
		}
		return false
	}
	return o.maxEnd(sort.SearchInts(o.starts, end)) > start
}

// holds reports whether an added entity e has e.Start <= start && end <= e.End.
func (o *orphanSet) holds(start, end int) bool {
	if o.starts == nil {
		for i := range o.list {
			if e := &o.list[i]; e.Start <= start && end <= e.End {
				return true
			}
		}
		return false
	}
	n := len(o.starts)
	if start < math.MaxInt {
		n = sort.SearchInts(o.starts, start+1)
	}
	return o.maxEnd(n) >= end
}

// has reports whether an entity at [start, end) was added.
func (o *orphanSet) has(start, end int) bool {
	if o.starts == nil {
		for i := range o.list {
			if e := &o.list[i]; e.Start == start && e.End == end {
				return true
			}
		}
		return false
	}
	return o.spans[[2]int{start, end}]
}

// spanIndex finds the mention of a document at a span (spanMention) once that document
// has been asked more than spanScan times in a row: a map of its mentions by span, built
// in the order spanMention walks them (the first of a span wins, as the walk's did) and
// told of the mentions addRecovered adds meanwhile (added). It indexes one document at a
// time.
type spanIndex struct {
	doc   int
	calls int
	spans map[[2]int]int
}

// spanScan is the number of consecutive questions about a document that spanMention
// answers by walking its mentions before it indexes them.
const spanScan = 8

// added records mention mi at [start, end) of document di, which addRecovered has just
// added (last in spanMention's walk of the document).
func (x *spanIndex) added(di, start, end, mi int) {
	if x.doc != di || x.spans == nil {
		return // not indexed: the walk finds it
	}
	if _, ok := x.spans[[2]int{start, end}]; !ok {
		x.spans[[2]int{start, end}] = mi
	}
}
