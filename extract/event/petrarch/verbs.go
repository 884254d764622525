package petrarch

import (
	"strings"
)

// element is one position of a verb pattern: alternatives (each a word sequence) and
// whether it must be adjacent to its neighbour towards the verb.
type element struct {
	alts   [][]string
	adj    bool
	marker byte // '+' (the target starts here) or '$' (the source starts here); no words
}

type vpattern struct {
	pre, post []element // pre is stored nearest-to-verb first
	code      string
	size      int  // number of words, for choosing the most specific match
	compound  bool // "%": a compound subject acts on its own members
}

type verbBlock struct {
	code     string
	patterns []vpattern
}

// verbForm is one surface form of a verb: its words, which of them is the verb, its code.
type verbForm struct {
	words []string
	head  int
	code  string
	block *verbBlock
}

// ReadVerbs reads a PETRARCH verb dictionary: synsets (&NAME then +alternatives), verb
// blocks (--- NAME [code] ---), verb lines with {irregular forms} and patterns (- ... [code]).
func (d *Dictionaries) ReadVerbs(path string) error {
	lines, err := readLines(path)
	if err != nil {
		return err
	}
	var blk *verbBlock
	syn := ""
	var rawPatterns []struct {
		b    *verbBlock
		text string
		code string
	}
	for _, raw := range lines {
		t := strings.TrimSpace(raw)
		if strings.HasPrefix(t, "<") {
			continue
		}
		l := strings.TrimSpace(stripComment(raw))
		if l == "" {
			if syn != "" && strings.TrimSpace(raw) == "" {
				syn = ""
			}
			continue
		}
		switch {
		case strings.HasPrefix(l, "&"):
			syn = strings.Fields(l)[0][1:]
			blk = nil
		case syn != "" && strings.HasPrefix(l, "+"):
			d.synsets[syn] = append(d.synsets[syn], strings.Fields(strings.ReplaceAll(strings.ToUpper(l[1:]), "_", " ")))
		case strings.HasPrefix(l, "---"):
			syn = ""
			blk = &verbBlock{}
			inner := strings.Trim(l, "- ")
			if m := codeRE.FindStringSubmatch(inner); m != nil {
				blk.code = strings.TrimSpace(m[1])
			}
			name := strings.TrimSpace(codeRE.ReplaceAllString(inner, ""))
			if name != "" {
				d.addVerb(name, "", blk)
			}
		case blk == nil:
		case strings.HasPrefix(l, "-"):
			m := codeRE.FindAllStringSubmatch(l, -1)
			if m == nil {
				continue
			}
			text := l[1:strings.LastIndex(l, "[")]
			rawPatterns = append(rawPatterns, struct {
				b    *verbBlock
				text string
				code string
			}{blk, text, strings.TrimSpace(m[len(m)-1][1])})
		default: // a verb line
			code := ""
			if m := codeRE.FindStringSubmatch(l); m != nil {
				code = strings.TrimSpace(m[1])
				l = codeRE.ReplaceAllString(l, "")
			}
			var irregular []string
			if i := strings.Index(l, "{"); i >= 0 {
				if j := strings.Index(l, "}"); j > i {
					irregular = strings.Fields(l[i+1 : j])
					l = l[:i] + l[j+1:]
				}
			}
			name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "+"))
			if name == "" {
				continue
			}
			d.addVerb(name, code, blk)
			for _, f := range irregular {
				d.addForm(strings.TrimPrefix(f, "+"), code, blk, false)
			}
		}
	}
	// Patterns are compiled after all synsets are known.
	for _, rp := range rawPatterns {
		if p, ok := d.compile(rp.text, rp.code); ok {
			rp.b.patterns = append(rp.b.patterns, p)
		}
	}
	return nil
}

// addVerb adds a verb and its regular inflections.
func (d *Dictionaries) addVerb(name, code string, blk *verbBlock) {
	d.addForm(name, code, blk, true)
}

func (d *Dictionaries) addForm(name, code string, blk *verbBlock, inflect bool) {
	name = strings.ToUpper(strings.TrimSpace(name))
	ws := strings.Fields(strings.ReplaceAll(name, "_", " "))
	head := 0
	for i, w := range ws {
		if strings.HasPrefix(w, "+") {
			head = i
			ws[i] = w[1:]
		}
	}
	if len(ws) == 0 {
		return
	}
	forms := []string{ws[head]}
	if inflect {
		forms = inflections(ws[head])
	}
	for _, f := range forms {
		w2 := append([]string{}, ws...)
		w2[head] = f
		vf := &verbForm{words: w2, head: head, code: code, block: blk}
		d.verbs[f] = append(d.verbs[f], vf)
	}
}

func inflections(v string) []string {
	out := []string{v}
	n := len(v)
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	switch {
	case strings.HasSuffix(v, "E"):
		out = append(out, v+"S", v+"D", v[:n-1]+"ING")
	case strings.HasSuffix(v, "Y") && n > 1 && !vowel(v[n-2]):
		out = append(out, v[:n-1]+"IES", v[:n-1]+"IED", v+"ING")
	case strings.HasSuffix(v, "S") || strings.HasSuffix(v, "SH") || strings.HasSuffix(v, "CH") || strings.HasSuffix(v, "X") || strings.HasSuffix(v, "Z"):
		out = append(out, v+"ES", v+"ED", v+"ING")
	default:
		out = append(out, v+"S", v+"ED", v+"ING")
		if n >= 3 && !vowel(v[n-1]) && vowel(v[n-2]) && !vowel(v[n-3]) && strings.IndexByte("WXY", v[n-1]) < 0 {
			out = append(out, v+v[n-1:]+"ED", v+v[n-1:]+"ING")
		}
	}
	return out
}

// compile turns "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS" into elements around the verb.
func (d *Dictionaries) compile(text, code string) (vpattern, bool) {
	p := vpattern{code: code}
	var seq []element
	star := -1
	for _, tok := range strings.Fields(strings.ToUpper(text)) {
		parts := strings.Split(tok, "_")
		first := true
		for _, part := range parts {
			adjacent := !first
			first = false
			switch part {
			case "", "^":
				continue
			case "%":
				p.compound = true
				continue
			case "$", "+":
				seq = append(seq, element{marker: part[0]})
				continue
			case "*":
				star = len(seq)
				seq = append(seq, element{alts: nil, adj: adjacent})
				continue
			}
			if strings.HasPrefix(part, "+") || strings.HasPrefix(part, "$") {
				seq = append(seq, element{marker: part[0]})
			}
			part = strings.Trim(part, "$+%^")
			if part == "" {
				continue
			}
			var alts [][]string
			if strings.HasPrefix(part, "&") {
				alts = d.synsets[part[1:]]
				if alts == nil {
					alts = [][]string{{part}}
				}
			} else {
				alts = [][]string{{part}}
			}
			seq = append(seq, element{alts: alts, adj: adjacent})
			p.size++
		}
	}
	if star < 0 {
		return p, false
	}
	// pre: elements before the star, nearest first; an element's adj says it touches the
	// element after it (towards the verb).
	for i := star - 1; i >= 0; i-- {
		e := seq[i]
		e.adj = seq[i+1].adj
		p.pre = append(p.pre, e)
	}
	p.post = seq[star+1:]
	return p, true
}
