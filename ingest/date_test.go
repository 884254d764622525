package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/bench"
)

// The regular expressions InferDate's scanner replaces: inferDateRegexp is the reference
// implementation it must agree with on every input.
const refMonthRE = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`

var (
	refMDY  = regexp.MustCompile(`(?i)\b` + refMonthRE + `\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})\b`)
	refDMY  = regexp.MustCompile(`(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\s+` + refMonthRE + `\.?,?\s+([0-9]{4})\b`)
	refISO  = regexp.MustCompile(`\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b`)
	refMY   = regexp.MustCompile(`(?i)\b` + refMonthRE + `\.?,?\s+(?:of\s+)?([0-9]{4})\b`)
	refYear = regexp.MustCompile(`(?i)\b(?:in|since|by|during|until|of|early|late|mid-?|summer|spring|autumn|fall|winter)\s+([12][0-9]{3})\b`)
)

// inferDateRegexp is InferDate as it was written with regular expressions (until 20efd46).
func inferDateRegexp(text string) (date, source string) {
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
	for _, m := range refMDY.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		d, _ := strconv.Atoi(text[m[4]:m[5]])
		add(m[0], y, months[strings.ToLower(text[m[2]:m[3]])], d)
	}
	for _, m := range refDMY.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[m[6]:m[7]])
		d, _ := strconv.Atoi(text[m[2]:m[3]])
		add(m[0], y, months[strings.ToLower(text[m[4]:m[5]])], d)
	}
	for _, m := range refISO.FindAllStringSubmatchIndex(text, -1) {
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
	for _, m := range refMY.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[2])
		mo := months[strings.ToLower(m[1])]
		if validDate(y, mo, 1) && y <= nowYear+1 {
			if d := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"); d > best {
				best = d
			}
		}
	}
	year := ""
	for _, m := range refYear.FindAllStringSubmatch(text, -1) {
		if y, _ := strconv.Atoi(m[1]); y >= 1900 && y <= nowYear+1 && m[1] > year {
			year = m[1]
		}
	}
	if year != "" && (best == "" || year > best[:4]) {
		best = year
	}
	if best != "" {
		return best, faultline.DateFromText
	}
	return "", faultline.DateUnknown
}

// pad puts a date past the dateline, so that the latest date wins rather than the first.
var pad = strings.Repeat("word ", 70)

// dateCases are table tests of the date rules; every one also checks the scanner against
// the regular expressions.
var dateCases = []struct{ text, date string }{
	// full dates, each form
	{"KABUL, March 3, 2008 — Fighters attacked a post.", "2008-03-03"},
	{"KABUL, Mar. 3rd, 2008", "2008-03-03"},
	{"KABUL, Sept. 21 2007: talks", "2007-09-21"},
	{"KABUL, Sep 21, 2007", "2007-09-21"},
	{"KABUL, 21st September, 2007", "2007-09-21"},
	{"KABUL, 21 Sept. 2007", "2007-09-21"},
	{"Filed 2007-09-21.", "2007-09-21"},
	{"MARCH 3, 2008", "2008-03-03"},
	{"march\t3,\n\n   2008", "2008-03-03"},
	{"3\n\n\n      march     2008", "2008-03-03"},
	{"2008-03-03", "2008-03-03"},
	{"x2008-03-03", ""},
	{"2008-03-03x", ""},
	{"2008-03-031", ""},
	{"12008-03-03 in 2005", "2005"},
	{"2008-03-03-04", "2008-03-03"},
	{"2008-13-03", ""},
	{"2008-02-30 or 1999", ""},
	// the first date in the dateline, else the latest
	{"Jan 5, 2001. Later, on 2 May 2003 and 2002-01-01.", "2001-01-05"},
	{pad + "Jan 5, 2001. Later, on 2 May 2003 and 2002-01-01.", "2003-05-02"},
	{pad + "On 2002-01-01 and then March 1, 2002.", "2002-03-01"},
	// not a day, not a month, too late, too many digits
	{"February 30, 2008", ""},
	{"March 32, 2008", ""},
	{"March 123, 2008", ""},
	{"March 3, 20081", ""},
	{"March 3, 208", ""},
	{"March 3, 2008a", ""}, // no \b after the year
	{"March 3, 2008a in 2001", "2001"},
	{"March 3, 2008_", ""},
	{"Marcha 3, 2008", ""},
	{"xMarch 3, 2008", ""},
	{"3March 2008", ""},
	{"Marc 3, 2008", ""},
	{"March 3, 9999 and in 2001", "2001"},
	{"March 3 , 2008", ""},
	{"March 3,, 2008", ""},
	{"March3, 2008", ""},
	{"March.. 3, 2008", ""},
	{"3rd. March 2008", "2008-03"},
	{"3 rd March 2008", "2008-03"},
	{"03 March 2008", "2008-03-03"},
	{"003 March 2008", "2008-03"},
	{"3 March., 2008", "2008-03-03"},
	{"3 March,. 2008", ""},
	// month and year, year
	{"In March of 2006 and in May 2005", "2006-03"},
	{"In March of2006", ""},
	{"In March OF   2006", "2006-03"},
	{"in Sept., 2004", "2004-09"},
	{"The war began in 2003 and by March 2003 ended.", "2003-03"},
	{"The war began in 2004, by March 2003 it ended.", "2004"},
	{"mid-2004", ""}, // a space must follow
	{"mid- 2004", "2004"},
	{"mid 2004", "2004"},
	{"mid--2004", ""},
	{"amid 2004", ""},
	{"Since 1899", ""},
	{"since 1900", "1900"},
	{"in 3000", ""},
	{"in 20067", ""},
	{"during\n\t2006.", "2006"},
	{"early 2007, late 2008, summer 2005", "2008"},
	// ſ and K: (?i) folds them to s and k
	{"since 2005", "2005"},
	{"ſince 2005", ""},      // ſ is no word byte: no \b at the start of the text
	{"xſince 2005", "2005"}, // \b between x and ſ
	{"é ſince 2005", ""},
	{"ſept 2005", ""},
	{"xſept 3, 2005", ""}, // a month spelt with ſ matches but names no month
	{"Auguſt 3, 2005 in 2001", "2001"},
	{"August 3ſt, 2005", "2005-08-03"},
	{"3ſt August 2005", "2005-08-03"},
	{"3rd Auguſt 2005, August 2004", "2004-08"},
	{"\u212a August 2005", "2005-08"},
	// \b next to non-ASCII bytes and invalid UTF-8
	{"éMarch 3, 2008", "2008-03-03"},
	{"\xffMarch 3, 2008", "2008-03-03"},
	{"March 3, 2008é", "2008-03-03"},
	{"March 3, 2008\xff", "2008-03-03"},
	{"\xc5March 3, 2008", "2008-03-03"},
	{"March 3, \xc52008", ""},
	{"—2008-03-03—", "2008-03-03"},
	// overlapping candidates
	{"March 3, 2008 March 4, 2008", "2008-03-03"},
	{pad + "May 3 May 2008", "2008-05-03"},
	{pad + "3 May 3, 2008", "2008-05-03"},
	{"May of May 2005", "2005-05"},
	{"in in 2005", "2005"},
	{"of March 2004", "2004-03"},
	{"", ""},
	{"nothing", ""},
}

func TestInferDateRules(t *testing.T) {
	for _, tc := range dateCases {
		d, src := InferDate(tc.text)
		wantSrc := faultline.DateFromText
		if tc.date == "" {
			wantSrc = faultline.DateUnknown
		}
		if d != tc.date || src != wantSrc {
			t.Errorf("InferDate(%q) = %q, %q; want %q, %q", tc.text, d, src, tc.date, wantSrc)
		}
		if rd, rsrc := inferDateRegexp(tc.text); rd != d || rsrc != src {
			t.Errorf("InferDate(%q) = %q, %q; the regular expressions give %q, %q", tc.text, d, src, rd, rsrc)
		}
	}
}

// TestInferDateSynth compares the scanner with the regular expressions on synthetic news
// documents.
func TestInferDateSynth(t *testing.T) {
	n := 0
	for doc := range bench.NewSynth(3).Docs(200) {
		d, src := InferDate(doc.Text)
		if rd, rsrc := inferDateRegexp(doc.Text); rd != d || rsrc != src {
			t.Fatalf("document %d: InferDate = %q, %q; the regular expressions give %q, %q", n, d, src, rd, rsrc)
		}
		n++
	}
}

// FuzzInferDateExact checks that the scanner finds what the regular expressions find.
func FuzzInferDateExact(f *testing.F) {
	for _, tc := range dateCases {
		f.Add(tc.text)
	}
	f.Add("1 Jan 2001 2 Feb 2002 Mar 3, 2003 2004-04-04 in 2005 May 2006")
	f.Add("Sept. 1st, 2005;ſeptember 2nd 2006;SEPT 3 2007")
	f.Add("\xc5\xbfince 2005 x\xc5\xbfummer 2006 \xc5\xbf")
	f.Add("mid-\xc5\xbf 2005 1\xc5\xbfT\tMay\f\r\v2005")
	f.Fuzz(func(t *testing.T, s string) {
		d, src := InferDate(s)
		if rd, rsrc := inferDateRegexp(s); rd != d || rsrc != src {
			t.Fatalf("InferDate(%q) = %q, %q; the regular expressions give %q, %q", s, d, src, rd, rsrc)
		}
	})
}

// newsText is a realistic news text with datelines, dates and years in it (not from any
// real article).
const newsText = `RAMADI, Oct. 14, 2006 — Gunmen in two pickup trucks opened fire on a police checkpoint
on the eastern edge of the city on Saturday, killing four officers, the provincial governor
said. It was the third such attack since early September.

The governor, who survived an ambush of his own convoy in June 2005, said the tribes of the
province had agreed on 12 September to form a joint council against the insurgents. Some of
the sheikhs had fought the Americans in 2004 and during the siege of Falluja; others have
stayed neutral since 2003.

"We have buried too many of our sons," said a tribal elder at a funeral on Friday. The
council, he said, would have 2,000 men under arms by the end of the year and would meet again
on Nov. 2. An American spokesman said forces had killed 14 fighters and detained 30 others in
raids between Sept. 28 and Oct. 9, and that the number of attacks in the province had fallen
by a fifth since mid-2006, though he gave no figures for August.

A report released on 2006-10-11 by the United Nations counted 3,709 civilians killed in
September, the most of any month since the spring of 2003. `

// benchDocs returns 100 synthetic documents.
func benchDocs(b *testing.B) []string {
	var texts []string
	for doc := range bench.NewSynth(1).Docs(100) {
		texts = append(texts, doc.Text)
	}
	return texts
}

// reportCPU reports the process CPU time per operation since cpu, which the machine's load
// distorts less than ns/op.
func reportCPU(b *testing.B, cpu time.Duration) {
	if d := bench.CPUTime() - cpu; d > 0 {
		b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkInferDate times the scanner (new) and the regular expressions (regexp) on
// synthetic documents (synth) and on a hand-written news text (news).
func BenchmarkInferDate(b *testing.B) {
	synth := benchDocs(b)
	size := 0
	for _, t := range synth {
		size += len(t)
	}
	for _, impl := range []struct {
		name string
		fn   func(string) (string, string)
	}{{"new", InferDate}, {"regexp", inferDateRegexp}} {
		b.Run("synth/"+impl.name, func(b *testing.B) {
			b.SetBytes(int64(size / len(synth)))
			cpu := bench.CPUTime()
			for i := 0; b.Loop(); i++ {
				impl.fn(synth[i%len(synth)])
			}
			reportCPU(b, cpu)
		})
		b.Run("news/"+impl.name, func(b *testing.B) {
			b.SetBytes(int64(len(newsText)))
			cpu := bench.CPUTime()
			for b.Loop() {
				impl.fn(newsText)
			}
			reportCPU(b, cpu)
		})
	}
}
