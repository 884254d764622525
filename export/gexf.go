package export

import (
	"encoding/xml"
	"io"
	"sort"
	"strconv"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/network"
)

// GEXF writes the signed actor graph of m as GEXF 1.3 for Gephi, in dynamic mode with dates
// as intervals so that Gephi's timeline can play the conflict:
//
//   - each edge has spells: the dates of its evidence (a month-precise date spans the
//     month, a year the year), overlapping ones merged; a dynamic attribute "sign_t" gives
//     the net sign of the evidence in each spell, so alliances that break change colour;
//   - each node has the union of its edges' spells, or none (always present) when any of
//     its edges rests on undated evidence or it has no edges;
//   - edge weight is the strength |cooperation - hostility| (Gephi wants weights >= 0); the
//     static attributes sign, coop, hostile, docs, sources, ambivalent and types say the rest.
func GEXF(w io.Writer, m *faultline.Model) error {
	g := graph(m)
	types, docs := actorTypes(m), actorDocs(m)
	doc := gexfDoc{
		XMLNS:   "http://gexf.net/1.3",
		Version: "1.3",
		Meta:    gexfMeta{Creator: "faultline " + faultline.Version, Description: "signed actor graph: events weighted by Goldstein score, stated ties by type"},
		Graph: gexfGraph{Mode: "dynamic", DefaultEdgeType: "undirected", TimeFormat: "date", TimeRepresentation: "interval",
			Attributes: []gexfAttributes{
				{Class: "node", Mode: "static", Attrs: []gexfAttr{{"type", "type", "string"}, {"docs", "docs", "integer"}}},
				{Class: "edge", Mode: "static", Attrs: []gexfAttr{{"sign", "sign", "integer"}, {"coop", "coop", "double"},
					{"hostile", "hostile", "double"}, {"docs", "docs", "integer"}, {"sources", "sources", "integer"},
					{"ambivalent", "ambivalent", "boolean"}, {"types", "types", "string"}}},
				{Class: "edge", Mode: "dynamic", Attrs: []gexfAttr{{"sign_t", "sign over time", "integer"}}},
			}},
	}
	nodeSpells := make([][]span, g.Len())
	always := make([]bool, g.Len())
	for i := 0; i < g.Len(); i++ {
		always[i] = g.Degree(i) == 0
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		sp, undated := edgeSpells(e)
		ge := gexfEdge{ID: "e" + strconv.Itoa(i), Source: e.A, Target: e.B, Weight: ftoa(abs(e.Weight)),
			Attvalues: []gexfAttvalue{
				{For: "sign", Value: strconv.Itoa(e.Sign)},
				{For: "coop", Value: ftoa(e.Pos)},
				{For: "hostile", Value: ftoa(e.Neg)},
				{For: "docs", Value: strconv.Itoa(e.Docs)},
				{For: "sources", Value: strconv.Itoa(e.Sources)},
				{For: "ambivalent", Value: strconv.FormatBool(e.Ambivalent())},
				{For: "types", Value: edgeTypes(e)},
			}}
		if undated || len(sp) == 0 {
			always[e.U], always[e.V] = true, true
		} else {
			ge.Spells = &gexfSpells{}
			for _, s := range sp {
				ge.Spells.Spells = append(ge.Spells.Spells, gexfSpell{Start: s.first, End: s.last})
				ge.Attvalues = append(ge.Attvalues, gexfAttvalue{For: "sign_t", Value: strconv.Itoa(s.sign), Start: s.first, End: s.last})
			}
			nodeSpells[e.U] = append(nodeSpells[e.U], sp...)
			nodeSpells[e.V] = append(nodeSpells[e.V], sp...)
		}
		doc.Graph.Edges.Edges = append(doc.Graph.Edges.Edges, ge)
	}
	for i, id := range g.Actors {
		n := gexfNode{ID: id, Label: g.Name(i), Attvalues: []gexfAttvalue{
			{For: "type", Value: types[id]},
			{For: "docs", Value: strconv.Itoa(docs[id])},
		}}
		if !always[i] {
			n.Spells = &gexfSpells{}
			for _, s := range merge(nodeSpells[i]) {
				n.Spells.Spells = append(n.Spells.Spells, gexfSpell{Start: s.first, End: s.last})
			}
		}
		doc.Graph.Nodes.Nodes = append(doc.Graph.Nodes.Nodes, n)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// span is a closed interval of days as YYYY-MM-DD (which sort as strings) with a net sign.
type span struct {
	first, last string
	net         float64
	sign        int
}

// edgeSpells returns the merged spells of an edge's dated evidence, and whether any of it
// is undated.
func edgeSpells(e *network.Edge) ([]span, bool) {
	var ss []span
	undated := false
	for _, it := range e.Items {
		f, l, ok := interval(it.Date)
		if !ok {
			undated = true
			continue
		}
		ss = append(ss, span{first: f, last: l, net: float64(it.Sign) * it.Weight})
	}
	return merge(ss), undated
}

// merge sorts spans and merges overlapping ones, summing their net weight.
func merge(ss []span) []span {
	sort.Slice(ss, func(i, j int) bool {
		if ss[i].first != ss[j].first {
			return ss[i].first < ss[j].first
		}
		return ss[i].last < ss[j].last
	})
	var out []span
	for _, s := range ss {
		if n := len(out); n > 0 && s.first <= out[n-1].last {
			if s.last > out[n-1].last {
				out[n-1].last = s.last
			}
			out[n-1].net += s.net
			continue
		}
		out = append(out, s)
	}
	for i := range out {
		switch {
		case out[i].net > 0:
			out[i].sign = 1
		case out[i].net < 0:
			out[i].sign = -1
		}
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

type gexfDoc struct {
	XMLName xml.Name  `xml:"gexf"`
	XMLNS   string    `xml:"xmlns,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	Mode               string           `xml:"mode,attr"`
	DefaultEdgeType    string           `xml:"defaultedgetype,attr"`
	TimeFormat         string           `xml:"timeformat,attr"`
	TimeRepresentation string           `xml:"timerepresentation,attr"`
	Attributes         []gexfAttributes `xml:"attributes"`
	Nodes              struct {
		Nodes []gexfNode `xml:"node"`
	} `xml:"nodes"`
	Edges struct {
		Edges []gexfEdge `xml:"edge"`
	} `xml:"edges"`
}

type gexfAttributes struct {
	Class string     `xml:"class,attr"`
	Mode  string     `xml:"mode,attr"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	Attvalues []gexfAttvalue `xml:"attvalues>attvalue"`
	Spells    *gexfSpells    `xml:"spells"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Weight    string         `xml:"weight,attr"`
	Attvalues []gexfAttvalue `xml:"attvalues>attvalue"`
	Spells    *gexfSpells    `xml:"spells"`
}

type gexfAttvalue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
	Start string `xml:"start,attr,omitempty"`
	End   string `xml:"end,attr,omitempty"`
}

type gexfSpells struct {
	Spells []gexfSpell `xml:"spell"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}
