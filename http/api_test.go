package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	nethttp "net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faultline/faultline"
	fhttp "github.com/faultline/faultline/http"
)

// request sends one request to h and decodes the JSON answer; hdr are header pairs.
func request(t *testing.T, h nethttp.Handler, method, target, body string, hdr ...string) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	r.Host = "127.0.0.1:8080"
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			r.Host = hdr[i+1]
			continue
		}
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if strings.HasPrefix(target, "/api/") {
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("%s %s: content type %q, body %s", method, target, ct, w.Body.String())
		}
	}
	var out map[string]any
	if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("%s %s: bad JSON %q: %v", method, target, w.Body.String(), err)
		}
	}
	return w.Code, out
}

func get(t *testing.T, h nethttp.Handler, target string) map[string]any {
	t.Helper()
	code, out := request(t, h, "GET", target, "")
	if code != 200 {
		t.Fatalf("GET %s: status %d: %v", target, code, out)
	}
	return out
}

func errCode(out map[string]any) string {
	e, _ := out["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

func list(out map[string]any, key string) []any {
	l, _ := out[key].([]any)
	return l
}

func newHandler(s faultline.Store) (*fhttp.Server, nethttp.Handler) {
	srv := fhttp.NewServer(s)
	return srv, srv.Handler()
}

func TestEmptyStore(t *testing.T) {
	_, h := newHandler(newMemStore())
	for _, c := range []struct{ path, key string }{
		{"/api/documents", "documents"}, {"/api/actors", "actors"}, {"/api/events", "events"},
		{"/api/network", "nodes"}, {"/api/network", "edges"}, {"/api/blocs", "blocs"}, {"/api/blocs", "brokers"},
		{"/api/paradoxes", "paradoxes"}, {"/api/timeline", "months"}, {"/api/timeline", "changes"},
		{"/api/places", "places"}, {"/api/overrides", "overrides"}, {"/api/search?q=x", "hits"},
	} {
		out := get(t, h, c.path)
		l, ok := out[c.key].([]any)
		if !ok || len(l) != 0 {
			t.Errorf("%s: %s = %#v, want []", c.path, c.key, out[c.key])
		}
	}
	if code, out := request(t, h, "GET", "/api/actors/nobody", ""); code != 404 || errCode(out) != "not_found" {
		t.Errorf("missing actor: %d %v", code, out)
	}
}

func TestDocuments(t *testing.T) {
	_, h := newHandler(handStore())
	out := get(t, h, "/api/documents")
	if n := len(list(out, "documents")); n != 4 || out["total"].(float64) != 4 {
		t.Fatalf("documents: %d, total %v", n, out["total"])
	}
	if d := list(out, "documents")[0].(map[string]any); d["text"] != nil {
		t.Errorf("list carries text")
	}
	out = get(t, h, "/api/documents?offset=1&limit=2")
	if n := len(list(out, "documents")); n != 2 || list(out, "documents")[0].(map[string]any)["id"] != "doc-b" {
		t.Errorf("page: %v", out)
	}
	out = get(t, h, "/api/documents?limit=100000")
	if out["limit"].(float64) != fhttp.MaxLimit {
		t.Errorf("limit not capped: %v", out["limit"])
	}
	for _, q := range []string{"offset=-1", "limit=0", "limit=x", "offset=1e3"} {
		if code, out := request(t, h, "GET", "/api/documents?"+q, ""); code != 400 || errCode(out) != "invalid" {
			t.Errorf("%s: %d %v", q, code, out)
		}
	}
	out = get(t, h, "/api/documents/doc-a")
	doc := out["document"].(map[string]any)
	text := doc["text"].(string)
	x := out["extraction"].(map[string]any)
	for _, k := range []string{"entities", "events", "ties", "quotes", "figures", "sentences"} {
		if len(x[k].([]any)) == 0 {
			t.Errorf("doc-a extraction has no %s", k)
		}
	}
	ev := x["events"].([]any)[0].(map[string]any)
	if s, e := int(ev["start"].(float64)), int(ev["end"].(float64)); text[s:e] != "clashed" {
		t.Errorf("event span %q", text[s:e])
	}
	if out["actors"].(map[string]any)["kael-morrow"] != "Kael Morrow" {
		t.Errorf("actors: %v", out["actors"])
	}
	for _, id := range []string{"nope", "..%2F..%2Fetc%2Fpasswd", "doc-a%00"} {
		if code, out := request(t, h, "GET", "/api/documents/"+id, ""); code != 404 || errCode(out) != "not_found" {
			t.Errorf("document %s: %d %v", id, code, out)
		}
	}
	if code, _ := request(t, h, "GET", "/api/documents/../../etc/passwd", ""); code == 200 {
		t.Errorf("traversal answered 200")
	}
}

func TestSearch(t *testing.T) {
	_, h := newHandler(handStore())
	if code, out := request(t, h, "GET", "/api/search", ""); code != 400 || errCode(out) != "invalid" {
		t.Errorf("no q: %d %v", code, out)
	}
	if code, _ := request(t, h, "GET", "/api/search?q="+strings.Repeat("a", 600), ""); code != 400 {
		t.Errorf("long q: %d", code)
	}
	out := get(t, h, "/api/search?q=truce")
	hits := list(out, "hits")
	if len(hits) == 0 || hits[0].(map[string]any)["title"] != "Elders broker a truce" {
		t.Errorf("hits: %v", hits)
	}
}

func TestActorsAndDossier(t *testing.T) {
	_, h := newHandler(handStore())
	out := get(t, h, "/api/actors")
	actors := list(out, "actors")
	if len(actors) != 8 {
		t.Fatalf("actors: %d", len(actors))
	}
	out = get(t, h, "/api/actors?q=brannock")
	if a := list(out, "actors"); len(a) != 1 || a[0].(map[string]any)["id"] != "brannock-militia" {
		t.Errorf("q=brannock: %v", a)
	}
	out = get(t, h, "/api/actors?type=PERSON&sort=name")
	if a := list(out, "actors"); len(a) != 1 {
		t.Errorf("type=PERSON: %v", a)
	}
	if code, _ := request(t, h, "GET", "/api/actors?sort=zzz", ""); code != 400 {
		t.Errorf("bad sort: %d", code)
	}
	d := get(t, h, "/api/actors/brannock-militia")
	ties := d["ties"].(map[string]any)
	if len(ties["positive"].([]any)) != 2 || len(ties["negative"].([]any)) != 1 || len(ties["neutral"].([]any)) != 0 {
		t.Errorf("ties: %v", ties)
	}
	events := list(d, "events")
	if len(events) != 2 || events[0].(map[string]any)["date"] != "2021-03-04" {
		t.Errorf("events: %v", events)
	}
	if e := events[0].(map[string]any); e["lat"] == nil || e["source_name"] != "Aster Army" {
		t.Errorf("event not located or named: %v", e)
	}
	d = get(t, h, "/api/actors/kael-morrow")
	if len(list(d, "quotes_by")) != 1 {
		t.Errorf("quotes_by: %v", d["quotes_by"])
	}
	d = get(t, h, "/api/actors/un-mission")
	if len(list(d, "quotes_by")) != 1 || len(list(d, "documents")) == 0 {
		t.Errorf("un-mission dossier: %v", d)
	}
}

func TestEvents(t *testing.T) {
	_, h := newHandler(handStore())
	cases := []struct {
		q    string
		want int
	}{
		{"", 7}, {"actor=sable-front", 3}, {"type=ASSAULT", 2}, {"type=assault,accuse", 4},
		{"from=2021-05&to=2021-12", 5}, {"from=2022", 1}, {"place=erbil", 1}, {"actor=aster&type=AGREE", 1},
		{"limit=2", 7},
	}
	for _, c := range cases {
		out := get(t, h, "/api/events?"+c.q)
		if int(out["total"].(float64)) != c.want {
			t.Errorf("%s: total %v, want %d", c.q, out["total"], c.want)
		}
	}
	for _, q := range []string{"from=2021-13", "from=2022&to=2021", "type=PARTY", "from=yesterday"} {
		if code, _ := request(t, h, "GET", "/api/events?"+q, ""); code != 400 {
			t.Errorf("%s: %d, want 400", q, code)
		}
	}
	if code, _ := request(t, h, "GET", "/api/events?actor=nobody", ""); code != 404 {
		t.Errorf("unknown actor: %d", code)
	}
}

func TestNetwork(t *testing.T) {
	_, h := newHandler(handStore())
	out := get(t, h, "/api/network")
	nodes, edges := list(out, "nodes"), list(out, "edges")
	if len(nodes) < 7 || len(edges) < 8 {
		t.Fatalf("network: %d nodes, %d edges", len(nodes), len(edges))
	}
	var sawNeg bool
	for _, e := range edges {
		e := e.(map[string]any)
		if e["sign"].(float64) < 0 {
			sawNeg = true
		}
		rel := get(t, h, "/api/relation?a="+e["a"].(string)+"&b="+e["b"].(string))
		if len(list(rel, "evidence")) == 0 || rel["names"] == nil {
			t.Errorf("relation %v-%v has no evidence: %v", e["a"], e["b"], rel)
		}
	}
	if !sawNeg {
		t.Errorf("no hostile edge: %v", edges)
	}
	if code, _ := request(t, h, "GET", "/api/relation?a=aster&b=kael-morrow", ""); code != 404 {
		t.Errorf("missing relation: %d", code)
	}
	if code, _ := request(t, h, "GET", "/api/relation?a=aster", ""); code != 400 {
		t.Errorf("relation without b: %d", code)
	}
	out = get(t, h, "/api/network?max_edges=2")
	if len(list(out, "edges")) != 2 || out["hidden"].(float64) != float64(len(edges)-2) {
		t.Errorf("max_edges=2: %d edges, hidden %v", len(list(out, "edges")), out["hidden"])
	}
	out = get(t, h, "/api/network?limit=3")
	if len(list(out, "nodes")) != 3 {
		t.Errorf("limit=3: %d nodes", len(list(out, "nodes")))
	}
	out = get(t, h, "/api/network?from=2022&to=2022")
	if n := len(list(out, "nodes")); n == 0 || n > 5 {
		t.Errorf("2022 window: %d nodes", n)
	}
	out = get(t, h, "/api/network?min_weight=100")
	if len(list(out, "edges")) != 0 {
		t.Errorf("min_weight=100 kept edges")
	}
	for _, q := range []string{"min_weight=-1", "limit=-3", "from=2021-02-30"} {
		if code, _ := request(t, h, "GET", "/api/network?"+q, ""); code != 400 {
			t.Errorf("%s: %d", q, code)
		}
	}
}

func TestAnalysis(t *testing.T) {
	_, h := newHandler(handStore())
	out := get(t, h, "/api/blocs")
	if len(list(out, "blocs")) == 0 {
		t.Errorf("no blocs: %v", out)
	}
	out = get(t, h, "/api/paradoxes")
	ps := list(out, "paradoxes")
	if len(ps) == 0 {
		t.Fatalf("no paradoxes")
	}
	p := ps[0].(map[string]any)
	if p["explanation"] == "" || len(p["evidence"].([]any)) == 0 {
		t.Errorf("paradox without explanation or evidence: %v", p)
	}
	if out["names"].(map[string]any)["sable-front"] == nil {
		t.Errorf("names: %v", out["names"])
	}
	out = get(t, h, "/api/timeline")
	if len(list(out, "months")) != 4 || out["first"] != "2021-03-04" {
		t.Errorf("timeline: %v", out)
	}
	out = get(t, h, "/api/places")
	places := list(out, "places")
	if len(places) != 4 {
		t.Errorf("places: %v", out)
	}
}

func TestScenario(t *testing.T) {
	_, h := newHandler(handStore())
	code, out := request(t, h, "POST", "/api/scenario", `{"edits":[{"a":"verdan","b":"brannock-militia","sign":1}],"runs":50,"seed":1}`)
	if code != 200 {
		t.Fatalf("scenario: %d %v", code, out)
	}
	if out["note"] == "" || out["flips"] == nil || out["names"] == nil {
		t.Errorf("scenario: %v", out)
	}
	for _, body := range []string{`{}`, `{"edits":[{"a":"verdan","b":"verdan","sign":1}]}`, `{"edits":[{"a":"verdan","b":"aster","sign":2}]}`,
		`{"edits":[{"a":"verdan","remove":true}],"runs":100000}`, `{"edits":[],"extra":1}`, `not json`, `{"edits":[{"a":"x","remove":true}]} {}`} {
		if code, out := request(t, h, "POST", "/api/scenario", body); code != 400 {
			t.Errorf("%s: %d %v", body, code, out)
		}
	}
	if code, _ := request(t, h, "POST", "/api/scenario", `{"edits":[{"a":"nobody","b":"aster","sign":1}]}`); code != 404 {
		t.Errorf("unknown actor: %d", code)
	}
}

func TestOverrides(t *testing.T) {
	st := handStore()
	srv, h := newHandler(st)
	var rebuilt atomic.Int32
	srv.Rebuild = func(ctx context.Context) error {
		rebuilt.Add(1)
		m, _ := st.Model(ctx)
		m2 := *m
		m2.Actors = nil
		for _, a := range m.Actors {
			if a.ID != "sable-front" {
				m2.Actors = append(m2.Actors, a)
			}
		}
		return st.SaveModel(ctx, &m2)
	}
	get(t, h, "/api/actors") // load the model into the cache
	code, out := request(t, h, "POST", "/api/overrides", `{"kind":"merge","actor":"brannock-militia","other":"sable-front"}`)
	if code != 201 || out["rebuilt"] != true || rebuilt.Load() != 1 {
		t.Fatalf("merge: %d %v", code, out)
	}
	if n := len(list(get(t, h, "/api/actors"), "actors")); n != 7 {
		t.Errorf("model not reloaded after rebuild: %d actors", n)
	}
	if l := list(get(t, h, "/api/overrides"), "overrides"); len(l) != 1 {
		t.Errorf("overrides: %v", l)
	}
	for _, c := range []struct {
		body string
		code int
	}{
		{`{"kind":"merge","actor":"aster"}`, 400},
		{`{"kind":"explode","actor":"aster"}`, 400},
		{`{"kind":"alias","actor":"aster"}`, 400},
		{`{"kind":"alias","actor":"nobody","name":"X"}`, 404},
		{`{"kind":"merge","actor":"aster","other":"nobody"}`, 404},
		{`{"kind":"rename","actor":"aster","name":"Aster","bogus":1}`, 400},
		{`{"kind":"alias","actor":"aster","name":"` + strings.Repeat("x", 2<<20) + `"}`, 413},
	} {
		code, out := request(t, h, "POST", "/api/overrides", c.body)
		if code != c.code {
			t.Errorf("%.60s: %d %v, want %d", c.body, code, out, c.code)
		}
	}
}

func TestWriteProtection(t *testing.T) {
	srv, h := newHandler(handStore())
	body := `{"kind":"alias","actor":"aster","name":"Asteria"}`
	post := func(hdr ...string) (int, map[string]any) {
		return request(t, h, "POST", "/api/overrides", body, hdr...)
	}
	// Cross-site requests.
	if code, out := post("Sec-Fetch-Site", "cross-site"); code != 403 || errCode(out) != "forbidden" {
		t.Errorf("Sec-Fetch-Site cross-site: %d %v", code, out)
	}
	if code, _ := post("Sec-Fetch-Site", "same-site"); code != 403 {
		t.Errorf("Sec-Fetch-Site same-site: %d", code)
	}
	if code, _ := post("Origin", "http://evil.example"); code != 403 {
		t.Errorf("foreign Origin: %d", code)
	}
	if code, _ := post("Content-Type", "text/plain"); code != 415 {
		t.Errorf("text/plain: %d", code)
	}
	if code, _ := post("Content-Type", "application/x-www-form-urlencoded"); code != 415 {
		t.Errorf("form: %d", code)
	}
	if code, _ := post("Origin", "http://127.0.0.1:8080", "Sec-Fetch-Site", "same-origin"); code != 201 {
		t.Errorf("same origin: %d", code)
	}
	// A token, once set, is required.
	srv.Token = "s3cret"
	if code, out := post(); code != 401 || errCode(out) != "unauthorized" {
		t.Errorf("no token: %d %v", code, out)
	}
	if code, _ := post("Authorization", "Bearer wrong"); code != 401 {
		t.Errorf("wrong token: %d", code)
	}
	if code, _ := post("Authorization", "Bearer s3cret"); code != 201 {
		t.Errorf("good token: %d", code)
	}
	// On a non-loopback address, writes need a token even when none is set.
	srv.Token, srv.Addr = "", "0.0.0.0:8080"
	if code, _ := post("Host", "faultline.example:8080"); code != 401 {
		t.Errorf("non-loopback without token: %d", code)
	}
	// Reads stay open.
	if code, _ := request(t, h, "GET", "/api/actors", "", "Host", "faultline.example:8080"); code != 200 {
		t.Errorf("non-loopback read: %d", code)
	}
	if err := srv.Open(); err == nil {
		srv.Close()
		t.Errorf("Open on 0.0.0.0 without a token succeeded")
	}
}

func TestHostCheck(t *testing.T) {
	_, h := newHandler(handStore())
	// DNS rebinding: a loopback server answers only to local names.
	if code, out := request(t, h, "GET", "/api/actors", "", "Host", "evil.example"); code != 403 || errCode(out) != "forbidden" {
		t.Errorf("foreign host: %d %v", code, out)
	}
	for _, host := range []string{"localhost:8080", "127.0.0.1", "[::1]:80"} {
		if code, _ := request(t, h, "GET", "/api/info", "", "Host", host); code != 200 {
			t.Errorf("host %s: %d", host, code)
		}
	}
}

func TestRoutesAnswerJSON(t *testing.T) {
	_, h := newHandler(handStore())
	if code, out := request(t, h, "DELETE", "/api/actors", ""); code != 405 || errCode(out) != "method_not_allowed" {
		t.Errorf("DELETE: %d %v", code, out)
	}
	if code, out := request(t, h, "GET", "/api/scenario", ""); code != 405 {
		t.Errorf("GET scenario: %d %v", code, out)
	}
	if code, out := request(t, h, "GET", "/api/nothing/here", ""); code != 404 || errCode(out) != "not_found" {
		t.Errorf("unknown route: %d %v", code, out)
	}
}

// slowStore blocks in Model until the request gives up.
type slowStore struct{ *memStore }

func (s slowStore) Model(ctx context.Context) (*faultline.Model, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestTimeout(t *testing.T) {
	srv, h := newHandler(slowStore{handStore()})
	srv.Timeout = 50 * time.Millisecond
	h = srv.Handler()
	start := time.Now()
	code, out := request(t, h, "GET", "/api/actors", "")
	if code != 503 || errCode(out) != "timeout" {
		t.Errorf("slow request: %d %v", code, out)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("timeout took %v", d)
	}
}

// failStore fails with an internal error whose text must not reach the client.
type failStore struct{ *memStore }

func (s failStore) Model(ctx context.Context) (*faultline.Model, error) {
	return nil, errors.New("disk on fire at /var/secret/path")
}

func TestInternalErrorHidden(t *testing.T) {
	_, h := newHandler(failStore{handStore()})
	code, out := request(t, h, "GET", "/api/actors", "")
	if code != 500 || errCode(out) != "internal" || strings.Contains(out["error"].(map[string]any)["message"].(string), "secret") {
		t.Errorf("internal error: %d %v", code, out)
	}
}

func TestErrorStatus(t *testing.T) {
	for code, want := range map[string]int{
		faultline.ENOTFOUND: 404, faultline.EINVALID: 400, faultline.ECONFLICT: 409, faultline.EUNAUTHORIZED: 401,
		faultline.ENOTIMPLEMENTED: 501, faultline.EINTERNAL: 500, "something-else": 500,
	} {
		if got := fhttp.ErrorStatus(code); got != want {
			t.Errorf("%s: %d, want %d", code, got, want)
		}
	}
}

func TestAssets(t *testing.T) {
	_, h := newHandler(handStore())
	serve := func(method, target string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, "http://127.0.0.1"+target, nil)
		r.URL.Path = target // keep what the client sent, unnormalised
		r.Host = "127.0.0.1"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	w := serve("GET", "/")
	if w.Code != 200 || !bytes.Contains(w.Body.Bytes(), []byte("<!doctype html>")) {
		t.Fatalf("index: %d %.100s", w.Code, w.Body.String())
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP: %q", csp)
	}
	w = serve("GET", "/vendor/cytoscape.esm.min.mjs")
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Type"), "javascript") {
		t.Errorf("vendored cytoscape: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	if w = serve("GET", "/geo/countries.geojson"); w.Code != 200 {
		t.Errorf("countries: %d", w.Code)
	}
	for _, p := range []string{"/../http.go", "/js/../../http.go", "/..%2fhttp.go", "/geo/places.tsv", "/geo/gen.go",
		"/js/", "/vendor/", "/nothing.js", "/.%2e/assets.go", "/js\\..\\..\\http.go", "/index.html%00"} {
		if w := serve("GET", p); w.Code == 200 {
			t.Errorf("%s: 200 %.80s", p, w.Body.String())
		}
	}
	if w := serve("POST", "/"); w.Code != 405 {
		t.Errorf("POST /: %d", w.Code)
	}
}

func TestServerOpen(t *testing.T) {
	srv := fhttp.NewServer(handStore())
	srv.Addr = "127.0.0.1:0"
	if err := srv.Open(); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	resp, err := nethttp.Get(srv.URL() + "/api/info")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var info fhttp.Info
	if err := json.NewDecoder(resp.Body).Decode(&info); err != nil || info.Documents != 4 || info.Actors != 8 {
		t.Errorf("info: %+v %v", info, err)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:1": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.4:80": false, "example.com:80": false,
	} {
		if got := fhttp.Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v", addr, got)
		}
	}
}

// TestRefresh: a model older than the TTL is served while a fresh one loads in the
// background, and the fresh one replaces it.
func TestRefresh(t *testing.T) {
	st := handStore()
	srv, h := newHandler(st)
	srv.TTL = time.Millisecond
	if n := len(list(get(t, h, "/api/actors"), "actors")); n != 8 {
		t.Fatalf("actors: %d", n)
	}
	m := *st.model
	m.Actors = m.Actors[:3]
	st.SaveModel(context.Background(), &m)
	deadline := time.Now().Add(5 * time.Second)
	for {
		time.Sleep(5 * time.Millisecond)
		n := len(list(get(t, h, "/api/actors"), "actors"))
		if n == 3 {
			break
		}
		if n != 8 || time.Now().After(deadline) {
			t.Fatalf("actors: %d, want the old 8 until the new 3", n)
		}
	}
}
