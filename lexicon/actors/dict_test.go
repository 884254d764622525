package actors

import (
	"bytes"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) < 1000 {
		t.Fatalf("only %d entries", len(d.Entries))
	}
	tests := []struct {
		name, typ, id string
	}{
		{"Iraq", "GPE", "iraq"},
		{"United States", "GPE", "united-states"},
		{"U.S.", "GPE", "united-states"},
		{"America", "GPE", "united-states"},
		{"Britain", "GPE", "united-kingdom"},
		{"Nouri al-Maliki", "PERSON", "nuri-al-maliki"},
		{"Nuri al-Maliki", "PERSON", "nuri-al-maliki"},
		{"George W. Bush", "PERSON", "george-w-bush"},
		{"Hezbollah", "ORG", "hezbollah"},
	}
	for _, tt := range tests {
		e := d.Lookup(tt.name, tt.typ)
		if e == nil || e.ID != tt.id {
			t.Errorf("Lookup(%q) = %+v, want %s", tt.name, e, tt.id)
		}
	}
	// Known corrections and ambiguities.
	if e := d.Lookup("George Bush", "PERSON"); e != nil {
		t.Errorf("George Bush is ambiguous (father and son), found %s", e.ID)
	}
	if e := d.Lookup("Badr Forces", "ORG"); e == nil || e.Country != "IRQ" {
		t.Errorf("Badr Forces: %+v, want country IRQ (Phoenix codes it Palestinian)", e)
	}
	if e := d.Lookup("Baghdad", "GPE"); e != nil {
		t.Errorf("Baghdad is a city, not %s", e.ID)
	}
	if e := d.Lookup("Quds Force", "ORG"); e != nil && e.ID == "revolutionary-guard" {
		t.Errorf("Quds Force is not the Revolutionary Guard as a whole")
	}
	if c := d.Country("IQ"); c == nil || c.Capital != "Baghdad" {
		t.Errorf("Country(IQ) = %+v", c)
	}
	found := false
	for _, tie := range d.TiesOf("nuri-al-maliki") {
		if tie.Type == "leader_of" && tie.B == "iraq" && tie.From == "2006-05-20" {
			found = true
		}
	}
	if !found {
		t.Errorf("no dated leader_of tie for Maliki: %+v", d.TiesOf("nuri-al-maliki"))
	}
}

// TestZeroDictionary: the zero Dictionary (WithAgents' receiver in agents_test) finds nothing
// and does not panic.
func TestZeroDictionary(t *testing.T) {
	var d Dictionary
	if d.Lookup("Iraq", "GPE") != nil || d.LookupKey("iraq") != nil || d.Entry("x") != nil || d.Country("IQ") != nil || d.TiesOf("x") != nil {
		t.Error("the zero Dictionary finds something")
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"X\tfoo", "E\t\tORG\t\tname", "E\tid\tORG\t\t", "T\ta\t\tb", "E\ta\tORG\t\tA\nE\ta\tORG\t\tB"} {
		if _, err := Parse(strings.NewReader(bad)); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
	d, err := Parse(strings.NewReader("# c\nE\tx\tORG\tIRQ\tX Front|XF\t\t\tnote\nT\tx\tleader_of\ty\t2001-01-01\t\tGOV\n"))
	if err != nil || len(d.Entries) != 1 || d.Lookup("x front", "ORG") == nil || len(d.TiesOf("x")) != 1 {
		t.Errorf("Parse: %+v %v", d, err)
	}
}

func TestParsePhoenix(t *testing.T) {
	src := `# comment
NURI_AL_MALIKI_  # CountryInfo.txt
+NOURI_AL_MALIKI
+PM_MALIKI
	[IRQELI 680101-000101]
	[IRQGOV 20060520-20140908]
	[IRQ <20030320]
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13
+ADEN_ISLAMIC_ARMY_+_ISLAMIC_ADEN_ARMY_
#+COMMENTED_OUT
`
	es, err := ParsePhoenix(strings.NewReader(src))
	if err != nil || len(es) != 2 {
		t.Fatalf("%v %+v", err, es)
	}
	m := es[0]
	if m.Name != "NURI_AL_MALIKI_" || len(m.Synonyms) != 2 || len(m.Roles) != 3 || m.Comment != "CountryInfo.txt" {
		t.Errorf("entry: %+v", m)
	}
	if r := m.Roles[0]; r.Code != "IRQELI" || r.From != "1968-01-01" || r.To != "2000-01-01" {
		t.Errorf("role: %+v", r)
	}
	if r := m.Roles[2]; r.From != "" || r.To != "2003-03-20" {
		t.Errorf("open role: %+v", r)
	}
	a := es[1]
	if len(a.Codes) != 1 || a.Codes[0] != "YEMREB" || len(a.Synonyms) != 2 {
		t.Errorf("entry: %+v", a)
	}
	if n, acr := PhoenixName(a.Name); n != "ADEN ABYAN ISLAMIC ARMY" || acr != "AAIA" {
		t.Errorf("PhoenixName: %q %q", n, acr)
	}
}

// FuzzParsePhoenix: the Phoenix parser never panics and every entry has a name.
func FuzzParsePhoenix(f *testing.F) {
	f.Add("NURI_AL_MALIKI_  # CountryInfo.txt\n+NOURI_AL_MALIKI\n\t[IRQGOV 20060520-20140908]\n")
	f.Add("A_ [B] [C 01-02] [\n+X+Y+\n[D >1]\n\t[E <]\n")
	f.Add("(((]]][[[\n+\n\t\n#")
	f.Fuzz(func(t *testing.T, s string) {
		es, err := ParsePhoenix(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, e := range es {
			if e.Name == "" {
				t.Errorf("entry without a name: %+v", e)
			}
			PhoenixName(e.Name)
		}
	})
}

// FuzzParse: the dictionary parser never panics, and what it accepts it indexes.
func FuzzParse(f *testing.F) {
	f.Add("E\tx\tORG\tIRQ\tX Front|XF\tIQ\tBaghdad\tnote\nT\tx\tleader_of\ty\t2001\t\tGOV\n")
	f.Add("E\t\t\t\t|||\n")
	f.Add("T\ta\tb\tc\n#\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(bytes.NewBufferString(s))
		if err != nil {
			return
		}
		for _, e := range d.Entries {
			for _, n := range e.Names {
				d.Lookup(n, e.Type)
			}
		}
	})
}

// FuzzKey: name keys never panic and are stable under repetition.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"Moqtada al-Sadr", "U.S.", "George H.W. Bush", "Shi'ite", "al-", "’s", "A.B.", "the"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s, "PERSON")
		if k != Key(s, "PERSON") {
			t.Errorf("Key not deterministic for %q", s)
		}
		Key(s, "ORG")
		Initials(s)
		Acronym(s)
		OrgCore(s)
		Slug(s)
		Sector(s)
	})
}

// lookupTypedRef is what LookupTyped finds: the loop over Lookup.
func lookupTypedRef(d *Dictionary, name string, types ...string) *Entry {
	for _, typ := range types {
		if e := d.Lookup(name, typ); e != nil && e.Type == typ {
			return e
		}
	}
	return nil
}

// TestLookupTyped checks LookupTyped against lookupTypedRef on the names of every 16th
// dictionary entry under the types the coreference dictionary pass asks for, and on variants
// of them.
func TestLookupTyped(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	types := [][]string{{"ORG", "PERSON", "GPE"}, {"GPE", "LOC"}, {"PERSON", ""}}
	for i := 0; i < len(d.Entries); i += 16 {
		for _, n := range d.Entries[i].Names {
			for _, s := range []string{n, "The " + n, n + "s", n + "ern", strings.ToUpper(n), "Gen. " + n} {
				for _, ts := range types {
					if got, want := d.LookupTyped(s, ts...), lookupTypedRef(d, s, ts...); got != want {
						t.Fatalf("LookupTyped(%q, %q) = %v, want %v", s, ts, got, want)
					}
				}
			}
		}
	}
}

// FuzzLookupTyped checks LookupTyped against lookupTypedRef on any name.
func FuzzLookupTyped(f *testing.F) {
	d, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Iraqi National Congress", "Middle Eastern", "Kurds", "George HW Bush", "al-Sadr", "U.S."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ts := range [][]string{{"ORG", "PERSON", "GPE"}, {"GPE", "LOC"}} {
			if got, want := d.LookupTyped(s, ts...), lookupTypedRef(d, s, ts...); got != want {
				t.Errorf("LookupTyped(%q, %q) = %v, want %v", s, ts, got, want)
			}
		}
	})
}
