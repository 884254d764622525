// Package export writes the corpus model in formats other tools read: GraphML (yEd,
// NetworkX, igraph), GEXF with time spells (Gephi's timeline), CSV events in a GDELT-like
// column layout, and PLOVER-style JSON Lines events. The layouts are documented in
// README.md and on each function.
package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/network"
)

// interval converts YYYY, YYYY-MM or YYYY-MM-DD into its first and last day as YYYY-MM-DD.
func interval(s string) (first, last string, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		s = s[:10]
	}
	var t, u time.Time
	var err error
	switch len(s) {
	case 4:
		t, err = time.Parse("2006", s)
		u = t.AddDate(1, 0, -1)
	case 7:
		t, err = time.Parse("2006-01", s)
		u = t.AddDate(0, 1, -1)
	case 10:
		t, err = time.Parse("2006-01-02", s)
		u = t
	default:
		return "", "", false
	}
	if err != nil {
		return "", "", false
	}
	return t.Format("2006-01-02"), u.Format("2006-01-02"), true
}

// graph builds the whole-corpus network of m (no window, no decay).
func graph(m *faultline.Model) *network.Graph {
	return network.Build(m, network.Options{})
}

// actorTypes maps actor ids to their entity type.
func actorTypes(m *faultline.Model) map[string]string {
	t := make(map[string]string, len(m.Actors))
	for _, a := range m.Actors {
		t[a.ID] = a.Type
	}
	return t
}

// actorDocs maps actor ids to the number of documents mentioning them.
func actorDocs(m *faultline.Model) map[string]int {
	t := make(map[string]int, len(m.Actors))
	for _, a := range m.Actors {
		n := a.Docs
		if n == 0 {
			seen := map[string]bool{}
			for _, ev := range a.Mentions {
				seen[ev.Doc] = true
			}
			n = len(seen)
		}
		t[a.ID] = n
	}
	return t
}

// edgeTypes lists the distinct event and tie types behind an edge, in order of appearance.
func edgeTypes(e *network.Edge) string {
	seen := map[string]bool{}
	var ts []string
	for _, it := range e.Items {
		if !seen[it.Type] {
			seen[it.Type] = true
			ts = append(ts, it.Type)
		}
	}
	return strings.Join(ts, ",")
}

func ftoa(x float64) string { return fmt.Sprintf("%g", x) }
