package resolve

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline/faultline/lexicon/actors"
)

// recoverMentions finds, in every document, the names that resolution learned from the
// corpus — multi-word names and acronyms of one actor, capitalised — where the recogniser
// missed them, and adds them as mentions of that actor. A name that belongs to several
// actors is not used. Documents are scanned word by word, looking names up by their first
// word, so the cost grows with the text, not with the number of names.
func (b *builder) recoverMentions() error {
	byText := map[string]*recForm{}
	for i := range b.nodes {
		r := b.find(i)
		for _, mi := range b.nodes[i].mentions {
			m := b.ments[mi]
			f := m.text
			if m.pronoun || m.nominal || m.desc || len(f) < 4 || !startsUpperStr(f) {
				continue
			}
			if !strings.Contains(f, " ") && actors.Acronym(f) == "" {
				continue
			}
			if x, ok := byText[f]; ok {
				if x.root != r {
					x.root = -1
				}
				continue
			}
			byText[f] = &recForm{f, m.typ, r}
		}
	}
	byFirst := map[string][]*recForm{}
	for _, f := range byText {
		if f.root < 0 {
			continue
		}
		w := firstWords(f.text)
		byFirst[w] = append(byFirst[w], f)
	}
	for _, fs := range byFirst {
		sort.Slice(fs, func(i, j int) bool {
			if len(fs[i].text) != len(fs[j].text) {
				return len(fs[i].text) > len(fs[j].text)
			}
			return fs[i].text < fs[j].text
		})
	}
	if len(byFirst) == 0 {
		return nil
	}
	for di := range b.docs {
		if b.docs[di].ext == nil {
			continue // not extracted: no mentions
		}
		text, err := b.src.Text(di, b.docs[di].ID)
		if err != nil {
			return err
		}
		covered := make([]bool, len(text)+1)
		for _, ni := range b.docNodes(di) {
			for _, mi := range b.nodes[ni].mentions {
				m := b.ments[mi]
				for k := m.start; k < m.end && k < len(text); k++ {
					if k >= 0 {
						covered[k] = true
					}
				}
			}
		}
		for pos := 0; pos < len(text); {
			r, n := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsUpper(r) || covered[pos] || pos > 0 && isWordByte(text[pos-1]) {
				pos += n
				continue
			}
			end := pos
			for end < len(text) && text[end] != ' ' && text[end] != '\n' {
				end++
			}
			end2 := end
			if end2 < len(text) && text[end2] == ' ' {
				end2++
				for end2 < len(text) && text[end2] != ' ' && text[end2] != '\n' {
					end2++
				}
			}
			var hit *recForm
			cands := append(candidates(byFirst, text[pos:end2]), candidates(byFirst, text[pos:end])...)
			for _, f := range cands {
				e := pos + len(f.text)
				if e <= len(text) && text[pos:e] == f.text && (e == len(text) || !isWordByte(text[e])) && !anyCovered(covered, pos, e) {
					hit = f
					break
				}
			}
			if hit == nil {
				pos += n
				continue
			}
			e := pos + len(hit.text)
			for k := pos; k < e; k++ {
				covered[k] = true
			}
			b.addRecovered(di, pos, e, hit.text, hit.typ, hit.root)
			pos = e
		}
	}
	return nil
}

// firstWords returns the first two words of a name (one for a one-word name): the index
// key, so that common first words ("The") do not gather every name.
func firstWords(s string) string {
	k := strings.IndexByte(s, ' ')
	if k < 0 {
		return s
	}
	if j := strings.IndexByte(s[k+1:], ' '); j >= 0 {
		return s[:k+1+j]
	}
	return s
}

// recForm is a name learned from the corpus and the cluster it belongs to.
type recForm struct {
	text, typ string
	root      int
}

// candidates returns the forms whose first words are words, or words without trailing
// punctuation.
func candidates(byFirst map[string][]*recForm, word string) []*recForm {
	if word == "" {
		return nil
	}
	if fs, ok := byFirst[word]; ok {
		return fs
	}
	return byFirst[strings.TrimRight(word, ".,;:!?)\u2019'\"\u201d")]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func anyCovered(covered []bool, s, e int) bool {
	for k := s; k < e; k++ {
		if covered[k] {
			return true
		}
	}
	return false
}

func startsUpperStr(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// docNodes returns the nodes of document di.
func (b *builder) docNodes(di int) []int {
	return b.nodesByDoc[di]
}

// addRecovered adds a mention found by recoverMentions as a node of its own in the
// cluster root. While spanMention is in use (cluster), the caller records the mention in
// b.spanIx too (spanIndex.added; possessed): kept out of here so that this stays small
// enough to inline into recoverMentions' loop.
func (b *builder) addRecovered(di, start, end int, text, typ string, root int) {
	ni := len(b.nodes)
	mi := len(b.ments)
	b.ments = append(b.ments, mention{doc: di, start: start, end: end, text: text, typ: typ, node: ni})
	b.nodes = append(b.nodes, node{doc: di, mentions: []int{mi}, typ: typ, forms: []string{text}})
	b.nodesByDoc[di] = append(b.nodesByDoc[di], ni)
	b.par = append(b.par, root)
}
