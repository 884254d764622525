package coref

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

func TestRepairSpans(t *testing.T) {
	ent := func(text, s, typ string) faultline.Entity {
		i := strings.Index(text, s)
		if t, ok := strings.CutSuffix(s, "#2"); ok { // the second occurrence
			s = t
			i = strings.Index(text, s)
			i += 1 + strings.Index(text[i+1:], s)
		}
		return faultline.Entity{Span: faultline.Span{Start: i, End: i + len(s), Text: s}, Type: typ}
	}
	for _, tc := range []struct {
		text string
		ents [][2]string // text, type
		want []string
	}{
		{"The Popular Front of Ruritania (formerly the Front) met.", [][2]string{{"Popular Front of", "ORG"}, {"Ruritania", "GPE"}}, []string{"Popular Front of Ruritania"}},
		{"The Popular Front of Ruritania met. The Popular Front of Ruritania left.", [][2]string{{"Popular Front of Ruritania", "ORG"}, {"Popular Front of", "ORG"}},
			[]string{"Popular Front of Ruritania", "Popular Front of Ruritania"}},
		{"The Blue Brigade of Colonel Vane attacked.", [][2]string{{"Blue Brigade of", "ORG"}, {"Colonel Vane", "PERSON"}}, []string{"Blue Brigade", "Colonel Vane"}},
		{"Ruritania’s Interior Ministry said.", [][2]string{{"’s Interior Ministry", "ORG"}}, []string{"Interior Ministry"}},
		{"The Treasury’s Office of Assets Control froze it.", [][2]string{{"Treasury’s Office of Assets Control", "ORG"}}, []string{"Office of Assets Control"}},
		{"Vane’s movement grew.", [][2]string{{"Vane’s movement", "ORG"}}, []string{"Vane’s movement"}},
		{"Orlo Vane spoke. The Treasury’s Vane said so.", [][2]string{{"Orlo Vane", "PERSON"}, {"Treasury’s Vane", "ORG"}}, []string{"Orlo Vane/PERSON", "Treasury/ORG", "Vane/PERSON"}},
		{"The Treasury’s Office said so.", [][2]string{{"Treasury’s Office", "ORG"}}, []string{"Treasury’s Office"}},
		{"The Popular Council of Ruritania met. The Popular Council of Ruritania left.", [][2]string{{"Popular Council of Ruritania", "ORG"}, {"Popular Council", "ORG"}, {"Ruritania", "GPE"}},
			[]string{"Popular Council of Ruritania", "Popular Council of Ruritania"}},
		{"The Popular Council of Ruritania met.", [][2]string{{"Popular Council", "ORG"}, {"Ruritania", "GPE"}}, []string{"Popular Council", "Ruritania"}},
		{"The Blue Brigade in Ruritania met.", [][2]string{{"Blue Brigade", "ORG"}, {"Ruritania", "GPE"}}, []string{"Blue Brigade", "Ruritania"}},
		{"The Jaish-al Haqq fought.", [][2]string{{"Jaish-al", "ORG"}}, []string{"Jaish-al Haqq"}},
		{"The Abu Bakr Brigade fought.", [][2]string{{"Abu", "ORG"}, {"Bakr Brigade", "ORG"}}, []string{"Abu Bakr Brigade"}},
		{"The Haqq (Truth) Front fought.", [][2]string{{"Truth) Front", "ORG"}}, []string{"Haqq (Truth) Front"}},
		{"General Sir Orlo Vane said so.", [][2]string{{"General Sir Orlo Vane", "ORG"}}, []string{"General Sir Orlo Vane/PERSON"}},
		{"The Supreme Council said so.", [][2]string{{"Supreme Council", "ORG"}}, []string{"Supreme Council/ORG"}},
		{"Ruritanian Shiites marched.", [][2]string{{"Ruritanian", "NORP"}, {"Shiites", "NORP"}}, []string{"Ruritanian", "Shiites"}},
		{"Iraqi Shiites marched.", [][2]string{{"Iraqi", "NORP"}, {"Shiites", "NORP"}}, []string{"Iraqi Shiites/NORP"}},
		{"Then Abdel-Aziz al-Vane spoke.", [][2]string{{"Abdel-Aziz", "LOC"}, {"al-Vane", "PERSON"}}, []string{"Abdel-Aziz al-Vane/PERSON"}},
		{"Orlo Vane Kel spoke.", [][2]string{{"Orlo Vane", "PERSON"}, {"Kel", "PERSON"}}, []string{"Orlo Vane Kel/PERSON"}},
		{"Orlo Vane and Kel spoke.", [][2]string{{"Orlo Vane", "PERSON"}, {"Kel", "PERSON"}}, []string{"Orlo Vane/PERSON", "Kel/PERSON"}},
		{"The Ruritanian National Congress met.", [][2]string{{"Ruritanian", "NORP"}, {"National Congress", "ORG"}}, []string{"Ruritanian National Congress/ORG"}},
		{"The Ruritanian Interior Ministry met. The Interior Ministry said.", [][2]string{{"Ruritanian", "NORP"}, {"Interior Ministry", "ORG"}, {"Interior Ministry#2", "ORG"}},
			[]string{"Ruritanian/NORP", "Interior Ministry/ORG", "Interior Ministry/ORG"}},
		{"Then Sayid Tewfiq spoke.", [][2]string{{"Tewfiq", "ORG"}}, []string{"Sayid Tewfiq/PERSON"}},
		{"The Rear Adm. Orlo Vane spoke.", [][2]string{{"Vane", "PERSON"}}, []string{"Orlo Vane/PERSON"}},
		{"In the south — and the north, — fighting.", [][2]string{{"south —", "LOC"}, {"north, —", "LOC"}}, []string{"south", "north"}},
		{"Officials of Ruritania met.", [][2]string{{"Officials of", "PERSON"}, {"Ruritania", "GPE"}}, []string{"Officials of", "Ruritania"}},
	} {
		var in []faultline.Entity
		for _, e := range tc.ents {
			in = append(in, ent(tc.text, e[0], e[1]))
		}
		var got []string
		typed := false
		for _, w := range tc.want {
			typed = typed || strings.Contains(w, "/")
		}
		for _, e := range repairSpans(tc.text, in) {
			if typed {
				got = append(got, tc.text[e.Start:e.End]+"/"+e.Type)
			} else {
				got = append(got, tc.text[e.Start:e.End])
			}
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
