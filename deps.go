//go:build tools

package faultline

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/go-shiori/go-readability"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/spf13/cobra"
	_ "golang.org/x/net/html"
	_ "golang.org/x/term"
	_ "golang.org/x/text/unicode/norm"
	_ "modernc.org/sqlite"
)
