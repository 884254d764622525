package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is what the feature extractor knows about one token of a sentence.
type token struct {
	word  string // normalised form, after headline case repair
	lower string
	shape string
	pos   string // Penn tag, "" when the pipeline has no POS tagger
	gz    string // gazetteer feature: "B-country", "I-actor" … or ""
	flags uint16
}

const (
	fTitle    uint16 = 1 << iota // a title (President, Gen., Sheikh)
	fOrgHead                     // an organisation head word (Army, Ministry)
	fParticle                    // an Arabic name particle (al-, bin, Abu) or a word starting with one
	fGroup                       // a demonym or group word (Iraqi, Shia)
	fForce                       // a security or group noun (forces, militias)
	fCap                         // starts with a capital letter
	fFirst                       // first token of its sentence
)

// prepare fills toks for the words of one sentence.
func (lx *lexicon) prepare(words, pos []string, toks []token) {
	for i, w := range words {
		t := &toks[i]
		*t = token{word: w, lower: strings.ToLower(w), shape: shape(w)}
		if pos != nil {
			t.pos = pos[i]
		}
		if lx.titles[t.lower] {
			t.flags |= fTitle
		}
		if lx.orgHeads[t.lower] {
			t.flags |= fOrgHead
		}
		if lx.particles[t.lower] || hasParticle(t.lower) {
			t.flags |= fParticle
		}
		if lx.isGroup(w) {
			t.flags |= fGroup
		}
		if lx.forces[t.lower] {
			t.flags |= fForce
		}
		if isCap(w) {
			t.flags |= fCap
		}
		if i == 0 {
			t.flags |= fFirst
		}
	}
	for i := 0; i < len(words); {
		n, kind := lx.match(words, i)
		if n == 0 {
			i++
			continue
		}
		for j := i; j < i+n; j++ {
			if j == i {
				toks[j].gz = "B-" + gzNames[kind]
			} else {
				toks[j].gz = "I-" + gzNames[kind]
			}
		}
		i += n
	}
}

// hasParticle reports whether a lower-case word starts with a hyphenated particle (al-sadr).
func hasParticle(w string) bool {
	for _, p := range [...]string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "abu-", "bin-", "abdel-", "abdul-"} {
		if len(w) > len(p) && strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// shape maps a word to a short shape: letters to X/x, digits to d, runs collapsed
// (Baghdad -> Xx, U.S. -> X.X., al-Sadr -> x-Xx, 2006 -> d).
func shape(w string) string {
	var b [16]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return string(b[:n])
}

// featurer writes the feature strings of token i into buf, given the tags already chosen
// for the tokens before it.
type featurer struct {
	buf []string
	sb  strings.Builder
}

func (f *featurer) add(parts ...string) {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	f.sb.Reset()
	f.sb.Grow(n)
	for i, p := range parts {
		if i > 0 {
			f.sb.WriteByte('|')
		}
		f.sb.WriteString(p)
	}
	f.buf = append(f.buf, f.sb.String())
}

const (
	bos = "<s>"
	eos = "</s>"
)

func at(toks []token, i int) *token {
	if i < 0 || i >= len(toks) {
		return nil
	}
	return &toks[i]
}

func lowerAt(toks []token, i int) string {
	switch {
	case i < 0:
		return bos
	case i >= len(toks):
		return eos
	}
	return toks[i].lower
}

func shapeAt(toks []token, i int) string {
	switch {
	case i < 0:
		return bos
	case i >= len(toks):
		return eos
	}
	return toks[i].shape
}

// features returns the features of token i; prev and prev2 are the tags of the two
// tokens before it ("<s>" at the start).
func (f *featurer) features(toks []token, i int, prev, prev2 string, headline bool) []string {
	f.buf = f.buf[:0]
	t := &toks[i]
	f.buf = append(f.buf, "bias")
	f.add("w", t.word)
	f.add("l", t.lower)
	f.add("s", t.shape)
	l := t.lower
	for n := 1; n <= 4; n++ {
		if len(l) >= n+1 {
			f.add("p"+itoa(n), l[:n])
			f.add("x"+itoa(n), l[len(l)-n:])
		}
	}
	f.add("l-1", lowerAt(toks, i-1))
	f.add("l-2", lowerAt(toks, i-2))
	f.add("l+1", lowerAt(toks, i+1))
	f.add("l+2", lowerAt(toks, i+2))
	f.add("s-1", shapeAt(toks, i-1))
	f.add("s+1", shapeAt(toks, i+1))
	f.add("s-1s+1", shapeAt(toks, i-1), t.shape, shapeAt(toks, i+1))
	f.add("t-1", prev)
	f.add("t-2t-1", prev2, prev)
	f.add("t-1l", prev, t.lower)
	f.add("t-1s", prev, t.shape)
	if t.pos != "" {
		f.add("pos", t.pos)
		if p := at(toks, i-1); p != nil {
			f.add("pos-1", p.pos)
		}
		if p := at(toks, i+1); p != nil {
			f.add("pos+1", p.pos)
		}
	}
	if t.gz != "" {
		f.add("gz", t.gz)
		f.add("gzs", t.gz, t.shape)
	}
	if p := at(toks, i-1); p != nil && p.gz != "" {
		f.add("gz-1", p.gz)
	}
	if p := at(toks, i+1); p != nil && p.gz != "" {
		f.add("gz+1", p.gz)
	}
	flag := func(name string, tk *token) {
		if tk == nil {
			return
		}
		for b, n := range [...]string{"title", "orghead", "particle", "group", "force"} {
			if tk.flags&(1<<b) != 0 {
				f.add(name, n)
			}
		}
	}
	flag("f", t)
	flag("f-1", at(toks, i-1))
	flag("f-2", at(toks, i-2))
	flag("f+1", at(toks, i+1))
	flag("f+2", at(toks, i+2))
	if t.flags&fFirst != 0 {
		f.add("first", t.shape)
	}
	if headline {
		f.add("head", t.shape)
	}
	return f.buf
}
