package eval

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

// FuzzReadGold feeds arbitrary gold files to the reader and the scorer: neither may panic.
func FuzzReadGold(f *testing.F) {
	f.Add(synthGold)
	f.Add(`{"actors":[{"id":"a","aliases":["A"],"docs":["1"]}],"events":[{"doc":"1","source":null,"cameo":"1"}]}`)
	f.Add(`{"quotes":[{"doc":"x","text":""}],"figures":[{"doc":"x","text":"","value_max":-1}],"paradoxes":[{"actors":["q"]}]}`)
	m := &faultline.Model{
		Documents: []faultline.DocumentRef{{ID: "d1_aa.txt"}},
		Actors:    []faultline.Actor{{ID: "a", Aliases: []string{"A", "Northern Front"}, Mentions: []faultline.Evidence{{Doc: "d1_aa.txt", Start: 5, End: 2}}}},
		Events:    []faultline.ModelEvent{{Doc: "d1", Source: "a", CAMEO: "1"}},
		Quotes:    []faultline.ModelQuote{{Doc: "d1", Speaker: "a", Start: -3, End: 900}},
		Paradoxes: []faultline.Paradox{{Actors: []string{"a"}}},
	}
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ReadGold(strings.NewReader(in))
		if err != nil {
			return
		}
		r := Score(g, m, map[string]string{"d1_aa.txt": synthText1})
		if !strings.HasPrefix(r.Line(), "eval aliasR=") {
			t.Fatal(r.Line())
		}
	})
}
