package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/faultline/faultline"
)

// GraphML writes the signed actor graph of m (whole corpus, no decay) as GraphML: an
// undirected graph with one node per actor (label, type, docs) and one edge per related
// pair (weight = cooperation - hostility, sign, coop, hostile, docs, sources, ambivalent,
// types: the event and tie types behind it).
func GraphML(w io.Writer, m *faultline.Model) error {
	g := graph(m)
	types, docs := actorTypes(m), actorDocs(m)
	doc := gmlDoc{
		XMLNS: "http://graphml.graphdrawing.org/xmlns",
		Keys: []gmlKey{
			{ID: "label", For: "node", Name: "label", Type: "string"},
			{ID: "type", For: "node", Name: "type", Type: "string"},
			{ID: "ndocs", For: "node", Name: "docs", Type: "int"},
			{ID: "weight", For: "edge", Name: "weight", Type: "double"},
			{ID: "sign", For: "edge", Name: "sign", Type: "int"},
			{ID: "coop", For: "edge", Name: "coop", Type: "double"},
			{ID: "hostile", For: "edge", Name: "hostile", Type: "double"},
			{ID: "docs", For: "edge", Name: "docs", Type: "int"},
			{ID: "sources", For: "edge", Name: "sources", Type: "int"},
			{ID: "ambivalent", For: "edge", Name: "ambivalent", Type: "boolean"},
			{ID: "types", For: "edge", Name: "types", Type: "string"},
		},
		Graph: gmlGraph{ID: "faultline", EdgeDefault: "undirected"},
	}
	for i, id := range g.Actors {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gmlNode{ID: id, Data: []gmlData{
			{Key: "label", Value: g.Name(i)},
			{Key: "type", Value: types[id]},
			{Key: "ndocs", Value: strconv.Itoa(docs[id])},
		}})
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		doc.Graph.Edges = append(doc.Graph.Edges, gmlEdge{ID: "e" + strconv.Itoa(i), Source: e.A, Target: e.B, Data: []gmlData{
			{Key: "weight", Value: ftoa(e.Weight)},
			{Key: "sign", Value: strconv.Itoa(e.Sign)},
			{Key: "coop", Value: ftoa(e.Pos)},
			{Key: "hostile", Value: ftoa(e.Neg)},
			{Key: "docs", Value: strconv.Itoa(e.Docs)},
			{Key: "sources", Value: strconv.Itoa(e.Sources)},
			{Key: "ambivalent", Value: strconv.FormatBool(e.Ambivalent())},
			{Key: "types", Value: edgeTypes(e)},
		}})
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

type gmlDoc struct {
	XMLName xml.Name `xml:"graphml"`
	XMLNS   string   `xml:"xmlns,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}
