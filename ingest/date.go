package ingest

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
	"github.com/faultline/faultline"
)

var isoDateRE = regexp.MustCompile(`^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$`)

// NormalizeDate turns a date as sources write it — YYYY, YYYY-MM, YYYY-MM-DD, RFC 3339,
// RFC 1123, "March 3, 2008"… — into YYYY-MM-DD (or YYYY-MM, YYYY when that is all it says).
// A timestamp keeps the day of its own time zone.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return "", false
	}
	if m := isoDateRE.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, d := 1, 1
		if m[2] != "" {
			mo, _ = strconv.Atoi(m[2])
		}
		if m[3] != "" {
			d, _ = strconv.Atoi(m[3])
		}
		if !validDate(y, mo, d) {
			return "", false
		}
		return s, true
	}
	t, err := parseTime(s)
	if err != nil || t.Year() < 1000 || t.Year() > 9999 {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// parseTime parses a timestamp in any common layout; dateparse panics on some inputs, so
// a panic is an error here.
func parseTime(s string) (t time.Time, err error) {
	defer func() {
		if recover() != nil {
			err = errBadDate
		}
	}()
	return dateparse.ParseIn(s, time.UTC)
}

var errBadDate = errors.New("not a date")

func validDate(y, m, d int) bool {
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`

var (
	mdyRE   = regexp.MustCompile(`(?i)\b` + monthRE + `\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})\b`)
	dmyRE   = regexp.MustCompile(`(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\s+` + monthRE + `\.?,?\s+([0-9]{4})\b`)
	isoRE   = regexp.MustCompile(`\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b`)
	myRE    = regexp.MustCompile(`(?i)\b` + monthRE + `\.?,?\s+(?:of\s+)?([0-9]{4})\b`)
	yearRE  = regexp.MustCompile(`(?i)\b(?:in|since|by|during|until|of|early|late|mid-?|summer|spring|autumn|fall|winter)\s+([12][0-9]{3})\b`)
	months  = map[string]int{}
	nowYear = time.Now().Year()
)

func init() {
	for i, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		months[m] = i + 1
		months[m[:3]] = i + 1
	}
	months["sept"] = 9
}

// datelineBytes is how far into a text a date counts as its dateline.
const datelineBytes = 300

// InferDate guesses the publication date of a news text that gives none in its metadata: a
// full date in its dateline (the first 300 bytes), else the latest full date it mentions,
// else the latest month and year, else the latest year it places something in ("in 2006",
// "since 2003"). Reports are written after what they report, so the latest date is the best
// guess. It returns the date and faultline.DateFromText, or "" and faultline.DateUnknown.
func InferDate(text string) (date, source string) {
	type found struct {
		at   int
		date string
	}
	var full []found
	add := func(at, y, m, d int) {
		if validDate(y, m, d) && y <= nowYear+1 {
			full = append(full, found{at, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")})
		}
	}
	for _, m := range mdyRE.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		d, _ := strconv.Atoi(text[m[4]:m[5]])
		add(m[0], y, months[strings.ToLower(text[m[2]:m[3]])], d)
	}
	for _, m := range dmyRE.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		add(m[0], y, months[strings.ToLower(text[m[4]:m[5]])], d)
	}
	for _, m := range isoRE.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo, _ := strconv.Atoi(text[m[4]:m[5]])
		d, _ := strconv.Atoi(text[m[6]:m[7]])
		add(m[0], y, mo, d)
	}
	if len(full) > 0 {
		first, latest := full[0], full[0]
		for _, f := range full {
			if f.at < first.at {
				first = f
			}
			if f.date > latest.date {
				latest = f
			}
		}
		if first.at < datelineBytes {
			return first.date, faultline.DateFromText
		}
		return latest.date, faultline.DateFromText
	}
	best := ""
	for _, m := range myRE.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[2])
		mo := months[strings.ToLower(m[1])]
		if validDate(y, mo, 1) && y <= nowYear+1 {
			if d := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"); d > best {
				best = d
			}
		}
	}
	year := ""
	for _, m := range yearRE.FindAllStringSubmatch(text, -1) {
		if y, _ := strconv.Atoi(m[1]); y >= 1900 && y <= nowYear+1 && m[1] > year {
			year = m[1]
		}
	}
	if year != "" && (best == "" || year > best[:4]) {
		best = year // a later year outweighs an earlier month
	}
	if best != "" {
		return best, faultline.DateFromText
	}
	return "", faultline.DateUnknown
}

// dateOf returns the date of a timestamp as YYYY-MM-DD in its own time zone.
func dateOf(t *time.Time) string {
	if t == nil || t.IsZero() || t.Year() < 1000 || t.Year() > 9999 {
		return ""
	}
	return t.Format("2006-01-02")
}
