package coref

import "testing"

var regexpPrefilterTexts = []string{
	" (JAM) said", "  [ISCI] and", ", or the SCIRI, was", " or JAM", ",or JAM", "(JAM)", " and the", ", which", "",
	", formerly known as", " changed its name to", " renamed itself", " was renamed as", " became", ", which was once called",
	" (sciri) now", " and", "\t(X.Y.)", "\n or the AB", ", \tor AB",
}

// TestRegexpPrefilters checks that mayDefine and mayRename hold wherever their regexps match.
func TestRegexpPrefilters(t *testing.T) {
	n := 0
	for _, s := range regexpPrefilterTexts {
		n += checkRegexpPrefilters(t, s)
	}
	if n < 8 {
		t.Errorf("%d matches, want 8 or more", n)
	}
}

func checkRegexpPrefilters(t *testing.T, s string) (n int) {
	t.Helper()
	if acrDef.MatchString(s) {
		n++
		if !mayDefine(s) {
			t.Errorf("acrDef matches %q, mayDefine does not hold", s)
		}
	}
	if renameRe.MatchString(s) {
		n++
		if !mayRename(s) {
			t.Errorf("renameRe matches %q, mayRename does not hold", s)
		}
	}
	return n
}

// FuzzRegexpPrefilters checks the same on any text.
func FuzzRegexpPrefilters(f *testing.F) {
	for _, s := range regexpPrefilterTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkRegexpPrefilters(t, s) })
}
