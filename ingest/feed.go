package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/faultline/faultline"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// ParseFeed makes one document of each item of an RSS or Atom feed: its content (else its
// description) as plain text, its title and link, the feed's title as source, and its
// publication date (else its update date) as the date, or one inferred from the text. Items
// are named by their content id. An item without text is a failed item.
func ParseFeed(b []byte) (items []Item, err error) {
	if err := CheckText(b); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			items, err = nil, fmt.Errorf("feed could not be parsed: %v", r)
		}
	}()
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(bytes.TrimPrefix(b, bom)))
	if err != nil {
		return nil, fmt.Errorf("not an RSS or Atom feed: %v", err)
	}
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		text := fragmentText(firstNonEmpty(it.Content, it.Description))
		if err := CheckText([]byte(text)); err != nil {
			items = append(items, Item{Err: faultline.Errorf(faultline.EINVALID, "item %q: %v", it.Title, err)})
			continue
		}
		date := firstNonEmpty(dateOf(it.PublishedParsed), dateOf(it.UpdatedParsed))
		if date == "" {
			date, _ = NormalizeDate(firstNonEmpty(it.Published, it.Updated))
		}
		doc := newDocument(text, "", date)
		doc.Title = strings.TrimSpace(fragmentText(it.Title))
		doc.Source = strings.TrimSpace(feed.Title)
		doc.URL = strings.TrimSpace(it.Link)
		items = append(items, Item{Doc: doc})
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("the feed has no items")
	}
	return items, nil
}

// fragmentText renders an HTML fragment (or plain text) as plain text.
func fragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), nil)
	if err != nil {
		return strings.TrimSpace(s)
	}
	var parts []string
	for _, n := range nodes {
		parts = append(parts, htmlText(n))
	}
	return strings.TrimSpace(strings.Join(parts, "\n\n"))
}
