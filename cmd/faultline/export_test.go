package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/demo"
	"github.com/faultline/faultline/export"
)

// Independent readers of the exchange formats: only the fields other tools read, declared
// here rather than borrowed from package export, so the round trip checks the files and not
// the package against itself.
type (
	xGraphML struct {
		Keys  []xKey `xml:"key"`
		Graph struct {
			EdgeDefault string   `xml:"edgedefault,attr"`
			Nodes       []xGNode `xml:"node"`
			Edges       []xGEdge `xml:"edge"`
		} `xml:"graph"`
	}
	xKey struct {
		ID  string `xml:"id,attr"`
		For string `xml:"for,attr"`
	}
	xData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	xGNode struct {
		ID   string  `xml:"id,attr"`
		Data []xData `xml:"data"`
	}
	xGEdge struct {
		Source string  `xml:"source,attr"`
		Target string  `xml:"target,attr"`
		Data   []xData `xml:"data"`
	}
	xGEXF struct {
		Version string `xml:"version,attr"`
		Graph   struct {
			Mode       string `xml:"mode,attr"`
			TimeFormat string `xml:"timeformat,attr"`
			Attributes []struct {
				Class string `xml:"class,attr"`
				Mode  string `xml:"mode,attr"`
				Attrs []struct {
					ID    string `xml:"id,attr"`
					Title string `xml:"title,attr"`
					Type  string `xml:"type,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID     string   `xml:"id,attr"`
				Label  string   `xml:"label,attr"`
				Spells []xSpell `xml:"spells>spell"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source    string   `xml:"source,attr"`
				Target    string   `xml:"target,attr"`
				Weight    string   `xml:"weight,attr"`
				Spells    []xSpell `xml:"spells>spell"`
				Attvalues []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
					Start string `xml:"start,attr"`
					End   string `xml:"end,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	xSpell struct {
		Start string `xml:"start,attr"`
		End   string `xml:"end,attr"`
	}
)

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// TestExportsParseBack ingests part of the demo corpus with the real pipeline and reads every
// export back with an independent decoder: GraphML and GEXF (with the time spells and the
// dynamic sign of Gephi's timeline) with encoding/xml, CSV with encoding/csv against the
// documented columns, PLOVER JSON Lines and the contract JSON with encoding/json; the four
// agree with the contract model on actors, relations and events.
func TestExportsParseBack(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over part of the demo corpus")
	}
	dir := t.TempDir()
	for _, d := range demo.Documents()[:14] {
		if err := os.WriteFile(filepath.Join(dir, d.ID+".txt"), []byte(d.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "f.db")
	if _, stderr, err := runIngestCmd(t, "ingest", "--db", db, dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	exp := func(format string) string {
		out, _, err := runIngestCmd(t, "export", "--db", db, "--format", format)
		if err != nil {
			t.Fatalf("export %s: %v", format, err)
		}
		return out
	}

	// Contract JSON.
	var m faultline.Model
	if err := json.Unmarshal([]byte(exp("json")), &m); err != nil {
		t.Fatalf("json: %v", err)
	}
	if len(m.Documents) != 14 || len(m.Actors) == 0 || len(m.Events) == 0 {
		t.Fatalf("json: %d documents, %d actors, %d events", len(m.Documents), len(m.Actors), len(m.Events))
	}
	actorIDs := map[string]bool{}
	for _, a := range m.Actors {
		actorIDs[a.ID] = true
	}

	// GraphML.
	var gml xGraphML
	if err := xml.Unmarshal([]byte(exp("graphml")), &gml); err != nil {
		t.Fatalf("graphml: %v", err)
	}
	keys := map[string]bool{}
	for _, k := range gml.Keys {
		keys[k.ID] = true
	}
	nodes := map[string]bool{}
	for _, n := range gml.Graph.Nodes {
		if !actorIDs[n.ID] || nodes[n.ID] {
			t.Errorf("graphml: node %q is no actor or repeated", n.ID)
		}
		nodes[n.ID] = true
	}
	if len(gml.Graph.Edges) == 0 {
		t.Fatalf("graphml: no edges")
	}
	for _, e := range gml.Graph.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("graphml: edge %s-%s to a missing node", e.Source, e.Target)
		}
		for _, d := range e.Data {
			if !keys[d.Key] {
				t.Errorf("graphml: undeclared key %q", d.Key)
			}
			if d.Key == "weight" {
				if _, err := strconv.ParseFloat(d.Value, 64); err != nil {
					t.Errorf("graphml: weight %q", d.Value)
				}
			}
		}
	}

	// GEXF with time.
	var gx xGEXF
	if err := xml.Unmarshal([]byte(exp("gexf")), &gx); err != nil {
		t.Fatalf("gexf: %v", err)
	}
	if gx.Graph.Mode != "dynamic" || gx.Graph.TimeFormat != "date" || len(gx.Graph.Nodes) != len(gml.Graph.Nodes) || len(gx.Graph.Edges) != len(gml.Graph.Edges) {
		t.Fatalf("gexf: mode %q timeformat %q, %d nodes %d edges (graphml %d %d)", gx.Graph.Mode, gx.Graph.TimeFormat,
			len(gx.Graph.Nodes), len(gx.Graph.Edges), len(gml.Graph.Nodes), len(gml.Graph.Edges))
	}
	dynamic := false
	for _, a := range gx.Graph.Attributes {
		for _, at := range a.Attrs {
			if a.Mode == "dynamic" && at.ID == "sign_t" {
				dynamic = true
			}
		}
	}
	if !dynamic {
		t.Errorf("gexf: no dynamic sign_t attribute declared")
	}
	spells := 0
	for _, e := range gx.Graph.Edges {
		if w, err := strconv.ParseFloat(e.Weight, 64); err != nil || w < 0 {
			t.Errorf("gexf: edge weight %q (Gephi wants >= 0)", e.Weight)
		}
		for _, s := range e.Spells {
			spells++
			if !isoDay.MatchString(s.Start) || !isoDay.MatchString(s.End) || s.End < s.Start {
				t.Errorf("gexf: spell %+v", s)
			}
		}
		for _, av := range e.Attvalues {
			if av.For == "sign_t" && (av.Start == "" || (av.Value != "1" && av.Value != "-1" && av.Value != "0")) {
				t.Errorf("gexf: sign_t %+v", av)
			}
		}
	}
	if spells == 0 {
		t.Errorf("gexf: no edge has time spells")
	}

	// CSV events, GDELT-like columns.
	rows, err := csv.NewReader(strings.NewReader(exp("csv"))).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	if strings.Join(rows[0], ",") != strings.Join(export.CSVColumns, ",") || len(rows)-1 != len(m.Events) {
		t.Fatalf("csv: header %v, %d rows for %d events", rows[0], len(rows)-1, len(m.Events))
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	sqlDate := regexp.MustCompile(`^(\d{8})?$`)
	for _, r := range rows[1:] {
		if !sqlDate.MatchString(r[col["SQLDATE"]]) || !actorIDs[r[col["Actor1Code"]]] && r[col["Actor1Code"]] != "" {
			t.Errorf("csv row %v", r)
		}
		if q := r[col["QuadClass"]]; q != "" && (q < "1" || q > "4") {
			t.Errorf("csv QuadClass %q", q)
		}
	}

	// PLOVER JSON Lines.
	sc := bufio.NewScanner(strings.NewReader(exp("plover")))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var p map[string]any
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("plover line %d: %v", n+1, err)
		}
		for _, k := range []string{"id", "event_date", "event_type", "event_mode", "event_context", "actor", "recipient", "evidence"} {
			if _, ok := p[k]; !ok {
				t.Errorf("plover line %d: no %q", n+1, k)
			}
		}
		if p["id"] != rows[n+1][col["GLOBALEVENTID"]] {
			t.Errorf("plover line %d: id %v, csv %v", n+1, p["id"], rows[n+1][0])
		}
		n++
	}
	if n != len(m.Events) {
		t.Errorf("plover: %d lines for %d events", n, len(m.Events))
	}
}

// TestCSVColumnsDocumented: docs/exports.md and export/README.md list exactly the CSV
// columns, in order.
func TestCSVColumnsDocumented(t *testing.T) {
	row := regexp.MustCompile("^\\| *\\d[\\d–, -]* *\\| *([A-Za-z0-9_, ]+?) *\\|")
	for _, path := range []string{"../../docs/exports.md", "../../export/README.md"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, csvPart, _ := strings.Cut(string(b), "## CSV")
		csvPart, _, _ = strings.Cut(csvPart, "\n## ")
		var cols []string
		for _, line := range strings.Split(csvPart, "\n") {
			if m := row.FindStringSubmatch(line); m != nil {
				for _, c := range strings.Split(m[1], ",") {
					cols = append(cols, strings.TrimSpace(c))
				}
			}
		}
		if strings.Join(cols, ",") != strings.Join(export.CSVColumns, ",") {
			t.Errorf("%s documents the CSV columns\n%v\nthe export writes\n%v", path, cols, export.CSVColumns)
		}
	}
}
