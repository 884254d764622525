package pos

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
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

	once   sync.Once
	parsed map[string]parsedRule // the rules, parsed; nil when packed holds them
	// packed holds the parsed rules keyed by packRule (one integer-keyed lookup per suffix
	// instead of a string-keyed one), and tagIDs the tags' numbers in those keys; nil when
	// a rule's key does not fit (a suffix over maxPacked bytes, more than 255 tags).
	packed map[uint64]parsedRule
	tagIDs map[string]uint64
	// filter has the bit filterBit(k) set for every key k of packed: most suffixes of a new
	// word have no rule, and a clear bit (in 64 KiB that stay in the cache) spares the probe
	// of the map.
	filter []uint64
}

// filterBits is log2 of the number of bits of Lemmatizer.filter: 2^19 bits for the ~28,000
// rules of the model, ~5% of absent keys pass it.
const filterBits = 19

// filterBit returns the bit of a packed key in Lemmatizer.filter.
func filterBit(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> (64 - filterBits) }

// maxPacked is the longest suffix packRule packs.
const maxPacked = 6

// packRule packs a rule's key, the number of its tag (1-255, 0 for a tag no rule has) and a
// suffix of at most maxPacked bytes: the tag in the top byte, the suffix's length in the
// next, its bytes below.
func packRule(tag uint64, suffix []byte) uint64 {
	k := tag<<56 | uint64(len(suffix))<<48
	for i, c := range suffix {
		k |= uint64(c) << (8 * i)
	}
	return k
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
		if got, _ := lm.lemma(word, tag, nil, false); got == lemma {
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
	l, _ := lm.lemma(form, xpos, nil, true)
	return l
}

// parsedRule is a rule "mode strip add" taken apart.
type parsedRule struct {
	lower bool
	strip int
	add   string
}

// prepare parses the rules once; lemma calls it lazily.
func (lm *Lemmatizer) prepare() {
	lm.once.Do(func() {
		lm.parsed = make(map[string]parsedRule, len(lm.Rules))
		for k, r := range lm.Rules {
			parts := strings.SplitN(r, " ", 3)
			if len(parts) != 3 {
				continue
			}
			n, err := strconv.Atoi(parts[1])
			if err != nil || n < 0 {
				continue
			}
			lm.parsed[k] = parsedRule{lower: parts[0] == "l", strip: n, add: parts[2]}
		}
		lm.packed, lm.tagIDs = make(map[uint64]parsedRule, len(lm.parsed)), map[string]uint64{}
		lm.filter = make([]uint64, 1<<filterBits/64)
		for k, r := range lm.parsed {
			tag, suffix, _ := strings.Cut(k, "\t")
			id, ok := lm.tagIDs[tag]
			if !ok {
				id = uint64(len(lm.tagIDs) + 1)
				lm.tagIDs[tag] = id
			}
			if id > 255 || len(suffix) > maxPacked {
				lm.packed, lm.tagIDs, lm.filter = nil, nil, nil
				return
			}
			pk := packRule(id, []byte(suffix))
			lm.packed[pk] = r
			b := filterBit(pk)
			lm.filter[b/64] |= 1 << (b % 64)
		}
		lm.parsed = nil // packed holds them all
	})
}

// rule returns the parsed rule of tag xpos (numbered tag in the packed keys) and the last k
// bytes of the lowercase form buf[:n]. It returns buf, grown or not, with buf[:n] unchanged.
func (lm *Lemmatizer) rule(xpos string, tag uint64, buf []byte, n, k int) (parsedRule, []byte, bool) {
	if lm.packed != nil {
		pk := packRule(tag, buf[n-k:n])
		if b := filterBit(pk); lm.filter[b/64]&(1<<(b%64)) == 0 {
			return parsedRule{}, buf, false
		}
		r, ok := lm.packed[pk]
		return r, buf, ok
	}
	key := append(buf[:n], xpos...) // the string key is built after the form
	key = append(key, '\t')
	key = append(key, key[n-k:n]...)
	r, ok := lm.parsed[string(key[n:])]
	return r, key, ok
}

// lemma is Lemma with a scratch buffer for map keys, so that known words cost no
// allocation. With table false it applies the rules only.
func (lm *Lemmatizer) lemma(form, xpos string, buf []byte, table bool) (string, []byte) {
	l, buf, out, ok := lm.lemmaTo(form, xpos, buf, nil, table)
	if !ok {
		l = string(out)
	}
	return l, buf
}

// lemmaTo is lemma without allocation: when the lemma is the form, a part of it or a stored
// string, it returns it with ok true; otherwise it appends the lemma's bytes to out and
// returns ok false, leaving the caller to make one string of many lemmas.
func (lm *Lemmatizer) lemmaTo(form, xpos string, buf, out []byte, table bool) (l string, _, _ []byte, ok bool) {
	if lm == nil {
		return form, buf, out, true
	}
	lm.prepare()
	proper := strings.HasPrefix(xpos, "NNP")
	buf = lowerInto(buf, form)
	n := len(buf)
	if table {
		key := append(buf, '\t')
		key = append(key, xpos...)
		buf = key[:n]
		if l, ok := lm.Table[string(key)]; ok {
			if proper && strings.EqualFold(l, form) {
				return form, buf, out, true
			}
			return l, buf, out, true
		}
	}
	// rules, keyed on xpos and a suffix of the lowercase form; buf[:n] is the lowercase form,
	// string keys are built after it
	lower := buf[:n]
	formLower := isLower(form)
	longest := min(lm.MaxSuffix, n)
	tag, known := lm.tagIDs[xpos]
	if lm.packed != nil {
		longest = min(longest, maxPacked) // no packed rule has a longer suffix
		if !known {
			longest = -1 // nor a tag no rule has
		}
	}
	for k := longest; k >= 0; k-- {
		var r parsedRule
		var ok bool
		r, buf, ok = lm.rule(xpos, tag, buf, n, k)
		buf = buf[:n]
		lower = buf
		if !ok || r.strip > k {
			continue // a rule may only rewrite the suffix it was matched on
		}
		// the base is the form or its lowercase
		useLower := (r.lower || !proper) && !formLower
		size := len(form)
		if useLower {
			size = len(lower)
		}
		if r.strip > size {
			continue
		}
		keep := size - r.strip
		if r.add == "" {
			if keep == 0 {
				continue
			}
			if !useLower {
				return form[:keep], buf, out, true
			}
			return "", buf, append(out, lower[:keep]...), false
		}
		if useLower {
			out = append(out, lower[:keep]...)
		} else {
			out = append(out, form[:keep]...)
		}
		return "", buf, append(out, r.add...), false
	}
	if proper || formLower {
		return form, buf, out, true
	}
	return "", buf, append(out, lower...), false
}

// isLower reports whether s has no upper-case letters.
func isLower(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
