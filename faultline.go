// Package faultline holds the domain of faultline: the documents it reads, the facts it
// extracts from them (entities, events, ties, quotes, figures, timexes), the actors those
// facts resolve to, and the Store that keeps them. Every fact carries Evidence: a document id
// and half-open byte offsets into that document's original text.
//
// The stages live in subpackages and import this one, never each other backwards:
//
//	ingest ─► nlp ─► extract ─► resolve ─► store (sqlite, postgres) ─► network ─► http, cmd
package faultline

import (
	"errors"
	"fmt"
)

// Schema is the version of the JSON shapes in CONTRACT.md. A change that renames or removes
// a field bumps it; adding a field does not.
const Schema = 1

// Version is the program version, set at build time with -ldflags "-X ...Version=v1.2.3".
var Version = "0.1.0-dev"

// Error codes. They say what kind of failure happened; the HTTP layer maps each to a status.
const (
	ECONFLICT       = "conflict"        // the request conflicts with stored state
	EINTERNAL       = "internal"        // a bug or an unexpected failure
	EINVALID        = "invalid"         // bad input: unreadable, binary, malformed, out of range
	ENOTFOUND       = "not_found"       // no such document, actor or route
	EUNAUTHORIZED   = "unauthorized"    // a write without a valid token
	ENOTIMPLEMENTED = "not_implemented" // a valid request this build cannot serve
)

// Error is an application error: a code from the list above and a message a user can act on.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return fmt.Sprintf("faultline: %s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is or wraps an *Error, EINTERNAL for any other
// non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of err if it is or wraps an *Error, and a generic
// message otherwise, so internal details do not leak to HTTP clients.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
