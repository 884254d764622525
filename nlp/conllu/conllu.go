// Package conllu reads the basic layer of CoNLL-U treebanks (Universal Dependencies): one
// word per line, multiword-token ranges and empty nodes skipped.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence.
type Word struct {
	Form, Lemma, UPOS, XPOS string
	Head                    int // index in the sentence, -1 for the root
	Rel                     string
}

// Sentence is a sentence of words.
type Sentence struct {
	ID    string
	Words []Word
}

// Read reads all sentences from r.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			if len(cur.Words) > 0 {
				out = append(out, cur)
			}
			cur = Sentence{}
			continue
		}
		if strings.HasPrefix(l, "#") {
			if strings.HasPrefix(l, "# sent_id = ") {
				cur.ID = strings.TrimPrefix(l, "# sent_id = ")
			}
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d fields", line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue
		}
		head := -1
		if f[6] != "_" {
			h, err := strconv.Atoi(f[6])
			if err != nil {
				return nil, fmt.Errorf("conllu: line %d: head %q", line, f[6])
			}
			head = h - 1
		}
		cur.Words = append(cur.Words, Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Head: head, Rel: f[7]})
	}
	if len(cur.Words) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// ReadFile reads a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f)
}
