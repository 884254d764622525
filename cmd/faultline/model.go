package main

import (
	"context"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/network"
)

// maxParadoxes is how many paradoxes the stored model keeps, strongest first.
const maxParadoxes = 30

// rebuildModel rebuilds the corpus model from everything stored: it loads every document
// and its extraction, resolves actors (with the analysts' overrides), finds the paradoxes
// and saves the model in one transaction.
func rebuildModel(ctx context.Context, store faultline.Store) (*faultline.Model, error) {
	var docs []*faultline.Document
	var exts []*faultline.Extraction
	if err := store.Extractions(ctx, func(d *faultline.Document, e *faultline.Extraction) error {
		docs, exts = append(docs, d), append(exts, e)
		return ctx.Err()
	}); err != nil {
		return nil, err
	}
	ov, err := store.Overrides(ctx)
	if err != nil {
		return nil, err
	}
	m, err := buildModel(docs, exts, ov) // import.go: with the imported dictionary entries
	if err != nil {
		return nil, err
	}
	texts := make(map[string]string, len(docs)) // paradoxes read their evidence's words
	for _, d := range docs {
		texts[d.ID] = d.Text
	}
	m.Paradoxes = network.ParadoxesText(m, maxParadoxes, func(id string) string { return texts[id] })
	if err := store.SaveModel(ctx, m); err != nil {
		return nil, err
	}
	return m, nil
}
