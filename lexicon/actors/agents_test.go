package actors

import (
	"strings"
	"testing"
)

func TestParsePhoenixAgents(t *testing.T) {
	in := `
!PERSON! = MAN, MEN, WOMAN
# a comment line
HERDS!PERSON! [~AGR]
RIOT_POLICE {} [~COP]
CAMEL_TRADER {CAMEL_TRADERS} [~BUS]   # trailing comment
TREASURY [~GOV]
`
	got, err := ParsePhoenixAgents(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Agent{
		{"herdsman", "PERSON", "AGR"},
		{"herdsmen", "ORG", "AGR"}, // the shipped table knows "man": its plural is a group
		{"herdswoman", "PERSON", "AGR"},
		{"riot police", "ORG", "COP"},
		{"camel trader", "PERSON", "BUS"},
		{"camel traders", "ORG", "BUS"},
		{"treasury", "ORG", "GOV"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("agent %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParsePhoenixAgentsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FARMER", "line 1: want NOUN {PLURALS} [~CODE]"},
		{"FARMER [AGR]", `line 1: agent code "AGR"`},
		{"\n!X! =", "line 2: macro !X! has no words"},
		{"!X = A", "line 1: a macro is"},
		{"CATTLE!PERSON! [~AGR]", "macro !PERSON! used before it is defined"},
		{"FARM WORKER [~AGR]", "want one NOUN"},
		{"FARMER {FARMERS [~AGR]", "unclosed {plurals}"},
		{"FARMER \xff [~AGR]", "not UTF-8"},
		{strings.Repeat("A", 5000) + " [~AGR]", "longer than"},
		{"!M! = " + strings.Repeat("A, ", 40) + "B\nX!M!!M! [~AGR]", "stands for more than 1000 nouns"},
	}
	for _, tt := range tests {
		_, err := ParsePhoenixAgents(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%.40q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestDictionaryAgentType(t *testing.T) {
	d := (&Dictionary{}).WithAgents([]Agent{{"camel trader", "PERSON", "BUS"}, {"camel traders", "ORG", "BUS"}, {"policeman", "ORG", "COP"}})
	tests := []struct{ desc, want string }{
		{"a wealthy camel trader", "PERSON"},
		{"the camel traders", "ORG"},
		{"a policeman", "ORG"},  // the added noun wins over the shipped table
		{"a soldier", "PERSON"}, // the shipped table still answers
		{"a ceasefire", ""},
	}
	for _, tt := range tests {
		if got := d.AgentType(tt.desc); got != tt.want {
			t.Errorf("AgentType(%q) = %q, want %q", tt.desc, got, tt.want)
		}
	}
	if got := d.With(nil).AgentType("a camel trader"); got != "PERSON" {
		t.Errorf("With dropped the agents: %q", got)
	}
	for _, a := range []Agent{{"camel trader", "PERSON", "BUS"}, {"riot police", "ORG", ""}} {
		if b, err := ParseAgentLine(a.String()); err != nil || b != a {
			t.Errorf("round trip of %+v: %+v, %v", a, b, err)
		}
	}
}

func FuzzParsePhoenixAgents(f *testing.F) {
	f.Add("!P! = MAN, MEN\nHERDS!P! {X!P!} [~AGR] # c\n")
	f.Add("A_B {} [~GOV]\n")
	f.Add("!A! = !B!\nX!A! [~X]")
	f.Fuzz(func(t *testing.T, in string) {
		agents, err := ParsePhoenixAgents(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, a := range agents {
			if a.Noun == "" || (a.Type != "PERSON" && a.Type != "ORG") {
				t.Fatalf("bad agent %+v", a)
			}
			if b, err := ParseAgentLine(a.String()); err != nil || b != a {
				t.Fatalf("round trip of %+v: %+v, %v", a, b, err)
			}
		}
	})
}
