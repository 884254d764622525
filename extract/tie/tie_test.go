package tie

import (
	"sort"
	"strings"
	"testing"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/extract/internal/view"
	lex "github.com/faultline/faultline/lexicon/ties"
	"github.com/faultline/faultline/nlp"
	"github.com/faultline/faultline/nlp/tokenize"
)

func input(text string, ents ...string) *extract.Input {
	out := &faultline.Extraction{}
	pos := 0
	for _, e := range ents {
		k := strings.LastIndexByte(e, '/')
		name, typ := e[:k], e[k+1:]
		i := strings.Index(text[pos:], name)
		if i < 0 {
			panic("no " + name)
		}
		start := pos + i
		out.Entities = append(out.Entities, faultline.Entity{Span: faultline.Span{Start: start, End: start + len(name), Text: name}, Type: typ})
		pos = start + len(name)
	}
	return &extract.Input{Doc: &faultline.Document{ID: "t", Text: text}, Out: out}
}

func render(ts []faultline.Tie) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.A.Text+" "+t.Type+" "+t.B.Text+" "+itoa(t.Sign)+" "+t.Modality)
	}
	return out
}

func TestPatterns(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want []string
	}{
		{"The Freedom Party's armed wing, the Lion Brigades, grew fast.",
			[]string{"Freedom Party/ORG", "Lion Brigades/ORG"},
			[]string{"Lion Brigades armed_wing_of Freedom Party 1 asserted"}},
		{"Rahimi's Dawn Movement won the vote.",
			[]string{"Rahimi/PERSON", "Dawn Movement/ORG"},
			[]string{"Rahimi leader_of Dawn Movement 1 asserted"}},
		{"Valdoran Prime Minister Ivo Lasko resigned.",
			[]string{"Valdoran/NORP", "Prime Minister Ivo Lasko/PERSON"},
			[]string{"Prime Minister Ivo Lasko leader_of Valdoran 1 asserted"}},
		{"Prime Minister Ivo Lasko of Valdora resigned.",
			[]string{"Prime Minister Ivo Lasko/PERSON", "Valdora/GPE"},
			[]string{"Prime Minister Ivo Lasko leader_of Valdora 1 asserted"}},
		{"President Ivo Lasko of Valdora resigned.",
			[]string{"Ivo Lasko/PERSON", "Valdora/GPE"},
			[]string{"Ivo Lasko leader_of Valdora 1 asserted"}},
		{"A Valdoran-Norlandic alliance emerged.",
			[]string{"Valdoran/NORP", "Norlandic/NORP"},
			[]string{"Valdoran allied_with Norlandic 1 asserted"}},
		{"Velika, the capital of Valdora, fell.",
			[]string{"Velika/GPE", "Valdora/GPE"},
			[]string{"Velika located_in Valdora 0 asserted"}},
		{"The commander of the Valdoran army, General Sir Ivo Lasko, resigned.",
			[]string{"Valdoran army/ORG", "General Sir Ivo Lasko/PERSON"},
			[]string{"General Sir Ivo Lasko leader_of Valdoran army 1 asserted"}},
		{"The real struggle in the long term is between the Dawn Movement and the Hill Tigers.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG"},
			[]string{"Dawn Movement rival_of Hill Tigers -1 asserted"}},
		{"The Norland envoy in Velika, Ivo Lasko, left.",
			[]string{"Norland/GPE", "Velika/GPE", "Ivo Lasko/PERSON"},
			[]string{"Ivo Lasko member_of Norland 1 asserted"}},
		{"The Dawn Movement is also Norland's closest regional ally.",
			[]string{"Dawn Movement/ORG", "Norland/GPE"},
			[]string{"Norland allied_with Dawn Movement 1 asserted"}},
		{"They reached the Valdoran stronghold of Velika.",
			[]string{"Valdoran/NORP", "Velika/GPE"},
			[]string{"Valdoran controls Velika 0 asserted"}},
		{"Dawn Movement leader Omar Rahimi spoke.",
			[]string{"Dawn Movement/ORG", "Omar Rahimi/PERSON"},
			[]string{"Omar Rahimi leader_of Dawn Movement 1 asserted"}},
		{"The Hill Tigers owe allegiance to Omar Rahimi.",
			[]string{"Hill Tigers/ORG", "Omar Rahimi/PERSON"},
			[]string{"Hill Tigers loyal_to Omar Rahimi 1 asserted"}},
		{"The army and the police are not loyal to the Republic.",
			[]string{"army/ORG", "police/ORG", "Republic/GPE"},
			[]string{"police loyal_to Republic -1 negated", "army loyal_to Republic -1 negated"}},
		{"The Hill Tigers are backed by Norland.",
			[]string{"Hill Tigers/ORG", "Norland/GPE"},
			[]string{"Norland patron_of Hill Tigers 1 asserted"}},
		{"The militia, armed by Norland, took the port.",
			[]string{"militia/ORG", "Norland/GPE"},
			[]string{"Norland arms militia 1 asserted"}},
		{"The rivalry between the Dawn Movement and the Hill Tigers is old.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG"},
			[]string{"Dawn Movement rival_of Hill Tigers -1 asserted"}},
		{"The Dawn Movement has long opposed the Hill Tigers.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG"},
			[]string{"Dawn Movement opposes Hill Tigers -1 asserted"}},
		{"The Unity Front, formerly known as the People's Council, met.",
			[]string{"Unity Front/ORG", "People's Council/ORG"},
			[]string{"Unity Front renamed_from People's Council 0 asserted"}},
		{"Norlandic-backed militias patrol the city.",
			[]string{"Norlandic/NORP", "militias/ORG"},
			[]string{"Norlandic patron_of militias 1 asserted"}},
		{"Norland launched a quiet campaign to win the loyalty of the Hill Tigers.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"},
			[]string{"Norland supports Hill Tigers 1 asserted"}},
		{"Norland began an effort to win the allegiance of local and provincial Hill Tigers commanders.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"},
			[]string{"Norland supports Hill Tigers 1 asserted"}},
		{"Ostrava's efforts to build up the Dawn Movement alarmed Norland.",
			[]string{"Ostrava/GPE", "Dawn Movement/ORG", "Norland/GPE"},
			[]string{"Ostrava supports Dawn Movement 1 asserted"}},
		{"The ministry is controlled by the Dawn Movement.",
			[]string{"ministry/ORG", "Dawn Movement/ORG"},
			[]string{"Dawn Movement controls ministry 1 asserted"}},
		{"The Hill Tigers, allied with Norland, attacked.",
			[]string{"Hill Tigers/ORG", "Norland/GPE"},
			[]string{"Hill Tigers allied_with Norland 1 asserted"}},
		{"The Hill Tigers infiltrated the police.",
			[]string{"Hill Tigers/ORG", "police/ORG"},
			[]string{"Hill Tigers controls police 1 asserted"}},
		{"Omar Rahimi met Ivo Lasko in Geneva.",
			[]string{"Omar Rahimi/PERSON", "Ivo Lasko/PERSON", "Geneva/GPE"},
			nil},
		{"Its fighters owe allegiance to the veteran cleric Omar Rahimi.",
			[]string{"Omar Rahimi/PERSON"}, nil},
		{"The Hill Tigers, who owe allegiance to the veteran cleric Omar Rahimi, attacked.",
			[]string{"Hill Tigers/ORG", "Omar Rahimi/PERSON"},
			[]string{"Hill Tigers loyal_to Omar Rahimi 1 asserted"}},
		{"Norland continued to support the Hill Tigers.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"},
			[]string{"Norland supports Hill Tigers 1 asserted"}},
		{"The Dawn Movement (once a student club) and its armed wing, the feared Lion Brigades, grew.",
			[]string{"Dawn Movement/ORG", "Lion Brigades/ORG"},
			[]string{"Lion Brigades armed_wing_of Dawn Movement 1 asserted"}},
		{"The Dawn Movement and its disciplined Lion Brigades militia grew.",
			[]string{"Dawn Movement/ORG", "Lion Brigades/ORG"},
			[]string{"Lion Brigades armed_wing_of Dawn Movement 1 asserted"}},
		{"The Hill Tigers were led by two brothers, Omar Rahimi and Ali Rahimi.",
			[]string{"Hill Tigers/ORG", "Omar Rahimi/PERSON", "Ali Rahimi/PERSON"},
			[]string{"Omar Rahimi leader_of Hill Tigers 1 asserted", "Ali Rahimi leader_of Hill Tigers 1 asserted"}},
		{"They met Omar Rahimi, the Dawn Movement official in charge of the port.",
			[]string{"Omar Rahimi/PERSON", "Dawn Movement/ORG"},
			[]string{"Omar Rahimi member_of Dawn Movement 1 asserted"}},
		{"He met Ivo Lasko, a senior officer in the Lion Brigades.",
			[]string{"Ivo Lasko/PERSON", "Lion Brigades/ORG"},
			[]string{"Ivo Lasko member_of Lion Brigades 1 asserted"}},
		{"He is a reporter, Ivo Lasko, a senior reporter in Velika.",
			[]string{"Ivo Lasko/PERSON", "Velika/GPE"}, nil},
		{"Norland's Hill Tigers grew.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"},
			[]string{"Hill Tigers located_in Norland 0 asserted"}},
		{"Norland's Revolutionary Guard grew.",
			[]string{"Norland/GPE", "Revolutionary Guard/ORG"},
			[]string{"Revolutionary Guard part_of Norland 1 asserted"}},
		{"The Dawn Movement's Lion Brigades grew.",
			[]string{"Dawn Movement/ORG", "Lion Brigades/ORG"},
			[]string{"Lion Brigades part_of Dawn Movement 1 asserted"}},
		{"The farmers in Velika and Ostrava are pawns of Norland.",
			[]string{"Velika/GPE", "Ostrava/GPE", "Norland/GPE"}, nil},
		{"Velika and Ostrava are pawns of Norland.",
			[]string{"Velika/GPE", "Ostrava/GPE", "Norland/GPE"},
			[]string{"Norland patron_of Ostrava 1 asserted", "Norland patron_of Velika 1 asserted"}},
		{"Ties between the Dawn Movement and Norland's Hill Tigers are old.",
			[]string{"Dawn Movement/ORG", "Norland/GPE", "Hill Tigers/ORG"},
			[]string{"Dawn Movement allied_with Hill Tigers 1 asserted", "Hill Tigers located_in Norland 0 asserted"}},
		{"Norland continued to support the Velika-based Hill Tigers.",
			[]string{"Norland/GPE", "Velika/GPE", "Hill Tigers/ORG"},
			[]string{"Norland supports Hill Tigers 1 asserted", "Hill Tigers located_in Velika 0 asserted"}},
		{"The Dawn Movement (DM) and its disciplined Lion Brigades militia, is also Norland's closest regional ally.",
			[]string{"Dawn Movement/ORG", "DM/ORG", "Lion Brigades militia/ORG", "Norland/GPE"},
			[]string{"Norland allied_with Lion Brigades militia 1 asserted", "Norland allied_with Dawn Movement 1 asserted"}},
		{"The pledge by Supreme Leader Ivo Lasko mattered.",
			[]string{"Supreme/ORG", "Ivo Lasko/PERSON"}, nil},
		{"We met Ivo Lasko, the tireless police chief of Velika.",
			[]string{"Ivo Lasko/PERSON", "Velika/GPE"}, nil},
		{"We met Ivo Lasko, the governor of Velika.",
			[]string{"Ivo Lasko/PERSON", "Velika/GPE"},
			[]string{"Ivo Lasko leader_of Velika 1 asserted"}},
		{"The commander of the Valdoran army, General Sir Ivo Lasko, resigned.",
			[]string{"Valdoran army/ORG", "General Sir Ivo Lasko/ORG"},
			[]string{"General Sir Ivo Lasko leader_of Valdoran army 1 asserted"}},
		{"Norlandic and Lion Brigades fought side by side against the rebels.",
			[]string{"Norlandic/NORP", "Lion Brigades/ORG"},
			[]string{"Norlandic allied_with Lion Brigades 1 asserted"}},
		{"The joint Norland-Velika offensive began.",
			[]string{"Norland/GPE", "Velika/GPE"},
			[]string{"Norland allied_with Velika 1 asserted"}},
		{"The Dawn Movement of Valdora (formerly known as the Hill Tigers) grew.",
			[]string{"Dawn Movement/ORG", "Valdora/GPE", "Hill Tigers/ORG"}, nil},
		{"Rahimi has gained the support of many former Valdoran Communists.",
			[]string{"Rahimi/PERSON", "Valdoran/NORP", "Communists/NORP"},
			[]string{"Communists supports Rahimi 1 asserted"}},
		{"Rahimi has won the undying loyalty of the Hill Tigers.",
			[]string{"Rahimi/PERSON", "Hill Tigers/ORG"},
			[]string{"Hill Tigers loyal_to Rahimi 1 asserted"}},
		{"Rahimi questioned the loyalty of the Hill Tigers.",
			[]string{"Rahimi/PERSON", "Hill Tigers/ORG"}, nil},
		{"The Hill Tigers were under heavy attack by the Lion Brigades.",
			[]string{"Hill Tigers/ORG", "Lion Brigades/ORG"},
			[]string{"Lion Brigades opposes Hill Tigers -1 asserted"}},
		{"Continuing pressure on the Hill Tigers from the Lion Brigades worried them.",
			[]string{"Hill Tigers/ORG", "Lion Brigades/ORG"},
			[]string{"Lion Brigades opposes Hill Tigers -1 asserted"}},
		{"The Velika Panel, chaired by Ivo Lasko, reported.",
			[]string{"Velika Panel/ORG", "Ivo Lasko/PERSON"},
			[]string{"Ivo Lasko leader_of Velika Panel 1 asserted"}},
		{"Lion Brigades officers were recruited into the fledgling Valdoran Army.",
			[]string{"Lion Brigades officers/ORG", "Valdoran Army/ORG"},
			[]string{"Lion Brigades officers part_of Valdoran Army 1 asserted"}},
		{"Ivo Lasko is a veteran journalist based in Velika.",
			[]string{"Ivo Lasko/PERSON", "Velika/GPE"},
			[]string{"Ivo Lasko located_in Velika 0 asserted"}},
		{"The police in Ostrava, the province of which Velika is the capital, are loyal.",
			[]string{"Ostrava/GPE", "Velika/GPE"},
			[]string{"Velika located_in Ostrava 0 asserted"}},
		{"They shelled the Red Zone in central Velika.",
			[]string{"Red Zone/FAC", "central Velika/GPE"},
			[]string{"Red Zone located_in central Velika 0 asserted"}},
		{"Clashes between the Dawn Movement and the Hill Tigers went on.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG"},
			[]string{"Dawn Movement rival_of Hill Tigers -1 asserted"}},
		{"Norland worked with local Valdoran tribes to create the councils.",
			[]string{"Norland/GPE", "Valdoran tribes/NORP"},
			[]string{"Norland allied_with Valdoran tribes 1 asserted"}},
		{"In an interview with Radio Velika, Ambassador Ivo Lasko spoke.",
			[]string{"Radio Velika/ORG", "Ambassador Ivo Lasko/PERSON"}, nil},
		{"The commander of the Valdoran army, General Sir Ivo Lasko, resigned.",
			[]string{"Valdoran army/ORG", "Ivo Lasko/PERSON"},
			[]string{"Ivo Lasko leader_of Valdoran army 1 asserted"}},
		{"Ivo Lasko, the Valdoran tribal leader from Velika, spoke.",
			[]string{"Ivo Lasko/PERSON", "Valdoran/NORP", "Velika/GPE"},
			[]string{"Ivo Lasko member_of Valdoran 1 asserted"}},
		{"says Ivo Lasko of the Velika Peace Institute.",
			[]string{"Ivo Lasko/PERSON", "Velika Peace Institute/LOC"},
			[]string{"Ivo Lasko member_of Velika Peace Institute 1 asserted"}},
		{"says Ivo Lasko of the Middle East.",
			[]string{"Ivo Lasko/PERSON", "Middle East/LOC"}, nil},
		{"They joined the Hill Tigers, dependent on Norland for arms.",
			[]string{"Hill Tigers/ORG", "Norland/GPE"},
			[]string{"Norland patron_of Hill Tigers 1 asserted"}},
		{"There are ties between Mashhad, Iran, and Basra, Iraq, and pilgrims cross.",
			[]string{"Mashhad/GPE", "Iran/GPE", "Basra/GPE", "Iraq/GPE"},
			[]string{"Mashhad allied_with Basra 1 asserted", "Mashhad located_in Iran 0 asserted", "Basra located_in Iraq 0 asserted"}},
		{"Cells in Basra, Najaf and the south fought.",
			[]string{"Basra/GPE", "Najaf/GPE", "the south/LOC"}, nil},
		{"Envoys from Syria, Iran, Iraq and Jordan met.",
			[]string{"Syria/GPE", "Iran/GPE", "Iraq/GPE", "Jordan/GPE"}, nil},
		{"He needs the Alliance (the Norland and Ostrava) to agree.",
			[]string{"Alliance/ORG", "Norland/GPE", "Ostrava/GPE"},
			[]string{"Norland part_of Alliance 1 asserted", "Ostrava part_of Alliance 1 asserted"}},
		{"The Dawn Movement (DM) grew.",
			[]string{"Dawn Movement/ORG", "DM/ORG"}, nil},
		{"They meant the Hill Tigers, especially so-called Hill Tigers Special Units.",
			[]string{"Hill Tigers/ORG", "Hill Tigers Special Units/ORG"},
			[]string{"Hill Tigers Special Units part_of Hill Tigers 1 asserted"}},
		{"Key blocs, including the Dawn Movement, despite their recent tilt toward Norland, agree.",
			[]string{"Dawn Movement/ORG", "Norland/GPE"},
			[]string{"Dawn Movement allied_with Norland 1 asserted"}},
		{"It followed a pledge by President Ivo Lasko to Omar Rahimi.",
			[]string{"Ivo Lasko/PERSON", "Omar Rahimi/PERSON"},
			[]string{"Ivo Lasko negotiates_with Omar Rahimi 1 asserted"}},
		{"The Velika army is being played by the Hill Tigers.",
			[]string{"Velika army/ORG", "Hill Tigers/ORG"},
			[]string{"Hill Tigers controls Velika army 1 asserted"}},
		{"Rahimi and his struggling Dawn Movement lost.",
			[]string{"Rahimi/PERSON", "Dawn Movement/ORG"},
			[]string{"Rahimi leader_of Dawn Movement 1 asserted"}},
		{"\"We are fighting Norland's proxies with Norland's friends,\" Senator Ivo Lasko said.",
			[]string{"Norland/GPE", "Norland/GPE", "Ivo Lasko/PERSON"}, nil},
		{"From Velika to Ostrava and Amara, the Dawn Movement has been engaged in a bloody feud with the Hill Tigers.",
			[]string{"Velika/GPE", "Ostrava/GPE", "Amara/GPE", "Dawn Movement/ORG", "Hill Tigers/ORG"},
			[]string{"Dawn Movement rival_of Hill Tigers -1 asserted"}},
		{"The Lion Brigades came under the direct command of the Hill Tigers.",
			[]string{"Lion Brigades/ORG", "Hill Tigers/ORG"},
			[]string{"Hill Tigers controls Lion Brigades 1 asserted"}},
		{"The Lion Brigades, under Rahimi's command, attacked.",
			[]string{"Lion Brigades/ORG", "Rahimi/PERSON"},
			[]string{"Rahimi controls Lion Brigades 1 asserted"}},
		{"From the early, Norland-selected Governing Council on, he rose.",
			[]string{"Norland/GPE", "Governing Council/ORG"},
			[]string{"Norland patron_of Governing Council 1 asserted"}},
		{"Because of it, the Dawn Movement is viewed suspiciously by most Valdorans.",
			[]string{"Dawn Movement/ORG", "Valdorans/NORP"},
			[]string{"Valdorans opposes Dawn Movement -1 asserted"}},
		{"If Norland decides to confront the Hill Tigers, war follows.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"},
			[]string{"Norland opposes Hill Tigers -1 hypothetical"}},
		{"Norland refused to back the Hill Tigers.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"},
			[]string{"Norland supports Hill Tigers -1 negated"}},
		{"The Dawn Movement, based in Port Amara, grew.",
			[]string{"Dawn Movement/ORG", "Port Amara/GPE"},
			[]string{"Dawn Movement located_in Port Amara 0 asserted"}},
	}
	for _, tt := range tests {
		got := render(x.Find(input(tt.text, tt.ents...)))
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestFromEvents(t *testing.T) {
	x := New()
	for _, tt := range []struct{ cameo, modality, want string }{
		{"190", faultline.Asserted, "Norland opposes Ostrava -1 asserted"},
		{"100", faultline.Asserted, ""},                                    // "urged": a demand is no hostility
		{"106", faultline.Asserted, "Norland opposes Ostrava -1 asserted"}, // demanded a withdrawal
		{"054", faultline.Reported, "Norland supports Ostrava 1 reported"},
		{"057", faultline.Asserted, "Norland negotiates_with Ostrava 1 asserted"},
		{"190", faultline.Hypothetical, ""},
	} {
		in := input("Norland met Ostrava.", "Norland/GPE", "Ostrava/GPE")
		e := in.Out.Entities
		in.Out.Events = []faultline.Event{{CAMEO: tt.cameo, Modality: tt.modality,
			Source: &faultline.Ref{Span: e[0].Span}, Target: &faultline.Ref{Span: e[1].Span}}}
		if got := strings.Join(render(x.Find(in)), "|"); got != tt.want {
			t.Errorf("%s %s: got %q, want %q", tt.cameo, tt.modality, got, tt.want)
		}
	}
}

func TestPatternFile(t *testing.T) {
	ps, syn := lex.Patterns()
	for _, p := range ps {
		for _, w := range p.Words {
			if strings.HasPrefix(w, "&") && syn[w[1:]] == nil {
				t.Errorf("line %d: no synset %s", p.Line, w)
			}
		}
	}
	ok := map[string]bool{}
	for _, ty := range faultline.TieTypes {
		ok[ty] = true
	}
	for _, p := range ps {
		if !ok[p.Type] || p.Sign < -1 || p.Sign > 1 {
			t.Errorf("line %d: bad type or sign: %+v", p.Line, p)
		}
	}
	if len(New().pats) < 50 {
		t.Errorf("only %d patterns compiled", len(New().pats))
	}
}

func BenchmarkFind(b *testing.B) {
	x := New()
	text := strings.Repeat("The Hill Tigers, backed by Norland, clashed with the Dawn Movement, whose leader Omar Rahimi owes allegiance to Ostrava. ", 40)
	var ents []string
	for range 40 {
		ents = append(ents, "Hill Tigers/ORG", "Norland/GPE", "Dawn Movement/ORG", "Omar Rahimi/PERSON", "Ostrava/GPE")
	}
	in := input(text, ents...)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		x.Find(in)
	}
}

// capsEntities returns every run of ASCII letters that opens with a capital as an ORG
// entity: the mentions of the fuzz and fits tests.
func capsEntities(text string) []faultline.Entity {
	var ents []faultline.Entity
	for i := 0; i < len(text); {
		if text[i] >= 'A' && text[i] <= 'Z' {
			j := i
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			ents = append(ents, faultline.Entity{Span: faultline.Span{Start: i, End: j, Text: text[i:j]}, Type: faultline.ORG})
			i = j
			continue
		}
		i++
	}
	return ents
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"The Freedom Party's armed wing, the Lion Brigades, grew.", "A-B alliance of C, formerly known as D", "anti-Norland Ostrava"} {
		f.Add(s)
	}
	x := New()
	f.Fuzz(func(t *testing.T, text string) {
		in := &extract.Input{Doc: &faultline.Document{Text: text}, Out: &faultline.Extraction{Entities: capsEntities(text)}}
		for _, tt := range x.Find(in) {
			for _, sp := range []faultline.Span{tt.A.Span, tt.B.Span, tt.Evidence} {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != sp.Text {
					t.Fatalf("bad span %+v", sp)
				}
			}
		}
	})
}

// TestTaggedWords checks that a word a pattern spells out counts whatever its tag: a tagger
// may call "ally" an adverb (its -ly), and adverbs are otherwise dropped.
func TestTaggedWords(t *testing.T) {
	text := "The Hill Tigers are Norland's ally."
	in := input(text, "Hill Tigers/ORG", "Norland/GPE")
	d := &nlp.Doc{Text: text}
	tags := []string{"DET", "PROPN", "PROPN", "AUX", "PROPN", "PART", "ADV", "PUNCT"}
	for i, tk := range view.Tokenize(text) {
		d.Tokens = append(d.Tokens, nlp.Token{Start: tk.Start, End: tk.End, UPOS: tags[min(i, len(tags)-1)]})
	}
	d.Sentences = []nlp.Sentence{{Start: 0, End: len(text), First: 0, Last: len(d.Tokens)}}
	in.NLP = d
	got := render(New().Find(in))
	if len(got) != 1 || got[0] != "Norland allied_with Hill Tigers 1 asserted" {
		t.Errorf("got %q", got)
	}
}

// TestHyphenCompound checks two names in one hyphenated token: the view keeps the first as
// a mention, the second only lives in the extraction's entities.
func TestHyphenCompound(t *testing.T) {
	text := "The joint Norland-Velika campaign against the Hill Tigers failed."
	in := input(text, "Norland/GPE", "Velika/GPE", "Hill Tigers/ORG")
	d := &nlp.Doc{Text: text}
	tokenize.New().Annotate(d) // one token "Norland-Velika"
	in.NLP = d
	got := strings.Join(render(New().Find(in)), "\n")
	want := "Norland opposes Hill Tigers -1 asserted\nNorland allied_with Velika 1 asserted\nVelika opposes Hill Tigers -1 asserted"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestDemonymCompounds: a nationality adjective inside its hyphenated token ("Peruvian-backed")
// is no mention, yet the state behind it takes the tie.
func TestDemonymCompounds(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want string
	}{
		{"The army fought the Peruvian-backed Hill Tigers in the valley.",
			[]string{"army/ORG", "Hill Tigers/ORG"}, "Peruvian patron_of Hill Tigers 1 asserted"},
		{"Officials blamed “Peruvian-funded Dawn Brigades” for the attack.",
			[]string{"Officials/ORG", "Dawn Brigades/ORG"}, "Peruvian funds Dawn Brigades 1 asserted"},
		{"Ecuadorian-trained Hill Tigers crossed the river.",
			[]string{"Hill Tigers/ORG"}, "Ecuadorian arms Hill Tigers 1 asserted"},
		// no mention right after the compound: the forces are not an actor
		{"Peruvian-backed forces crossed the river.", nil, ""},
		// not a nationality
		{"The Northern-backed Hill Tigers crossed the river.", []string{"Hill Tigers/ORG"}, ""},
		// not a tie verb
		{"The Peruvian-made rifles reached the Hill Tigers.", []string{"Hill Tigers/ORG"}, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range render(x.Find(input(tt.text, tt.ents...))) {
			if !strings.Contains(r, "Officials") && !strings.Contains(r, "army ") {
				got = append(got, r)
			}
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestConflictPatterns covers the patterns of conflict reporting added for the alliance web:
// policies of arming or funding, dependence on a patron's money, creation by a patron,
// allies in a struggle against a foe's remnants, sanctions and designations, truces, tilts
// and sworn enmity; each with cases that must not give the tie (or must keep its modality).
func TestConflictPatterns(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want string
	}{
		{"Observers criticised the Norland policy of arming the Hill Tigers.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"}, "Norland arms Hill Tigers 1 asserted"},
		{"Ostrava's strategy of funding the Dawn Movement worked.",
			[]string{"Ostrava/GPE", "Dawn Movement/ORG"}, "Ostrava funds Dawn Movement 1 asserted"},
		// a third actor between: the critic is not the patron
		{"Rahimi warned against the Norland policy of arming the Hill Tigers.",
			[]string{"Rahimi/PERSON", "Norland/GPE", "Hill Tigers/ORG"}, "Norland arms Hill Tigers 1 asserted"},
		{"The Hill Tigers are dependent on steady infusions of Norland cash.",
			[]string{"Hill Tigers/ORG", "Norland/GPE"}, "Norland funds Hill Tigers 1 asserted"},
		{"The Hill Tigers are not dependent on Norland money.",
			[]string{"Hill Tigers/ORG", "Norland/GPE"}, "Norland funds Hill Tigers 1 negated"},
		{"The Lion Brigades, set up by Ostrava in 1990, grew.",
			[]string{"Lion Brigades/ORG", "Ostrava/GPE"}, "Ostrava patron_of Lion Brigades 1 asserted"},
		{"Norland worked with local clans to create the Lion Brigades.",
			[]string{"Norland/GPE", "Lion Brigades/ORG"}, ""},
		{"The clans worked with Norland officers to create the Lion Brigades.",
			[]string{"Norland officers/ORG", "Lion Brigades/ORG"}, "Norland officers patron_of Lion Brigades 1 asserted"},
		{"Norland planned to create the Lion Brigades.",
			[]string{"Norland/GPE", "Lion Brigades/ORG"}, ""},
		// a person founds: leadership, not patronage
		{"The Lion Brigades, founded by Omar Rahimi, grew.",
			[]string{"Lion Brigades/ORG", "Omar Rahimi/PERSON"}, "Omar Rahimi leader_of Lion Brigades 1 asserted"},
		{"They were seen by Norland and Ostrava as natural allies in the fight against remnants of the Dawn Movement.",
			[]string{"Norland/GPE", "Ostrava/GPE", "Dawn Movement/ORG"},
			"Ostrava opposes Dawn Movement -1 asserted|Norland opposes Dawn Movement -1 asserted"},
		{"Norland fought remnants of the Dawn Movement.",
			[]string{"Norland/GPE", "Dawn Movement/ORG"}, "Norland opposes Dawn Movement -1 asserted"},
		{"Norland imposed sanctions on Ostrava last year.",
			[]string{"Norland/GPE", "Ostrava/GPE"}, "Norland opposes Ostrava -1 asserted"},
		{"Norland could impose sanctions on Ostrava.",
			[]string{"Norland/GPE", "Ostrava/GPE"}, ""},
		{"The Norland sanctions on Ostrava bit hard.",
			[]string{"Norland/GPE", "Ostrava/GPE"}, "Norland opposes Ostrava -1 asserted"},
		{"Norland designated the Hill Tigers a terrorist organisation.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"}, "Norland opposes Hill Tigers -1 asserted"},
		{"Norland never designated the Hill Tigers a terrorist organisation.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"}, "Norland opposes Hill Tigers -1 negated"},
		{"A truce between the Dawn Movement and the Hill Tigers held.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG"}, "Dawn Movement negotiates_with Hill Tigers 1 asserted"},
		{"It was part of a pronounced Norland tilt toward the Dawn Movement.",
			[]string{"Norland/GPE", "Dawn Movement/ORG"}, "Norland allied_with Dawn Movement 1 asserted"},
		{"The Dawn Movement and the Hill Tigers are bitter enemies.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG"}, "Dawn Movement rival_of Hill Tigers -1 asserted"},
		{"The Dawn Movement and the Hill Tigers share common enemies.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG"}, ""},
		{"The Dawn Movement and the Hill Tigers are at war.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG"}, "Dawn Movement rival_of Hill Tigers -1 asserted"},
		{"Norland has powerful local allies in the shape of the Hill Tigers.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"}, "Norland allied_with Hill Tigers 1 asserted"},
		{"The Dawn Movement and its special operations unit, the Lion Brigades, struck.",
			[]string{"Dawn Movement/ORG", "Lion Brigades/ORG"}, "Lion Brigades part_of Dawn Movement 1 asserted"},
		{"Hill Tigers officers were recruited into the new Valdoran army.",
			[]string{"Hill Tigers/ORG", "Valdoran army/ORG"}, "Hill Tigers part_of Valdoran army 1 asserted"},
		{"Norland has in fact chosen the Dawn Movement side.",
			[]string{"Norland/GPE", "Dawn Movement/ORG"}, "Norland supports Dawn Movement 1 asserted"},
		{"Ostrava's incursion into Valdora angered many.",
			[]string{"Ostrava/GPE", "Valdora/GPE"}, "Ostrava opposes Valdora -1 asserted"},
		{"Norland armed the clans and the Lion Brigades to counter and chase away the Hill Tigers.",
			[]string{"Norland/GPE", "Lion Brigades/ORG", "Hill Tigers/ORG"},
			"Lion Brigades opposes Hill Tigers -1 asserted"},
		{"Many Valdorans, who fought against Norland in the war, despise the Dawn Movement.",
			[]string{"Valdorans/NORP", "Norland/GPE", "Dawn Movement/ORG"},
			"Valdorans opposes Norland -1 asserted|Valdorans opposes Dawn Movement -1 asserted"},
		// the clause's own subject takes no tie across it
		{"The Dawn Movement, which Norland backs, fought the Hill Tigers.",
			[]string{"Dawn Movement/ORG", "Norland/GPE", "Hill Tigers/ORG"},
			"Dawn Movement opposes Hill Tigers -1 asserted"},
		{"The Valdoran nationalists rallied around a program built on opposition to both the Norland military presence and the Ostravan political presence.",
			[]string{"Valdoran nationalists/NORP", "Norland/GPE", "Ostravan/NORP"},
			"Valdoran nationalists opposes Norland -1 asserted|Valdoran nationalists opposes Ostravan -1 asserted"},
		// different head nouns: no parallel coordination
		{"The Valdoran nationalists rallied around a program built on opposition to the Norland military presence and the Ostravan trade deal.",
			[]string{"Valdoran nationalists/NORP", "Norland/GPE", "Ostravan/NORP"},
			"Valdoran nationalists opposes Norland -1 asserted"},
		// a gap never spans a dash: the name inside the aside is not the subject
		{"The nationalists - many of them close to Norland - oppose the Hill Tigers.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"}, ""},
		{"One scenario would have Norland, backed by Ostrava, broker a deal.",
			[]string{"Norland/GPE", "Ostrava/GPE"}, "Ostrava patron_of Norland 1 hypothetical"},
		{"Can Norland, backed by Ostrava, broker a deal?",
			[]string{"Norland/GPE", "Ostrava/GPE"}, "Ostrava patron_of Norland 1 hypothetical"},
		{"Norland is unhappy about Ostrava's efforts to build up the 100,000-strong Valdoran Dawn Movement.",
			[]string{"Norland/GPE", "Ostrava/GPE", "Valdoran/NORP", "Dawn Movement/ORG"},
			"Ostrava supports Dawn Movement 1 asserted"},
		{"Some 62 per cent of the Valdorans approve of attacks on Norland forces.",
			[]string{"Valdorans/NORP", "Norland forces/ORG"}, "Valdorans opposes Norland forces -1 asserted"},
		{"Some 62 per cent of the Valdorans - up from 41 per cent at the start of the year - approve of attacks on Norland forces.",
			[]string{"Valdorans/NORP", "Norland forces/ORG"}, "Valdorans opposes Norland forces -1 asserted"},
		{"The growing hostility of the Valdorans to the Norland presence worries officials.",
			[]string{"Valdorans/NORP", "Norland/GPE"}, "Valdorans opposes Norland -1 asserted"},
		{"The Hill Tigers have honoured a year-long truce with the Norland forces.",
			[]string{"Hill Tigers/ORG", "Norland forces/ORG"}, "Hill Tigers negotiates_with Norland forces 1 asserted"},
		{"Analysts agree that Norland, backed by Ostrava, brokered a deal.",
			[]string{"Norland/GPE", "Ostrava/GPE"}, "Ostrava patron_of Norland 1 asserted"},
		// "-led" is no part of "-controlled"; a multi-word name before the hyphen
		{"Police from the Dawn-controlled Interior Ministry came.",
			[]string{"Dawn/ORG", "Interior Ministry/ORG"}, "Dawn controls Interior Ministry 1 asserted"},
		{"The Norland Republic-led Coalition Forces advanced.",
			[]string{"Norland Republic/GPE", "Coalition Forces/ORG"}, "Norland Republic leader_of Coalition Forces 1 asserted"},
		// a structural tie spreads only over names of the same kind
		{"It meant Rahimi and the Dawn Movement, especially the Lion Brigades.",
			[]string{"Rahimi/PERSON", "Dawn Movement/ORG", "Lion Brigades/ORG"},
			"Lion Brigades part_of Dawn Movement 1 asserted"},
		{"Rahimi and the Dawn Movement oppose Norland.",
			[]string{"Rahimi/PERSON", "Dawn Movement/ORG", "Norland/GPE"},
			"Dawn Movement opposes Norland -1 asserted|Rahimi opposes Norland -1 asserted"},
		{"Norland fought remnants of the Dawn Movement and the burgeoning Valdoran resistance - precisely the forces that Ostrava, too, saw as its deadliest foes.",
			[]string{"Norland/GPE", "Dawn Movement/ORG", "Valdoran resistance/ORG", "Ostrava/GPE"},
			"Norland opposes Dawn Movement -1 asserted|Norland opposes Valdoran resistance -1 asserted|" +
				"Ostrava opposes Valdoran resistance -1 asserted|Ostrava opposes Dawn Movement -1 asserted"},
		{"The Hill Tigers - the very men that Ostrava regards as its natural allies - attacked.",
			[]string{"Hill Tigers/ORG", "Ostrava/GPE"}, "Ostrava allied_with Hill Tigers 1 asserted"},
		{"The authority treats the Hill Tigers as a partner rather than a threat.",
			[]string{"authority/ORG", "Hill Tigers/ORG"}, "authority allied_with Hill Tigers 1 asserted"},
		{"Norland sees the Hill Tigers as a threat.",
			[]string{"Norland/GPE", "Hill Tigers/ORG"}, "Norland opposes Hill Tigers -1 asserted"},
		// "including" attaches to the nearest conjunct
		{"Kurdish leaders and the main Valdoran parties, including the Dawn Movement, backed the plan.",
			[]string{"Kurdish leaders/ORG", "Valdoran parties/ORG", "Dawn Movement/ORG"},
			"Dawn Movement part_of Valdoran parties 1 asserted"},
		{"Rahimi brokered a deal with the Hill Tigers.",
			[]string{"Rahimi/PERSON", "Hill Tigers/ORG"}, "Rahimi negotiates_with Hill Tigers 1 asserted"},
		{"Norland mediated a shaky truce between the Dawn Movement and the Hill Tigers.",
			[]string{"Norland/GPE", "Dawn Movement/ORG", "Hill Tigers/ORG"},
			"Norland negotiates_with Dawn Movement 1 asserted|Norland negotiates_with Hill Tigers 1 asserted|Dawn Movement negotiates_with Hill Tigers 1 asserted"},
		{"A truce between the Dawn Movement and the Hill Tigers, brokered by Ostrava, held.",
			[]string{"Dawn Movement/ORG", "Hill Tigers/ORG", "Ostrava/GPE"},
			"Dawn Movement negotiates_with Hill Tigers 1 asserted|Ostrava negotiates_with Hill Tigers 1 asserted|Ostrava negotiates_with Dawn Movement 1 asserted"},
		{"Rahimi and Lasko signed a shaky peace agreement.",
			[]string{"Rahimi/PERSON", "Lasko/PERSON"}, "Rahimi negotiates_with Lasko 1 asserted"},
		{"The Lion Brigades fought alongside the Hill Tigers against Norland.",
			[]string{"Lion Brigades/ORG", "Hill Tigers/ORG", "Norland/GPE"}, "Lion Brigades allied_with Hill Tigers 1 asserted"},
		{"It undermines Norland efforts to dictate the next point on the Valdoran government's agenda.",
			[]string{"Norland/GPE", "Valdoran government/ORG"}, "Norland controls Valdoran government 1 asserted"},
		{"The Dawn Movement is far closer to Norland than it is to Ostrava.",
			[]string{"Dawn Movement/ORG", "Norland/GPE", "Ostrava/GPE"}, "Dawn Movement allied_with Norland 1 asserted"},
		{"Norland troops pushed closer to Velika.",
			[]string{"Norland troops/ORG", "Velika/GPE"}, ""},
		{"The Dawn Movement drew closer to Norland.",
			[]string{"Dawn Movement/ORG", "Norland/GPE"}, "Dawn Movement allied_with Norland 1 asserted"},
		{"Norland troops are now closer to Velika.",
			[]string{"Norland troops/ORG", "Velika/GPE"}, ""},
		{"The Dawn Movement is no closer to Norland.",
			[]string{"Dawn Movement/ORG", "Norland/GPE"}, ""},
		// the fight is alongside, not against
		{"The Lion Brigades to fight alongside the Hill Tigers.",
			[]string{"Lion Brigades/ORG", "Hill Tigers/ORG"}, ""},
	}
	for _, tt := range tests {
		got := strings.Join(render(x.Find(input(tt.text, tt.ents...))), "|")
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestStances: "B is anti-Peruvian" / "pro-Peru" stance predicates, the nationality inside
// the hyphenated token; modifiers of a noun are no predicates.
func TestStances(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want string
	}{
		{"The Hill Tigers are fiercely anti-Peruvian.",
			[]string{"Hill Tigers/ORG"}, "Hill Tigers opposes Peruvian -1 asserted"},
		{"The Dawn Movement remains pro-Peru.",
			[]string{"Dawn Movement/ORG"}, "Dawn Movement supports Peru 1 asserted"},
		{"The Dawn Movement is not pro-Peru.",
			[]string{"Dawn Movement/ORG"}, "Dawn Movement supports Peru -1 negated"},
		{"The Dawn Movement could become anti-Peruvian.",
			[]string{"Dawn Movement/ORG"}, "Dawn Movement opposes Peruvian -1 hypothetical"},
		{"The biggest militia in Velika - the Lion Brigades of Omar Rahimi - is anti-Peruvian and proud.",
			[]string{"Velika/GPE", "Lion Brigades/ORG", "Omar Rahimi/PERSON"}, "Lion Brigades opposes Peruvian -1 asserted"},
		{"Most Valdorans - even most Norlandic Shiites - are not pro-Peru.",
			[]string{"Valdorans/NORP", "Norlandic Shiites/NORP"},
			"Norlandic Shiites supports Peru -1 negated|Valdorans supports Peru -1 negated"},
		// a modifier, not a predicate
		{"The Hill Tigers spread anti-Peruvian rhetoric.", []string{"Hill Tigers/ORG"}, ""},
		{"The Hill Tigers are anti-Peruvian militias.", []string{"Hill Tigers/ORG"}, ""},
		// not a state
		{"The Hill Tigers are anti-Western.", []string{"Hill Tigers/ORG"}, ""},
		{"The Hill Tigers are anti-war.", []string{"Hill Tigers/ORG"}, ""},
		// no subject mention before the copula
		{"Their rhetoric was anti-Peruvian.", nil, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range render(x.Find(input(tt.text, tt.ents...))) {
			if !strings.Contains(r, "Omar Rahimi") {
				got = append(got, r)
			}
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestListMembers: a group followed by a list of its members ("N - among them A and B -",
// "N, including A,"): each member is a member of N and shares N's ties; stretches that are
// no names end a comma list and are no members.
func TestListMembers(t *testing.T) {
	x := New()
	tests := []struct {
		text string
		ents []string
		want string
	}{
		{"Valdoran nationalists - among them secular parties, many Dawn Movement cells, the Lion Brigades and key rural blocs, including the Hill Tigers, despite their recent tilt toward Norland - oppose Ostrava.",
			[]string{"Valdoran nationalists/NORP", "Dawn Movement/ORG", "Lion Brigades/ORG", "Hill Tigers/ORG", "Norland/GPE", "Ostrava/GPE"},
			"Hill Tigers allied_with Norland 1 asserted|Valdoran nationalists opposes Ostrava -1 asserted|" +
				"Lion Brigades member_of Valdoran nationalists 1 asserted|Hill Tigers member_of Valdoran nationalists 1 asserted|" +
				"Lion Brigades opposes Ostrava -1 asserted|Hill Tigers opposes Ostrava -1 asserted"},
		// co-members are not said to be allies of each other
		{"Valdoran nationalists - among them the Dawn Movement and the Lion Brigades - are starting to coalesce.",
			[]string{"Valdoran nationalists/NORP", "Dawn Movement/ORG", "Lion Brigades/ORG"},
			"Dawn Movement member_of Valdoran nationalists 1 asserted|Lion Brigades member_of Valdoran nationalists 1 asserted"},
		{"The ruling bloc, including the Dawn Movement and the Lion Brigades, backed Norland.",
			[]string{"ruling bloc/ORG", "Dawn Movement/ORG", "Lion Brigades/ORG", "Norland/GPE"},
			"ruling bloc supports Norland 1 asserted|Dawn Movement part_of ruling bloc 1 asserted|" +
				"Lion Brigades part_of ruling bloc 1 asserted|Dawn Movement supports Norland 1 asserted|Lion Brigades supports Norland 1 asserted"},
		{"Hawks in the Cabinet, including Vice President Ivo Lasko, want war.",
			[]string{"Cabinet/ORG", "Vice President Ivo Lasko/PERSON"},
			"Vice President Ivo Lasko member_of Cabinet 1 asserted"},
		// no group before the opener: the companies are no actor
		{"Norland sanctioned several companies, including the Dawn Bank.",
			[]string{"Norland/GPE", "Dawn Bank/ORG"}, ""},
		// a place reached by a preposition is no group
		{"Leaders in Velika, including Ivo Lasko, protested.",
			[]string{"Velika/GPE", "Ivo Lasko/PERSON"}, ""},
	}
	for _, tt := range tests {
		gs := render(x.Find(input(tt.text, tt.ents...)))
		ws := strings.Split(tt.want, "|")
		sort.Strings(gs)
		sort.Strings(ws)
		if got, want := strings.Join(gs, "|"), strings.Join(ws, "|"); got != want && (got != "" || tt.want != "") {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, want)
		}
	}
}
