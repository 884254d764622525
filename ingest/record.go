package ingest

import (
	"strings"
	"unicode/utf8"
)

// decodeFast decodes the common shape of a JSON Lines record, a flat object of string values
// with plain field names, without encoding/json (which takes most of the time of reading a
// corpus): line, with its surrounding space trimmed, must be one JSON object whose keys are
// written without escapes and whose values are strings without surrogate escapes. It
// returns ok false for anything else (nulls, numbers, nested values, a key that only
// case-folds to a field name, a syntax error …), and decodeRecord then decodes the line with
// encoding/json, which also words the errors. When ok is true, rec is what encoding/json
// decodes (FuzzDecodeFast checks it).
func decodeFast(line []byte) (rec Record, ok bool) {
	var buf []byte // stringAt's, for the line's strings with escapes
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return rec, false
	}
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return rec, skipSpace(line, i+1) == len(line)
	}
	for {
		// "key"
		if i >= len(line) || line[i] != '"' {
			return rec, false
		}
		k := i + 1
		e := plainEnd(line, k)
		if e >= len(line) || line[e] != '"' {
			return rec, false
		}
		key := line[k:e]
		i = skipSpace(line, e+1)
		if i >= len(line) || line[i] != ':' {
			return rec, false
		}
		i = skipSpace(line, i+1)
		// "value"
		val, next, vok := stringAt(line, i, &buf)
		if !vok {
			return rec, false
		}
		field, known := rec.field(key)
		if !known {
			return rec, false
		}
		if field != nil {
			*field = val
		}
		i = skipSpace(line, next)
		if i >= len(line) {
			return rec, false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return rec, skipSpace(line, i+1) == len(line)
		default:
			return rec, false
		}
	}
}

// field returns the field of rec that key sets: the field of that exact name, or nil for an
// ASCII key that names no field (encoding/json skips its value). known is false for a key
// that only case-folds to a field name or is not ASCII, which decodeFast leaves to
// encoding/json.
func (rec *Record) field(key []byte) (field *string, known bool) {
	switch string(key) {
	case "id":
		return &rec.ID, true
	case "text":
		return &rec.Text, true
	case "file":
		return &rec.File, true
	case "date":
		return &rec.Date, true
	case "title":
		return &rec.Title, true
	case "source":
		return &rec.Source, true
	case "url":
		return &rec.URL, true
	}
	for _, c := range key {
		if c >= utf8.RuneSelf {
			return nil, false
		}
	}
	for _, name := range recordFields {
		if strings.EqualFold(string(key), name) {
			return nil, false
		}
	}
	return nil, true
}

// recordFields are the JSON names of Record's fields.
var recordFields = []string{"id", "text", "file", "date", "title", "source", "url"}

// stringAt decodes the JSON string that starts at line[i] and returns it and the offset after
// its closing quote. ok is false when there is no string there, when it holds a control
// character or a bad escape, or when it escapes a UTF-16 surrogate (encoding/json's handling
// of those is left to it). The line is valid UTF-8 (decodeRecord checks it first). A string
// with escapes is decoded in *buf, made on the line's first such string with room for the
// rest of the line and reused by the later ones (a buffer of that size for each would make a
// line of many escaped strings cost time quadratic in its length).
func stringAt(line []byte, i int, buf *[]byte) (s string, next int, ok bool) {
	if i >= len(line) || line[i] != '"' {
		return "", 0, false
	}
	start := i + 1
	i = plainEnd(line, start)
	if i < len(line) && line[i] == '"' {
		return string(line[start:i]), i + 1, true
	}
	// Escapes: copy the runs between them.
	if *buf == nil {
		*buf = make([]byte, 0, len(line)-start)
	}
	b := append((*buf)[:0], line[start:i]...)
	for {
		// line[i] ends a run of plain bytes: the closing quote or an escape if anything.
		if i >= len(line) || line[i] < 0x20 {
			return "", 0, false
		}
		if line[i] == '"' {
			return string(b), i + 1, true
		}
		if i+1 >= len(line) {
			return "", 0, false
		}
		switch line[i+1] {
		case '"', '\\', '/':
			b = append(b, line[i+1])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, rok := hex4(line, i+2)
			if !rok || r >= 0xD800 && r < 0xE000 {
				return "", 0, false
			}
			b = utf8.AppendRune(b, r)
			i += 4
		default:
			return "", 0, false
		}
		j := plainEnd(line, i+2)
		b = append(b, line[i+2:j]...)
		i = j
	}
}

// plainEnd returns the offset of the first byte at or after i that ends a run of a JSON
// string's plain bytes: a quote, a backslash or a control character (len(line) if none).
func plainEnd(line []byte, i int) int {
	for i < len(line) && line[i] != '"' && line[i] != '\\' && line[i] >= 0x20 {
		i++
	}
	return i
}

// hex4 decodes the four hex digits at line[i:i+4].
func hex4(line []byte, i int) (rune, bool) {
	if i+4 > len(line) {
		return 0, false
	}
	var r rune
	for _, c := range line[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// skipSpace returns the offset of the first byte at or after i that is not JSON white space.
func skipSpace(line []byte, i int) int {
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r') {
		i++
	}
	return i
}
