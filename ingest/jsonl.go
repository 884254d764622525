package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/faultline/faultline"
)

// Record is one line of a JSON Lines source. Only text is required.
type Record struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	Source string `json:"source"`
	URL    string `json:"url"`
}

// readJSONL reads JSON Lines from r, one document per non-blank line; a bad line is one
// failed item ("path:line") and reading goes on. maxLine limits the size of one line.
func readJSONL(src string, r io.Reader, maxLine int64, fn func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, maxLine)
		if err != nil && err != io.EOF {
			return fail(fn, fmt.Sprintf("%s:%d", src, n), "cannot read: %v", pathErr(err))
		}
		at := fmt.Sprintf("%s:%d", src, n)
		if tooLong {
			if ferr := fail(fn, at, "line too large: more than %d bytes", maxLine); ferr != nil {
				return ferr
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			doc, perr := ParseRecord(line)
			it := Item{Source: at, Doc: doc}
			if perr != nil {
				it = Item{Source: at, Err: faultline.Errorf(faultline.EINVALID, "%v", perr)}
			}
			if ferr := fn(it); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line (without its newline) of at most max bytes; a longer line is
// skipped and reported as tooLong. err is io.EOF at the end of the input.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if int64(len(line)+len(chunk)) > max {
			tooLong = true
			line = nil
		} else if !tooLong {
			line = append(line, chunk...)
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, e
	}
}

// ParseRecord makes a document of one JSON Lines record
// {"id", "text", "date", "title", "source", "url"}. Without an id it gets the content id;
// without a date, one inferred from the text.
func ParseRecord(line []byte) (*faultline.Document, error) {
	line = bytes.TrimPrefix(bytes.TrimSpace(line), bom)
	if len(line) > 0 && line[0] == '[' {
		return nil, errors.New("a JSON array: want one JSON object per line (JSON Lines)")
	}
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", jsonErr(err))
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value on the line")
	}
	if err := CheckText([]byte(rec.Text)); err != nil {
		return nil, fmt.Errorf("field \"text\": %v", err)
	}
	text := strings.TrimPrefix(rec.Text, string(bom))
	doc := newDocument(text)
	if id := strings.TrimSpace(rec.ID); id != "" {
		doc.ID = id
	}
	doc.Title, doc.Source, doc.URL = strings.TrimSpace(rec.Title), strings.TrimSpace(rec.Source), strings.TrimSpace(rec.URL)
	if rec.Date != "" {
		d, ok := NormalizeDate(rec.Date)
		if !ok {
			return nil, fmt.Errorf("field \"date\": %q is not a date (want YYYY-MM-DD)", rec.Date)
		}
		doc.Date, doc.DateSource = d, faultline.DateFromMetadata
	}
	return doc, nil
}

// jsonErr shortens encoding/json's errors.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("field %q must be a %s, not a %s", te.Field, te.Type, te.Value)
	}
	if err == io.EOF {
		return errors.New("empty")
	}
	return err
}
