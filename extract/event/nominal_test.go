package event

import (
	"testing"
)

// TestNominalPatient checks that the party an event noun's "of" phrase names (the occupied
// country of "the occupation of B") is no argument of the verb governing that noun: an
// opposition to an occupation is directed at the occupier, never at the occupied.
func TestNominalPatient(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want []want
	}{
		// the of-patient of an event noun is not the object of the verb
		{"The Red Brigade opposes the occupation of Valdora.",
			[]string{"Red Brigade/ORG", "Valdora/GPE"},
			nil},
		{"The Red Brigade condemned the invasion of Valdora.",
			[]string{"Red Brigade/ORG", "Valdora/GPE"},
			nil},
		// the occupier, after "by", is
		{"The Red Brigade opposes the occupation of Valdora by Norland.",
			[]string{"Red Brigade/ORG", "Valdora/GPE", "Norland/GPE"},
			[]want{{"opposes", "Red Brigade", "Norland", "110", "asserted"}, {"occupation", "Norland", "Valdora", "192", "asserted"}}},
		// and so is a possessor before the noun
		{"The Red Brigade condemned Norland's occupation of Valdora.",
			[]string{"Red Brigade/ORG", "Norland/GPE", "Valdora/GPE"},
			[]want{{"condemned", "Red Brigade", "Norland", "111", "asserted"}, {"occupation", "Norland", "Valdora", "192", "asserted"}}},
		// a noun that names no event keeps its "of" phrase as the target
		{"The Red Brigade attacked the garrison of Valdora.",
			[]string{"Red Brigade/ORG", "Valdora/GPE"},
			[]want{{"attacked", "Red Brigade", "Valdora", "190", "asserted"}}},
		{"The Red Brigade attacked the headquarters of the Hill Tigers.",
			[]string{"Red Brigade/ORG", "Hill Tigers/ORG"},
			[]want{{"attacked", "Red Brigade", "Hill Tigers", "190", "asserted"}}},
		// a "to"-phrase after the event noun introduces a target again
		{"The Red Brigade blamed the bombing of the market on the Hill Tigers.",
			[]string{"Red Brigade/ORG", "Hill Tigers/ORG"},
			[]want{{"blamed", "Red Brigade", "Hill Tigers", "112", "asserted"}}},
	}
	for _, tc := range tests {
		got := code(x.Find(input(tc.text, "2021-03-04", tc.ents...)))
		if !sameWants(got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.text, got, tc.want)
		}
	}
}

// TestNominalPatientSubject checks the subject side: the occupied country in "the
// occupation of B has facilitated ..." is not the agent of the verb.
func TestNominalPatientSubject(t *testing.T) {
	x := New()
	text := "\u201cThe Northern military occupation of Valdora has facilitated a Norland political occupation of Valdora,\u201d says Peter Brandt, a former envoy."
	for _, e := range x.Find(input(text, "2021-03-04", "Northern military/ORG", "Valdora/GPE", "Norland/GPE", "Valdora/GPE", "Peter Brandt/PERSON")) {
		if e.Source != nil && e.Source.Text == "Valdora" {
			t.Errorf("%s: the occupied country is the source: %+v", e.Trigger, e)
		}
	}
}

// TestPurposeModality checks that an event named as a purpose or a readiness ("trained
// them to use rockets to attack B", "its willingness to tolerate B") is not asserted, while
// one that was carried out is.
func TestPurposeModality(t *testing.T) {
	x := New()
	tests := []struct {
		text, trigger string
		ents          []string
		modality      string
	}{
		{"Norland trained the fighters to use rockets to attack the Valdoran army.", "attack",
			[]string{"Norland/GPE", "Valdoran army/ORG"}, "hypothetical"},
		{"Norland has shown its willingness to tolerate the Red Brigade.", "tolerate",
			[]string{"Norland/GPE", "Red Brigade/ORG"}, "hypothetical"},
		{"The Red Brigade is willing to negotiate with the Hill Tigers.", "negotiate",
			[]string{"Red Brigade/ORG", "Hill Tigers/ORG"}, "hypothetical"},
		// carried out: asserted
		{"Norland used rockets to attack the Valdoran army.", "attack",
			[]string{"Norland/GPE", "Valdoran army/ORG"}, "asserted"},
		{"Norland attacked the Valdoran army with rockets.", "attacked",
			[]string{"Norland/GPE", "Valdoran army/ORG"}, "asserted"},
	}
	for _, tc := range tests {
		found := false
		for _, e := range x.Find(input(tc.text, "2021-03-04", tc.ents...)) {
			if e.Trigger == tc.trigger {
				found = true
				if e.Modality != tc.modality {
					t.Errorf("%q: %s is %s, want %s", tc.text, e.Trigger, e.Modality, tc.modality)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %q event", tc.text, tc.trigger)
		}
	}
}

// sameWants compares event lists as sets.
func sameWants(got, exp []want) bool {
	if len(got) != len(exp) {
		return false
	}
	seen := map[want]int{}
	for _, w := range exp {
		seen[w]++
	}
	for _, g := range got {
		if seen[g] == 0 {
			return false
		}
		seen[g]--
	}
	return true
}

// TestNominalAgent checks that the "of" phrase of an event noun other than force (a
// withdrawal, a visit) stays the target of the verb governing the noun: it names who acts.
func TestNominalAgent(t *testing.T) {
	x := New()
	got := code(x.Find(input("The Red Brigade demanded the withdrawal of Norland's troops.", "2021-03-04", "Red Brigade/ORG", "Norland/GPE")))
	want := []want{{"demanded", "Red Brigade", "Norland", "100", "asserted"}}
	if !sameWants(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestPlaceLeftAndGerundObject checks two more phrases inside a verb's object that are no
// target of the verb: the place an event noun's "from" phrase names ("a withdrawal from
// B") and the object of a gerund after "of" ("the policy of arming B").
func TestPlaceLeftAndGerundObject(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want []want
	}{
		{"Ilves agreed to contemplate a withdrawal from Valdora.",
			[]string{"Ilves/PERSON", "Valdora/GPE"}, nil},
		{"Brandt warned against the policy of arming Valdora.",
			[]string{"Brandt/PERSON", "Valdora/GPE"}, nil},
		// the giver of "aid from B" is no place left: B stays the target
		{"Ilves refused to accept aid from Valdora.",
			[]string{"Ilves/PERSON", "Valdora/GPE"},
			[]want{{"refused", "Ilves", "Valdora", "120", "asserted"}, {"aid", "Ilves", "Valdora", "120", "asserted"}}},
	}
	for _, tc := range tests {
		got := code(x.Find(input(tc.text, "2021-03-04", tc.ents...)))
		if !sameWants(got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.text, got, tc.want)
		}
	}
}

// TestPassiveSubjectParenthetical checks that the subject of a passive stays its patient
// across a phrase set off by commas, and that a possessor, also a possessive pronoun that
// coreference made a mention, stands for the patient ("his house was burned").
func TestPassiveSubjectParenthetical(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want []want
	}{
		{"His house, together with his car, was burned to the ground.",
			[]string{"His/PERSON"},
			[]want{{"burned", "", "His", "1712", "asserted"}}},
		{"The mayor's office, along with two shops, was bombed on Monday.",
			[]string{"mayor/PERSON"},
			[]want{{"bombed", "", "mayor", "183", "asserted"}}},
		{"Valdora's embassy was attacked by the Hill Tigers.",
			[]string{"Valdora/GPE", "Hill Tigers/ORG"},
			[]want{{"attacked", "Hill Tigers", "Valdora", "190", "asserted"}}},
		// a name in apposition right before the verb is the patient itself
		{"A senior Red Brigade commander, Ivo Lasko, had been captured in Darun on March 20.",
			[]string{"Red Brigade/ORG", "Ivo Lasko/PERSON", "Darun/GPE"},
			[]want{{"captured", "", "Ivo Lasko", "173", "asserted"}}},
		// a phrase with a verb is a clause, not a parenthetical: no patient across it
		{"The Red Brigade, which the Hill Tigers had long fought, was attacked on Monday.",
			[]string{"Red Brigade/ORG", "Hill Tigers/ORG"},
			nil},
	}
	for _, tc := range tests {
		var got []want
		for _, g := range code(x.Find(input(tc.text, "2021-03-04", tc.ents...))) {
			if g.trigger != "fought" {
				got = append(got, g)
			}
		}
		if !sameWants(got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.text, got, tc.want)
		}
	}
}

// TestUnilateralThreat checks that a warning or threat with no one named as warned is coded
// with its source alone (CAMEO 13), while one with an addressee keeps it, and one with no
// agent ("we had been warned") is no event.
func TestUnilateralThreat(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want []want
	}{
		{"Pressure from the army has prompted Lasko to warn that he might end the truce.",
			[]string{"Lasko/PERSON"},
			[]want{{"warn", "Lasko", "", "130", "asserted"}}},
		{"The Red Brigade threatened to quit the government.",
			[]string{"Red Brigade/ORG"},
			[]want{{"threatened", "Red Brigade", "", "130", "asserted"}}},
		{"Lasko warned Norland that it was the target.",
			[]string{"Lasko/PERSON", "Norland/GPE"},
			[]want{{"warned", "Lasko", "Norland", "130", "asserted"}}},
		{"We had been warned not to enter the village.",
			nil, nil},
	}
	for _, tc := range tests {
		got := code(x.Find(input(tc.text, "2021-03-04", tc.ents...)))
		if !sameWants(got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.text, got, tc.want)
		}
	}
}

// TestRefusalAlone checks that a refused cooperation with no one named is coded as the
// source's rejection (CAMEO 12x) with no target, and that a refusal of nothing coded or a
// refusal with no agent is no event.
func TestRefusalAlone(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want []want
	}{
		{"Ilves refused to contemplate a withdrawal from Valdora.",
			[]string{"Ilves/PERSON", "Valdora/GPE"},
			[]want{{"contemplate", "Ilves", "", "125", "asserted"}}},
		{"The Red Brigade refused to negotiate.",
			[]string{"Red Brigade/ORG"},
			[]want{{"negotiate", "Red Brigade", "", "125", "asserted"}}},
		{"Ilves refused to comment.",
			[]string{"Ilves/PERSON"}, nil},
		{"Ilves did not negotiate.",
			[]string{"Ilves/PERSON"}, nil},
	}
	for _, tc := range tests {
		got := code(x.Find(input(tc.text, "2021-03-04", tc.ents...)))
		if !sameWants(got, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tc.text, got, tc.want)
		}
	}
}
