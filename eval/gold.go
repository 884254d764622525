// Package eval scores a stored corpus model (faultline.Model) against a hand-annotated gold
// file: how many of the gold actors' names were found and clustered together, and how many
// of the gold ties, events, quotes, figures and paradoxes the model holds.
//
// Gold files have the shape of ../shared/gold/seeds.gold.json (see its NOTES.md): actors
// with every verbatim alias and the documents they occur in; ties, events, quotes and figures
// with their document and an exact evidence string; paradoxes as lists of actor ids.
//
// Gold and model refer to documents by different ids: the gold uses short ids ("000"), a
// store uses whatever ingest gave (for a file, its name: "000_7ffe35af48bd8ea1.txt"). Both
// are reduced to a key by DocKey — the extension is stripped and only the part before the
// first "_" is kept — and a stored document belongs to the gold document with the same key
// (its title is tried when its id does not match).
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"
)

// Gold is a hand annotation of a set of documents.
type Gold struct {
	Actors    []GoldActor   `json:"actors"`
	Ties      []GoldTie     `json:"ties"`
	Events    []GoldEvent   `json:"events"`
	Quotes    []GoldQuote   `json:"quotes"`
	Figures   []GoldFigure  `json:"figures"`
	Paradoxes []GoldParadox `json:"paradoxes"`
}

// GoldActor is an actor with every verbatim name the documents give it.
type GoldActor struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Canonical string   `json:"canonical"`
	Aliases   []string `json:"aliases"`
	Docs      []string `json:"docs"`
}

// GoldTie is a standing relation stated in one document: A is Type of B.
type GoldTie struct {
	A        string `json:"a"`
	B        string `json:"b"`
	Type     string `json:"type"`
	Sign     int    `json:"sign"`
	Doc      string `json:"doc"`
	Evidence string `json:"evidence"`
}

// GoldEvent is an event of one document. A nil Source or Target means the text names none;
// AltSource and AltTarget list other actors that also count as correct.
type GoldEvent struct {
	ID        string   `json:"id"`
	Doc       string   `json:"doc"`
	Source    *string  `json:"source"`
	Target    *string  `json:"target"`
	AltSource []string `json:"alt_source"`
	AltTarget []string `json:"alt_target"`
	Type      string   `json:"type"` // a CAMEO root name: FIGHT, ASSAULT, ..., or ELECTION
	CAMEO     *string  `json:"cameo"`
	Date      *string  `json:"date"` // YYYY, YYYY-MM or YYYY-MM-DD when the text makes it clear
	Evidence  string   `json:"evidence"`
}

// GoldQuote is a direct quotation (its verbatim text) and its speaker.
type GoldQuote struct {
	Doc        string `json:"doc"`
	Speaker    string `json:"speaker"`
	QuoteStart string `json:"quote_start"`
	Text       string `json:"text"`
}

// GoldFigure is a reported number: its verbatim text and value.
type GoldFigure struct {
	Doc      string   `json:"doc"`
	Text     string   `json:"text"`
	Value    float64  `json:"value"`
	ValueMax *float64 `json:"value_max"`
	Unit     string   `json:"unit"`
}

// GoldParadox is a contradiction in the alliance web, given by the actors it involves.
type GoldParadox struct {
	Actors      []string `json:"actors"`
	EvidenceDoc string   `json:"evidence_doc"`
	Kind        string   `json:"kind"`
}

// ReadGold decodes a gold file.
func ReadGold(r io.Reader) (*Gold, error) {
	var g Gold
	if err := json.NewDecoder(r).Decode(&g); err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	ids := make(map[string]bool, len(g.Actors))
	for _, a := range g.Actors {
		if a.ID == "" {
			return nil, fmt.Errorf("gold: actor without id")
		}
		ids[a.ID] = true
	}
	for i, t := range g.Ties {
		if !ids[t.A] || !ids[t.B] {
			return nil, fmt.Errorf("gold: tie %d: unknown actor %q or %q", i, t.A, t.B)
		}
	}
	return &g, nil
}

// LoadGold reads a gold file from disk.
func LoadGold(name string) (*Gold, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return g, nil
}

// DocKey reduces a document id to the key gold and stored documents are matched on: the
// base name without its extension, up to the first "_". "000_7ffe35af48bd8ea1.txt" and
// "000" both give "000"; an id without "_" or extension is its own key.
func DocKey(id string) string {
	id = path.Base(strings.ReplaceAll(id, "\\", "/"))
	if ext := path.Ext(id); ext != "" && ext != id {
		id = strings.TrimSuffix(id, ext)
	}
	if i := strings.Index(id, "_"); i > 0 {
		id = id[:i]
	}
	return id
}

// cameoRoots maps the CAMEO root names the gold types events with to their two-digit codes.
// It is used only when a gold event has no CAMEO code of its own. AGREE (cease-fires,
// accords) is coded 057 or 0871 in CAMEO, hence two roots.
var cameoRoots = map[string][]string{
	"MAKE STATEMENT":                         {"01"},
	"APPEAL":                                 {"02"},
	"EXPRESS INTENT TO COOPERATE":            {"03"},
	"CONSULT":                                {"04"},
	"DIPLOMATIC COOPERATION":                 {"05"},
	"ENGAGE IN DIPLOMATIC COOPERATION":       {"05"},
	"MATERIAL COOPERATION":                   {"06"},
	"ENGAGE IN MATERIAL COOPERATION":         {"06"},
	"PROVIDE AID":                            {"07"},
	"YIELD":                                  {"08"},
	"INVESTIGATE":                            {"09"},
	"DEMAND":                                 {"10"},
	"DISAPPROVE":                             {"11"},
	"REJECT":                                 {"12"},
	"THREATEN":                               {"13"},
	"PROTEST":                                {"14"},
	"EXHIBIT FORCE POSTURE":                  {"15"},
	"REDUCE RELATIONS":                       {"16"},
	"COERCE":                                 {"17"},
	"ASSAULT":                                {"18"},
	"FIGHT":                                  {"19"},
	"MASS VIOLENCE":                          {"20"},
	"ENGAGE IN UNCONVENTIONAL MASS VIOLENCE": {"20"},
	"AGREE":                                  {"05", "08"},
}

// roots returns the CAMEO roots a gold event accepts, or nil when any type is accepted
// (ELECTION and other types outside CAMEO: only the actor pair is compared).
func (e *GoldEvent) roots() []string {
	if e.CAMEO != nil && len(*e.CAMEO) >= 2 {
		return []string{(*e.CAMEO)[:2]}
	}
	return cameoRoots[strings.ToUpper(strings.TrimSpace(e.Type))]
}

// symmetric tie types: direction is ignored when matching them.
var symmetric = map[string]bool{"allied_with": true, "rival_of": true, "negotiates_with": true}

// Docs returns the ids of the documents the gold annotates, sorted.
func (g *Gold) Docs() []string {
	seen := map[string]bool{}
	var out []string
	add := func(d string) {
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	for _, a := range g.Actors {
		for _, d := range a.Docs {
			add(d)
		}
	}
	for _, t := range g.Ties {
		add(t.Doc)
	}
	for _, e := range g.Events {
		add(e.Doc)
	}
	for _, q := range g.Quotes {
		add(q.Doc)
	}
	for _, f := range g.Figures {
		add(f.Doc)
	}
	sort.Strings(out)
	return out
}
