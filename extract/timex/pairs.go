package timex

import (
	"regexp/syntax"
	"slices"
)

// pairSet is a set of two-byte ASCII prefixes: for each first byte, a set of second bytes.
type pairSet [128][2]uint64

// has reports whether the set holds the prefix a, b (both below 0x80).
func (p *pairSet) has(a, b byte) bool { return p[a][b>>6]&(1<<(b&63)) != 0 }

// firstPairs returns the two-byte ASCII prefixes with which an anchored pattern can match a
// text of two or more bytes: a pair is left out only when no match of the pattern (of any
// length, the second byte then being the context of an assertion such as \b) can start a
// text that starts with it. It runs the pattern's program over both bytes, keeping every
// thread; with ok false (a pattern that does not parse) nothing can be left out.
func firstPairs(pattern string) (p pairSet, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return p, false
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return p, false
	}
	var s stepper
	s.prog = prog
	for a := 0; a < 128; a++ {
		// Before the first byte: the start of the text.
		s.reset()
		if s.add(uint32(prog.Start), syntax.EmptyOpContext(-1, rune(a))) {
			p[a] = [2]uint64{^uint64(0), ^uint64(0)} // an empty match
			continue
		}
		after := slices.Clone(s.step(rune(a)))
		if len(after) == 0 {
			continue
		}
		for b := 0; b < 128; b++ {
			s.reset()
			match := false
			for _, pc := range after {
				match = s.add(pc, syntax.EmptyOpContext(rune(a), rune(b))) || match
			}
			if match || len(s.step(rune(b))) > 0 {
				p[a][b>>6] |= 1 << (b & 63)
			}
		}
	}
	return p, true
}

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
