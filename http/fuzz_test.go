package http_test

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzAPI sends arbitrary paths, queries and bodies to the API: every answer must be JSON,
// never a 500, and never a panic.
func FuzzAPI(f *testing.F) {
	for _, s := range []struct{ method, path, query, body string }{
		{"GET", "/api/actors", "q=bran&limit=3&offset=1", ""},
		{"GET", "/api/actors/brannock-militia", "", ""},
		{"GET", "/api/documents/doc-a", "", ""},
		{"GET", "/api/events", "from=2021-05&to=2021-12&type=ASSAULT,accuse&place=erbil", ""},
		{"GET", "/api/network", "from=2021&limit=3&min_weight=0.5&max_edges=2&type=ORG&actor=aster", ""},
		{"GET", "/api/relation", "a=aster&b=verdan", ""},
		{"GET", "/api/paradoxes", "actor=verdan", ""},
		{"GET", "/api/search", "q=truce", ""},
		{"GET", "/api/places", "from=2021-02-29", ""},
		{"POST", "/api/scenario", "", `{"edits":[{"a":"verdan","b":"aster","sign":1}],"runs":3}`},
		{"POST", "/api/overrides", "", `{"kind":"alias","actor":"aster","name":"Asteria"}`},
		{"POST", "/api/overrides", "", `{"kind":"merge","actor":"aster","other":"verdan"}`},
		{"GET", "/api/../../etc/passwd", "", ""},
	} {
		f.Add(s.method, s.path, s.query, s.body)
	}
	st := handStore()
	_, h := newHandler(st)
	f.Fuzz(func(t *testing.T, method, path, query, body string) {
		if method != "GET" && method != "POST" {
			method = "GET"
		}
		if !strings.HasPrefix(path, "/api/") {
			path = "/api/" + path
		}
		u := &url.URL{Path: path, RawQuery: query}
		r := httptest.NewRequest(method, "http://127.0.0.1/", strings.NewReader(body))
		r.URL = u
		r.RequestURI = u.RequestURI()
		r.Host = "127.0.0.1"
		if method == "POST" {
			r.Header.Set("Content-Type", "application/json")
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 && w.Code != 503 {
			t.Fatalf("%s %s?%s %q: %d %s", method, path, query, body, w.Code, w.Body.String())
		}
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("%s %s?%s: not JSON: %q", method, path, query, w.Body.String())
		}
	})
}
