package network

import (
	"strings"
	"sync"
	"unicode"

	"github.com/faultline/faultline"
	lex "github.com/faultline/faultline/lexicon/paradox"
)

// contrastCues indexes the cue phrases of lexicon/paradox/contrast.txt by their first word.
var contrastCues = sync.OnceValue(func() map[string][][]string {
	out := map[string][][]string{}
	for _, c := range lex.Contrast() {
		out[c[0]] = append(out[c[0]], c[1:])
	}
	return out
})

// hasContrast reports whether s contains a contrast cue ("yet", "despite", "in spite of",
// "ironically"; lexicon/paradox) as whole words, in any case.
func hasContrast(s string) bool {
	cues := contrastCues()
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range ws {
		for _, rest := range cues[w] {
			if len(ws)-i-1 < len(rest) {
				continue
			}
			ok := true
			for j, r := range rest {
				if ws[i+1+j] != r {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// contrastIndex remembers, per layer, the pieces of its evidence that carry a contrast cue;
// text gives a document's text ("" when unknown).
type contrastIndex struct {
	g     *Graph
	x     *evidenceIndex
	text  func(doc string) string
	cache map[layer][]faultline.Evidence
}

// cued returns the pieces of evidence of layer l that contain a contrast cue.
func (c *contrastIndex) cued(l layer) []faultline.Evidence {
	if evs, ok := c.cache[l]; ok {
		return evs
	}
	var evs []faultline.Evidence
	for _, it := range c.g.Edges[l.edge].Items {
		if it.Sign != l.sign {
			continue
		}
		t := c.text(it.Evidence.Doc)
		if s, e := it.Evidence.Start, it.Evidence.End; s >= 0 && s < e && e <= len(t) && hasContrast(t[s:e]) {
			evs = append(evs, it.Evidence)
		}
	}
	c.cache[l] = evs
	return evs
}

// contrasted reports whether the writer sets two relations of a paradox against each other:
// a piece of evidence of one carries a contrast cue and another relation of the paradox is
// reported within about two sentences of it (nearBytes) in the same document.
func (c *contrastIndex) contrasted(ls []layer) bool {
	if c == nil || c.text == nil {
		return false
	}
	for i, l := range ls {
		for _, ev := range c.cued(l) {
			for j, o := range ls {
				if j == i {
					continue
				}
				for _, oe := range c.x.of(o)[ev.Doc] {
					if oe.End >= ev.Start-nearBytes && oe.Start <= ev.End+nearBytes {
						return true
					}
				}
			}
		}
	}
	return false
}

// factor is the contrast multiplier of a paradox over layers ls: 1 + contrastBoost when the
// writer sets two of its relations against each other (contrasted), else 1.
func (c *contrastIndex) factor(ls []layer) float64 {
	if c.contrasted(ls) {
		return 1 + contrastBoost
	}
	return 1
}

// contrastBoost is how much a paradox gains when the writer sets two of its relations
// against each other (contrasted: a report of one carries a contradiction cue such as "yet",
// "despite", "ironically", and another is reported near it): analysts write the
// contradictions they notice that way, so such a paradox is likelier one a reader of the
// reporting would recognise.
const contrastBoost = 0.25
