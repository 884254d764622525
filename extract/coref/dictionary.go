package coref

import (
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/lexicon/actors"
)

// notNameStart are capitalised sentence openers that never begin a dictionary name.
var notNameStart = map[string]bool{"the": true, "and": true, "if": true, "as": true, "but": true, "or": true,
	"when": true, "while": true, "by": true, "with": true, "to": true, "from": true, "at": true, "on": true,
	"in": true, "of": true, "for": true, "after": true, "before": true, "since": true, "a": true, "an": true}

// dictionary adds mentions for the runs of capitalised words (two to seven words) that
// are a name of the general actor dictionary and that no mention covers, longest first.
func (d *doc) dictionary() {
	dict, err := actors.Default()
	if err != nil || dict == nil {
		return
	}
	for _, r := range d.capRuns() {
		ws := strings.Fields(d.text[r[0]:r[1]])
		if len(ws) > 20 {
			continue
		}
		offs := make([]int, len(ws))
		pos := r[0]
		for i, w := range ws {
			offs[i] = pos + strings.Index(d.text[pos:], w)
			pos = offs[i] + len(w)
		}
		for i := 0; i < len(ws); {
			hit := false
			lw := strings.ToLower(strings.TrimSuffix(ws[i], "."))
			if startsUpper(ws[i]) && !actors.IsTitle(lw) && !notNameStart[lw] && !(actors.Demonym(lw) != "" && i+1 < len(ws) && actors.IsTitle(strings.ToLower(strings.TrimSuffix(ws[i+1], ".")))) {
				for j := min(len(ws), i+7); j >= i+2; j-- {
					last := strings.TrimSuffix(strings.TrimSuffix(ws[j-1], "’s"), "'s")
					last = strings.TrimRight(last, ".,;:’'")
					if !startsUpper(last) {
						continue
					}
					s, t := offs[i], offs[j-1]+len(last)
					if d.covered(s, t) {
						continue
					}
					name := d.text[s:t]
					e := dict.LookupTyped(name, faultline.ORG, faultline.PERSON, faultline.GPE)
					if e == nil {
						continue
					}
					d.add(faultline.Entity{Span: faultline.Span{Start: s, End: t}, Type: e.Type}, -1)
					i, hit = j, true
					break
				}
			}
			if !hit {
				i++
			}
		}
	}
}
