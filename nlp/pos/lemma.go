package pos

import (
	"sort"
	"strconv"
	"strings"
)

// Lemmatizer maps a word and its Penn tag to a lemma: a table of the (lowercase word, tag)
// pairs seen in training, then suffix rules learned from them for unseen words.
type Lemmatizer struct {
	// Table maps lowercase word + "\t" + XPOS to the lemma.
	Table map[string]string
	// Rules maps XPOS + "\t" + a lowercase word suffix to a rule "mode strip add":
	// mode k keeps the case of the form, l lowercases it; strip bytes are cut from the
	// end and add appended.
	Rules map[string]string
	// MaxSuffix is the longest suffix Rules are keyed on.
	MaxSuffix int
}

// rule derives the rule that turns form into lemma.
func rule(form, lemma string) string {
	base, mode := form, "k"
	if !strings.HasPrefix(lemma, form[:min(1, len(form))]) || (len(form) > 0 && len(lemma) > 0 && form[0] != lemma[0]) {
		base, mode = strings.ToLower(form), "l"
	}
	p := 0
	for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
		p++
	}
	return mode + " " + strconv.Itoa(len(base)-p) + " " + lemma[p:]
}

// apply applies rule r to form; ok is false when the rule does not fit.
func apply(r, form string) (string, bool) {
	parts := strings.SplitN(r, " ", 3)
	if len(parts) != 3 {
		return "", false
	}
	base := form
	if parts[0] == "l" {
		base = strings.ToLower(form)
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n > len(base) {
		return "", false
	}
	return base[:len(base)-n] + parts[2], true
}

// TrainLemmatizer learns a lemmatizer from (form, xpos, lemma) triples.
func TrainLemmatizer(forms, xpos, lemmas []string) *Lemmatizer {
	const maxSuf = 5
	table := map[string]map[string]int{}
	rules := map[string]map[string]int{}
	for i, f := range forms {
		if f == "" || lemmas[i] == "" || lemmas[i] == "_" {
			continue
		}
		if !strings.HasPrefix(xpos[i], "NNP") {
			f = strings.ToLower(f)
		}
		key := strings.ToLower(f) + "\t" + xpos[i]
		if table[key] == nil {
			table[key] = map[string]int{}
		}
		table[key][lemmas[i]]++
		r := rule(f, lemmas[i])
		l := strings.ToLower(f)
		for k := 0; k <= maxSuf && k <= len(l); k++ {
			rk := xpos[i] + "\t" + l[len(l)-k:]
			if rules[rk] == nil {
				rules[rk] = map[string]int{}
			}
			rules[rk][r]++
		}
	}
	lm := &Lemmatizer{Table: map[string]string{}, Rules: map[string]string{}, MaxSuffix: maxSuf}
	for k, c := range table {
		lm.Table[k] = best(c)
	}
	for k, c := range rules {
		b := best(c)
		total := 0
		for _, n := range c {
			total += n
		}
		// keep a rule only when it is reliable or it is the tag's fallback
		if strings.HasSuffix(k, "\t") || c[b]*10 >= total*6 {
			lm.Rules[k] = b
		}
	}
	// drop table entries the rules already get right
	for k, lemma := range lm.Table {
		i := strings.IndexByte(k, '\t')
		word, tag := k[:i], k[i+1:]
		if got := lm.byRule(word, tag); got == lemma {
			delete(lm.Table, k)
		}
	}
	return lm
}

func best(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := ""
	for _, k := range keys {
		if b == "" || c[k] > c[b] {
			b = k
		}
	}
	return b
}

// Lemma returns the lemma of form tagged xpos.
func (lm *Lemmatizer) Lemma(form, xpos string) string {
	if lm == nil {
		return form
	}
	lower := strings.ToLower(form)
	if l, ok := lm.Table[lower+"\t"+xpos]; ok {
		if strings.HasPrefix(xpos, "NNP") && strings.EqualFold(l, form) {
			return form
		}
		return l
	}
	return lm.byRule(form, xpos)
}

func (lm *Lemmatizer) byRule(form, xpos string) string {
	lower := strings.ToLower(form)
	if !strings.HasPrefix(xpos, "NNP") {
		form = lower
	}
	for k := min(lm.MaxSuffix, len(lower)); k >= 0; k-- {
		if r, ok := lm.Rules[xpos+"\t"+lower[len(lower)-k:]]; ok {
			if strip(r) > k {
				continue // a rule may only rewrite the suffix it was matched on
			}
			if l, ok := apply(r, form); ok && l != "" {
				return l
			}
		}
	}
	if strings.HasPrefix(xpos, "NNP") {
		return form
	}
	return lower
}

// strip returns the number of bytes rule r cuts.
func strip(r string) int {
	parts := strings.SplitN(r, " ", 3)
	if len(parts) != 3 {
		return 1 << 30
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil {
		return 1 << 30
	}
	return n
}
