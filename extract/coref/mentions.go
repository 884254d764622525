package coref

import (
	"strings"

	"github.com/faultline/faultline"
)

// connectors are the function words that may sit inside an organisation's name ("Council
// of Iraq", "Union for Peace") but never end one.
var connectors = map[string]bool{"of": true, "for": true, "in": true, "and": true, "the": true, "on": true}

// repairSpans mends the boundaries of recognised organisation names before resolution:
//
//   - a name cut before its place ("Islamic Supreme Council of" + "Iraq") is joined to the
//     place that follows it after one space;
//   - a connector left dangling at the end ("Mehdi Army of") is cut off;
//   - a leading possessive ending ("’s Interior Ministry") is cut off;
//   - a possessive inside a name ("Treasury Department’s Office of Foreign Assets") keeps
//     the possessed name: the owner is a name of its own, not part of this one.
//
// Only entities without a document-level actor are touched.
func repairSpans(text string, ents []faultline.Entity) []faultline.Entity {
	out := ents[:0:0]
	for i := 0; i < len(ents); i++ {
		e := ents[i]
		if e.Actor != "" || e.Start < 0 || e.End > len(text) || e.Start >= e.End || e.Type != faultline.ORG {
			out = append(out, e)
			continue
		}
		// Leading possessive ending.
		for _, p := range []string{"’s ", "'s "} {
			if strings.HasPrefix(text[e.Start:e.End], p) {
				e.Start += len(p)
			}
		}
		// A possessive inside: keep the possessed name when it is capitalised.
		s := text[e.Start:e.End]
		for _, p := range []string{"’s ", "'s "} {
			if k := strings.LastIndex(s, p); k > 0 && k+len(p) < len(s) && startsUpper(s[k+len(p):]) && strings.Contains(s[k+len(p):], " ") {
				e.Start += k + len(p)
				break
			}
		}
		s = text[e.Start:e.End]
		if k := strings.LastIndexByte(s, ' '); k > 0 && connectors[s[k+1:]] {
			// Joined to the place that follows, or cut.
			joined := false
			if i+1 < len(ents) {
				n := ents[i+1]
				if n.Actor == "" && n.Start == e.End+1 && text[e.End] == ' ' && (n.Type == faultline.GPE || n.Type == faultline.LOC) &&
					n.End <= len(text) && startsUpper(text[n.Start:n.End]) {
					e.End = n.End
					i++
					joined = true
				}
			}
			if !joined {
				e.End = e.Start + k
			}
		}
		if e.Start >= e.End || strings.TrimSpace(text[e.Start:e.End]) == "" {
			continue
		}
		e.Text = text[e.Start:e.End]
		out = append(out, e)
	}
	return out
}
