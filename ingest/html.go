package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/faultline/faultline"
	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ParseHTML makes a document of an HTML page: the article body as plain text (paragraphs
// separated by blank lines) found by readability, or the whole body when readability finds
// no article; the title; the publisher (og:site_name); and the publication date from the
// page's metadata — article:published_time and similar meta tags, JSON-LD datePublished, a
// <time> element — or else inferred from the text. pageURL ("" if unknown) resolves links.
func ParseHTML(b []byte, pageURL string) (doc *faultline.Document, err error) {
	return parseHTML(b, pageURL, "")
}

// parseHTML is ParseHTML with the HTTP content type of a download ("" for a file). A page
// that is not UTF-8 is decoded from the character set its content type or its <meta> tags
// declare (windows-1252, ISO-8859-x, …); one that declares none must be UTF-8.
func parseHTML(b []byte, pageURL, contentType string) (doc *faultline.Document, err error) {
	if !utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 {
		if enc, name, _ := charset.DetermineEncoding(b[:min(len(b), 4096)], contentType); name != "utf-8" && declaresCharset(b, contentType) {
			if d, err := enc.NewDecoder().Bytes(b); err == nil {
				b = d
			}
		}
	}
	if err := CheckText(b); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("HTML could not be parsed: %v", r)
		}
	}()
	b = bytes.TrimPrefix(b, bom)
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("HTML could not be parsed: %v", err)
	}
	meta := pageMeta(root)

	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	text, title, site := "", "", ""
	parser := readability.NewParser()
	parser.MaxElemsToParse = 200000
	// ParseDocument, not Parse: Parse guesses the character set statistically (and can take
	// UTF-8 for Latin-1 on short pages); the bytes here are UTF-8 already.
	if art, err := parser.ParseDocument(root, u); err == nil && art.Node != nil {
		text = htmlText(art.Node)
		title, site = art.Title, art.SiteName
		if meta.date == "" {
			meta.date = dateOf(art.PublishedTime)
		}
	}
	if strings.TrimSpace(text) == "" {
		text = htmlText(body(root))
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, errors.New("empty: the page has no text")
	}
	doc = newDocument(text, "", meta.date)
	doc.Title = strings.TrimSpace(firstNonEmpty(meta.title, title))
	doc.Source = strings.TrimSpace(firstNonEmpty(meta.site, site))
	doc.URL = firstNonEmpty(meta.canonical, pageURL)
	return doc, nil
}

// declaresCharset reports whether a page names its character set, in its content type or in
// a <meta> tag near its start: only then is a page that is not UTF-8 decoded by guesswork.
func declaresCharset(b []byte, contentType string) bool {
	if strings.Contains(strings.ToLower(contentType), "charset=") {
		return true
	}
	return metaCharsetRE.Match(b[:min(len(b), 4096)])
}

var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]*charset`)

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// meta is what a page says about itself.
type meta struct {
	title, site, canonical, date string
}

// dateMetaNames are meta tag names and properties that carry a publication date, best first.
var dateMetaNames = []string{
	"article:published_time", "og:article:published_time", "og:published_time", "published_time",
	"datepublished", "date", "pubdate", "publishdate", "publish-date", "publication_date",
	"dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
	"article.published", "original-publish-date", "og:updated_time", "article:modified_time",
}

// pageMeta reads title, publisher, canonical URL and publication date from a page's head.
func pageMeta(root *html.Node) meta {
	var m meta
	dates := map[string]string{}
	var titleTag, ogTitle, jsonLD, timeDate string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					ogTitle = val
				case "og:site_name", "application-name":
					if m.site == "" {
						m.site = val
					}
				}
				if _, ok := dates[key]; !ok && val != "" {
					dates[key] = val
				}
			case atom.Title:
				if titleTag == "" && n.FirstChild != nil {
					titleTag = n.FirstChild.Data
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.canonical = attr(n, "href")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil && jsonLD == "" {
					jsonLD = ldDate(n.FirstChild.Data)
				}
			case atom.Time:
				if timeDate == "" || attr(n, "pubdate") != "" || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if d, ok := NormalizeDate(attr(n, "datetime")); ok {
						timeDate = d
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, k := range dateMetaNames {
		if v, ok := dates[k]; ok {
			if d, ok := NormalizeDate(v); ok {
				m.date = d
				break
			}
		}
	}
	if m.date == "" {
		m.date = firstNonEmpty(jsonLD, timeDate)
	}
	m.title = firstNonEmpty(ogTitle, strings.TrimSpace(titleTag))
	return m
}

// ldDate finds datePublished (else dateCreated) in a JSON-LD block, at any depth.
func ldDate(js string) string {
	var v any
	if json.Unmarshal([]byte(js), &v) != nil {
		return ""
	}
	for _, key := range []string{"datePublished", "dateCreated"} {
		if d := findKey(v, key, 0); d != "" {
			return d
		}
	}
	return ""
}

func findKey(v any, key string, depth int) string {
	if depth > 20 {
		return ""
	}
	switch x := v.(type) {
	case map[string]any:
		if s, ok := x[key].(string); ok {
			if d, ok := NormalizeDate(s); ok {
				return d
			}
		}
		for _, k := range sortedKeys(x) {
			if d := findKey(x[k], key, depth+1); d != "" {
				return d
			}
		}
	case []any:
		for _, e := range x {
			if d := findKey(e, key, depth+1); d != "" {
				return d
			}
		}
	}
	return ""
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// body returns the <body> of a parsed page, or the root.
func body(root *html.Node) *html.Node {
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if found == nil {
		return root
	}
	return found
}

// blocks are the elements that end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true,
	atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Figcaption: true, atom.Figure: true, atom.Dd: true, atom.Dt: true, atom.Hr: true, atom.Aside: true,
	atom.Main: true, atom.Nav: true, atom.Address: true,
}

// skipped are elements whose content is not text.
var skipped = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Head: true, atom.Button: true, atom.Select: true}

// htmlText renders the text of n: whitespace collapsed, paragraphs separated by blank lines,
// <br> as a line break.
func htmlText(n *html.Node) string {
	var sb strings.Builder
	pendingSpace, pendingBreak := false, 0
	write := func(s string) {
		if pendingBreak > 0 && sb.Len() > 0 {
			sb.WriteString(strings.Repeat("\n", pendingBreak))
		} else if pendingSpace && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		pendingSpace, pendingBreak = false, 0
		sb.WriteString(s)
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 500 {
			return
		}
		switch n.Type {
		case html.TextNode:
			s := strings.ReplaceAll(n.Data, "\u00a0", " ")
			if s != "" && isSpace(s[0]) {
				pendingSpace = true
			}
			words := strings.Fields(s)
			for i, w := range words {
				if i > 0 {
					pendingSpace = true
				}
				write(w)
			}
			if len(words) > 0 && isSpace(s[len(s)-1]) {
				pendingSpace = true
			}
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				pendingBreak = max(pendingBreak, 1)
				return
			}
			if blocks[n.DataAtom] {
				pendingBreak = 2
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if n.Type == html.ElementNode && blocks[n.DataAtom] {
			pendingBreak = 2
		}
	}
	walk(n, 0)
	return sb.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
