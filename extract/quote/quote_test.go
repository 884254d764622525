package quote

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
)

// ents marks each name in names as an entity of text (first occurrence at or after the
// previous one), typed by a "TYPE:" prefix, PERSON by default.
func ents(text string, names ...string) []faultline.Entity {
	var out []faultline.Entity
	from := 0
	for _, n := range names {
		typ := faultline.PERSON
		if i := strings.IndexByte(n, ':'); i > 0 {
			typ, n = n[:i], n[i+1:]
		}
		i := strings.Index(text[from:], n)
		if i < 0 {
			panic("no " + n)
		}
		s := from + i
		out = append(out, faultline.Entity{Span: faultline.Span{Start: s, End: s + len(n), Text: n}, Type: typ,
			Actor: strings.ToLower(strings.ReplaceAll(n, " ", "-"))})
		from = s + len(n)
	}
	return out
}

func run(text string, e []faultline.Entity) []faultline.Quote {
	in := &extract.Input{Doc: &faultline.Document{Text: text}, Out: &faultline.Extraction{Entities: e}}
	New().Extract(in)
	return in.Out.Quotes
}

func TestQuotes(t *testing.T) {
	type want struct{ quote, speaker, actor string }
	tests := []struct {
		name  string
		text  string
		names []string
		want  []want
	}{
		{"said NAME after", `“The bridge is closed to traffic,” said Omar Khalid, a local engineer.`,
			[]string{"Omar Khalid"}, []want{{"The bridge is closed to traffic,", "Omar Khalid", "omar-khalid"}}},
		{"NAME said after, with title", `"We will hold the line," the provincial governor Leyla Aziz said on Monday.`,
			[]string{"Leyla Aziz"}, []want{{"We will hold the line,", "Leyla Aziz", "leyla-aziz"}}},
		{"NAME said: before", `Colonel Tom Reyes said: “Nobody crossed the river last night.” Then he left.`,
			[]string{"Tom Reyes"}, []want{{"Nobody crossed the river last night.", "Tom Reyes", "tom-reyes"}}},
		{"pronoun takes the latest speaker", `“The talks failed,” said Sara Lind. “We expected more,” she added.`,
			[]string{"Sara Lind"}, []want{{"The talks failed,", "Sara Lind", "sara-lind"}, {"We expected more,", "Sara Lind", "sara-lind"}}},
		{"continuation split by attribution", `“The convoy was hit at dawn,” Ahmed Rashid told reporters. “Two trucks burned.”`,
			[]string{"Ahmed Rashid"}, []want{{"The convoy was hit at dawn,", "Ahmed Rashid", "ahmed-rashid"}, {"Two trucks burned.", "Ahmed Rashid", "ahmed-rashid"}}},
		{"scare quotes have no speaker", `The so-called “peace dividend” never reached the villages.`, nil, nil},
		{"organisation speaker", `“Entities owned by the group are barred,” the Treasury Department said.`,
			[]string{"ORG:Treasury Department"}, []want{{"Entities owned by the group are barred,", "Treasury Department", "treasury-department"}}},
		{"claim of NAME", `“The militants hold no district here,” is the proud claim of Major Karim Saleh.`,
			[]string{"Karim Saleh"}, []want{{"The militants hold no district here,", "Karim Saleh", "karim-saleh"}}},
		{"description speaker", `“Six guards died,” a policeman told me.`, nil, []want{{"Six guards died,", "policeman", ""}}},
		{"unclosed quote runs to the paragraph end", "Dana Vos said: “It will not stop\nNext paragraph.",
			[]string{"Dana Vos"}, []want{{"It will not stop", "Dana Vos", "dana-vos"}}},
		{"after a full stop a new sentence is not an attribution", `“It is over.” Karim Saleh left the room.`,
			[]string{"Karim Saleh"}, nil},
		{"£ and accents keep byte offsets", `“Prices rose by £20m,” said José Núñez.`,
			[]string{"José Núñez"}, []want{{"Prices rose by £20m,", "José Núñez", "josé-núñez"}}},
		{"inverted attribution before the quote", `The talks stalled. Adds Nadia Farouk of the Levant Institute, “Every faction has a patron.”`,
			[]string{"Nadia Farouk", "ORG:Levant Institute"}, []want{{"Every faction has a patron.", "Nadia Farouk", "nadia-farouk"}}},
		{"agrees NAME", `“The port is lost,” agrees Piet Janssen, a shipping analyst.`,
			[]string{"Piet Janssen"}, []want{{"The port is lost,", "Piet Janssen", "piet-janssen"}}},
		{"description holding a name", `“We track every convoy,” says a senior Dutch army officer in Kabul.`,
			[]string{"NORP:Dutch", "GPE:Kabul"}, []want{{"We track every convoy,", "senior Dutch army officer", ""}}},
		{"name in apposition to a description", `“The road is open,” said a spokesman for the governor, Major Hana Pike.`,
			[]string{"Hana Pike"}, []want{{"The road is open,", "Hana Pike", "hana-pike"}}},
		{"description in apposition to a name", `Colonel Bo Lund, a border police spokesman, called the raid “a warning.”`,
			[]string{"Bo Lund"}, []want{{"a warning.", "Bo Lund", "bo-lund"}}},
		{"pronoun: subject of the previous sentence", `In a radio address, Lena Ortiz warned the rebels. “We will not wait,” she said.`,
			[]string{"Lena Ortiz"}, []want{{"We will not wait,", "Lena Ortiz", "lena-ortiz"}}},
		{"pronoun: the source after according to", `According to Col. Ivo Marek, the raids stopped in May. “They ran out of fuel,” he says.`,
			[]string{"Ivo Marek"}, []want{{"They ran out of fuel,", "Ivo Marek", "ivo-marek"}}},
		{"pronoun: a described person opening the clause", `Later a senior aid official told us that the camps were full. “We have no tents left,” he said.`,
			nil, []want{{"We have no tents left,", "senior aid official", ""}}},
		{"a place inside a prepositional phrase is no speaker", `Gen. Rosa Kent, commander of the forces in Lorca, praised the militia for “keeping its word” and for a “clean handover” of the town.`,
			[]string{"Rosa Kent", "GPE:Lorca"}, []want{{"keeping its word", "Rosa Kent", "rosa-kent"}, {"clean handover", "Rosa Kent", "rosa-kent"}}},
		{"another subject takes the floor", `“We are ready,” said Omar Haddad. Yusuf Bek blamed the “foreign hands” behind the riots.`,
			[]string{"Omar Haddad", "Yusuf Bek"}, []want{{"We are ready,", "Omar Haddad", "omar-haddad"}}},
		{"a fragment in a later sentence is not a continuation", `“We are ready,” said Omar Haddad. The riots spread to the “lower town” by night.`,
			[]string{"Omar Haddad"}, []want{{"We are ready,", "Omar Haddad", "omar-haddad"}}},
		{"noun of saying after a light verb", `Mayor Ana Ruiz made the simple point that “nobody eats promises.”`,
			[]string{"Ana Ruiz"}, []want{{"nobody eats promises.", "Ana Ruiz", "ana-ruiz"}}},
		{"a far speech verb without that", `Police said on Sunday, after a long night of shelling near the old market, the “red zone” was closed.`,
			nil, nil},
		{"unrecognised name before the verb", `Even before the vote the weekly Harbour Review commented that “the mayor has run out of friends.”`,
			nil, []want{{"the mayor has run out of friends.", "Harbour Review", ""}}},
		{"a name partly taken for a place", `Even before the vote the weekly Harbour Review commented that “the mayor has run out of friends.”`,
			[]string{"LOC:Harbour"}, []want{{"the mayor has run out of friends.", "Harbour Review", ""}}},
		{"participle after a comma takes the main subject", `Aziz Nouri attacked the plan in parliament, accusing the Sunnis of “selling the marshes.”`,
			[]string{"Aziz Nouri", "NORP:Sunnis"}, []want{{"selling the marshes.", "Aziz Nouri", "aziz-nouri"}}},
		{"nested quotation closing with the outer one", `Ines Roth took the floor. “They called it the ‘quiet plan,’” she said.`,
			[]string{"Ines Roth"}, []want{{"They called it the ‘quiet plan,’", "Ines Roth", "ines-roth"}}},
		{"quotation continued in the next paragraph", "Jon Vale said: “The first convoy left at dawn.\n“The second never arrived.”",
			[]string{"Jon Vale"}, []want{{"The first convoy left at dawn.", "Jon Vale", "jon-vale"}, {"The second never arrived.", "Jon Vale", "jon-vale"}}},
		{"a new paragraph needs its own attribution", "“We are ready,” said Omar Haddad.\n\n“Nobody asked us.”",
			[]string{"Omar Haddad"}, []want{{"We are ready,", "Omar Haddad", "omar-haddad"}}},
		{"no attribution after a quotation that ends mid-sentence", `Kim Soto said nothing. The “peace plan” failed, officials said.`,
			[]string{"Kim Soto"}, nil},
		{"split by the attribution", `“We will stay,” Mara Dunn said, “until the last family leaves.”`,
			[]string{"Mara Dunn"}, []want{{"We will stay,", "Mara Dunn", "mara-dunn"}, {"until the last family leaves.", "Mara Dunn", "mara-dunn"}}},
		{"single marks, British style", `‘The soldiers’ families are still waiting,’ said Tom Reyes. ‘We don’t know when.’`,
			[]string{"Tom Reyes"}, []want{{"The soldiers’ families are still waiting,", "Tom Reyes", "tom-reyes"}, {"We don’t know when.", "Tom Reyes", "tom-reyes"}}},
		{"an apostrophe opens nothing", `The general’s ‘plan’ was never shown, and Tom Reyes’ staff said nothing.`,
			[]string{"Tom Reyes"}, nil},
		{"double marks nested in single ones", `Tom Reyes said: ‘They call it “the quiet plan”.’`,
			[]string{"Tom Reyes"}, []want{{"They call it “the quiet plan”.", "Tom Reyes", "tom-reyes"}}},
		{"in the words of", `The envoy has become, in the words of one Western diplomat, “the real governor of the south”.`,
			nil, []want{{"the real governor of the south", "one Western diplomat", ""}}},
		{"according to before the quotation", `According to Ana Ruiz, the dam “will hold through the winter.”`,
			[]string{"Ana Ruiz"}, []want{{"will hold through the winter.", "Ana Ruiz", "ana-ruiz"}}},
		{"the reporter's own question is no continuation", `“The checkpoint is closed,” said Omar Haddad. I asked him: “Since when?”`,
			[]string{"Omar Haddad"}, []want{{"The checkpoint is closed,", "Omar Haddad", "omar-haddad"}}},
		{"passive attribution of a label", `Troops arrived under the “clear and hold” plan announced by Premier Ivo Marek last month.`,
			[]string{"Ivo Marek"}, []want{{"clear and hold", "Ivo Marek", "ivo-marek"}}},
		{"a participle with no by-agent names no one", `Troops arrived under the “clear and hold” plan announced last month.`,
			nil, nil},
		{"a name typed as an organisation but titled elsewhere is a person", `After the talks President Anton Voss left. Later Voss warned the rebels. “We will not wait,” he said.`,
			[]string{"Anton Voss", "ORG:Voss"}, []want{{"We will not wait,", "Voss", "voss"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(tt.text, ents(tt.text, tt.names...))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				q := got[i]
				if q.Text != w.quote || tt.text[q.Start:q.End] != q.Text {
					t.Errorf("quote %d = %q (offsets %q), want %q", i, q.Text, tt.text[q.Start:q.End], w.quote)
				}
				if q.Speaker.Text != w.speaker || q.Speaker.Actor != w.actor || tt.text[q.Speaker.Start:q.Speaker.End] != w.speaker {
					t.Errorf("speaker %d = %+v, want %q/%q", i, q.Speaker, w.speaker, w.actor)
				}
			}
		})
	}
}

func FuzzQuotes(f *testing.F) {
	f.Add(`“A,” said B. "C" he said “`)
	f.Add("\"\"\"“”\n”“")
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range run(text, nil) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v", q)
			}
			if s := q.Speaker; s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("bad speaker %+v", s)
			}
		}
	})
}

// BenchmarkExtract attributes the quotations of a 40 KB text of news paragraphs.
func BenchmarkExtract(b *testing.B) {
	paras := []string{
		`“The convoy was hit at dawn,” Ahmed Rashid told reporters. “Two trucks burned.”`,
		`In a radio address, Lena Ortiz warned the rebels. “We will not wait,” she said.`,
		`“We track every convoy,” says a senior Dutch army officer in Kabul.`,
		`Gen. Rosa Kent praised the militia for “keeping its word” and for a “clean handover” of the town.`,
		`The so-called “peace dividend” never reached the villages, officials said on Monday.`,
	}
	var sb strings.Builder
	for sb.Len() < 40000 {
		for _, p := range paras {
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
	}
	text := sb.String()
	var names []string
	for strings.Count(text, "Ahmed Rashid") > len(names)/4 {
		names = append(names, "Ahmed Rashid", "Lena Ortiz", "NORP:Dutch", "Rosa Kent")
	}
	e := ents(text, names...)
	x := New()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := &extract.Input{Doc: &faultline.Document{Text: text}, Out: &faultline.Extraction{Entities: e}}
		x.Extract(in)
	}
}
