package timex

import (
	"regexp/syntax"
	"slices"
	"sync"
)

// automata returns the rules' automata (nil for a rule whose pattern does not compile
// here), built once per process at the first call (~20 ms) and only read after, by any
// number of goroutines: at most maxStates states of 512 bytes per rule (0.7 MB in all for
// the 19 rules of now).
var automata = sync.OnceValue(func() []*automaton {
	as := make([]*automaton, len(rules))
	for k, r := range rules {
		as[k] = newAutomaton(r.re.String())
	}
	return as
})

// stepper runs a program's threads over one rune at a time.
type stepper struct {
	prog    *syntax.Prog
	on      []bool   // per instruction: in the current list
	list    []uint32 // the rune instructions reached
	stack   []uint32
	outList []uint32
}

func (s *stepper) reset() {
	if s.on == nil {
		s.on = make([]bool, len(s.prog.Inst))
	}
	for _, pc := range s.list {
		s.on[pc] = false
	}
	for _, pc := range s.stack {
		s.on[pc] = false
	}
	s.list, s.stack = s.list[:0], s.stack[:0]
}

// add follows the empty transitions from pc in context ctx, collecting the rune
// instructions reached, and reports whether a match instruction is reached.
func (s *stepper) add(pc uint32, ctx syntax.EmptyOp) (match bool) {
	var seen []uint32
	s.stack = append(s.stack[:0], pc)
	for len(s.stack) > 0 {
		pc := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		if s.on[pc] {
			continue
		}
		s.on[pc] = true
		seen = append(seen, pc)
		i := &s.prog.Inst[pc]
		switch i.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			s.stack = append(s.stack, i.Arg, i.Out)
		case syntax.InstCapture, syntax.InstNop:
			s.stack = append(s.stack, i.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(i.Arg)&^ctx == 0 {
				s.stack = append(s.stack, i.Out)
			}
		case syntax.InstMatch:
			match = true
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			s.list = append(s.list, pc)
		}
	}
	// Instructions that are not rune instructions are unmarked again (reset clears list).
	for _, pc := range seen {
		i := &s.prog.Inst[pc]
		switch i.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		default:
			s.on[pc] = false
		}
	}
	return match
}

// step returns the instructions that follow the rune instructions of the current list
// that match r.
func (s *stepper) step(r rune) []uint32 {
	s.outList = s.outList[:0]
	for _, pc := range s.list {
		if i := &s.prog.Inst[pc]; i.MatchRune(r) {
			s.outList = append(s.outList, i.Out)
		}
	}
	return s.outList
}

// An automaton built at init for each rule reads a chunk from its start and tells when no
// match of the rule can start it: every thread of the rule's program died before reaching
// a match. Only then is the regexp skipped; a byte outside ASCII, a match reached, the end
// of the chunk or a transition not built (the automaton is bounded) all run the regexp.

// Transitions of an automaton state besides the index of the next state.
const (
	unbuilt = 0  // not built: run the regexp
	dead    = -1 // no match can start the chunk
	maybe   = -2 // a match is reached: run the regexp
)

// Bounds on an automaton: states, and the bytes read before the regexp runs anyway.
const (
	maxStates = 256
	maxDepth  = 24
)

// automaton is a rule's deterministic automaton over ASCII bytes.
type automaton struct {
	// next[s][b] is the transition of state s on byte b: the next state's index + 1,
	// or unbuilt, dead or maybe.
	next [][128]int32
}

// dstate is a state while the automaton is built: the program counters to follow (before
// their empty transitions) and the class of the byte read before them.
type dstate struct {
	pcs   []uint32
	prev  int // a byte, or -1 before the first
	depth int
}

// prevClass is what the empty-width assertions need of the byte before a position.
func prevClass(b int) int {
	switch {
	case b < 0:
		return 0
	case b == '\n':
		return 1
	case syntax.IsWordChar(rune(b)):
		return 2
	}
	return 3
}

// newAutomaton builds the automaton of an anchored pattern, or returns nil.
func newAutomaton(pattern string) *automaton {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	a := &automaton{}
	var states []dstate
	ids := map[string]int32{}
	key := func(pcs []uint32, prev int) string {
		b := make([]byte, 0, 1+4*len(pcs))
		b = append(b, byte(prevClass(prev)))
		for _, pc := range pcs {
			b = append(b, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
		}
		return string(b)
	}
	// A representative byte of each class stands for the byte before: the assertions see
	// only its class.
	states = append(states, dstate{pcs: []uint32{uint32(prog.Start)}, prev: -1})
	ids[key(states[0].pcs, -1)] = 0
	a.next = append(a.next, [128]int32{})
	var s stepper
	s.prog = prog
	for k := 0; k < len(states); k++ {
		st := states[k]
		if st.depth >= maxDepth {
			continue // unbuilt
		}
		for b := 0; b < 128; b++ {
			s.reset()
			match := false
			for _, pc := range st.pcs {
				match = s.add(pc, syntax.EmptyOpContext(rune(st.prev), rune(b))) || match
			}
			if match {
				a.next[k][b] = maybe
				continue
			}
			out := slices.Clone(s.step(rune(b)))
			if len(out) == 0 {
				a.next[k][b] = dead
				continue
			}
			slices.Sort(out)
			out = slices.Compact(out)
			kk := key(out, b)
			id, ok := ids[kk]
			if !ok {
				if len(states) >= maxStates {
					continue // unbuilt
				}
				id = int32(len(states))
				ids[kk] = id
				states = append(states, dstate{pcs: out, prev: b, depth: st.depth + 1})
				a.next = append(a.next, [128]int32{})
			}
			a.next[k][b] = id + 1
		}
	}
	return a
}

// none reports whether no match can start chunk.
func (a *automaton) none(chunk string) bool {
	s := int32(0)
	for i := 0; i < len(chunk); i++ {
		b := chunk[i]
		if b >= 0x80 {
			return false
		}
		switch t := a.next[s][b]; t {
		case dead:
			return true
		case unbuilt, maybe:
			return false
		default:
			s = t - 1
		}
	}
	return false
}
