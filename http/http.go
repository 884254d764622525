// Package http serves faultline over HTTP: a JSON API under /api/ on a faultline.Store and
// the embedded web UI (graph, dossier, evidence reader, timeline, map, paradoxes, scenarios,
// merge and split) at /. Everything the UI needs ships inside the binary: no build step, no
// network access at run time.
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
