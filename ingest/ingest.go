// Package ingest reads sources into faultline Documents: plain text files, HTML pages (the
// article body, found with a readability library), RSS and Atom feeds (one document per
// item), JSON Lines, directories of any of these (recursively, in sorted order) and http(s)
// URLs. Each document gets its publication date from the source's metadata when it has one,
// or else inferred from its text (a dateline, "March 3, 2008", "in 2006"), and DateSource says
// which.
//
// Bad input never stops a batch: an unreadable, binary, empty, non-UTF-8 or oversized source
// (more than MaxBytes) yields an Item with an error naming the source and the reason, and
// reading goes on with the next one.
//
// Document ids: a plain text or HTML file is named by its file name (its path below the
// directory given, for files found in a directory), as `faultline extract` names documents;
// a JSON Lines record by its "id"; everything else (feed items, URLs, records without id) by
// faultline.ContentID of its text.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/faultline/faultline"
)

// MaxBytes is the default size limit of one source file or download (20 MiB). A JSON Lines
// file may be larger: the limit then applies to each of its lines.
const MaxBytes = 20 << 20

// Timeout is the default time limit of one download.
const Timeout = 30 * time.Second

// Input formats. Auto picks one by file extension, HTTP content type and content.
const (
	Auto  = "auto"
	Text  = "text"
	HTML  = "html"
	RSS   = "rss" // RSS or Atom
	JSONL = "jsonl"
)

// Formats lists the accepted input formats.
var Formats = []string{Auto, Text, HTML, RSS, JSONL}

// Options configure a Reader.
type Options struct {
	// Format is one of Formats; "" means Auto.
	Format string
	// MaxBytes limits the size of one source (0: MaxBytes).
	MaxBytes int64
	// Client fetches URLs (nil: a client with Timeout).
	Client *http.Client
}

// Item is one document read from a source, or the failure to read it.
type Item struct {
	// Source names where the item came from: a file path, a URL, "path:line" for a JSON
	// Lines record, "path#n" for the n-th item of a feed.
	Source string
	Doc    *faultline.Document
	Err    error
}

// Reader reads sources into documents.
type Reader struct {
	opts Options
}

// NewReader returns a Reader with the given options.
func NewReader(opts Options) (*Reader, error) {
	if opts.Format == "" {
		opts.Format = Auto
	}
	if !slices.Contains(Formats, opts.Format) {
		return nil, faultline.Errorf(faultline.EINVALID, "input format %q: want one of %s", opts.Format, strings.Join(Formats, ", "))
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = MaxBytes
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: Timeout}
	}
	return &Reader{opts: opts}, nil
}

// Read reads every source and returns its items in order.
func Read(ctx context.Context, sources []string, opts Options) ([]Item, error) {
	r, err := NewReader(opts)
	if err != nil {
		return nil, err
	}
	var items []Item
	err = r.Each(ctx, sources, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

// Each reads the sources in order — files, directories (every regular file below them, in
// sorted order, hidden files and folders skipped) and http(s) URLs — and calls fn with each
// document or failure. It stops early only if ctx is done or fn returns an error.
func (r *Reader) Each(ctx context.Context, sources []string, fn func(Item) error) error {
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
			err = r.url(ctx, src, fn)
		default:
			err = r.path(ctx, src, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// fail reports the failure of one source.
func fail(fn func(Item) error, src string, format string, args ...any) error {
	return fn(Item{Source: src, Err: faultline.Errorf(faultline.EINVALID, format, args...)})
}

// path reads a file or a directory.
func (r *Reader) path(ctx context.Context, src string, fn func(Item) error) error {
	fi, err := os.Stat(src)
	if err != nil {
		return fail(fn, src, "cannot read: %v", pathErr(err))
	}
	if !fi.IsDir() {
		return r.file(src, filepath.Base(src), fn)
	}
	var files []string
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, p) // reported when read
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != src && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return fail(fn, src, "cannot read directory: %v", pathErr(err))
	}
	slices.Sort(files)
	named := map[string]bool{} // files a manifest in the tree names: read through it
	for _, p := range files {
		if Detect(p, "", nil) == JSONL {
			for np := range manifestFiles(p, r.opts.MaxBytes) {
				named[np] = true
			}
		}
	}
	for _, p := range files {
		if named[p] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			rel = filepath.Base(p)
		}
		if err := r.file(p, filepath.ToSlash(rel), fn); err != nil {
			return err
		}
	}
	return nil
}

// pathErr drops the path an *fs.PathError repeats: the caller names the source already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// file reads one file; name is the document id for formats that use file names.
func (r *Reader) file(p, name string, fn func(Item) error) error {
	f, err := os.Open(p)
	if err != nil {
		return fail(fn, p, "cannot read: %v", pathErr(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fail(fn, p, "cannot read: %v", pathErr(err))
	}
	if fi.IsDir() {
		return fail(fn, p, "is a directory")
	}
	br := bufio.NewReaderSize(f, 64<<10)
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return fail(fn, p, "cannot read: %v", pathErr(err))
	}
	format := r.opts.Format
	if format == Auto {
		format = Detect(p, "", head)
	}
	if format == JSONL {
		return readJSONL(p, filepath.Dir(p), br, r.opts.MaxBytes, fn)
	}
	if fi.Size() > r.opts.MaxBytes {
		return fail(fn, p, "too large: %d bytes, the limit is %d", fi.Size(), r.opts.MaxBytes)
	}
	b, err := io.ReadAll(io.LimitReader(br, r.opts.MaxBytes+1))
	if err != nil {
		return fail(fn, p, "cannot read: %v", pathErr(err))
	}
	if int64(len(b)) > r.opts.MaxBytes {
		return fail(fn, p, "too large: more than %d bytes", r.opts.MaxBytes)
	}
	return parse(p, name, "", "", format, b, fn)
}

// parse turns the bytes of one source in a known format into items. name is the document
// id for text and HTML files ("" to use the content id), pageURL the address of a download.
func parse(src, name, pageURL, contentType, format string, b []byte, fn func(Item) error) error {
	switch format {
	case JSONL:
		return readJSONL(src, "", bytes.NewReader(b), int64(len(b))+1, fn)
	case RSS:
		items, err := ParseFeed(b)
		if err != nil {
			return fail(fn, src, "%v", err)
		}
		for i, it := range items {
			it.Source = fmt.Sprintf("%s#%d", src, i+1)
			if err := fn(it); err != nil {
				return err
			}
		}
		return nil
	case HTML:
		doc, err := parseHTML(b, pageURL, contentType)
		if err != nil {
			return fail(fn, src, "%v", err)
		}
		if name != "" {
			doc.ID = name
		}
		return fn(Item{Source: src, Doc: doc})
	default:
		doc, err := ParseText(b)
		if err != nil {
			return fail(fn, src, "%v", err)
		}
		if name != "" {
			doc.ID = name
		}
		return fn(Item{Source: src, Doc: doc})
	}
}

// CheckText returns an error saying why b cannot be a document's text: empty, binary (NUL
// bytes) or not UTF-8. A leading byte-order mark is allowed (and dropped by the parsers).
func CheckText(b []byte) error {
	b = bytes.TrimPrefix(b, bom)
	if len(bytes.TrimSpace(b)) == 0 {
		return errors.New("empty: no text")
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("binary: NUL byte at offset %d", i)
	}
	return checkUTF8(b)
}

// checkUTF8 says where b stops being UTF-8, if it does.
func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	n := 0
	for n < len(b) {
		r, size := utf8.DecodeRune(b[n:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		n += size
	}
	return fmt.Errorf("not UTF-8: invalid byte at offset %d", n)
}

var bom = []byte("\xef\xbb\xbf")

// Detect picks the format of a source from its file name or URL path, its HTTP content type
// (may be "") and its first bytes.
func Detect(name, contentType string, head []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return Text
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".rss", ".atom":
		return RSS
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	}
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom"):
		return RSS
	case strings.Contains(ct, "html"):
		return HTML
	case strings.Contains(ct, "ndjson") || strings.Contains(ct, "jsonl") || strings.Contains(ct, "json"):
		return JSONL
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(h) > 0 && h[0] == '{' {
		return JSONL
	}
	if len(h) > 0 && h[0] == '<' {
		l := bytes.ToLower(h[:min(len(h), 1024)])
		switch {
		case bytes.Contains(l, []byte("<rss")) || bytes.Contains(l, []byte("<feed")) || bytes.Contains(l, []byte("<rdf:rdf")):
			return RSS
		case bytes.Contains(l, []byte("<html")) || bytes.Contains(l, []byte("<!doctype html")) || bytes.Contains(l, []byte("<head")) ||
			bytes.Contains(l, []byte("<body")) || bytes.Contains(l, []byte("<p>")) || bytes.Contains(l, []byte("<div")):
			return HTML
		case bytes.HasPrefix(l, []byte("<?xml")):
			return RSS
		}
	}
	if strings.Contains(ct, "xml") {
		return RSS
	}
	return Text
}

// ParseText makes a document of plain text. Its id is the content id (callers naming
// documents after files replace it), its title the first line when that is short, its date
// inferred from the text.
func ParseText(b []byte) (*faultline.Document, error) {
	if err := CheckText(b); err != nil {
		return nil, err
	}
	text := string(bytes.TrimPrefix(b, bom))
	doc := newDocument(text, "", "")
	doc.Title = firstLine(text)
	return doc, nil
}

// newDocument makes a document of text with its hash, the id given or else the content id,
// and the date given (YYYY-MM-DD, from the source's metadata) or else one inferred from the
// text.
func newDocument(text, id, date string) *faultline.Document {
	doc := &faultline.Document{ID: id, Text: text, SHA256: faultline.ContentHash(text)}
	if id == "" {
		doc.ID = faultline.ContentID(text)
	}
	if date != "" {
		doc.Date, doc.DateSource = date, faultline.DateFromMetadata
	} else {
		doc.Date, doc.DateSource = InferDate(text)
	}
	return doc
}

// firstLine returns the first non-blank line of text when it looks like a headline: short
// and not a sentence of the body.
func firstLine(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if len(line) > 160 || strings.Count(line, ". ") > 0 {
			return ""
		}
		return line
	}
	return ""
}
