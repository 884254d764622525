package http_test

import (
	"bufio"
	"context"
	"io"
	"net"
	nethttp "net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	fhttp "github.com/faultline/faultline/http"
)

// overrideCount is the number of overrides a store holds.
func overrideCount(t *testing.T, s *memStore) int {
	t.Helper()
	ov, err := s.Overrides(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(ov)
}

// TestBodyLimit: a write body over MaxBodyBytes is refused with 413 too_large and stores
// nothing, whether the excess is padding or a single huge string.
func TestBodyLimit(t *testing.T) {
	st := handStore()
	_, h := newHandler(st)
	before := overrideCount(t, st)
	for name, body := range map[string]string{
		"padding":     `{"kind":"alias","actor":"aster","name":"Asteria"}` + strings.Repeat(" ", fhttp.MaxBodyBytes),
		"huge string": `{"kind":"alias","actor":"aster","name":"` + strings.Repeat("A", fhttp.MaxBodyBytes+10) + `"}`,
		"scenario":    `{"edits":[` + strings.Repeat(`{"a":"aster","b":"verdan","sign":1},`, fhttp.MaxBodyBytes/30) + `{"a":"aster","b":"verdan","sign":1}]}`,
	} {
		path := "/api/overrides"
		if name == "scenario" {
			path = "/api/scenario"
		}
		code, out := request(t, h, "POST", path, body)
		if code != 413 || errCode(out) != "too_large" {
			t.Errorf("%s (%d bytes): %d %v, want 413 too_large", name, len(body), code, out)
		}
	}
	if n := overrideCount(t, st); n != before {
		t.Errorf("oversized writes stored %d overrides", n-before)
	}
	// Just under the limit is read (and refused for its content, not its size).
	body := `{"kind":"alias","actor":"aster","name":"Asteria"}` + strings.Repeat(" ", fhttp.MaxBodyBytes-100)
	if code, out := request(t, h, "POST", "/api/overrides", body); code != 201 {
		t.Errorf("body under the limit: %d %v", code, out)
	}
}

// TestHostileBodies: malformed and hostile JSON bodies get a 400 invalid naming the
// problem, never a 500, and store nothing.
func TestHostileBodies(t *testing.T) {
	st := handStore()
	_, h := newHandler(st)
	before := overrideCount(t, st)
	for _, tc := range []struct{ path, body, want string }{
		{"/api/scenario", `{"edits":[{"a":"aster","b":"verdan","sign":1}],"runs":1e999999}`, "bad JSON body"},
		{"/api/scenario", `{"edits":[{"a":"aster","b":"verdan","sign":1}],"seed":123456789012345678901234567890}`, "bad JSON body"},
		{"/api/scenario", `{"edits":[{"a":"aster","b":"verdan","sign":1e308}]}`, "bad JSON body"},
		{"/api/scenario", `{"edits":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`, "bad JSON body"},
		{"/api/overrides", `{"kind":"alias","actor":"aster","name":"A\u0000B"` + "\x00}", "bad JSON body"},
		{"/api/overrides", "{\"kind\":\"alias\",\"actor\":\"aster\",\"name\":\"\xff\xfe\"}x", "trailing data"},
		{"/api/overrides", `{"kind":"alias","actor":"aster","name":"x","admin":true}`, "unknown field"},
		{"/api/overrides", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bad JSON body"},
		{"/api/overrides", ``, "bad JSON body"},
		{"/api/overrides", `{"kind":"alias","actor":"../../etc/passwd","name":"x"}`, "no actor"},
	} {
		code, out := request(t, h, "POST", tc.path, tc.body, "Content-Type", "application/json")
		msg, _ := out["error"].(map[string]any)["message"].(string)
		if code != 400 && code != 404 || !strings.Contains(msg, tc.want) {
			t.Errorf("%s %.60q: %d %v, want 400/404 with %q", tc.path, tc.body, code, out, tc.want)
		}
	}
	if n := overrideCount(t, st); n != before {
		t.Errorf("hostile bodies stored %d overrides", n-before)
	}
}

// TestNoTraversal: document and actor routes look ids up in the store, never on disk: a
// path-like id is a 404 in JSON and no file content leaks.
func TestNoTraversal(t *testing.T) {
	_, h := newHandler(handStore())
	for _, target := range []string{
		"/api/documents/..%2F..%2Fhttp.go",
		"/api/documents/..%2f..%2f..%2fetc%2fpasswd",
		"/api/documents/%2Fetc%2Fpasswd",
		"/api/documents/..",
		"/api/documents/../../server.go",
		"/api/documents/doc-a%00.txt",
		"/api/actors/..%2F..%2Fhttp.go",
		"/api/actors/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/api/relation?a=../../etc/passwd&b=aster",
		"/api/documents/" + strings.Repeat("a", 300),
	} {
		r := httptest.NewRequest("GET", "http://127.0.0.1"+target, nil)
		r.Host = "127.0.0.1"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		body := w.Body.String()
		if w.Code == 200 || w.Code >= 500 {
			t.Errorf("%s: %d %.100s", target, w.Code, body)
		}
		if strings.Contains(body, "package http") || strings.Contains(body, "root:") {
			t.Errorf("%s: file content leaked: %.100s", target, body)
		}
		if loc := w.Header().Get("Location"); loc != "" && !strings.HasPrefix(loc, "/") {
			t.Errorf("%s: redirect off-site to %q", target, loc)
		}
	}
}

// TestServerTimeouts: a real server drops a client that sends its headers too slowly
// (slowloris) and refuses oversized headers, so idle or hostile connections cannot pile up.
func TestServerTimeouts(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the header timeout (5 s)")
	}
	srv := fhttp.NewServer(handStore())
	srv.Addr = "127.0.0.1:0"
	if err := srv.Open(); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL(), "http://")

	// Oversized headers: 431.
	req, _ := nethttp.NewRequest("GET", srv.URL()+"/api/info", nil)
	req.Header.Set("X-Big", strings.Repeat("x", 200<<10))
	if resp, err := nethttp.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		if resp.StatusCode != nethttp.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("200 KB header: status %d", resp.StatusCode)
		}
	}

	// Slowloris: half a request, then silence; the server must hang up by itself.
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	if _, err := io.WriteString(c, "GET /api/info HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "); err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(20 * time.Second))
	_, err = bufio.NewReader(c).ReadString('\n')
	if err == nil {
		// Go may answer 408 before closing; either way the connection must end.
		_, err = io.ReadAll(c)
	}
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("server kept a slow client for %v", time.Since(start))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("slow client dropped after %v, want about 5 s", d)
	}
}
