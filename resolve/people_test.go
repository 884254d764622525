package resolve

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

func TestPeopleNationality(t *testing.T) {
	tests := []struct {
		text, mention string
		want          string // ISO code of the people, "" for the state or no people noun
	}{
		{"Most Ruritanians distrust the court.", "Ruritanians", ""}, // not a known nationality
		{"Most Iranians distrust the clergy.", "Iranians", "IR"},
		{"Polls show many Syrians blame the militias.", "Syrians", "SY"},
		{"Ordinary Egyptians paid the price.", "Egyptians", "EG"},
		{"The raid ended with the gunmen killing Americans and Egyptians on the road.", "Americans", "US"},
		{"Some 62 per cent of Lebanese think so, and 60 per cent of all Jordanians agree.", "Jordanians", "JO"},
		{"With 300 Syrians being killed every month, the war goes on.", "Syrians", "SY"},
		{"The shelling left thousands of Iranians dead.", "Iranians", "IR"},
		{"The rockets killed several Egyptians and Jordanians.", "Jordanians", "JO"},
		{"The Syrians and the Iranians armed them.", "Iranians", ""},
		{"Jordanians who fled the fighting returned.", "Jordanians", "JO"},
		{"He said Egyptians \"voted for change\" last year.", "Egyptians", "EG"},
		// The state acting: metonymy, left to the state.
		{"The Iranians are investing in every faction.", "Iranians", ""},
		{"The Syrians signed the accord and the Iranians armed the militia.", "Iranians", ""},
		{"Talks stalled because the Americans refused to negotiate.", "Americans", ""},
		// Adjectives and singulars are not people nouns.
		{"Many Iranian officials left.", "Iranian", ""},
		{"An average Syrian earns little.", "Syrian", ""},
		{"Most Iraq watchers agree.", "Iraq", ""},
	}
	for _, tt := range tests {
		i := strings.Index(tt.text, tt.mention)
		got := peopleNationality(tt.text, i, i+len(tt.mention), faultline.NORP)
		if got != tt.want {
			t.Errorf("%q in %q: got %q, want %q", tt.mention, tt.text, got, tt.want)
		}
	}
}

// TestPeopleActor: a population named by a plural demonym is a nationality actor of its own,
// linked to its state by Country; the state acting under the same word stays the state.
func TestPeopleActor(t *testing.T) {
	m := build(t, nil,
		[2]any{"Iran denied it. Iranian officials met.", map[string]string{"Iran": G, "Iranian": N}},
		[2]any{"Most Iranians oppose the war. The Iranians are arming the militia.", map[string]string{"Iranians": N}},
		[2]any{"Thousands of Iranians marched.", map[string]string{"Iranians": N}},
	)
	at := func(doc string, start int) *faultline.Actor {
		for i := range m.Actors {
			for _, e := range m.Actors[i].Mentions {
				if e.Doc == doc && e.Start == start {
					return &m.Actors[i]
				}
			}
		}
		t.Fatalf("no actor at %s:%d", doc, start)
		return nil
	}
	state := at("d0", 0)
	people := at("d1", len("Most "))
	acting := at("d1", strings.Index("Most Iranians oppose the war. The Iranians", "The Iranians")+len("The "))
	marched := at("d2", len("Thousands of "))
	if adj := at("d0", len("Iran denied it. ")); adj.ID != state.ID {
		t.Errorf("the adjective 'Iranian' is %s, want the state %s", adj.ID, state.ID)
	}
	if acting.ID != state.ID {
		t.Errorf("the state acting ('the Iranians are arming') is %s, want the state %s", acting.ID, state.ID)
	}
	if people.ID == state.ID {
		t.Fatalf("the population ('most Iranians') merged into the state %s", state.ID)
	}
	if marched.ID != people.ID {
		t.Errorf("the population across documents: %s and %s", marched.ID, people.ID)
	}
	if people.Type != faultline.NORP || people.Country != state.Country || people.Country == "" {
		t.Errorf("people actor %+v: want NORP with the state's country %q", people, state.Country)
	}
}
