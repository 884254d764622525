package pos

import (
	"maps"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// refLemma is the lemmatizer's definition, written plainly: the table, then the rules keyed
// on the string tag + "\t" + suffix, longest suffix first. Lemma must agree with it whichever
// way the rules are looked up.
func refLemma(lm *Lemmatizer, form, xpos string) string {
	proper := strings.HasPrefix(xpos, "NNP")
	lower := string(lowerInto(nil, form))
	if l, ok := lm.Table[lower+"\t"+xpos]; ok {
		if proper && strings.EqualFold(l, form) {
			return form
		}
		return l
	}
	formLower := isLower(form)
	for k := min(lm.MaxSuffix, len(lower)); k >= 0; k-- {
		rs, ok := lm.Rules[xpos+"\t"+lower[len(lower)-k:]]
		if !ok {
			continue
		}
		parts := strings.SplitN(rs, " ", 3)
		if len(parts) != 3 {
			continue
		}
		strip, err := strconv.Atoi(parts[1])
		if err != nil || strip < 0 || strip > k {
			continue
		}
		base := form
		if (parts[0] == "l" || !proper) && !formLower {
			base = lower
		}
		if strip > len(base) || (parts[2] == "" && strip == len(base)) {
			continue
		}
		return base[:len(base)-strip] + parts[2]
	}
	if proper || formLower {
		return form
	}
	return lower
}

// lemmaCases returns words and tags to compare lemmatizers on: the words of the test news
// text in three casings, and for every rule a word ending in its suffix, with the rule's tag.
func lemmaCases(t *testing.T, lm *Lemmatizer) (words, tags []string) {
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	tagSet := map[string]bool{"ZZ": true, "NNP": true, "": true}
	for k := range lm.Rules {
		tag, suffix, _ := strings.Cut(k, "\t")
		tagSet[tag] = true
		for _, w := range []string{suffix, "x" + suffix, "Re" + suffix, "ÉT" + strings.ToUpper(suffix)} {
			words, tags = append(words, w), append(tags, tag)
		}
	}
	for _, w := range strings.FieldsFunc(string(text), func(r rune) bool { return unicode.IsSpace(r) || r == '"' }) {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToLower(w), strings.Title(w)} {
			for tag := range tagSet {
				words, tags = append(words, v), append(tags, tag)
			}
		}
	}
	return words, tags
}

// TestLemmaPacked checks the model's lemmatizer, with its rules packed into integer keys
// and with the string-keyed lookup it falls back to, against refLemma.
func TestLemmaPacked(t *testing.T) {
	tg := load(t)
	lm := tg.lemma
	lm.prepare()
	if lm.packed == nil {
		t.Fatal("the model's rules are not packed")
	}
	// The same rules and one that cannot be packed, of a tag no word gets: the string keys.
	strs := &Lemmatizer{Table: lm.Table, Rules: maps.Clone(lm.Rules), MaxSuffix: lm.MaxSuffix}
	strs.Rules["UNPACKED\tlongsuffix"] = "k 1 "
	strs.prepare()
	if strs.packed != nil {
		t.Fatal("a 10-byte suffix was packed")
	}
	words, tags := lemmaCases(t, lm)
	for i, w := range words {
		want := refLemma(lm, w, tags[i])
		if got := lm.Lemma(w, tags[i]); got != want {
			t.Fatalf("Lemma(%q, %q) = %q, want %q", w, tags[i], got, want)
		}
		if got := strs.Lemma(w, tags[i]); got != want {
			t.Fatalf("string-keyed Lemma(%q, %q) = %q, want %q", w, tags[i], got, want)
		}
	}
	t.Logf("%d words", len(words))
}

// TestLemmaUnpacked checks rules that do not fit packed keys (a suffix longer than maxPacked).
func TestLemmaUnpacked(t *testing.T) {
	lm := &Lemmatizer{Rules: map[string]string{"NNS\tversities": "k 3 y", "NNS\ts": "k 1 ", "NNS\t": "k 0 "}, MaxSuffix: 9}
	for _, w := range []string{"universities", "UNIVERSITIES", "cats", "s", "", "fish"} {
		if got, want := lm.Lemma(w, "NNS"), refLemma(lm, w, "NNS"); got != want {
			t.Errorf("Lemma(%q) = %q, want %q", w, got, want)
		}
	}
	if lm.packed != nil {
		t.Error("a 9-byte suffix was packed")
	}
}

// FuzzLemma compares the model's lemmatizer with refLemma on any word and tag.
func FuzzLemma(f *testing.F) {
	tg, err := Load()
	if err != nil {
		f.Skip("no model:", err)
	}
	for _, s := range []struct{ w, tag string }{{"walked", "VBD"}, {"Cities", "NNS"}, {"ÉTÉS", "NNS"}, {"x\xff", "NN"}, {"", "ZZ"}} {
		f.Add(s.w, s.tag)
	}
	f.Fuzz(func(t *testing.T, w, tag string) {
		if strings.Contains(tag, "\t") {
			return // tags never hold a tab; a string key could then match another tag's rule
		}
		if got, want := tg.lemma.Lemma(w, tag), refLemma(tg.lemma, w, tag); got != want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", w, tag, got, want)
		}
	})
}
