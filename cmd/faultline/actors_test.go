package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/sqlite"
)

// actorsDB stores two hand-extracted documents and their model in a new SQLite file.
func actorsDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs := []struct{ id, text string }{
		{"d1", "Moqtada al-Sadr met Layla Kareem in Najaf. Sheikh Karim left. The Mahdi Army fought."},
		{"d2", "Muqtada al-Sadr spoke. The Jaysh al-Mahdi fought in Basra."},
		{"d3", "Karim al-Sudani spoke."},
	}
	names := map[string]string{"Moqtada al-Sadr": faultline.PERSON, "Muqtada al-Sadr": faultline.PERSON, "Layla Kareem": faultline.PERSON,
		"Sheikh Karim": faultline.PERSON, "Karim al-Sudani": faultline.PERSON, "Mahdi Army": faultline.ORG, "Jaysh al-Mahdi": faultline.ORG, "Najaf": faultline.GPE, "Basra": faultline.GPE}
	for _, d := range docs {
		doc := &faultline.Document{ID: d.id, Text: d.text, SHA256: faultline.ContentHash(d.text)}
		x := &faultline.Extraction{Schema: 1, ID: d.id}
		for n, typ := range names {
			if i := strings.Index(d.text, n); i >= 0 {
				x.Entities = append(x.Entities, faultline.Entity{Span: faultline.Span{Start: i, End: i + len(n), Text: n}, Type: typ})
			}
		}
		if _, err := st.PutDocument(ctx, doc, x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rebuildModel(ctx, st); err != nil {
		t.Fatal(err)
	}
	return path
}

func finalLine(s string) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	return ls[len(ls)-1]
}

func TestActorsCommands(t *testing.T) {
	db := actorsDB(t)
	out, err := runCmd(t, "actors", "--db", db, "--format", "table")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "moqtada-al-sadr") || !strings.HasPrefix(finalLine(out), "actors count=") {
		t.Fatalf("actors:\n%s", out)
	}
	out, err = runCmd(t, "actors", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		ID       string   `json:"id"`
		Aliases  []string `json:"aliases"`
		Mentions int      `json:"mentions"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	for _, r := range rows {
		if r.ID == "moqtada-al-sadr" && r.Mentions != 2 {
			t.Errorf("moqtada-al-sadr: %+v (both spellings are one actor)", r)
		}
	}
	for _, args := range [][]string{
		{"actors", "split", "Karim al-Sudani", "Sheikh Karim"},
		{"actors", "merge", "najaf", "Basra"},
		{"actors", "alias", "Muqtada al-Sadr", "Sayyid Moqtada"},
		{"actors", "rename", "Jaysh al-Mahdi", "Mahdi Army"},
	} {
		out, err := runCmd(t, append(args, "--db", db)...)
		if err != nil || !strings.HasPrefix(finalLine(out), "override kind="+args[1]) {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	if _, err := runCmd(t, "actors", "merge", "nobody", "mahdi-army", "--db", db); err == nil {
		t.Errorf("merge of an unknown actor succeeded")
	}
	if _, err := runCmd(t, "actors", "split", "mahdi-army", "Hezbollah", "--db", db); err == nil {
		t.Errorf("split of an alias the actor does not have succeeded")
	}
	out, err = runCmd(t, "actors", "overrides", "--db", db)
	if err != nil || finalLine(out) != "overrides count=4" {
		t.Fatalf("overrides: %v\n%s", err, out)
	}
	out, err = runCmd(t, "actor", "Mehdi Army", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var d Dossier
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("dossier json: %v\n%s", err, out)
	}
	if d.Actor.ID != "mahdi-army" || len(d.Documents) != 2 {
		t.Errorf("dossier: %+v", d)
	}
	out, err = runCmd(t, "actor", "moqtada-al-sadr", "--db", db, "--format", "table")
	if err != nil || !strings.Contains(out, "Sayyid Moqtada") || !strings.HasPrefix(finalLine(out), "actor id=moqtada-al-sadr") {
		t.Errorf("actor: %v\n%s", err, out)
	}
	// Overrides survive a rebuild of the model (re-ingest rebuilds it the same way).
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := rebuildModel(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]faultline.Actor{}
	for _, a := range m.Actors {
		ids[a.ID] = a
	}
	if a := ids["mahdi-army"]; len(a.Mentions) != 2 || len(ids["najaf"].Mentions) != 2 || ids["sheikh-karim"].ID == "" {
		t.Errorf("overrides lost on rebuild: %+v", m.Actors)
	}
}
