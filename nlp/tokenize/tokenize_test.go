package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/internal/benchutil"
)

func norms(text string) string {
	d := &nlp.Doc{Text: text}
	New().Annotate(d)
	var b []string
	for _, t := range d.Tokens {
		b = append(b, t.Norm)
	}
	return strings.Join(b, " ")
}

func sents(text string) []string {
	d := &nlp.Doc{Text: text}
	New().Annotate(d)
	var out []string
	for _, s := range d.Sentences {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"titles", "Mr. Smith met Gen. Jones and Lt Col Brown.", "Mr. Smith met Gen. Jones and Lt Col Brown ."},
		{"rear admiral", "Rear Adm. Mark Fox spoke.", "Rear Adm. Mark Fox spoke ."},
		{"country abbreviation", "U.S. troops left the U.N. compound.", "U.S. troops left the U.N. compound ."},
		{"month", "On Jan. 5, 2007, it ended.", "On Jan. 5 , 2007 , it ended ."},
		{"initials", "George W. Bush and L. Paul Bremer", "George W. Bush and L. Paul Bremer"},
		{"decimal million", "1.6 million people", "1.6 million people"},
		{"thousands hyphen", "a 100,000-strong army", "a 100,000-strong army"},
		{"year range", "the war of 1980-88 ended", "the war of 1980-88 ended"},
		{"year range en dash", "the 1980–88 war", "the 1980-88 war"},
		{"currency", "£20m and $5.5 billion", "£ 20m and $ 5.5 billion"},
		{"per cent", "92 per cent, or 92%.", "92 per cent , or 92 % ."},
		{"curly quotes", "“We will win,” he said.", `" We will win , " he said .`},
		{"straight quotes", `"We will win," he said.`, `" We will win , " he said .`},
		{"single quotes", "he said 'no' twice", "he said ' no ' twice"},
		{"em dash spaced", "Najaf — the holy city", "Najaf -- the holy city"},
		{"em dash unspaced", "Najaf—the holy city", "Najaf -- the holy city"},
		{"double hyphen", "Najaf--the city", "Najaf -- the city"},
		{"possessive", "Sadr's men", "Sadr 's men"},
		{"possessive curly", "Sadr’s men", "Sadr 's men"},
		{"plural possessive", "the boys' toys", "the boys ' toys"},
		{"negation", "they don't know", "they do n't know"},
		{"can't", "we can't stop", "we ca n't stop"},
		{"won't", "we won't stop", "we wo n't stop"},
		{"clitics", "they're here, we'll see, I'm sure, I'd go, we've won", "they 're here , we 'll see , I 'm sure , I 'd go , we 've won"},
		{"cannot", "I cannot go", "I can not go"},
		{"particle names", "Abdel-Aziz al-Hakim met Moqtada al-Sadr of Jaish-al Mahdi", "Abdel-Aziz al-Hakim met Moqtada al-Sadr of Jaish-al Mahdi"},
		{"U.S.-led", "the U.S.-led coalition", "the U.S.-led coalition"},
		{"url", "See http://example.com/a?b=1.", "See http://example.com/a?b=1 ."},
		{"url www", "(www.example.org)", "( www.example.org )"},
		{"email", "Write to press@example.org, please", "Write to press@example.org , please"},
		{"ellipsis", "It came... then", "It came ... then"},
		{"ellipsis char", "It came… then", "It came ... then"},
		{"brackets", "the Mahdi Army (JAM) fought", "the Mahdi Army ( JAM ) fought"},
		{"time", "at 10:30 a.m. today", "at 10:30 a.m. today"},
		{"colon", "Baghdad: a city", "Baghdad : a city"},
		{"decade", "in the '90s", "in the '90s"},
		{"question in quote", `"Why?" he asked.`, `" Why ? " he asked .`},
		{"semicolon", "first;second", "first ; second"},
		{"empty", "", ""},
		{"spaces only", " \n\t ", ""},
		{"nbsp", "a\u00a0b", "a b"},
	}
	for _, tt := range tests {
		if got := norms(tt.in); got != tt.want {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "He came. She left.", []string{"He came.", "She left."}},
		{"title", "Mr. Bush met Gen. Petraeus. They talked.", []string{"Mr. Bush met Gen. Petraeus.", "They talked."}},
		{"initial", "George W. Bush spoke. He left.", []string{"George W. Bush spoke.", "He left."}},
		{"U.S. mid", "The U.S. Army left.", []string{"The U.S. Army left."}},
		{"U.S. final", "He flew to the U.S. The next day he spoke.", []string{"He flew to the U.S.", "The next day he spoke."}},
		{"inverted attribution", "It wrote a book on the U.S. Adds Orlo Vane of the Institute, “No.”", []string{"It wrote a book on the U.S.", "Adds Orlo Vane of the Institute, “No.”"}},
		{"month", "On Jan. 5 it ended.", []string{"On Jan. 5 it ended."}},
		{"quote end", `"We will win." He left.`, []string{`"We will win."`, "He left."}},
		{"curly quote end", "“We will win.” He left.", []string{"“We will win.”", "He left."}},
		{"question said", `"Why?" he asked.`, []string{`"Why?" he asked.`}},
		{"exclamation", "Stop! Now.", []string{"Stop!", "Now."}},
		{"headline", "IRAQ SHIITES SPLIT\nThe parties broke up.", []string{"IRAQ SHIITES SPLIT", "The parties broke up."}},
		{"dateline", "By John Smith\nBAGHDAD, Iraq — Fighting raged.", []string{"By John Smith", "BAGHDAD, Iraq — Fighting raged."}},
		{"paragraph", "first paragraph without stop\n\nsecond one", []string{"first paragraph without stop", "second one"}},
		{"hard wrap", "fighters loyal to the\ncleric seized stations.", []string{"fighters loyal to the\ncleric seized stations."}},
		{"numbers", "It cost 1.6 million. Then 2.5 more.", []string{"It cost 1.6 million.", "Then 2.5 more."}},
		{"lowercase after period", "the e.g. case and more. ok", []string{"the e.g. case and more. ok"}},
	}
	for _, tt := range tests {
		got := sents(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// check verifies the offset invariants of a tokenized doc.
func check(t *testing.T, d *nlp.Doc) {
	t.Helper()
	prev := 0
	for i, tok := range d.Tokens {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(d.Text) {
			t.Fatalf("token %d [%d,%d) bad after %d in %q", i, tok.Start, tok.End, prev, d.Text)
		}
		if tok.Norm == "" {
			t.Fatalf("token %d empty norm", i)
		}
		if tok.Head != -1 {
			t.Fatalf("token %d head %d", i, tok.Head)
		}
		prev = tok.End
	}
	next := 0
	for i, s := range d.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(d.Tokens) {
			t.Fatalf("sentence %d tokens [%d,%d) after %d", i, s.First, s.Last, next)
		}
		if s.Start != d.Tokens[s.First].Start || s.End != d.Tokens[s.Last-1].End {
			t.Fatalf("sentence %d offsets", i)
		}
		next = s.Last
	}
	if next != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
}

func TestInvalidUTF8(t *testing.T) {
	for _, s := range []string{"\xff\xfe abc", "Sadr\xe2\x80's", "\xe2\x80", "U.S.\xc3", "'", "''", "--", "...", "’", "a.", ".a", "@.", "http://", "'s", "n't"} {
		d := &nlp.Doc{Text: s}
		New().Annotate(d)
		check(t, d)
		if !utf8.ValidString(s) {
			continue
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Mr. Sadr's men don't fight.", "“We will win,” he said — loudly.", "U.S.-led 1,000 1980–88 £20m",
		"http://x.org/a. e@x.com", "IRAQ\nThe end.\n\nNext", "\xff\xfe'\u2019s", "...--—…", "'90s 'em",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &nlp.Doc{Text: s}
		New().Annotate(d)
		check(t, d)
	})
}

var benchText = strings.Repeat(`NAJAF, Iraq — Fighters loyal to the radical Shiite cleric seized police stations on Monday, turning a months-long war of words with the U.S.-led occupation into open battle. "This will not be tolerated," Mr. Bremer said in a statement; 1.6 million people (92 per cent) don't agree.

The militia's leaders, including Abdel-Aziz al-Hakim, met Lt. Gen. Smith on Jan. 5.
`, 200)

func BenchmarkTokenize(b *testing.B) {
	tk := New()
	d := &nlp.Doc{Text: benchText}
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	m := benchutil.Start()
	for i := 0; i < b.N; i++ {
		d.Tokens = d.Tokens[:0]
		d.Sentences = d.Sentences[:0]
		tk.Annotate(d)
	}
	m.Report(b, float64(len(benchText))*float64(b.N)/1e6, "MB")
	b.ReportMetric(float64(len(d.Tokens)), "tokens/op")
}

// TestLongSentences cuts runs without sentence punctuation into sentences of at most
// MaxSentence tokens, after a comma in the second half when there is one, and keeps every
// token in exactly one sentence.
func TestLongSentences(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		maxLen  int    // longest sentence, in tokens
		endWith string // every cut sentence but the last ends with this token ("" = any)
	}{
		{"no punctuation", strings.Repeat("word ", 3*MaxSentence+7), MaxSentence, ""},
		{"commas", strings.Repeat("one two three four five six seven, ", MaxSentence), MaxSentence, ","},
		{"short sentences stay", strings.Repeat("They met. ", 50), 3, "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &nlp.Doc{Text: tt.in}
			New().Annotate(d)
			next := 0
			for i, s := range d.Sentences {
				if s.First != next || s.Last <= s.First {
					t.Fatalf("sentence %d covers tokens %d-%d, want it to start at %d", i, s.First, s.Last, next)
				}
				next = s.Last
				if n := s.Last - s.First; n > tt.maxLen {
					t.Errorf("sentence %d has %d tokens, want at most %d", i, n, tt.maxLen)
				}
				if tt.endWith != "" && i < len(d.Sentences)-1 && d.Tokens[s.Last-1].Norm != tt.endWith {
					t.Errorf("sentence %d ends with %q, want %q", i, d.Tokens[s.Last-1].Norm, tt.endWith)
				}
			}
			if next != len(d.Tokens) {
				t.Errorf("sentences cover %d of %d tokens", next, len(d.Tokens))
			}
		})
	}
}
