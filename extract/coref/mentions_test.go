package coref

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

func TestRepairSpans(t *testing.T) {
	ent := func(text, s, typ string) faultline.Entity {
		i := strings.Index(text, s)
		return faultline.Entity{Span: faultline.Span{Start: i, End: i + len(s), Text: s}, Type: typ}
	}
	for _, tc := range []struct {
		text string
		ents [][2]string // text, type
		want []string
	}{
		{"The Popular Front of Ruritania (formerly the Front) met.", [][2]string{{"Popular Front of", "ORG"}, {"Ruritania", "GPE"}}, []string{"Popular Front of Ruritania"}},
		{"The Blue Brigade of Colonel Vane attacked.", [][2]string{{"Blue Brigade of", "ORG"}, {"Colonel Vane", "PERSON"}}, []string{"Blue Brigade", "Colonel Vane"}},
		{"Ruritania’s Interior Ministry said.", [][2]string{{"’s Interior Ministry", "ORG"}}, []string{"Interior Ministry"}},
		{"The Treasury’s Office of Assets Control froze it.", [][2]string{{"Treasury’s Office of Assets Control", "ORG"}}, []string{"Office of Assets Control"}},
		{"Vane’s movement grew.", [][2]string{{"Vane’s movement", "ORG"}}, []string{"Vane’s movement"}},
		{"Officials of Ruritania met.", [][2]string{{"Officials of", "PERSON"}, {"Ruritania", "GPE"}}, []string{"Officials of", "Ruritania"}},
	} {
		var in []faultline.Entity
		for _, e := range tc.ents {
			in = append(in, ent(tc.text, e[0], e[1]))
		}
		var got []string
		for _, e := range repairSpans(tc.text, in) {
			got = append(got, tc.text[e.Start:e.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestPossessor(t *testing.T) {
	for _, tc := range []struct {
		in, who, class string
		bare           bool
	}{
		{"Vane’s regime", "Vane", "gov", false},
		{"the Orlo Vane regime", "Orlo Vane", "gov", true},
		{"Orlo Vane's government", "Orlo Vane", "gov", false},
		{"followers of Orlo al-Vane", "Orlo al-Vane", "fol", false},
		{"Al Vane's followers", "Al Vane", "fol", false},
		{"Vane’s new movement", "Vane", "fol", false},
		{"Ruritanian government", "Ruritanian", "gov", true},
		{"Shiite-led government", "", "", false},
		{"Vane’s house", "", "", false},
		{"Blue Brigade", "", "", false},
	} {
		p, ok := Possessor(tc.in)
		who := ""
		if ok {
			who = tc.in[p.Start:p.End]
		}
		if who != tc.who || p.Class != tc.class || p.Bare != tc.bare {
			t.Errorf("Possessor(%q) = %q %q %v, want %q %q %v", tc.in, who, p.Class, p.Bare, tc.who, tc.class, tc.bare)
		}
	}
}
