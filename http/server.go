package http

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"log"
	"mime"
	"net"
	nethttp "net/http"
	"net/netip"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/faultline/faultline"
)

// Limits of the API. They keep one request from holding the server: pages are capped,
// bodies are small, every request has a deadline.
const (
	DefaultLimit   = 50      // page size when a request gives none
	MaxLimit       = 500     // largest page of a list
	MaxNodes       = 5000    // largest graph a network request returns
	MaxBodyBytes   = 1 << 20 // largest request body
	MaxQueryLength = 500     // longest search query or filter value
)

// Server serves the JSON API and the web UI of one Store.
type Server struct {
	// Store is where documents, extractions and the corpus model are read, and overrides
	// written.
	Store faultline.Store
	// Rebuild rebuilds and saves the corpus model after an override is recorded. With nil,
	// an override is stored and takes effect at the next rebuild (e.g. the next ingest).
	Rebuild func(ctx context.Context) error
	// Token, when set, is the bearer token every write must carry. A server on a
	// non-loopback address refuses writes without one.
	Token string
	// Addr is the TCP address Open listens on, e.g. "127.0.0.1:8080".
	Addr string
	// Timeout bounds the time one API request may take.
	Timeout time.Duration
	// TTL is how long a loaded corpus model is served before the store is read again, so
	// that an ingest running beside the server shows up. Writes through the API reload at
	// once.
	TTL time.Duration

	cache *cache
	cop   *nethttp.CrossOriginProtection

	mu     sync.Mutex
	ln     net.Listener
	server *nethttp.Server
}

// NewServer returns a server on store with default limits.
func NewServer(store faultline.Store) *Server {
	s := &Server{Store: store, Timeout: 15 * time.Second, TTL: 5 * time.Second}
	s.cache = &cache{s: s}
	s.cop = nethttp.NewCrossOriginProtection()
	return s
}

// Loopback reports whether addr (HOST:PORT) binds only to the loopback interface: a
// loopback IP or "localhost". An empty host binds every interface and is not loopback.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	return err == nil && ip.IsLoopback()
}

// loopback reports whether the server is bound to loopback only; a server not opened on
// an address (a handler in tests) counts as loopback.
func (s *Server) loopback() bool { return s.Addr == "" || Loopback(s.Addr) }

// Open starts listening on Addr and serving in the background.
func (s *Server) Open() error {
	if s.Addr == "" {
		s.Addr = "127.0.0.1:8080"
	}
	if !s.loopback() && s.Token == "" {
		return faultline.Errorf(faultline.EINVALID, "serving on non-loopback address %s needs a token for writes", s.Addr)
	}
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return faultline.Errorf(faultline.EINVALID, "listen on %s: %v", s.Addr, err)
	}
	srv := &nethttp.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.Timeout + 15*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	s.mu.Lock()
	s.ln, s.server = ln, srv
	s.mu.Unlock()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, nethttp.ErrServerClosed) {
			log.Printf("http: serve: %v", err)
		}
	}()
	go func() {
		if err := s.Warm(context.Background()); err != nil {
			log.Printf("http: load the corpus model: %v", err)
		}
	}()
	return nil
}

// Warm loads the corpus model and computes the graph of the whole corpus, so that the first
// page does not wait for them. Open calls it in the background.
func (s *Server) Warm(ctx context.Context) error {
	snap, err := s.cache.model(ctx)
	if err != nil {
		return err
	}
	snap.view("", "")
	return nil
}

// URL returns the base URL the server listens on, e.g. "http://127.0.0.1:8080".
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return ""
	}
	a := s.ln.Addr().(*net.TCPAddr)
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(a.Port))
}

// Close stops the server, letting requests in flight finish for up to five seconds.
func (s *Server) Close() error {
	s.mu.Lock()
	srv := s.server
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

// apiFunc answers one API request with a value to encode as JSON, or an error.
type apiFunc func(r *nethttp.Request) (any, error)

// Handler returns the handler of the whole server: /api/ and the web UI.
func (s *Server) Handler() nethttp.Handler {
	mux := nethttp.NewServeMux()
	api := nethttp.NewServeMux()
	s.routes(api)
	apiTimeout := nethttp.TimeoutHandler(api, s.Timeout, errorJSON(eTimeout, "request took too long"))
	mux.Handle("/api/", nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		// TimeoutHandler writes its message without a content type: set it beforehand; a
		// handler that answers in time replaces the headers with its own.
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		apiTimeout.ServeHTTP(w, r)
	}))
	mux.Handle("/", assetHandler())
	return s.guard(mux)
}

// guard wraps every request: panics become 500s, requests for another host are refused
// (DNS rebinding) on a loopback server, and security headers are set.
func (s *Server) guard(next nethttp.Handler) nethttp.Handler {
	return nethttp.HandlerFunc(func(w nethttp.ResponseWriter, r *nethttp.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == nethttp.ErrAbortHandler {
					panic(v)
				}
				log.Printf("http: panic serving %s %s: %v", r.Method, r.URL.Path, v)
				writeError(w, nethttp.StatusInternalServerError, faultline.EINTERNAL, "internal error")
			}
		}()
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")
		if p := r.URL.Path; p == "" || p[0] != '/' || strings.Contains(p, "\x00") || (p != "/" && path.Clean(p) != strings.TrimSuffix(p, "/")) {
			writeError(w, nethttp.StatusNotFound, faultline.ENOTFOUND, "no such path")
			return
		}
		if s.loopback() && !loopbackHost(r.Host) {
			writeError(w, nethttp.StatusForbidden, eForbidden, "this server answers only to localhost")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names the local machine.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// handle registers an API route: pattern is a path pattern without a method; methods maps
// each allowed method to its function. Other methods get a JSON 405.
func handle(mux *nethttp.ServeMux, pattern string, methods map[string]apiFunc) {
	allow := make([]string, 0, len(methods))
	for m := range methods {
		allow = append(allow, m)
	}
	mux.HandleFunc(pattern, func(w nethttp.ResponseWriter, r *nethttp.Request) {
		fn, ok := methods[r.Method]
		if !ok && r.Method == nethttp.MethodHead {
			fn, ok = methods[nethttp.MethodGet]
		}
		if !ok {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, nethttp.StatusMethodNotAllowed, eMethod, r.Method+" is not allowed here")
			return
		}
		v, err := fn(r)
		if err != nil {
			Error(w, r, err)
			return
		}
		status := nethttp.StatusOK
		if r.Method == nethttp.MethodPost {
			if c, ok := v.(created); ok {
				v, status = c.v, nethttp.StatusCreated
			}
		}
		writeJSON(w, status, v)
	})
}

// created marks a POST response as having created a resource (201).
type created struct{ v any }

// write guards a write endpoint: same-origin only, JSON body only, a bearer token when one
// is set, and a non-loopback server without a token refuses writes altogether.
func (s *Server) write(fn apiFunc) apiFunc {
	return func(r *nethttp.Request) (any, error) {
		if err := s.cop.Check(r); err != nil {
			return nil, &faultline.Error{Code: eForbidden, Message: "cross-site request refused"}
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
			return nil, &faultline.Error{Code: eForbidden, Message: "cross-site request refused"}
		}
		if s.Token != "" || !s.loopback() {
			auth := r.Header.Get("Authorization")
			tok, ok := strings.CutPrefix(auth, "Bearer ")
			if s.Token == "" || !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.Token)) != 1 {
				return nil, faultline.Errorf(faultline.EUNAUTHORIZED, "a valid bearer token is required to write")
			}
		}
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != "application/json" {
			return nil, &faultline.Error{Code: eUnsupported, Message: "the request body must be application/json"}
		}
		return fn(r)
	}
}

// decode reads a JSON body of at most MaxBodyBytes into v, refusing unknown fields and
// trailing data.
func decode(r *nethttp.Request, v any) error {
	r.Body = nethttp.MaxBytesReader(nil, r.Body, MaxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *nethttp.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return faultline.Errorf(faultline.EINVALID, "bad JSON body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		var mbe *nethttp.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return faultline.Errorf(faultline.EINVALID, "bad JSON body: trailing data")
	}
	return nil
}

// page reads offset and limit (default DefaultLimit, at most max).
func page(r *nethttp.Request, max int) (offset, limit int, err error) {
	q := r.URL.Query()
	offset, limit = 0, DefaultLimit
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, faultline.Errorf(faultline.EINVALID, "offset must be a non-negative integer")
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 {
			return 0, 0, faultline.Errorf(faultline.EINVALID, "limit must be a positive integer")
		}
	}
	if limit > max {
		limit = max
	}
	return offset, limit, nil
}

// param returns a query parameter, refusing overlong values.
func param(r *nethttp.Request, name string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if len(v) > MaxQueryLength {
		return "", faultline.Errorf(faultline.EINVALID, "%s is longer than %d bytes", name, MaxQueryLength)
	}
	return v, nil
}

// window reads the from and to parameters: dates as YYYY, YYYY-MM or YYYY-MM-DD.
func window(r *nethttp.Request) (from, to string, err error) {
	from, to = r.URL.Query().Get("from"), r.URL.Query().Get("to")
	for _, d := range []string{from, to} {
		if d != "" && !validDate(d) {
			return "", "", faultline.Errorf(faultline.EINVALID, "bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	if from != "" && to != "" {
		f, _, _ := dayRange(from)
		_, t, _ := dayRange(to)
		if f > t {
			return "", "", faultline.Errorf(faultline.EINVALID, "from %s is after to %s", from, to)
		}
	}
	return from, to, nil
}

// pageOf slices a list for a page; it never returns nil, so empty lists encode as [].
func pageOf[T any](xs []T, offset, limit int) []T {
	if offset >= len(xs) {
		return []T{}
	}
	end := min(offset+limit, len(xs))
	return xs[offset:end:end]
}
