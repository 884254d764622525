package coref

import (
	"regexp"
	"strings"

	"github.com/faultline/faultline"
)

var renameRe = regexp.MustCompile(`^\s*(?:,|\()?\s*(?:(?:which|that|who)\s+(?:was|were|is|are|has|had)\s+)?(?:formerly|previously|once|earlier|now|later|since)\s+(?:known\s+as|called|named)?\s*$|^\s+(?:changed\s+(?:its|their)\s+name\s+(?:from\s+.*\s+)?to|renamed\s+(?:itself|themselves)?\s*(?:as)?|was\s+renamed(?:\s+as)?|became)\s*$`)

var parenAcr = regexp.MustCompile(`^\s*[(\[][^()\[\]]{1,12}[)\]]`)

// renameWords are the words one of which every match of renameRe holds.
var renameWords = []string{"formerly", "previously", "once", "earlier", "now", "later", "since", "changed", "renamed", "became"}

// mayRename reports whether renameRe may match s: s holds one of renameWords.
func mayRename(s string) bool {
	for _, w := range renameWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// renames links "X, formerly known as Y", "X changed its name to Y" and "X renamed itself Y".
func (d *doc) renames() {
	for i := 0; i+1 < len(d.ents); i++ {
		a := d.ents[i]
		if a.Type == faultline.PERSON {
			continue
		}
		for j := i + 1; j < len(d.ents) && j <= i+3; j++ {
			b := d.ents[j]
			if b.Start < a.End || b.Start-a.End > 80 || d.sent[i] != d.sent[j] {
				break
			}
			if b.Type == faultline.PERSON || !typesAgree(a.Type, b.Type) {
				continue
			}
			between := strings.ToLower(d.text[a.End:b.Start])
			// The closing parenthesis of an acronym ("(SCIRI) renamed itself"), or the
			// acronym itself after the full name.
			between = strings.TrimPrefix(strings.TrimPrefix(between, ")"), "]")
			if m := parenAcr.FindStringIndex(between); m != nil {
				between = between[m[1]:]
			}
			between = strings.TrimRight(between, " \"'\u201c")
			between = strings.TrimSuffix(strings.TrimSuffix(between, " the"), " a")
			if mayRename(between) && renameRe.MatchString(between) {
				d.union(i, j)
				break
			}
		}
	}
}
