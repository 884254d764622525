package tokenize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// isLinkRef is isLink before its first-byte guard (mayStartLink), kept to check that the
// guard changes no answer.
func isLinkRef(s string) bool {
	if len(s) < 5 {
		return false
	}
	l := s
	for len(l) > 0 && (l[0] == '(' || l[0] == '<' || l[0] == '"' || l[0] == '[' || l[0] == '\'') {
		l = l[1:]
	}
	if hasPrefixFold(l, "http://") || hasPrefixFold(l, "https://") || hasPrefixFold(l, "www.") || hasPrefixFold(l, "ftp://") {
		return true
	}
	at := strings.IndexByte(l, '@')
	if at > 0 && at < len(l)-3 {
		dom := l[at+1:]
		dot := strings.IndexByte(dom, '.')
		return dot > 0 && dot < len(dom)-1 && !strings.ContainsAny(l[:at], "\"(),;:<>[]\\")
	}
	return false
}

// hasCliticRef is hasClitic before it skipped the search for U+2019 in words without its
// first byte.
func hasCliticRef(w string) int {
	a, alen := strings.LastIndexByte(w, '\''), 1
	if b := strings.LastIndex(w, "\u2019"); b > a {
		a, alen = b, 3
	}
	if a <= 0 {
		return -1
	}
	suf := w[a+alen:]
	switch len(suf) {
	case 1:
		switch suf[0] | 0x20 {
		case 't':
			if a >= 2 && (w[a-1]|0x20) == 'n' {
				return a - 1
			}
			return -1
		case 's', 'd', 'm':
		default:
			return -1
		}
	case 2:
		l := string([]byte{suf[0] | 0x20, suf[1] | 0x20})
		if l != "re" && l != "ve" && l != "ll" {
			return -1
		}
	default:
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(w[:a])
	if !unicode.IsLetter(r) && !isDigit(r) {
		return -1
	}
	return a
}

var guardCases = []string{
	"http://x.example/a", "HTTPS://X.EXAMPLE", "(www.example.org)", "ftp://host/file", "Www.x.y",
	"ſtp://x", "\u212Attp://", "mail@example.com", "a@b.c", "(\"a@bc.de", "hello", "((((((", "",
	"don't", "can't", "they’re", "it’s", "rock’n’roll", "’s", "O'Neill", "boys'", "Iraq’s", "l’Irak",
	"we’ll", "I'M", "x\u2019ve", "\xe2", "\xe2\x80", "a\xe2\x80\x99s",
}

func TestGuards(t *testing.T) {
	for _, s := range guardCases {
		if got, want := isLink(s), isLinkRef(s); got != want {
			t.Errorf("isLink(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasClitic(s), hasCliticRef(s); got != want {
			t.Errorf("hasClitic(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzGuards checks isLink and hasClitic against their references on any string.
func FuzzGuards(f *testing.F) {
	for _, s := range guardCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isLink(s), isLinkRef(s); got != want {
			t.Fatalf("isLink(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasClitic(s), hasCliticRef(s); got != want {
			t.Fatalf("hasClitic(%q) = %d, want %d", s, got, want)
		}
	})
}
