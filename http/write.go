package http

import (
	nethttp "net/http"
	"strings"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/network"
)

// ScenarioRequest is the body of POST /api/scenario: edits to the graph of a window.
type ScenarioRequest struct {
	From  string         `json:"from,omitempty"`
	To    string         `json:"to,omitempty"`
	Edits []network.Edit `json:"edits"`
	Model string         `json:"model,omitempty"` // "akr" (default) or "marvel"
	Runs  int            `json:"runs,omitempty"`  // default 100, at most maxRuns
	Seed  uint64         `json:"seed,omitempty"`
}

const (
	maxRuns  = 500
	maxEdits = 50
)

func (s *Server) scenario(r *nethttp.Request) (any, error) {
	var req ScenarioRequest
	if err := decode(r, &req); err != nil {
		return nil, err
	}
	if len(req.Edits) == 0 || len(req.Edits) > maxEdits {
		return nil, faultline.Errorf(faultline.EINVALID, "a scenario needs 1 to %d edits", maxEdits)
	}
	for _, e := range req.Edits {
		if e.A == "" || (!e.Remove && (e.B == "" || e.A == e.B || (e.Sign != 1 && e.Sign != -1))) {
			return nil, faultline.Errorf(faultline.EINVALID, "bad edit: want {a, b, sign: 1 or -1} or {a, remove: true}")
		}
	}
	if req.Runs < 0 || req.Runs > maxRuns {
		return nil, faultline.Errorf(faultline.EINVALID, "runs must be between 0 and %d", maxRuns)
	}
	for _, d := range []string{req.From, req.To} {
		if d != "" && !validDate(d) {
			return nil, faultline.Errorf(faultline.EINVALID, "bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	v := snap.view(req.From, req.To)
	sc, err := network.Simulate(v.g, req.Edits, network.ScenarioOptions{Model: req.Model, Runs: req.Runs, Seed: req.Seed})
	if err != nil {
		return nil, err
	}
	if sc.Flips == nil {
		sc.Flips = []network.Flip{}
	}
	names := map[string]string{}
	for _, e := range sc.Edits {
		names[e.A] = snap.name(e.A)
		if e.B != "" {
			names[e.B] = snap.name(e.B)
		}
	}
	for _, bs := range [][][]string{sc.Before, sc.After} {
		for _, b := range bs {
			for _, id := range b {
				names[id] = snap.name(id)
			}
		}
	}
	for _, f := range sc.Flips {
		names[f.A], names[f.B] = snap.name(f.A), snap.name(f.B)
		for _, d := range f.Drivers {
			names[d.Third] = snap.name(d.Third)
		}
	}
	return struct {
		*network.Scenario
		Names map[string]string `json:"names"`
	}{sc, names}, nil
}

func (s *Server) overrideList(r *nethttp.Request) (any, error) {
	os, err := s.Store.Overrides(r.Context())
	if err != nil {
		return nil, err
	}
	if os == nil {
		os = []faultline.Override{}
	}
	return struct {
		Overrides []faultline.Override `json:"overrides"`
	}{os}, nil
}

// addOverride records a merge, split, alias or rename and rebuilds the model.
func (s *Server) addOverride(r *nethttp.Request) (any, error) {
	var o faultline.Override
	if err := decode(r, &o); err != nil {
		return nil, err
	}
	o.ID, o.CreatedAt = 0, ""
	o.Actor, o.Other, o.Name = strings.TrimSpace(o.Actor), strings.TrimSpace(o.Other), strings.TrimSpace(o.Name)
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	if o.Actor == "" {
		return nil, faultline.Errorf(faultline.EINVALID, "actor is required")
	}
	if snap.actors[o.Actor] == nil {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "no actor %q", o.Actor)
	}
	if len(o.Name) > 200 {
		return nil, faultline.Errorf(faultline.EINVALID, "name is longer than 200 bytes")
	}
	switch o.Kind {
	case faultline.OverrideMerge:
		if o.Other == "" || o.Other == o.Actor {
			return nil, faultline.Errorf(faultline.EINVALID, "merge needs another actor in other")
		}
		if snap.actors[o.Other] == nil {
			return nil, faultline.Errorf(faultline.ENOTFOUND, "no actor %q", o.Other)
		}
	case faultline.OverrideSplit, faultline.OverrideAlias, faultline.OverrideRename:
		if o.Name == "" {
			return nil, faultline.Errorf(faultline.EINVALID, "%s needs a name", o.Kind)
		}
		if o.Other != "" {
			return nil, faultline.Errorf(faultline.EINVALID, "%s takes no other actor", o.Kind)
		}
	default:
		return nil, faultline.Errorf(faultline.EINVALID, "kind must be merge, split, alias or rename")
	}
	if err := s.Store.AddOverride(r.Context(), &o); err != nil {
		return nil, err
	}
	rebuilt := false
	if s.Rebuild != nil {
		if err := s.Rebuild(r.Context()); err != nil {
			s.cache.invalidate()
			return nil, err
		}
		rebuilt = true
	}
	s.cache.invalidate()
	return created{struct {
		Override faultline.Override `json:"override"`
		Rebuilt  bool               `json:"rebuilt"`
	}{o, rebuilt}}, nil
}
