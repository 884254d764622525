package actors

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseUserLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want *UserEntry
		err  string
	}{
		{"", nil, ""},
		{"# a comment", nil, ""},
		{"Northern Front", &UserEntry{Name: "Northern Front", Type: "ORG"}, ""},
		{"Northern Front\tNF| the Front |NF\torg\txyz\t", &UserEntry{Name: "Northern Front", Aliases: []string{"NF", "the Front"}, Type: "ORG", Country: "XYZ"}, ""},
		{"Jon Amber\tJ. Amber\tPERSON\tIRQ\tleader_of Northern Front 2004-01..2006-05-20; Minister of Water 2003..; envoy",
			&UserEntry{Name: "Jon Amber", Aliases: []string{"J. Amber"}, Type: "PERSON", Country: "IRQ", Roles: []UserRole{
				{"leader_of Northern Front", "2004-01", "2006-05-20"}, {"Minister of Water", "2003", ""}, {"envoy", "", ""}}}, ""},
		{"\ufeffNorthern Front\r", &UserEntry{Name: "Northern Front", Type: "ORG"}, ""},
		{"\tNF", nil, "no name"},
		{"X\t\tWIDGET", nil, `type "WIDGET"`},
		{"X\t\tORG\tIraq", nil, `country "Iraq"`},
		{"X\t\tORG\tIRQ\tchief 2006..2004", nil, "in order"},
		{"X\t\tORG\tIRQ\tchief 2006-13..", nil, "dates must be"},
		{"X\t\tORG\tIRQ\tchief..2006", nil, "separated by a space"},
		{"X\ta\tORG\tIRQ\t\textra", nil, "6 columns"},
		{"caf\xe9", nil, "not UTF-8"},
		{"a\x00b", nil, "NUL byte"},
		{"X\t" + strings.Repeat("a", 2000), nil, "longer than"},
	} {
		got, err := ParseUserLine(tc.line)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%.40q: error %v, want one with %q", tc.line, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%.40q: got %+v, %v; want %+v", tc.line, got, err, tc.want)
		}
		if got != nil {
			back, err := ParseUserLine(got.String())
			if err != nil || !reflect.DeepEqual(back, got) {
				t.Errorf("%.40q: String() %q reads back as %+v, %v", tc.line, got.String(), back, err)
			}
		}
	}
}

func TestParseUser(t *testing.T) {
	es, err := ParseUser(strings.NewReader("# mine\nname\taliases\n\nNorthern Front\tNF\tORG\n\nJon Amber\t\tPERSON\n"))
	if err != nil || len(es) != 2 || es[0].Line != 4 || es[1].Line != 6 {
		t.Fatalf("ParseUser: %+v %v", es, err)
	}
	_, err = ParseUser(strings.NewReader("Good\n\tbad\nX\t\tWIDGET\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2: no name") || !strings.Contains(err.Error(), "line 3: type") {
		t.Errorf("errors should name every bad line: %v", err)
	}
	_, err = ParseUser(strings.NewReader("A\n" + strings.Repeat("x", 2<<20) + "\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a 2 MiB line: %v", err)
	}
}

func TestWith(t *testing.T) {
	base, err := Parse(strings.NewReader("E\tiraq\tGPE\tIRQ\tIraq\tIQ\tBaghdad\t\nE\tnorthern-league\tORG\tIRQ\tNorthern League|NL\t\t\t\n"))
	if err != nil {
		t.Fatal(err)
	}
	user := []UserEntry{
		{Name: "Northern Front", Aliases: []string{"NL", "the Front"}, Type: "ORG", Country: "IRQ"},
		{Name: "Jon Amber", Type: "PERSON", Roles: []UserRole{{"leader_of Iraq", "2004", "2006-05"}, {"envoy", "", ""}}},
		{Name: "Iraq", Aliases: []string{"Mesopotamia"}, Type: "GPE"},
	}
	d := base.With(user)
	if e := d.Lookup("NL", "ORG"); e == nil || e.ID != "northern-front" {
		t.Errorf("a user alias should win over the base dictionary's: %+v", e)
	}
	if e := base.Lookup("NL", "ORG"); e == nil || e.ID != "northern-league" {
		t.Errorf("the base dictionary changed: %+v", e)
	}
	if e := d.Lookup("the Front", "ORG"); e == nil || e.ID != "northern-front" {
		t.Errorf("user alias: %+v", e)
	}
	if e := d.Lookup("Mesopotamia", "GPE"); e == nil || e.ID != "iraq" || e.ISO2 != "IQ" || e.Capital != "Baghdad" || e.Country != "IRQ" {
		t.Errorf("a user entry replacing a base one keeps its codes: %+v", e)
	}
	if c := d.Country("IQ"); c == nil || c.ID != "iraq" {
		t.Errorf("Country: %+v", c)
	}
	ties := d.TiesOf("jon-amber")
	if len(ties) != 2 || ties[0] != (Tie{A: "jon-amber", Type: "leader_of", B: "iraq", From: "2004-01-01", To: "2006-05-31", Sector: "USER"}) || ties[1].Type != "role" || ties[1].B != "envoy" {
		t.Errorf("ties: %+v", ties)
	}
	// Two user entries sharing a name: the name finds neither.
	d = base.With([]UserEntry{{Name: "A Group", Aliases: []string{"AG"}, Type: "ORG"}, {Name: "Another Group", Aliases: []string{"AG"}, Type: "ORG"}})
	if e := d.Lookup("AG", "ORG"); e != nil {
		t.Errorf("shared user alias found %+v", e)
	}
	if (*Dictionary)(nil).With(user).Lookup("the Front", "ORG") == nil {
		t.Errorf("With on a nil dictionary")
	}
}

func TestFromPhoenix(t *testing.T) {
	es, err := ParsePhoenix(strings.NewReader(`ALPHA_BETA_  # CountryInfo.txt
+MR_ALPHA_BETA
	[XQZGOV 20060520-20140908]
	[XQZELI >20140909]
NORTHERN_FRONT_(NF)_ [XQZREB]
+THE_FRONT
`))
	if err != nil || len(es) != 2 {
		t.Fatalf("%+v %v", es, err)
	}
	base, _ := Parse(strings.NewReader("E\txqz\tGPE\tXQZ\tXqzland\tXQ\t\t\n"))
	p := FromPhoenix(es[0], base)
	want := UserEntry{Name: "Alpha Beta", Aliases: []string{"Mr Alpha Beta"}, Type: "PERSON", Country: "XQZ", Line: 1,
		Roles: []UserRole{{"leader_of Xqzland", "2006-05-20", "2014-09-08"}, {"XQZELI", "2014-09-09", ""}}}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("person:\n got %+v\nwant %+v", p, want)
	}
	o := FromPhoenix(es[1], base)
	if o.Name != "Northern Front" || strings.Join(o.Aliases, "|") != "NF|The Front" || o.Type != "ORG" || o.Country != "XQZ" {
		t.Errorf("group: %+v", o)
	}
	if back, err := ParseUserLine(p.String()); err != nil || back.Name != p.Name || len(back.Roles) != 2 {
		t.Errorf("converted entry does not read back: %q: %+v %v", p.String(), back, err)
	}
}

// FuzzParseUser: the user dictionary parser never panics, every entry it accepts has a name
// and reads back unchanged from its String form, and With indexes it.
func FuzzParseUser(f *testing.F) {
	f.Add("Northern Front\tNF|the Front\tORG\tXYZ\tleader_of Iraq 2004..2006; envoy\n# c\n\n")
	f.Add("\ufeffname\taliases\nA\t|||\tperson\t\t;;; ..\n")
	f.Add("X\t\tORG\tIRQ\tchief 2006-13..\n\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		es, err := ParseUser(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, e := range es {
			if e.Name == "" {
				t.Fatalf("entry without a name: %+v", e)
			}
			back, err := ParseUserLine(e.String())
			if err != nil || back == nil || back.Name != e.Name || len(back.Aliases) != len(e.Aliases) || len(back.Roles) != len(e.Roles) {
				t.Fatalf("%q does not read back: %+v %v", e.String(), back, err)
			}
		}
		d := (*Dictionary)(nil).With(es)
		for _, e := range es {
			d.Lookup(e.Name, e.Type)
			d.TiesOf(e.ID())
		}
	})
}
