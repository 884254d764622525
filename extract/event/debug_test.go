package event

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugSentence(t *testing.T) {
	s := os.Getenv("EVDEBUG")
	if s == "" {
		t.Skip()
	}
	parts := strings.Split(s, "|")
	for _, e := range New().Find(input(parts[0], "", parts[1:]...)) {
		src, tgt := "-", "-"
		if e.Source != nil {
			src = e.Source.Text
		}
		if e.Target != nil {
			tgt = e.Target.Text
		}
		fmt.Println(e.Trigger, e.CAMEO, src, "->", tgt, e.Modality)
	}
}
