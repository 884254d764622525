// Package fold looks words up in maps keyed by lower-case forms without building the
// lower-case string: m[strings.ToLower(s)] with no allocation for short ASCII words, the
// extractors' commonest lookup.
package fold

import (
	"strings"
	"unicode/utf8"
)

// maxStack is the longest word lowered on the stack; longer ones go through strings.ToLower.
const maxStack = 64

// Get returns m[strings.ToLower(s)].
func Get[V any](m map[string]V, s string) V {
	v, _ := Lookup(m, s)
	return v
}

// Lookup returns m[strings.ToLower(s)] and whether the key is present.
func Lookup[V any](m map[string]V, s string) (V, bool) {
	if len(s) <= maxStack {
		var buf [maxStack]byte
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				goto slow
			}
			buf[i] = Lower(c)
		}
		v, ok := m[string(buf[:len(s)])] // no allocation: the compiler looks the bytes up
		return v, ok
	}
slow:
	v, ok := m[strings.ToLower(s)]
	return v, ok
}

// Lower lower-cases an ASCII capital letter and returns any other byte as it is.
func Lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// filterLen is the longest key length Filter tells apart; longer words always may be keys.
const filterLen = 24

// Filter rules out, without hashing, most words that are no key of a map: by their length
// with their first byte, and with their last byte.
type Filter struct {
	first, last [filterLen + 1][4]uint64
	empty, long bool // "" is a key; a key is longer than filterLen
}

// NewFilter returns the filter of m's keys as they are now.
func NewFilter[V any](m map[string]V) *Filter {
	f := &Filter{}
	for k := range m {
		switch {
		case k == "":
			f.empty = true
		case len(k) > filterLen:
			f.long = true
		default:
			a, b := k[0], k[len(k)-1]
			f.first[len(k)][a>>6] |= 1 << (a & 63)
			f.last[len(k)][b>>6] |= 1 << (b & 63)
		}
	}
	return f
}

// May reports whether s may be a key: false only if it is none.
func (f *Filter) May(s string) bool {
	switch {
	case s == "":
		return f.empty
	case len(s) > filterLen:
		return f.long
	}
	return f.MayEnds(len(s), s[0], s[len(s)-1])
}

// MayEnds is May for a word of n bytes (0 < n) that starts with byte a and ends with b.
func (f *Filter) MayEnds(n int, a, b byte) bool {
	if n > filterLen {
		return f.long
	}
	return f.first[n][a>>6]&(1<<(a&63)) != 0 && f.last[n][b>>6]&(1<<(b&63)) != 0
}
