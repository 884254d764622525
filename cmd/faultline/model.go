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

// textCacheBytes is how much text textCache holds: ranking the paradoxes reads the
// evidence of most documents of a corpus, several times each (25,000 reads of 7,900
// documents for 10,000 synthetic ones), so the cache holds as many texts as this allows,
// which is every text of a corpus of tens of thousands of news articles, and a bounded
// part of a larger one.
const textCacheBytes = 32 << 20

// textCache reads documents' texts from a store, remembering them up to textCacheBytes
// (then it forgets them all and starts again; a longer text is held alone until the next
// read of another); the first error is kept in err and later reads give "".
type textCache struct {
	ctx   context.Context
	store faultline.Store
	texts map[string]string
	size  int // bytes of texts
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
	if c.size+len(d.Text) > textCacheBytes {
		clear(c.texts)
		c.size = 0
	}
	c.texts[id] = d.Text
	c.size += len(d.Text)
	return d.Text
}
