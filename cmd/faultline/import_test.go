package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

// TestActorsImport: an imported user dictionary merges the mentions of an entry's names into
// one actor named by the entry, gives it the entry's dated roles, survives the next ingest's
// re-resolution, is not added twice, and a malformed file is refused whole.
func TestActorsImport(t *testing.T) {
	write := importSetup(t)
	a := write("a.txt", "The Liberty Front attacked a convoy near Ostrava on 3 March 2008. José Ramírez, the leader of the Liberty Front, said the attack was a warning.")
	b := write("b.txt", "The Velika Liberation Movement denied on 9 April 2008 that it had attacked the convoy. Norland said it would talk to the movement.")
	db := filepath.Join(t.TempDir(), "f.db")
	if _, stderr, err := runIngestCmd(t, "ingest", "--db", db, a, b); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	dict := write("mine.tsv", "name\taliases\ttype\tcountry\troles\n"+
		"# an analyst's list\n"+
		"Velika Liberation Movement\tLiberty Front|VLM\tORG\t\tarmed group 2006..\n"+
		"José Ramírez\tJose Ramirez\tPERSON\t\tleader_of Velika Liberation Movement 2007..2009\n"+
		"Nobody Mentioned\t\tPERSON\n")

	// A malformed file is refused whole, naming its bad lines.
	bad := write("bad.tsv", "Good Name\n\tno name\nX\t\tWIDGET\n")
	_, _, err := runIngestCmd(t, "actors", "import", "--db", db, bad)
	if err == nil || !strings.Contains(err.Error(), "line 2: no name") || !strings.Contains(err.Error(), "line 3: type") {
		t.Fatalf("bad dictionary: %v", err)
	}
	out, _, err := runIngestCmd(t, "actors", "overrides", "--db", db)
	if err != nil || !strings.Contains(out, "overrides count=0") {
		t.Fatalf("a refused import stored something: %v\n%s", err, out)
	}

	out, _, err = runIngestCmd(t, "actors", "import", "--db", db, dict)
	if err != nil || !strings.HasPrefix(lastLine(out), "import entries=3 new=3 ") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	check := func(when string) {
		t.Helper()
		out, _, err := runIngestCmd(t, "actor", "--db", db, "--format", "json", "velika-liberation-movement")
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		var d Dossier
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		if d.Actor.Canonical != "Velika Liberation Movement" || !strings.Contains(strings.Join(d.Actor.Aliases, "|"), "Liberty Front") || len(d.Documents) < 2 {
			t.Errorf("%s: the entry's names are not one actor: %+v", when, d.Actor)
		}
		out, _, err = runIngestCmd(t, "actor", "--db", db, "--format", "json", "José Ramírez")
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		d = Dossier{}
		json.Unmarshal([]byte(out), &d)
		if d.Actor.ID != "jose-ramirez" || !strings.Contains(strings.Join(d.Actor.Roles, "|"), "leader_of velika-liberation-movement 2007-01-01..2009-12-31") {
			t.Errorf("%s: roles: %+v", when, d.Actor)
		}
		out, _, _ = runIngestCmd(t, "actors", "--db", db, "--format", "json")
		if strings.Contains(out, "Nobody Mentioned") {
			t.Errorf("%s: an entry no document mentions became an actor", when)
		}
	}
	check("after import")

	// Re-resolution (a new document) keeps the imported entries.
	c := write("c.txt", "The Liberty Front and Norland signed a truce in Velika on 2 May 2008.")
	if _, stderr, err := runIngestCmd(t, "ingest", "--db", db, c); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	check("after another ingest")

	// Importing again adds nothing.
	out, _, err = runIngestCmd(t, "actors", "import", "--db", db, dict)
	if err != nil || !strings.HasPrefix(lastLine(out), "import entries=3 new=0 ") {
		t.Errorf("second import: %v\n%s", err, out)
	}

	// A Phoenix actor dictionary.
	phx := write("phoenix.txt", "NORLAND_DEFENCE_FORCE_(NDF)_ [NRLMIL]\n+NORLAND_ARMY\n+NORLAND_TROOPS\nJOSE_RAMIREZ_  # CountryInfo.txt\n\t[NRLREB 20070101-20091231]\n")
	out, _, err = runIngestCmd(t, "actors", "import", "--db", db, "--format", "phoenix", phx)
	if err != nil || !strings.HasPrefix(lastLine(out), "import entries=2 new=2 ") {
		t.Fatalf("phoenix import: %v\n%s", err, out)
	}
	out, _, _ = runIngestCmd(t, "actors", "overrides", "--db", db, "--format", "json")
	var ov []faultline.Override
	json.Unmarshal([]byte(out), &ov)
	if len(ov) != 5 || ov[3].Other != "Norland Defence Force\tNDF|Norland Army|Norland Troops\tORG\t\t" {
		t.Errorf("stored entries: %+v", ov)
	}
	if _, _, err := runIngestCmd(t, "actors", "import", "--db", db, "--format", "yaml", dict); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("--format yaml: %v", err)
	}
}

// TestActorsImportAgents: an imported Phoenix agent dictionary types the actors that only its
// nouns name (a body of date growers is an organisation, not a person), survives the next
// ingest, is not added twice, and a malformed file is refused.
func TestActorsImportAgents(t *testing.T) {
	write := importSetup(t)
	doc := write("a.txt", "Water ran short in the valley on 6 May 2009. \u201cThe wells are dry and nobody comes,\u201d the date growers told reporters in the town.")
	db := filepath.Join(t.TempDir(), "f.db")
	if _, stderr, err := runIngestCmd(t, "ingest", "--db", db, doc); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	typeOf := func() string {
		out, _, err := runIngestCmd(t, "actors", "--db", db, "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		var as []struct{ Canonical, Type string }
		if err := json.Unmarshal([]byte(out), &as); err != nil {
			t.Fatalf("actors json: %v\n%s", err, out)
		}
		for _, a := range as {
			if strings.Contains(a.Canonical, "date growers") {
				return a.Type
			}
		}
		t.Fatalf("no date growers among %+v", as)
		return ""
	}
	if got := typeOf(); got != faultline.PERSON {
		t.Fatalf("before the import the speakers are typed %q, want PERSON (speakers are people)", got)
	}
	if _, _, err := runIngestCmd(t, "actors", "import", "--db", db, "--format", "phoenix-agents", write("bad.txt", "DATE_GROWER [AGR]\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("bad agent file: %v", err)
	}
	agents := write("agents.txt", "!PERSON! = MAN, MEN\nDATE_GROWER {DATE_GROWERS} [~AGR]\nHERDS!PERSON! [~AGR]\n")
	out, _, err := runIngestCmd(t, "actors", "import", "--db", db, "--format", "phoenix-agents", agents)
	if err != nil || !strings.HasPrefix(lastLine(out), "import entries=4 new=4 ") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if got := typeOf(); got != faultline.ORG {
		t.Errorf("after the import the date growers are %q, want ORG", got)
	}
	out, _, err = runIngestCmd(t, "actors", "import", "--db", db, "--format", "phoenix-agents", agents)
	if err != nil || !strings.HasPrefix(lastLine(out), "import entries=4 new=0 ") {
		t.Errorf("second import: %v\n%s", err, out)
	}
	// The next ingest re-resolves with the agents.
	if _, stderr, err := runIngestCmd(t, "ingest", "--db", db, write("b.txt", "The council met on 9 May 2009 to discuss the wells.")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if got := typeOf(); got != faultline.ORG {
		t.Errorf("after the next ingest the date growers are %q, want ORG", got)
	}
}

// importSetup resets the --format flags of the actors commands after the test (cobra keeps
// flag values between runs) and returns a function that writes a file into a fresh folder.
func importSetup(t *testing.T) func(name, text string) string {
	t.Cleanup(func() {
		for _, path := range [][]string{{"actors", "import"}, {"actors", "overrides"}, {"actor"}, {"actors"}} {
			if c, _, err := rootCmd.Find(path); err == nil {
				f := c.Flags().Lookup("format")
				f.Value.Set(f.DefValue)
			}
		}
	})
	dir := t.TempDir()
	return func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}
