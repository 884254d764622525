package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

func ev(doc string, start int) faultline.Evidence {
	return faultline.Evidence{Doc: doc, Start: start, End: start + 10}
}

// testModel: three actors, an alliance that breaks, a rivalry, and an undated tie.
func testModel() *faultline.Model {
	return &faultline.Model{
		Schema: 1,
		Documents: []faultline.DocumentRef{
			{ID: "d1", Date: "2007-08-29", Source: "Wire"},
			{ID: "d2", Date: "2008-03", Source: "Daily"},
			{ID: "d3", Date: "", Source: "Weekly"},
		},
		Actors: []faultline.Actor{
			{ID: "north", Canonical: "Northern Front", Type: "ORG", Country: "XYZ", Mentions: []faultline.Evidence{ev("d1", 0), ev("d2", 0)}},
			{ID: "south", Canonical: "Southern League & Co", Type: "ORG"},
			{ID: "capital", Canonical: "Capital <Gov>", Type: "GPE", Docs: 3},
		},
		Ties: []faultline.ModelTie{
			{A: "north", B: "capital", Type: "opposes", Sign: -1, Weight: 1, Evidence: []faultline.Evidence{ev("d3", 5)}},
		},
		Events: []faultline.ModelEvent{
			{Doc: "d1", Source: "north", Target: "south", Type: "AGREE", CAMEO: "057", Goldstein: 8, Date: "2007-08-29", DateText: "on 29 August", Modality: "asserted", Evidence: ev("d1", 100)},
			{Doc: "d2", Source: "south", Target: "north", Type: "ASSAULT", CAMEO: "190", Goldstein: -10, Date: "2008-03", Place: "Port City", Modality: "asserted", Evidence: ev("d2", 40)},
			{Doc: "d2", Source: "capital", Target: "south", Type: "COERCE", CAMEO: "1721", Goldstein: -9.2, Date: "", Modality: "reported", Evidence: ev("d2", 80)},
		},
	}
}

func TestGraphML(t *testing.T) {
	var buf bytes.Buffer
	if err := GraphML(&buf, testModel()); err != nil {
		t.Fatal(err)
	}
	var doc gmlDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("parse back: %v\n%s", err, buf.String())
	}
	if len(doc.Graph.Nodes) != 3 || len(doc.Graph.Edges) != 3 {
		t.Fatalf("nodes %d edges %d", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	keys := map[string]bool{}
	for _, k := range doc.Keys {
		keys[k.ID] = true
	}
	for _, e := range doc.Graph.Edges {
		for _, d := range e.Data {
			if !keys[d.Key] {
				t.Errorf("edge %s: undeclared key %q", e.ID, d.Key)
			}
		}
		if e.Source == "north" && e.Target == "south" {
			if val(e.Data, "ambivalent") != "true" || val(e.Data, "types") != "AGREE,ASSAULT" {
				t.Errorf("north-south: %+v", e.Data)
			}
		}
	}
	if val(doc.Graph.Nodes[0].Data, "label") != "Capital <Gov>" {
		t.Errorf("label: %+v", doc.Graph.Nodes[0])
	}
}

func val(ds []gmlData, key string) string {
	for _, d := range ds {
		if d.Key == key {
			return d.Value
		}
	}
	return ""
}

func TestGEXF(t *testing.T) {
	var buf bytes.Buffer
	if err := GEXF(&buf, testModel()); err != nil {
		t.Fatal(err)
	}
	var doc gexfDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("parse back: %v", err)
	}
	if doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "date" || len(doc.Graph.Nodes.Nodes) != 3 || len(doc.Graph.Edges.Edges) != 3 {
		t.Fatalf("graph: %+v", doc.Graph)
	}
	for _, e := range doc.Graph.Edges.Edges {
		switch e.Source + "-" + e.Target {
		case "north-south":
			if e.Spells == nil || len(e.Spells.Spells) != 2 {
				t.Fatalf("north-south spells: %+v", e.Spells)
			}
			s := e.Spells.Spells
			if s[0].Start != "2007-08-29" || s[0].End != "2007-08-29" || s[1].Start != "2008-03-01" || s[1].End != "2008-03-31" {
				t.Errorf("spells %+v", s)
			}
			var signs []string
			for _, a := range e.Attvalues {
				if a.For == "sign_t" {
					signs = append(signs, a.Value+"@"+a.Start)
				}
			}
			if strings.Join(signs, " ") != "1@2007-08-29 -1@2008-03-01" {
				t.Errorf("sign_t %v", signs)
			}
		case "capital-north": // a tie in an undated document
			if e.Spells != nil {
				t.Errorf("undated edge %s has spells", e.ID)
			}
		case "capital-south": // an undated event takes its document's date
			if e.Spells == nil || len(e.Spells.Spells) != 1 || e.Spells.Spells[0].Start != "2008-03-01" {
				t.Errorf("capital-south spells %+v", e.Spells)
			}
		}
	}
	for _, n := range doc.Graph.Nodes.Nodes {
		if (n.Spells == nil) != (n.ID != "south") {
			t.Errorf("node %s spells %+v", n.ID, n.Spells)
		}
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := CSV(&buf, testModel()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(CSVColumns, ",") {
		t.Fatalf("rows: %v", rows)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	r := rows[1]
	for k, want := range map[string]string{
		"SQLDATE": "20070829", "MonthYear": "200708", "Year": "2007", "Actor1Code": "north", "Actor1Name": "Northern Front",
		"Actor1CountryCode": "XYZ", "Actor2Name": "Southern League & Co", "EventCode": "057", "EventBaseCode": "057",
		"EventRootCode": "05", "QuadClass": "1", "GoldsteinScale": "8", "DocSource": "Wire", "EvidenceStart": "100",
		"PloverType": "AGREE", "DateText": "on 29 August",
	} {
		if r[col[k]] != want {
			t.Errorf("%s = %q, want %q", k, r[col[k]], want)
		}
	}
	if r := rows[2]; r[col["SQLDATE"]] != "20080301" || r[col["QuadClass"]] != "4" || r[col["ActionGeo_FullName"]] != "Port City" {
		t.Errorf("row 2: %v", r)
	}
	if r := rows[3]; r[col["SQLDATE"]] != "" || r[col["EventBaseCode"]] != "172" || r[col["EventRootCode"]] != "17" || r[col["QuadClass"]] != "4" {
		t.Errorf("row 3: %v", r)
	}
	if rows[1][0] == rows[2][0] || len(rows[1][0]) != 16 {
		t.Errorf("event ids %q %q", rows[1][0], rows[2][0])
	}
}

func TestPLOVER(t *testing.T) {
	var buf bytes.Buffer
	if err := PLOVER(&buf, testModel()); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	var evs []PloverEvent
	for sc.Scan() {
		var p PloverEvent
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		evs = append(evs, p)
	}
	if len(evs) != 3 || evs[1].Type != "ASSAULT" || evs[1].Actor != "south" || evs[1].RecipientName != "Northern Front" ||
		evs[1].Location != "Port City" || evs[1].Source != "Daily" || evs[1].Evidence.Start != 40 || evs[0].Context == nil {
		t.Errorf("events: %+v", evs)
	}
}

func TestEmptyModel(t *testing.T) {
	m := &faultline.Model{}
	for name, f := range map[string]func(*bytes.Buffer) error{
		"graphml": func(b *bytes.Buffer) error { return GraphML(b, m) },
		"gexf":    func(b *bytes.Buffer) error { return GEXF(b, m) },
		"csv":     func(b *bytes.Buffer) error { return CSV(b, m) },
		"plover":  func(b *bytes.Buffer) error { return PLOVER(b, m) },
	} {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
