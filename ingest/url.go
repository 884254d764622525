package ingest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"

	"github.com/faultline/faultline"
)

// url downloads one http(s) source and reads it in its format (Options.Format, or detected
// from the URL path, the content type and the content).
func (r *Reader) url(ctx context.Context, src string, fn func(Item) error) error {
	u, err := url.Parse(src)
	if err != nil || u.Host == "" {
		return fail(fn, src, "not a valid URL")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return fail(fn, src, "not a valid URL: %v", err)
	}
	req.Header.Set("User-Agent", "faultline/"+faultline.Version)
	req.Header.Set("Accept", "text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	resp, err := r.opts.Client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fail(fn, src, "download failed: %v", unwrapURL(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail(fn, src, "download failed: HTTP %s", resp.Status)
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return fail(fn, src, "too large: %d bytes, the limit is %d", resp.ContentLength, r.opts.MaxBytes)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, r.opts.MaxBytes+1))
	if err != nil {
		return fail(fn, src, "download failed: %v", unwrapURL(err))
	}
	if int64(len(b)) > r.opts.MaxBytes {
		return fail(fn, src, "too large: more than %d bytes", r.opts.MaxBytes)
	}
	format := r.opts.Format
	if format == Auto {
		format = Detect(path.Base(u.Path), resp.Header.Get("Content-Type"), b[:min(len(b), 4096)])
	}
	final := src
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String() // after redirects
	}
	return parse(src, "", final, resp.Header.Get("Content-Type"), format, b, func(it Item) error {
		if it.Doc != nil && it.Doc.URL == "" {
			it.Doc.URL = final
		}
		if it.Doc != nil && it.Doc.Source == "" {
			it.Doc.Source = u.Hostname()
		}
		return fn(it)
	})
}

// unwrapURL drops the method and URL a *url.Error repeats.
func unwrapURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		if ue.Timeout() {
			return fmt.Errorf("timed out")
		}
		return ue.Err
	}
	return err
}
