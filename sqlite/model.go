package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/faultline/faultline"
)

// modelTables are the tables SaveModel replaces, children first.
var modelTables = []string{"model_tie_evidence", "model_ties", "mentions", "aliases", "actors",
	"model_events", "model_quotes", "model_figures", "paradoxes", "model_documents"}

// SaveModel replaces the stored corpus model with m in one transaction: on any error the
// previous model stays as it was.
func (s *Store) SaveModel(ctx context.Context, m *faultline.Model) error {
	if m == nil {
		return faultline.Errorf(faultline.EINVALID, "no model")
	}
	seen := map[string]bool{}
	for _, a := range m.Actors {
		if a.ID == "" {
			return faultline.Errorf(faultline.EINVALID, "model has an actor without id (%q)", a.Canonical)
		}
		if seen[a.ID] {
			return faultline.Errorf(faultline.EINVALID, "model has two actors with id %q", a.ID)
		}
		seen[a.ID] = true
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, t := range modelTables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+t); err != nil {
				return err
			}
		}
		return saveModel(ctx, tx, m)
	})
	return s.wrap("save model", err)
}

func saveModel(ctx context.Context, tx *sql.Tx, m *faultline.Model) error {
	var st *sql.Stmt
	prep := func(q string) error {
		if st != nil {
			st.Close()
		}
		var err error
		st, err = tx.PrepareContext(ctx, q)
		return err
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	if err := prep(`INSERT INTO model_documents (ord, id, title, date, source, sha256, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, d := range m.Documents {
		if _, err := st.ExecContext(ctx, i, d.ID, d.Title, d.Date, d.Source, d.SHA256, d.DuplicateOf); err != nil {
			return err
		}
	}

	if err := prep(`INSERT INTO actors (ord, id, canonical, type, country, roles, docs) VALUES (?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, a := range m.Actors {
		roles, _ := json.Marshal(nonNil(a.Roles))
		if _, err := st.ExecContext(ctx, i, a.ID, a.Canonical, a.Type, a.Country, string(roles), a.Docs); err != nil {
			return err
		}
	}
	if err := prep(`INSERT INTO aliases (actor_ord, idx, alias) VALUES (?, ?, ?)`); err != nil {
		return err
	}
	for i, a := range m.Actors {
		for j, al := range a.Aliases {
			if _, err := st.ExecContext(ctx, i, j, al); err != nil {
				return err
			}
		}
	}
	if err := prep(`INSERT INTO mentions (actor_ord, idx, doc, start, end) VALUES (?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, a := range m.Actors {
		for j, ev := range a.Mentions {
			if _, err := st.ExecContext(ctx, i, j, ev.Doc, ev.Start, ev.End); err != nil {
				return err
			}
		}
	}

	if err := prep(`INSERT INTO model_ties (ord, a, b, type, sign, weight, modality) VALUES (?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, t := range m.Ties {
		if _, err := st.ExecContext(ctx, i, t.A, t.B, t.Type, t.Sign, t.Weight, t.Modality); err != nil {
			return err
		}
	}
	if err := prep(`INSERT INTO model_tie_evidence (tie_ord, idx, doc, start, end) VALUES (?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, t := range m.Ties {
		for j, ev := range t.Evidence {
			if _, err := st.ExecContext(ctx, i, j, ev.Doc, ev.Start, ev.End); err != nil {
				return err
			}
		}
	}

	if err := prep(`INSERT INTO model_events (ord, doc, source, target, type, mode, cameo, goldstein, trigger, date, date_text, place, modality, ev_doc, ev_start, ev_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, e := range m.Events {
		if _, err := st.ExecContext(ctx, i, e.Doc, e.Source, e.Target, e.Type, e.Mode, e.CAMEO, e.Goldstein, e.Trigger,
			e.Date, e.DateText, e.Place, e.Modality, e.Evidence.Doc, e.Evidence.Start, e.Evidence.End); err != nil {
			return err
		}
	}

	if err := prep(`INSERT INTO model_quotes (ord, doc, speaker, start, end, text) VALUES (?, ?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, q := range m.Quotes {
		if _, err := st.ExecContext(ctx, i, q.Doc, q.Speaker, q.Start, q.End, q.Text); err != nil {
			return err
		}
	}

	if err := prep(`INSERT INTO model_figures (ord, doc, start, end, text, value, unit, about) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, f := range m.Figures {
		if _, err := st.ExecContext(ctx, i, f.Doc, f.Start, f.End, f.Text, f.Value, f.Unit, f.About); err != nil {
			return err
		}
	}

	if err := prep(`INSERT INTO paradoxes (ord, actors, signs, score, explanation, kind, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return err
	}
	for i, p := range m.Paradoxes {
		actors, _ := json.Marshal(nonNil(p.Actors))
		signs, _ := json.Marshal(nonNil(p.Signs))
		ev, _ := json.Marshal(nonNil(p.Evidence))
		if _, err := st.ExecContext(ctx, i, string(actors), string(signs), p.Score, p.Explanation, p.Kind, string(ev)); err != nil {
			return err
		}
	}
	return nil
}

// nonNil returns s, or an empty slice when s is nil, so that JSON says [] and not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Model returns the stored corpus model, read in one transaction so that it is consistent
// even while SaveModel runs. An empty store gives an empty model (empty, non-nil slices).
// Slices the contract prints (aliases, mentions, evidence, actors and signs of paradoxes) are
// never nil; Roles is nil when empty.
func (s *Store) Model(ctx context.Context) (*faultline.Model, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.wrap("read model", err)
	}
	defer tx.Rollback()
	m, err := loadModel(ctx, tx)
	return m, s.wrap("read model", err)
}

// each runs a query and calls fn for every row.
func each(ctx context.Context, tx *sql.Tx, q string, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func loadModel(ctx context.Context, tx *sql.Tx) (*faultline.Model, error) {
	m := &faultline.Model{Schema: faultline.Schema, Documents: []faultline.DocumentRef{}, Actors: []faultline.Actor{},
		Ties: []faultline.ModelTie{}, Events: []faultline.ModelEvent{}, Quotes: []faultline.ModelQuote{},
		Figures: []faultline.ModelFigure{}, Paradoxes: []faultline.Paradox{}}
	err := each(ctx, tx, `SELECT id, title, date, source, sha256, duplicate_of FROM model_documents ORDER BY ord`, func(r *sql.Rows) error {
		var d faultline.DocumentRef
		err := r.Scan(&d.ID, &d.Title, &d.Date, &d.Source, &d.SHA256, &d.DuplicateOf)
		m.Documents = append(m.Documents, d)
		return err
	})
	if err != nil {
		return nil, err
	}

	err = each(ctx, tx, `SELECT ord, id, canonical, type, country, roles, docs FROM actors ORDER BY ord`, func(r *sql.Rows) error {
		var a faultline.Actor
		var ord int
		var roles string
		if err := r.Scan(&ord, &a.ID, &a.Canonical, &a.Type, &a.Country, &roles, &a.Docs); err != nil {
			return err
		}
		if ord != len(m.Actors) {
			return fmt.Errorf("actor order broken at %d", ord)
		}
		if err := json.Unmarshal([]byte(roles), &a.Roles); err != nil {
			return err
		}
		if len(a.Roles) == 0 {
			a.Roles = nil
		}
		a.Aliases, a.Mentions = []string{}, []faultline.Evidence{}
		m.Actors = append(m.Actors, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, tx, `SELECT actor_ord, alias FROM aliases ORDER BY actor_ord, idx`, func(r *sql.Rows) error {
		var i int
		var al string
		if err := r.Scan(&i, &al); err != nil {
			return err
		}
		m.Actors[i].Aliases = append(m.Actors[i].Aliases, al)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, tx, `SELECT actor_ord, doc, start, end FROM mentions ORDER BY actor_ord, idx`, func(r *sql.Rows) error {
		var i int
		var ev faultline.Evidence
		if err := r.Scan(&i, &ev.Doc, &ev.Start, &ev.End); err != nil {
			return err
		}
		m.Actors[i].Mentions = append(m.Actors[i].Mentions, ev)
		return nil
	})
	if err != nil {
		return nil, err
	}

	err = each(ctx, tx, `SELECT a, b, type, sign, weight, modality FROM model_ties ORDER BY ord`, func(r *sql.Rows) error {
		t := faultline.ModelTie{Evidence: []faultline.Evidence{}}
		err := r.Scan(&t.A, &t.B, &t.Type, &t.Sign, &t.Weight, &t.Modality)
		m.Ties = append(m.Ties, t)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, tx, `SELECT tie_ord, doc, start, end FROM model_tie_evidence ORDER BY tie_ord, idx`, func(r *sql.Rows) error {
		var i int
		var ev faultline.Evidence
		if err := r.Scan(&i, &ev.Doc, &ev.Start, &ev.End); err != nil {
			return err
		}
		m.Ties[i].Evidence = append(m.Ties[i].Evidence, ev)
		return nil
	})
	if err != nil {
		return nil, err
	}

	err = each(ctx, tx, `SELECT doc, source, target, type, mode, cameo, goldstein, trigger, date, date_text, place, modality, ev_doc, ev_start, ev_end
		FROM model_events ORDER BY ord`, func(r *sql.Rows) error {
		var e faultline.ModelEvent
		err := r.Scan(&e.Doc, &e.Source, &e.Target, &e.Type, &e.Mode, &e.CAMEO, &e.Goldstein, &e.Trigger, &e.Date, &e.DateText,
			&e.Place, &e.Modality, &e.Evidence.Doc, &e.Evidence.Start, &e.Evidence.End)
		m.Events = append(m.Events, e)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, tx, `SELECT doc, speaker, start, end, text FROM model_quotes ORDER BY ord`, func(r *sql.Rows) error {
		var q faultline.ModelQuote
		err := r.Scan(&q.Doc, &q.Speaker, &q.Start, &q.End, &q.Text)
		m.Quotes = append(m.Quotes, q)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, tx, `SELECT doc, start, end, text, value, unit, about FROM model_figures ORDER BY ord`, func(r *sql.Rows) error {
		var f faultline.ModelFigure
		err := r.Scan(&f.Doc, &f.Start, &f.End, &f.Text, &f.Value, &f.Unit, &f.About)
		m.Figures = append(m.Figures, f)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, tx, `SELECT actors, signs, score, explanation, kind, evidence FROM paradoxes ORDER BY ord`, func(r *sql.Rows) error {
		var p faultline.Paradox
		var actors, signs, ev string
		if err := r.Scan(&actors, &signs, &p.Score, &p.Explanation, &p.Kind, &ev); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(actors), &p.Actors); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(signs), &p.Signs); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(ev), &p.Evidence); err != nil {
			return err
		}
		p.Actors, p.Signs, p.Evidence = nonNil(p.Actors), nonNil(p.Signs), nonNil(p.Evidence)
		m.Paradoxes = append(m.Paradoxes, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// AddOverride records an analyst's correction and sets its ID and CreatedAt.
func (s *Store) AddOverride(ctx context.Context, o *faultline.Override) error {
	if o == nil {
		return faultline.Errorf(faultline.EINVALID, "no override")
	}
	if !slices.Contains(faultline.OverrideKinds, o.Kind) {
		return faultline.Errorf(faultline.EINVALID, "override kind %q: want one of %v", o.Kind, faultline.OverrideKinds)
	}
	if o.Actor == "" {
		return faultline.Errorf(faultline.EINVALID, "%s override without an actor", o.Kind)
	}
	if o.Kind == faultline.OverrideMerge && o.Other == "" {
		return faultline.Errorf(faultline.EINVALID, "merge override without the other actor")
	}
	if o.Kind != faultline.OverrideMerge && o.Name == "" {
		return faultline.Errorf(faultline.EINVALID, "%s override without a name", o.Kind)
	}
	at := o.CreatedAt
	if at == "" {
		at = time.Now().UTC().Format(time.RFC3339)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO overrides (kind, actor, other, name, created_at) VALUES (?, ?, ?, ?, ?)`,
			o.Kind, o.Actor, o.Other, o.Name, at)
		if err != nil {
			return err
		}
		o.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return s.wrap("add override", err)
	}
	o.CreatedAt = at
	return nil
}

// Overrides lists the recorded overrides, oldest first.
func (s *Store) Overrides(ctx context.Context) ([]faultline.Override, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, actor, other, name, created_at FROM overrides ORDER BY id`)
	if err != nil {
		return nil, s.wrap("read overrides", err)
	}
	defer rows.Close()
	out := []faultline.Override{}
	for rows.Next() {
		var o faultline.Override
		if err := rows.Scan(&o.ID, &o.Kind, &o.Actor, &o.Other, &o.Name, &o.CreatedAt); err != nil {
			return nil, s.wrap("read overrides", err)
		}
		out = append(out, o)
	}
	return out, s.wrap("read overrides", rows.Err())
}
