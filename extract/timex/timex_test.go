package timex

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text, date  string
		want        string // matched text
		value, prec string
	}{
		{"The war began in March 2003 with a bombing.", "", "March 2003", "2003-03", Month},
		{"They met on August 28, 2006 in Najaf.", "", "August 28, 2006", "2006-08-28", Day},
		{"They met on August 28 in Najaf.", "", "August 28", "", Day},
		{"They met on August 28 in Najaf.", "2006-09-10", "August 28", "2006-08-28", Day},
		{"Elections on 7 November decide it.", "2006-11-20", "7 November", "2006-11-07", Day},
		{"The Iran-Iraq war of 1980-88 left scars.", "", "1980-88", "1980", Year},
		{"Violence rose in 2006 across the south.", "", "2006", "2006", Year},
		{"Police came earlier this month to the town.", "2006-11-20", "earlier this month", "2006-11", Month},
		{"Police came earlier this month to the town.", "", "earlier this month", "", Month},
		{"The ministry fell a few weeks ago.", "2008-02-15", "a few weeks ago", "2008-01", Approx},
		{"The ministry fell a few weeks ago.", "", "a few weeks ago", "", Approx},
		{"The talks broke down last fall.", "2008-02-15", "last fall", "2007-10", Approx},
		{"The truce was declared last February.", "2008-02-15", "last February", "2007-02", Month},
		{"In October the council voted.", "2008-02-15", "October", "2007-10", Month},
		{"In October the council voted.", "2008", "October", "2008-10", Month},
		{"The truce was declared last February.", "2008", "last February", "", Month},
		{"In January the council voted.", "2008-02-15", "January", "2008-01", Month},
		{"The city was quiet late last summer.", "2008-02-15", "late last summer", "2007-08", Approx},
		{"More than five years after the fall of Kabul, little changed.", "2008-04-01", "five years after the fall of Kabul", "", Approx},
		{"A senior official said on Saturday that talks failed.", "2008-04-02", "Saturday", "2008-03-29", Day},
		{"The budget was $2006 million.", "", "", "", ""},
		{"Some 2006 people fled.", "", "", "", ""},
		{"It may rain; we may go.", "2008-02-01", "", "", ""},
		{"By late August the offensive stalled.", "2007-10-01", "late August", "2007-08", Month},
		{"Inflation rose in the 1990s.", "", "the 1990s", "199", Approx},
		{"A report dated 2007-03-14 said so.", "", "2007-03-14", "2007-03-14", Day},
		{"Last year the truce collapsed.", "2008-02-15", "Last year", "2007", Year},
		{"He visited in mid-2007.", "", "mid-2007", "2007", Year},
		{"By late summer the offensive stalled.", "2008-02-15", "late summer", "2007-08", Approx},
		{"In the spring talks resumed.", "2008-06-01", "the spring", "2008-04", Approx},
		{"By late summer the offensive stalled.", "", "late summer", "", Approx},
	}
	for _, tt := range tests {
		got := Find(tt.text, tt.date)
		if tt.want == "" {
			if len(got) != 0 {
				t.Errorf("Find(%q) = %+v, want none", tt.text, got)
			}
			continue
		}
		found := false
		for _, g := range got {
			if g.Text == tt.want {
				found = true
				if g.Value != tt.value || g.Precision != tt.prec {
					t.Errorf("Find(%q, %q): %q = %q/%s, want %q/%s", tt.text, tt.date, g.Text, g.Value, g.Precision, tt.value, tt.prec)
				}
				if tt.text[g.Start:g.End] != g.Text {
					t.Errorf("offsets of %q wrong", g.Text)
				}
			}
		}
		if !found {
			t.Errorf("Find(%q, %q) = %+v, want %q", tt.text, tt.date, got, tt.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"in March 2003", "August 28", "earlier this month", "1980-88", "five years after the fall of Baghdad", "last fall", "£2006"} {
		f.Add(s, "2008-02-15")
	}
	f.Fuzz(func(t *testing.T, text, date string) {
		prev := -1
		for _, x := range Find(text, date) {
			if x.Start < prev || x.Start > x.End || x.End > len(text) || text[x.Start:x.End] != x.Text {
				t.Fatalf("bad span %+v", x)
			}
			prev = x.End
			if !utf8.ValidString(x.Value) || strings.ContainsAny(x.Value, " \n") {
				t.Fatalf("bad value %q", x.Value)
			}
			switch x.Precision {
			case Day, Month, Year, Approx:
			default:
				t.Fatalf("bad precision %q", x.Precision)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("In March 2003 the army, which had clashed with militias earlier this month, met again on August 28. ", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, "2006-11-20")
	}
}

// BenchmarkFindNews runs on ordinary news prose (few dates per paragraph).
func BenchmarkFindNews(b *testing.B) {
	para := "The militia leader, who fled the capital in March 2003, returned last week and met tribal elders. " +
		"Officials said the talks, brokered by neighbouring governments, were the first since the cease-fire collapsed. " +
		"Fighters loyal to the council have clashed repeatedly with government forces in the provinces, and aid groups " +
		"say tens of thousands of people have been displaced by the violence, which has also closed schools and markets. "
	text := strings.Repeat(para, 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, "2006-11-20")
	}
}

func TestFirstBytes(t *testing.T) {
	tests := []struct {
		pattern string
		in, out string // bytes in the set, bytes not in it
	}{
		{`^(?:(?i)\bon\s+x)`, "oO", "nxa1 "},
		{`^(?:\b(?:the\s+)?(1[6-9][0-9]0|20[0-9]0)'?s\b)`, "t12", "T3a "},
		{`^(?:(?i:\b(early|late)[\s-]+)?\b(March|May))`, "eElLM", "mx "},
		{`^(?:a*)`, "\x00 z\xff", ""}, // matches the empty string: every byte
		{`^(?:é|x)`, "x\xc3", "e"},
	}
	for _, tt := range tests {
		s := firstBytes(tt.pattern)
		for i := 0; i < len(tt.in); i++ {
			if !s.has(tt.in[i]) {
				t.Errorf("firstBytes(%q) lacks %q", tt.pattern, tt.in[i])
			}
		}
		for i := 0; i < len(tt.out); i++ {
			if s.has(tt.out[i]) {
				t.Errorf("firstBytes(%q) has %q", tt.pattern, tt.out[i])
			}
		}
	}
}

// TestFirstBytesRules checks the prefilter of every rule against its regexp: wherever a rule
// matches at the start of a chunk of these texts, the chunk's first byte is in the rule's set.
func TestFirstBytesRules(t *testing.T) {
	texts := []string{
		"On Saturday, 7 November 2006, late August and mid-2007 the 1990s; in the spring of 2003.",
		"Earlier this month, a few weeks ago, two years earlier, last fall, by late summer, yesterday.",
		"EARLY MARCH 2004 and The End Of 2006, since Sept. 3, 1980-88, 2007-03-14 — last Tuesday tonight.",
		"during winter, through autumn, the following week, the previous year, next March, this May.",
	}
	for _, text := range texts {
		for st := 0; st < len(text); st++ {
			chunk := text[st:]
			for i, r := range rules {
				if r.re.MatchString(chunk) && !r.first.has(chunk[0]) {
					t.Errorf("rule %d matches %q but its first bytes lack %q", i, chunk, chunk[0])
				}
			}
		}
	}
}
