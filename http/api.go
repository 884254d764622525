package http

import (
	"cmp"
	nethttp "net/http"
	"slices"
	"strings"

	"github.com/faultline/faultline"
)

// routes registers the API on mux.
func (s *Server) routes(mux *nethttp.ServeMux) {
	get := func(fn apiFunc) map[string]apiFunc { return map[string]apiFunc{nethttp.MethodGet: fn} }
	handle(mux, "/api/info", get(s.info))
	handle(mux, "/api/documents", get(s.documents))
	handle(mux, "/api/documents/{id}", get(s.document))
	handle(mux, "/api/search", get(s.search))
	// Answers computed from the corpus model alone are cached with it.
	handle(mux, "/api/actors", get(s.cached(s.actorList)))
	handle(mux, "/api/actors/{id}", get(s.cached(s.dossier)))
	handle(mux, "/api/events", get(s.cached(s.eventList)))
	handle(mux, "/api/network", get(s.cached(s.network)))
	handle(mux, "/api/relation", get(s.cached(s.relation)))
	handle(mux, "/api/blocs", get(s.cached(s.blocList)))
	handle(mux, "/api/paradoxes", get(s.cached(s.paradoxList)))
	handle(mux, "/api/timeline", get(s.cached(s.timeline)))
	handle(mux, "/api/places", get(s.cached(s.places)))
	handle(mux, "/api/scenario", map[string]apiFunc{nethttp.MethodPost: s.write(s.scenario)})
	handle(mux, "/api/overrides", map[string]apiFunc{
		nethttp.MethodGet:  s.overrideList,
		nethttp.MethodPost: s.write(s.addOverride),
	})
	mux.HandleFunc("/api/", func(w nethttp.ResponseWriter, r *nethttp.Request) {
		writeError(w, nethttp.StatusNotFound, faultline.ENOTFOUND, "no such API route: "+r.URL.Path)
	})
}

func (s *Server) snapshot(r *nethttp.Request) (*snapshot, error) {
	return s.cache.model(r.Context())
}

// cached serves fn's answers from the current model's answer cache, keyed by the path and
// the sorted query; errors are not cached.
func (s *Server) cached(fn apiFunc) apiFunc {
	return func(r *nethttp.Request) (any, error) {
		snap, err := s.snapshot(r)
		if err != nil {
			return nil, err
		}
		key := r.URL.Path + "?" + r.URL.Query().Encode()
		return snap.answer(key, func() (any, error) { return fn(r) })
	}
}

// Info is the answer of GET /api/info: what the store holds and what the server allows.
type Info struct {
	Version   string `json:"version"`
	Schema    int    `json:"schema"`
	Documents int    `json:"documents"`
	Actors    int    `json:"actors"`
	Events    int    `json:"events"`
	Ties      int    `json:"ties"`
	First     string `json:"first"` // earliest date of a document or event, "" when none
	Last      string `json:"last"`
	// Token is true when writes need a bearer token.
	Token bool `json:"token"`
}

func (s *Server) info(r *nethttp.Request) (any, error) {
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	m := snap.m
	return Info{Version: faultline.Version, Schema: faultline.Schema, Documents: len(m.Documents),
		Actors: len(m.Actors), Events: len(m.Events), Ties: len(m.Ties), First: snap.first, Last: snap.last,
		Token: s.Token != "" || !s.loopback()}, nil
}

// List is the envelope of every paged list: the items under their name, the total number
// of matches and the page.
type List struct {
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

func (s *Server) documents(r *nethttp.Request) (any, error) {
	offset, limit, err := page(r, MaxLimit)
	if err != nil {
		return nil, err
	}
	docs, total, err := s.Store.Documents(r.Context(), faultline.DocumentFilter{Offset: offset, Limit: limit})
	if err != nil {
		return nil, err
	}
	if docs == nil {
		docs = []*faultline.Document{}
	}
	for _, d := range docs {
		d.Text = ""
	}
	return struct {
		Documents []*faultline.Document `json:"documents"`
		List
	}{docs, List{total, offset, limit}}, nil
}

// DocumentView is a document with its text and the evidence spans of its extraction, and
// the names of the actors they resolve to.
type DocumentView struct {
	Document   *faultline.Document   `json:"document"`
	Extraction *faultline.Extraction `json:"extraction"`
	Actors     map[string]string     `json:"actors"` // id -> canonical name
}

func (s *Server) document(r *nethttp.Request) (any, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > 200 {
		return nil, faultline.Errorf(faultline.EINVALID, "bad document id")
	}
	doc, err := s.Store.Document(r.Context(), id)
	if err != nil {
		return nil, err
	}
	ext, err := s.Store.Extraction(r.Context(), id)
	if faultline.ErrorCode(err) == faultline.ENOTFOUND {
		ext, err = &faultline.Extraction{Schema: faultline.Schema, ID: id}, nil
	}
	if err != nil {
		return nil, err
	}
	ext.EmptyLists()
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	add := func(id string) {
		if id != "" {
			names[id] = snap.name(id)
		}
	}
	for _, e := range ext.Entities {
		add(e.Actor)
	}
	for _, e := range ext.Events {
		if e.Source != nil {
			add(e.Source.Actor)
		}
		if e.Target != nil {
			add(e.Target.Actor)
		}
	}
	for _, t := range ext.Ties {
		add(t.A.Actor)
		add(t.B.Actor)
	}
	for _, q := range ext.Quotes {
		if q.Speaker != nil {
			add(q.Speaker.Actor)
		}
	}
	return DocumentView{doc, ext, names}, nil
}

// Hit is a search hit with its document's title and date.
type Hit struct {
	faultline.SearchHit
	Title string `json:"title"`
	Date  string `json:"date"`
}

func (s *Server) search(r *nethttp.Request) (any, error) {
	q, err := param(r, "q")
	if err != nil {
		return nil, err
	}
	if q == "" {
		return nil, faultline.Errorf(faultline.EINVALID, "q is required")
	}
	_, limit, err := page(r, MaxLimit)
	if err != nil {
		return nil, err
	}
	hits, err := s.Store.Search(r.Context(), q, limit)
	if err != nil {
		return nil, err
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(hits))
	for _, h := range hits {
		x := Hit{SearchHit: h}
		if d := snap.docs[h.Doc]; d != nil {
			x.Title, x.Date = d.Title, d.Date
		}
		out = append(out, x)
	}
	return struct {
		Hits []Hit  `json:"hits"`
		Q    string `json:"q"`
	}{out, q}, nil
}

// ActorSummary is an actor in a list: no mentions, but how prominent it is.
type ActorSummary struct {
	ID         string   `json:"id"`
	Canonical  string   `json:"canonical"`
	Type       string   `json:"type"`
	Aliases    []string `json:"aliases"`
	Country    string   `json:"country,omitempty"`
	Docs       int      `json:"docs"`
	Mentions   int      `json:"mentions"`
	Bloc       int      `json:"bloc"` // bloc over the whole corpus; -1 when unconnected
	Prominence float64  `json:"prominence"`
}

func (s *Server) summary(snap *snapshot, v *view, a *faultline.Actor) ActorSummary {
	x := ActorSummary{ID: a.ID, Canonical: a.Canonical, Type: a.Type, Aliases: a.Aliases, Country: a.Country,
		Docs: a.Docs, Mentions: len(a.Mentions), Bloc: -1}
	if x.Aliases == nil {
		x.Aliases = []string{}
	}
	if i := v.g.Index(a.ID); i >= 0 {
		x.Prominence = v.prom[i]
		if v.g.Degree(i) > 0 {
			x.Bloc = v.blocs.Of[i]
		}
	}
	return x
}

func (s *Server) actorList(r *nethttp.Request) (any, error) {
	offset, limit, err := page(r, MaxLimit)
	if err != nil {
		return nil, err
	}
	q, err := param(r, "q")
	if err != nil {
		return nil, err
	}
	typ, err := param(r, "type")
	if err != nil {
		return nil, err
	}
	sortBy := r.URL.Query().Get("sort")
	if sortBy != "" && sortBy != "prominence" && sortBy != "name" {
		return nil, faultline.Errorf(faultline.EINVALID, "sort must be prominence or name")
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	v := snap.view("", "")
	ql := strings.ToLower(q)
	out := []ActorSummary{}
	for i := range snap.m.Actors {
		a := &snap.m.Actors[i]
		if typ != "" && a.Type != typ {
			continue
		}
		if q != "" && !matchActor(a, ql) {
			continue
		}
		out = append(out, s.summary(snap, v, a))
	}
	if sortBy == "name" {
		slices.SortStableFunc(out, func(a, b ActorSummary) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.Canonical), strings.ToLower(b.Canonical)), cmp.Compare(a.ID, b.ID))
		})
	} else {
		slices.SortStableFunc(out, func(a, b ActorSummary) int {
			return cmp.Or(cmp.Compare(b.Prominence, a.Prominence), cmp.Compare(b.Docs, a.Docs), cmp.Compare(a.ID, b.ID))
		})
	}
	return struct {
		Actors []ActorSummary `json:"actors"`
		List
	}{pageOf(out, offset, limit), List{len(out), offset, limit}}, nil
}

func matchActor(a *faultline.Actor, ql string) bool {
	if strings.Contains(strings.ToLower(a.Canonical), ql) || strings.Contains(a.ID, ql) {
		return true
	}
	for _, al := range a.Aliases {
		if strings.Contains(strings.ToLower(al), ql) {
			return true
		}
	}
	return false
}

// TieView is one aggregated tie of an actor, seen from it: the other actor and the tie.
type TieView struct {
	faultline.ModelTie
	Other     string `json:"other"`
	OtherName string `json:"other_name"`
}

// EventView is an event with the names of its actors, its document's title and, when the
// place is in the gazetteer, its coordinates.
type EventView struct {
	faultline.ModelEvent
	SourceName string   `json:"source_name,omitempty"`
	TargetName string   `json:"target_name,omitempty"`
	Title      string   `json:"title,omitempty"`
	Lat        *float64 `json:"lat,omitempty"`
	Lon        *float64 `json:"lon,omitempty"`
}

func (snap *snapshot) eventView(e faultline.ModelEvent) EventView {
	v := EventView{ModelEvent: e}
	if e.Source != "" {
		v.SourceName = snap.name(e.Source)
	}
	if e.Target != "" {
		v.TargetName = snap.name(e.Target)
	}
	if d := snap.docs[e.Doc]; d != nil {
		v.Title = d.Title
	}
	if p, ok := geocode(e.Place); ok {
		v.Lat, v.Lon = &p.Lat, &p.Lon
	}
	return v
}

// QuoteView is a quote with its speaker's name.
type QuoteView struct {
	faultline.ModelQuote
	SpeakerName string `json:"speaker_name,omitempty"`
	Title       string `json:"title,omitempty"`
}

// Dossier is everything known about one actor.
type Dossier struct {
	Actor      faultline.Actor `json:"actor"`
	Bloc       int             `json:"bloc"`
	Prominence float64         `json:"prominence"`
	// Ties groups the actor's ties by sign: "positive", "negative", "neutral".
	Ties        map[string][]TieView    `json:"ties"`
	Events      []EventView             `json:"events"` // oldest first; undated last
	QuotesBy    []QuoteView             `json:"quotes_by"`
	QuotesAbout []QuoteView             `json:"quotes_about"`
	Documents   []faultline.DocumentRef `json:"documents"` // documents mentioning the actor
	// Totals counts each list before the caps: "events", "ties", "quotes_by",
	// "quotes_about", "documents", "mentions".
	Totals map[string]int `json:"totals"`
}

// Caps of a dossier's lists; Totals gives the full counts.
const (
	maxDossierItems    = 300
	maxDossierMentions = 50
	maxTieEvidence     = 5
)

func (s *Server) dossier(r *nethttp.Request) (any, error) {
	id := r.PathValue("id")
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	a := snap.actors[id]
	if a == nil {
		return nil, faultline.Errorf(faultline.ENOTFOUND, "no actor %q", id)
	}
	v := snap.view("", "")
	sum := s.summary(snap, v, a)
	d := Dossier{Actor: *a, Bloc: sum.Bloc, Prominence: sum.Prominence,
		Ties:   map[string][]TieView{"positive": {}, "negative": {}, "neutral": {}},
		Events: []EventView{}, QuotesBy: []QuoteView{}, QuotesAbout: []QuoteView{}, Documents: []faultline.DocumentRef{}}
	if d.Actor.Aliases == nil {
		d.Actor.Aliases = []string{}
	}
	if d.Actor.Roles == nil {
		d.Actor.Roles = []string{}
	}
	d.Totals = map[string]int{"mentions": len(a.Mentions), "events": len(snap.events[id]), "ties": len(snap.ties[id]),
		"quotes_by": len(snap.quotesBy[id])}
	if len(d.Actor.Mentions) > maxDossierMentions {
		d.Actor.Mentions = d.Actor.Mentions[:maxDossierMentions]
	}
	if d.Actor.Mentions == nil {
		d.Actor.Mentions = []faultline.Evidence{}
	}
	tieIdx := slices.Clone(snap.ties[id])
	slices.SortStableFunc(tieIdx, func(i, j int) int {
		a, b := &snap.m.Ties[i], &snap.m.Ties[j]
		return cmp.Compare(b.Weight, a.Weight)
	})
	for _, i := range tieIdx {
		t := snap.m.Ties[i]
		other := t.B
		if other == id {
			other = t.A
		}
		key := "neutral"
		if t.Sign > 0 {
			key = "positive"
		} else if t.Sign < 0 {
			key = "negative"
		}
		if len(d.Ties[key]) >= maxDossierItems {
			continue
		}
		if len(t.Evidence) > maxTieEvidence {
			t.Evidence = t.Evidence[:maxTieEvidence]
		}
		d.Ties[key] = append(d.Ties[key], TieView{t, other, snap.name(other)})
	}
	evIdx := slices.Clone(snap.events[id])
	slices.SortStableFunc(evIdx, func(i, j int) int { return compareEvents(&snap.m.Events[i], &snap.m.Events[j]) })
	if len(evIdx) > maxDossierItems {
		evIdx = evIdx[:maxDossierItems]
	}
	for _, i := range evIdx {
		d.Events = append(d.Events, snap.eventView(snap.m.Events[i]))
	}
	for _, i := range snap.quotesBy[id] {
		q := snap.m.Quotes[i]
		d.QuotesBy = append(d.QuotesBy, QuoteView{q, snap.name(q.Speaker), snap.docTitle(q.Doc)})
		if len(d.QuotesBy) == maxDossierItems {
			break
		}
	}
	// Quotes about the actor: quotes by others that name it.
	var names []string
	for _, n := range append([]string{a.Canonical}, a.Aliases...) {
		if n = strings.ToLower(strings.TrimSpace(n)); len(n) >= 3 && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	about := 0
	for i, q := range snap.m.Quotes {
		if q.Speaker == id {
			continue
		}
		for _, n := range names {
			if strings.Contains(snap.quoteLow[i], n) && containsWord(snap.quoteLow[i], n) {
				if about++; len(d.QuotesAbout) < maxDossierItems {
					d.QuotesAbout = append(d.QuotesAbout, QuoteView{q, snap.name(q.Speaker), snap.docTitle(q.Doc)})
				}
				break
			}
		}
	}
	d.Totals["quotes_about"] = about
	seen := map[string]bool{}
	for _, m := range a.Mentions {
		if !seen[m.Doc] {
			seen[m.Doc] = true
			if ref := snap.docs[m.Doc]; ref != nil {
				d.Documents = append(d.Documents, *ref)
			}
		}
	}
	d.Totals["documents"] = len(d.Documents)
	slices.SortStableFunc(d.Documents, func(a, b faultline.DocumentRef) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	})
	if len(d.Documents) > maxDossierItems {
		d.Documents = d.Documents[:maxDossierItems]
	}
	return d, nil
}

func (snap *snapshot) docTitle(id string) string {
	if d := snap.docs[id]; d != nil {
		return d.Title
	}
	return ""
}

// containsWord reports whether s contains w not inside a longer word.
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return true
		}
		off = i + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// sortEvents orders events by date (undated last), then document and offset.
func sortEvents(es []EventView) {
	slices.SortStableFunc(es, func(a, b EventView) int { return compareEvents(&a.ModelEvent, &b.ModelEvent) })
}

func compareEvents(a, b *faultline.ModelEvent) int {
	if (a.Date == "") != (b.Date == "") {
		if a.Date == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Evidence.Start, b.Evidence.Start))
}

func (s *Server) eventList(r *nethttp.Request) (any, error) {
	offset, limit, err := page(r, MaxLimit)
	if err != nil {
		return nil, err
	}
	from, to, err := window(r)
	if err != nil {
		return nil, err
	}
	var f [3]string
	for i, name := range []string{"actor", "type", "place"} {
		if f[i], err = param(r, name); err != nil {
			return nil, err
		}
	}
	actor, typ, place := f[0], strings.ToUpper(f[1]), strings.ToLower(f[2])
	var types []string
	if typ != "" {
		types = strings.Split(typ, ",")
		for _, t := range types {
			if !slices.Contains(faultline.EventTypes, t) {
				return nil, faultline.Errorf(faultline.EINVALID, "unknown event type %q", t)
			}
		}
	}
	snap, err := s.snapshot(r)
	if err != nil {
		return nil, err
	}
	var idx []int
	if actor != "" {
		if snap.actors[actor] == nil {
			return nil, faultline.Errorf(faultline.ENOTFOUND, "no actor %q", actor)
		}
		idx = snap.events[actor]
	} else {
		idx = make([]int, len(snap.m.Events))
		for i := range idx {
			idx[i] = i
		}
	}
	out := []EventView{}
	for _, i := range idx {
		e := snap.m.Events[i]
		if types != nil && !slices.Contains(types, e.Type) {
			continue
		}
		if place != "" && !strings.Contains(strings.ToLower(e.Place), place) {
			continue
		}
		d := e.Date
		if d == "" {
			d = snap.docDate(e.Doc)
		}
		if !inWindow(d, from, to) {
			continue
		}
		out = append(out, EventView{ModelEvent: e})
	}
	sortEvents(out)
	pg := pageOf(out, offset, limit)
	for i := range pg {
		pg[i] = snap.eventView(pg[i].ModelEvent)
	}
	return struct {
		Events []EventView `json:"events"`
		List
	}{pg, List{len(out), offset, limit}}, nil
}

// docDate returns a document's date, or "".
func (snap *snapshot) docDate(id string) string {
	if d := snap.docs[id]; d != nil {
		return d.Date
	}
	return ""
}
