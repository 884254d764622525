package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/faultline/faultline"
	"github.com/jackc/pgx/v5"
)

// modelTables are the tables SaveModel replaces, children first.
var modelTables = []string{"model_tie_evidence", "model_ties", "mentions", "aliases", "actors",
	"model_events", "model_quotes", "model_figures", "paradoxes", "model_documents"}

// modelLock is the advisory lock key that serialises model rebuilds across processes.
const modelLock = 0x6661756c746d6f64 // "faultmod"

// SaveModel replaces the stored corpus model with m in one transaction: on any error the
// previous model stays as it was, and readers see either the old model or the new one.
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
	err := s.tx(ctx, pgx.TxOptions{}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(modelLock)); err != nil {
			return err
		}
		for _, t := range modelTables {
			if _, err := tx.Exec(ctx, `DELETE FROM `+t); err != nil {
				return err
			}
		}
		return saveModel(ctx, tx, m)
	})
	return s.wrap("save model", err)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func saveModel(ctx context.Context, tx pgx.Tx, m *faultline.Model) error {
	var rows [][]any
	for i, d := range m.Documents {
		rows = append(rows, []any{int64(i), d.ID, d.Title, d.Date, d.Source, d.SHA256, d.DuplicateOf})
	}
	if err := copyRows(ctx, tx, "model_documents", []string{"ord", "id", "title", "date", "source", "sha256", "duplicate_of"}, rows); err != nil {
		return err
	}
	var actors, aliases, mentions [][]any
	for i, a := range m.Actors {
		actors = append(actors, []any{int64(i), a.ID, a.Canonical, a.Type, a.Country, jsonText(nonNil(a.Roles)), int64(a.Docs)})
		for j, al := range a.Aliases {
			aliases = append(aliases, []any{int64(i), int64(j), al})
		}
		for j, ev := range a.Mentions {
			mentions = append(mentions, []any{int64(i), int64(j), ev.Doc, int64(ev.Start), int64(ev.End)})
		}
	}
	if err := copyRows(ctx, tx, "actors", []string{"ord", "id", "canonical", "type", "country", "roles", "docs"}, actors); err != nil {
		return err
	}
	if err := copyRows(ctx, tx, "aliases", []string{"actor_ord", "idx", "alias"}, aliases); err != nil {
		return err
	}
	if err := copyRows(ctx, tx, "mentions", []string{"actor_ord", "idx", "doc", "start", "end"}, mentions); err != nil {
		return err
	}
	var ties, tieEv [][]any
	for i, t := range m.Ties {
		ties = append(ties, []any{int64(i), t.A, t.B, t.Type, int64(t.Sign), t.Weight, t.Modality})
		for j, ev := range t.Evidence {
			tieEv = append(tieEv, []any{int64(i), int64(j), ev.Doc, int64(ev.Start), int64(ev.End)})
		}
	}
	if err := copyRows(ctx, tx, "model_ties", []string{"ord", "a", "b", "type", "sign", "weight", "modality"}, ties); err != nil {
		return err
	}
	if err := copyRows(ctx, tx, "model_tie_evidence", []string{"tie_ord", "idx", "doc", "start", "end"}, tieEv); err != nil {
		return err
	}
	rows = nil
	for i, e := range m.Events {
		rows = append(rows, []any{int64(i), e.Doc, e.Source, e.Target, e.Type, e.Mode, e.CAMEO, e.Goldstein, e.Trigger,
			e.Date, e.DateText, e.Place, e.Modality, e.Evidence.Doc, int64(e.Evidence.Start), int64(e.Evidence.End)})
	}
	if err := copyRows(ctx, tx, "model_events", []string{"ord", "doc", "source", "target", "type", "mode", "cameo", "goldstein", "trigger",
		"date", "date_text", "place", "modality", "ev_doc", "ev_start", "ev_end"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, q := range m.Quotes {
		rows = append(rows, []any{int64(i), q.Doc, q.Speaker, int64(q.Start), int64(q.End), q.Text})
	}
	if err := copyRows(ctx, tx, "model_quotes", []string{"ord", "doc", "speaker", "start", "end", "text"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, f := range m.Figures {
		rows = append(rows, []any{int64(i), f.Doc, int64(f.Start), int64(f.End), f.Text, f.Value, f.Unit, f.About})
	}
	if err := copyRows(ctx, tx, "model_figures", []string{"ord", "doc", "start", "end", "text", "value", "unit", "about"}, rows); err != nil {
		return err
	}
	rows = nil
	for i, p := range m.Paradoxes {
		rows = append(rows, []any{int64(i), jsonText(nonNil(p.Actors)), jsonText(nonNil(p.Signs)), p.Score, p.Explanation, p.Kind, jsonText(nonNil(p.Evidence))})
	}
	return copyRows(ctx, tx, "paradoxes", []string{"ord", "actors", "signs", "score", "explanation", "kind", "evidence"}, rows)
}

// Model returns the stored corpus model, read in one repeatable-read transaction so that it
// is consistent while SaveModel runs. An empty store gives an empty model (empty, non-nil
// slices); slices the contract prints are never nil; Roles is nil when empty.
func (s *Store) Model(ctx context.Context) (*faultline.Model, error) {
	var m *faultline.Model
	err := s.tx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var err error
		m, err = loadModel(ctx, tx)
		return err
	})
	return m, s.wrap("read model", err)
}

// each runs a query and calls fn for every row.
func each(ctx context.Context, tx pgx.Tx, q string, fn func(pgx.Rows) error) error {
	rows, err := tx.Query(ctx, q)
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

func loadModel(ctx context.Context, tx pgx.Tx) (*faultline.Model, error) {
	m := &faultline.Model{Schema: faultline.Schema, Documents: []faultline.DocumentRef{}, Actors: []faultline.Actor{},
		Ties: []faultline.ModelTie{}, Events: []faultline.ModelEvent{}, Quotes: []faultline.ModelQuote{},
		Figures: []faultline.ModelFigure{}, Paradoxes: []faultline.Paradox{}}
	steps := []struct {
		q  string
		fn func(pgx.Rows) error
	}{
		{`SELECT id, title, date, source, sha256, duplicate_of FROM model_documents ORDER BY ord`, func(r pgx.Rows) error {
			var d faultline.DocumentRef
			err := r.Scan(&d.ID, &d.Title, &d.Date, &d.Source, &d.SHA256, &d.DuplicateOf)
			m.Documents = append(m.Documents, d)
			return err
		}},
		{`SELECT ord, id, canonical, type, country, roles, docs FROM actors ORDER BY ord`, func(r pgx.Rows) error {
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
		}},
		{`SELECT actor_ord, alias FROM aliases ORDER BY actor_ord, idx`, func(r pgx.Rows) error {
			var i int
			var al string
			if err := r.Scan(&i, &al); err != nil {
				return err
			}
			m.Actors[i].Aliases = append(m.Actors[i].Aliases, al)
			return nil
		}},
		{`SELECT actor_ord, doc, start, "end" FROM mentions ORDER BY actor_ord, idx`, func(r pgx.Rows) error {
			var i int
			var ev faultline.Evidence
			if err := r.Scan(&i, &ev.Doc, &ev.Start, &ev.End); err != nil {
				return err
			}
			m.Actors[i].Mentions = append(m.Actors[i].Mentions, ev)
			return nil
		}},
		{`SELECT a, b, type, sign, weight, modality FROM model_ties ORDER BY ord`, func(r pgx.Rows) error {
			t := faultline.ModelTie{Evidence: []faultline.Evidence{}}
			err := r.Scan(&t.A, &t.B, &t.Type, &t.Sign, &t.Weight, &t.Modality)
			m.Ties = append(m.Ties, t)
			return err
		}},
		{`SELECT tie_ord, doc, start, "end" FROM model_tie_evidence ORDER BY tie_ord, idx`, func(r pgx.Rows) error {
			var i int
			var ev faultline.Evidence
			if err := r.Scan(&i, &ev.Doc, &ev.Start, &ev.End); err != nil {
				return err
			}
			m.Ties[i].Evidence = append(m.Ties[i].Evidence, ev)
			return nil
		}},
		{`SELECT doc, source, target, type, mode, cameo, goldstein, trigger, date, date_text, place, modality, ev_doc, ev_start, ev_end
			FROM model_events ORDER BY ord`, func(r pgx.Rows) error {
			var e faultline.ModelEvent
			err := r.Scan(&e.Doc, &e.Source, &e.Target, &e.Type, &e.Mode, &e.CAMEO, &e.Goldstein, &e.Trigger, &e.Date, &e.DateText,
				&e.Place, &e.Modality, &e.Evidence.Doc, &e.Evidence.Start, &e.Evidence.End)
			m.Events = append(m.Events, e)
			return err
		}},
		{`SELECT doc, speaker, start, "end", text FROM model_quotes ORDER BY ord`, func(r pgx.Rows) error {
			var q faultline.ModelQuote
			err := r.Scan(&q.Doc, &q.Speaker, &q.Start, &q.End, &q.Text)
			m.Quotes = append(m.Quotes, q)
			return err
		}},
		{`SELECT doc, start, "end", text, value, unit, about FROM model_figures ORDER BY ord`, func(r pgx.Rows) error {
			var f faultline.ModelFigure
			err := r.Scan(&f.Doc, &f.Start, &f.End, &f.Text, &f.Value, &f.Unit, &f.About)
			m.Figures = append(m.Figures, f)
			return err
		}},
		{`SELECT actors, signs, score, explanation, kind, evidence FROM paradoxes ORDER BY ord`, func(r pgx.Rows) error {
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
		}},
	}
	for _, st := range steps {
		if err := each(ctx, tx, st.q, st.fn); err != nil {
			return nil, err
		}
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
	var id int64
	err := s.with(ctx, func(c *pgx.Conn) error {
		return c.QueryRow(ctx, `INSERT INTO overrides (kind, actor, other, name, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			o.Kind, o.Actor, o.Other, o.Name, at).Scan(&id)
	})
	if err != nil {
		return s.wrap("add override", err)
	}
	o.ID, o.CreatedAt = id, at
	return nil
}

// Overrides lists the recorded overrides, oldest first.
func (s *Store) Overrides(ctx context.Context) ([]faultline.Override, error) {
	out := []faultline.Override{}
	err := s.with(ctx, func(c *pgx.Conn) error {
		rows, err := c.Query(ctx, `SELECT id, kind, actor, other, name, created_at FROM overrides ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var o faultline.Override
			if err := rows.Scan(&o.ID, &o.Kind, &o.Actor, &o.Other, &o.Name, &o.CreatedAt); err != nil {
				return err
			}
			out = append(out, o)
		}
		return rows.Err()
	})
	return out, s.wrap("read overrides", err)
}
