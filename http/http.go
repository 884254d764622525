// Package http serves faultline over HTTP: a JSON API under /api/ on a faultline.Store and
// the embedded web UI (graph, dossier, evidence reader, timeline, map, paradoxes, scenarios,
// merge and split) at /. Everything the UI needs ships inside the binary: no build step, no
// network access at run time.
//
// The API (every answer is JSON; lists are never null):
//
//	GET  /api/info                         counts, date range, whether writes need a token
//	GET  /api/documents?offset&limit       documents without text, ingest order
//	GET  /api/documents/{id}               text, extraction (evidence spans), actor names
//	GET  /api/search?q&limit               sentences matching a full-text query
//	GET  /api/actors?q&type&sort&offset&limit   actors, most prominent first (or by name)
//	GET  /api/actors/{id}                  dossier: aliases, roles, ties by sign, events, quotes by and about
//	GET  /api/events?actor&type&from&to&place&offset&limit
//	GET  /api/network?from&to&limit&min_weight&max_edges&type&actor   nodes and edges of a window
//	GET  /api/relation?a&b&from&to         one relation with its evidence
//	GET  /api/blocs?from&to                blocs, frustration, balance, brokers
//	GET  /api/paradoxes?from&to&actor&offset&limit
//	GET  /api/timeline?from&to             events per month, relations that changed sign
//	GET  /api/places?from&to&actor         located event places for the map
//	POST /api/scenario                     {"edits":[{"a","b","sign"}|{"a","remove":true}],"from","to","model","runs","seed"}
//	GET  /api/overrides                    analysts' corrections, oldest first
//	POST /api/overrides                    {"kind":"merge|split|alias|rename","actor","other","name"}; rebuilds the model
//
// Errors are {"error":{"code":..,"message":..}} with the faultline error codes mapped to
// statuses (see ErrorStatus). Pages are capped (MaxLimit), bodies limited (MaxBodyBytes),
// requests time-limited (Server.Timeout). Writes must be same-origin JSON and, with a token
// or on a non-loopback address, carry "Authorization: Bearer TOKEN". A loopback server
// answers only to local Host names (DNS rebinding).
package http

import (
	"encoding/json"
	"errors"
	"log"
	nethttp "net/http"

	"github.com/faultline/faultline"
)

// Error codes of the HTTP layer that have no faultline equivalent.
const (
	eForbidden   = "forbidden"         // a cross-site write
	eTooLarge    = "too_large"         // a request body over the limit
	eUnsupported = "unsupported_media" // a write without a JSON body
	eMethod      = "method_not_allowed"
	eTimeout     = "timeout"
)

// codes maps faultline error codes to HTTP statuses.
var codes = map[string]int{
	faultline.ECONFLICT:       nethttp.StatusConflict,
	faultline.EINVALID:        nethttp.StatusBadRequest,
	faultline.ENOTFOUND:       nethttp.StatusNotFound,
	faultline.EUNAUTHORIZED:   nethttp.StatusUnauthorized,
	faultline.ENOTIMPLEMENTED: nethttp.StatusNotImplemented,
	faultline.EINTERNAL:       nethttp.StatusInternalServerError,
	eForbidden:                nethttp.StatusForbidden,
	eTooLarge:                 nethttp.StatusRequestEntityTooLarge,
	eUnsupported:              nethttp.StatusUnsupportedMediaType,
	eMethod:                   nethttp.StatusMethodNotAllowed,
	eTimeout:                  nethttp.StatusServiceUnavailable,
}

// ErrorStatus returns the HTTP status for a faultline error code.
func ErrorStatus(code string) int {
	if s, ok := codes[code]; ok {
		return s
	}
	return nethttp.StatusInternalServerError
}

// errorBody is the JSON shape of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Error writes err as a JSON error response with the status its code maps to. Internal
// errors are logged and their details hidden from the client.
func Error(w nethttp.ResponseWriter, r *nethttp.Request, err error) {
	code, msg := faultline.ErrorCode(err), faultline.ErrorMessage(err)
	var mbe *nethttp.MaxBytesError
	if errors.As(err, &mbe) {
		code, msg = eTooLarge, "request body too large"
	}
	if code == faultline.EINTERNAL {
		log.Printf("http: %s %s: %v", r.Method, r.URL.Path, err)
	}
	writeError(w, ErrorStatus(code), code, msg)
}

func writeError(w nethttp.ResponseWriter, status int, code, msg string) {
	var b errorBody
	b.Error.Code, b.Error.Message = code, msg
	writeJSON(w, status, b)
}

// writeJSON writes v as a JSON response.
func writeJSON(w nethttp.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		log.Printf("http: write response: %v", err)
	}
}

func errorJSON(code, msg string) string {
	var b errorBody
	b.Error.Code, b.Error.Message = code, msg
	out, _ := json.Marshal(b)
	return string(out)
}
