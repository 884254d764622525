package gazetteer

import "testing"

func TestLists(t *testing.T) {
	p := Places()
	for name, kind := range map[string]string{"iraq": "country", "baghdad": "city", "u.s.": "country", "anbar": "province"} {
		if p[name].Kind != kind {
			t.Errorf("Places()[%q] = %+v, want kind %s", name, p[name], kind)
		}
	}
	if Demonyms()["iraqi"] != "IQ" || !Groups()["shiite"] || !Titles()["ayatollah"] || !OrgHeads()["brigades"] ||
		!Particles()["abu"] || !Forces()["militias"] || Actors()["hezbollah"] != "ORG" || Variants()["US"] != "U.S." {
		t.Error("a word list lacks a basic entry")
	}
}
