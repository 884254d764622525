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

var (
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
//
// The dates are those the regular expressions of date_scan.go's comment find, found in one
// pass by a scanner that gives exactly their matches.
func InferDate(text string) (date, source string) {
	var sc dateScan
	sc.scan(text)
	if sc.full.n > 0 {
		k := sc.full.latest
		if sc.full.firstAt < datelineBytes {
			k = sc.full.first
		}
		return formatDay(k), faultline.DateFromText
	}
	if sc.year != 0 && (sc.month == 0 || sc.year > sc.month/100) {
		return strconv.Itoa(sc.year), faultline.DateFromText // a later year outweighs an earlier month
	}
	if sc.month != 0 {
		return time.Date(sc.month/100, time.Month(sc.month%100), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), faultline.DateFromText
	}
	return "", faultline.DateUnknown
}

// fullDates collects the full dates a text mentions: the first one's position and date, and
// the latest date, each as y*10000+m*100+d.
type fullDates struct {
	n                      int
	firstAt, first, latest int
}

// add records the date y-m-d found at byte at, when it is a real day no later than next year.
func (f *fullDates) add(at, y, m, d int) {
	if !validDate(y, m, d) || y > nowYear+1 {
		return
	}
	k := y*10000 + m*100 + d
	if f.n == 0 || at < f.firstAt {
		f.firstAt, f.first = at, k
	}
	if f.n == 0 || k > f.latest {
		f.latest = k
	}
	f.n++
}

// formatDay formats y*10000+m*100+d as YYYY-MM-DD.
func formatDay(k int) string {
	return time.Date(k/10000, time.Month(k/100%100), k%100, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// dateOf returns the date of a timestamp as YYYY-MM-DD in its own time zone.
func dateOf(t *time.Time) string {
	if t == nil || t.IsZero() || t.Year() < 1000 || t.Year() > 9999 {
		return ""
	}
	return t.Format("2006-01-02")
}
