package ner

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestTmpDbg(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("F"))
	d := annotate(t, string(b))
	for _, s := range d.Sentences {
		txt := d.Text[s.Start:s.End]
		if !strings.Contains(txt, os.Getenv("W")) {
			continue
		}
		var out []string
		for i := s.First; i < s.Last; i++ {
			out = append(out, d.Tokens[i].Norm+"/"+d.Tokens[i].Ent)
		}
		fmt.Println(strings.Join(out, " "))
		fmt.Println()
	}
}
