package main

import (
	"context"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/network"
)

// maxParadoxes is how many paradoxes the stored model keeps, strongest first.
const maxParadoxes = 30

// rebuildModel rebuilds the corpus model from everything stored and saves it in one
// transaction: it resolves actors (with the analysts' overrides) reading the documents and
// their extractions one at a time, keeping only what resolution needs of each, then finds
// the paradoxes, reading from the store the texts of the documents their evidence is in.
// Its memory grows with the mentions and facts of the corpus, not with its text.
func rebuildModel(ctx context.Context, store faultline.Store) (*faultline.Model, error) {
	ov, err := store.Overrides(ctx)
	if err != nil {
		return nil, err
	}
	m, err := buildModel(&storeSource{ctx: ctx, store: store}, ov) // import.go: with the imported dictionary entries
	if err != nil {
		return nil, err
	}
	texts := &textCache{ctx: ctx, store: store, texts: map[string]string{}}
	m.Paradoxes = network.ParadoxesText(m, maxParadoxes, texts.text)
	if texts.err != nil {
		return nil, texts.err
	}
	if err := store.SaveModel(ctx, m); err != nil {
		return nil, err
	}
	return m, nil
}

// storeSource is a resolve.Source on a store.
type storeSource struct {
	ctx   context.Context
	store faultline.Store
}

func (s *storeSource) Each(fn func(*faultline.Document, *faultline.Extraction) error) error {
	return s.store.Extractions(s.ctx, func(d *faultline.Document, e *faultline.Extraction) error {
		if err := fn(d, e); err != nil {
			return err
		}
		return s.ctx.Err()
	})
}

func (s *storeSource) Text(_ int, id string) (string, error) {
	d, err := s.store.Document(s.ctx, id)
	if err != nil {
		return "", err
	}
	return d.Text, nil
}

// textCacheSize is how many documents' texts textCache holds: the evidence of one paradox
// is read together, so a small cache saves most reads.
const textCacheSize = 256

// textCache reads documents' texts from a store, remembering the last few; the first error
// is kept in err and later reads give "".
type textCache struct {
	ctx   context.Context
	store faultline.Store
	texts map[string]string
	err   error
}

func (c *textCache) text(id string) string {
	if t, ok := c.texts[id]; ok {
		return t
	}
	if c.err != nil {
		return ""
	}
	d, err := c.store.Document(c.ctx, id)
	if err != nil {
		c.err = err
		return ""
	}
	if len(c.texts) >= textCacheSize {
		clear(c.texts)
	}
	c.texts[id] = d.Text
	return d.Text
}
