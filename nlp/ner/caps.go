package ner

import (
	"bufio"
	"os"
	"strings"
)

// Capitalisation statistics: how often a word is written with a capital letter when it is
// not the first word of its sentence, counted over unlabelled text (the training sentences
// of GMB and GUM, and UD English EWT train). A word mostly capitalised inside sentences is
// probably a name ("Baghdad"), one mostly in lower case a common word even when capitalised
// ("Killing", "Punk"). Buckets: 0 unknown (seen fewer than 3 times), 1 <5%, 2 <30%, 3 <70%,
// 4 <95%, 5 >=95% capitalised.

type capCounter map[string]*[2]int // lower-case word -> {lower-case count, capitalised count}

func (c capCounter) add(words []string) {
	for i, w := range words {
		if i == 0 || w == "" {
			continue
		}
		l := strings.ToLower(w)
		if l == strings.ToUpper(w) {
			continue // no letters
		}
		n := c[l]
		if n == nil {
			n = new([2]int)
			c[l] = n
		}
		switch {
		case w == l:
			n[0]++
		case isCap(w):
			n[1]++
		}
	}
}

func (c capCounter) buckets() map[string]byte {
	out := map[string]byte{}
	for w, n := range c {
		tot := n[0] + n[1]
		if tot < 3 {
			continue
		}
		r := float64(n[1]) / float64(tot)
		var b byte
		switch {
		case r < 0.05:
			b = 1
		case r < 0.3:
			b = 2
		case r < 0.7:
			b = 3
		case r < 0.95:
			b = 4
		default:
			b = 5
		}
		out[w] = b
	}
	return out
}

// addCoNLLU counts the words of a CoNLL-U file's sentences.
func (c capCounter) addCoNLLU(path string) error {
	ss, err := readCoNLLUWords(path)
	for _, s := range ss {
		c.add(s)
	}
	return err
}

// readCoNLLUWords returns the words of a CoNLL-U file's sentences.
func readCoNLLUWords(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out [][]string
	var words []string
	flush := func() {
		if len(words) > 0 {
			out = append(out, words)
		}
		words = nil
	}
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if line[0] == '#' {
			continue
		}
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) < 2 || strings.ContainsAny(cols[0], "-.") {
			continue
		}
		words = append(words, cols[1])
	}
	flush()
	return out, sc.Err()
}
