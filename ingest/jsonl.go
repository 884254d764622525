package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/faultline/faultline"
)

// Record is one line of a JSON Lines source. Only text is required, except in a manifest:
// a local JSON Lines file whose records name, in File, a text file next to it (a path
// relative to the manifest's folder) that holds the text. A folder with a manifest is ingested
// through the manifest: the files it names are not read a second time on their own.
type Record struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	File   string `json:"file"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	Source string `json:"source"`
	URL    string `json:"url"`
}

// readJSONL reads JSON Lines from r, one document per non-blank line; a bad line is one
// failed item ("path:line") and reading goes on. maxLine limits the size of one line and of a
// file a record names; dir is the folder such names are relative to ("" when the source is not
// a local file: then a record may not name a file).
func readJSONL(src, dir string, r io.Reader, maxLine int64, fn func(Item) error) error {
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
			doc, perr := parseRecord(line, dir, maxLine)
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
	return parseRecord(line, "", 0)
}

// parseRecord is ParseRecord for a record of a manifest in dir, whose file may hold up to
// max bytes.
func parseRecord(line []byte, dir string, max int64) (*faultline.Document, error) {
	rec, err := decodeRecord(line)
	if err != nil {
		return nil, err
	}
	if rec.File != "" {
		if rec.Text != "" {
			return nil, errors.New(`fields "text" and "file" both given: want one`)
		}
		if rec.Text, err = readNamed(dir, rec.File, max); err != nil {
			return nil, fmt.Errorf("field \"file\": %v", err)
		}
	}
	if err := CheckText([]byte(rec.Text)); err != nil {
		return nil, fmt.Errorf("field \"text\": %v", err)
	}
	date, ok := NormalizeDate(rec.Date)
	if rec.Date != "" && !ok {
		return nil, fmt.Errorf("field \"date\": %q is not a date (want YYYY-MM-DD)", rec.Date)
	}
	doc := newDocument(strings.TrimPrefix(rec.Text, string(bom)), strings.TrimSpace(rec.ID), date)
	doc.Title, doc.Source, doc.URL = strings.TrimSpace(rec.Title), strings.TrimSpace(rec.Source), strings.TrimSpace(rec.URL)
	return doc, nil
}

// decodeRecord decodes one JSON Lines record.
func decodeRecord(line []byte) (Record, error) {
	var rec Record
	line = bytes.TrimPrefix(bytes.TrimSpace(line), bom)
	if err := checkUTF8(line); err != nil {
		// encoding/json would quietly turn the bad bytes into U+FFFD.
		return rec, fmt.Errorf("the line is %v", err)
	}
	if len(line) > 0 && line[0] == '[' {
		return rec, errors.New("a JSON array: want one JSON object per line (JSON Lines)")
	}
	if rec, ok := decodeFast(line); ok {
		return rec, nil
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		return rec, fmt.Errorf("not a JSON object: %v", jsonErr(err))
	}
	if dec.More() {
		return rec, errors.New("more than one JSON value on the line")
	}
	return rec, nil
}

// namedPath is the path of the file a manifest in dir names: a relative path that stays
// inside dir.
func namedPath(dir, name string) (string, error) {
	if dir == "" {
		return "", errors.New("only a local JSON Lines file may name files")
	}
	clean := filepath.Clean(filepath.FromSlash(name))
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%q is not a path inside the manifest's folder", name)
	}
	return filepath.Join(dir, clean), nil
}

// readNamed reads the text of the file a manifest in dir names.
func readNamed(dir, name string, max int64) (string, error) {
	p, err := namedPath(dir, name)
	if err != nil {
		return "", err
	}
	f, err := os.Open(p)
	if err != nil {
		return "", fmt.Errorf("%s: cannot read: %v", name, pathErr(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return "", fmt.Errorf("%s: cannot read: %v", name, pathErr(err))
	}
	if int64(len(b)) > max {
		return "", fmt.Errorf("%s: too large: more than %d bytes", name, max)
	}
	if err := CheckText(b); err != nil {
		return "", fmt.Errorf("%s: %v", name, err)
	}
	return string(b), nil
}

// manifestFiles returns the files that the JSON Lines file p names in its records' "file"
// fields, as paths; lines that do not decode are left to the reading proper to report.
func manifestFiles(p string, maxLine int64) map[string]bool {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	named := map[string]bool{}
	br := bufio.NewReaderSize(f, 64<<10)
	for {
		line, tooLong, err := readLine(br, maxLine)
		if !tooLong && bytes.Contains(line, []byte(`"file"`)) {
			if rec, derr := decodeRecord(line); derr == nil && rec.File != "" {
				if np, nerr := namedPath(filepath.Dir(p), rec.File); nerr == nil {
					named[np] = true
				}
			}
		}
		if err != nil {
			return named
		}
	}
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
