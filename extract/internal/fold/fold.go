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
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		v, ok := m[string(buf[:len(s)])] // no allocation: the compiler looks the bytes up
		return v, ok
	}
slow:
	v, ok := m[strings.ToLower(s)]
	return v, ok
}
