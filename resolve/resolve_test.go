package resolve

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

// doc builds a document and its extraction: every occurrence of each name becomes an
// entity of its type (longest names first, no overlaps); no actor is set, so resolution
// runs coreference itself.
func doc(id, text string, names map[string]string) (*faultline.Document, *faultline.Extraction) {
	d := &faultline.Document{ID: id, Text: text, SHA256: faultline.ContentHash(text)}
	x := &faultline.Extraction{Schema: 1, ID: id}
	taken := make([]bool, len(text))
	var keys []string
	for k := range names {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if len(keys[j]) > len(keys[i]) || len(keys[j]) == len(keys[i]) && keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	for _, n := range keys {
		for off := 0; ; {
			i := strings.Index(text[off:], n)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(n)
			off = e
			if !boundary(text, s, e) {
				continue
			}
			free := true
			for k := s; k < e; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			x.Entities = append(x.Entities, faultline.Entity{Span: faultline.Span{Start: s, End: e, Text: n}, Type: names[n]})
		}
	}
	return d, x
}

// owner returns the actor whose aliases include name.
func owner(m *faultline.Model, name string) string {
	for _, a := range m.Actors {
		for _, al := range a.Aliases {
			if al == name {
				return a.ID
			}
		}
	}
	return ""
}

func build(t *testing.T, ov []faultline.Override, ds ...[2]any) *faultline.Model {
	t.Helper()
	var docs []*faultline.Document
	var exts []*faultline.Extraction
	for i, x := range ds {
		d, e := doc(fmt.Sprintf("d%d", i), x[0].(string), x[1].(map[string]string))
		docs, exts = append(docs, d), append(exts, e)
	}
	m, err := Build(docs, exts, ov)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const P, O, G, N = faultline.PERSON, faultline.ORG, faultline.GPE, faultline.NORP

func TestMerges(t *testing.T) {
	type in = [2]any
	tests := []struct {
		name string
		docs []in
		same [][2]string
		diff [][2]string
	}{
		{"transliterations across documents",
			[]in{{"Moqtada al-Sadr spoke.", map[string]string{"Moqtada al-Sadr": P}},
				{"Muqtada al-Sadr left.", map[string]string{"Muqtada al-Sadr": P}},
				{"Moqtada Al Sadr returned. Sadr smiled.", map[string]string{"Moqtada Al Sadr": P, "Sadr": P}}},
			[][2]string{{"Moqtada al-Sadr", "Muqtada al-Sadr"}, {"Moqtada al-Sadr", "Moqtada Al Sadr"}, {"Sadr", "Moqtada al-Sadr"}}, nil},
		{"bare surname joins the one full name of the corpus",
			[]in{{"Nouri al-Maliki spoke.", map[string]string{"Nouri al-Maliki": P}},
				{"Maliki left.", map[string]string{"Maliki": P}}},
			[][2]string{{"Maliki", "Nouri al-Maliki"}}, nil},
		{"ambiguous surname stays apart",
			[]in{{"Mohammed Baqr al-Hakim died.", map[string]string{"Mohammed Baqr al-Hakim": P}},
				{"Abdel-Aziz al-Hakim leads.", map[string]string{"Abdel-Aziz al-Hakim": P}},
				{"Hakim spoke.", map[string]string{"Hakim": P}}},
			nil, [][2]string{{"Mohammed Baqr al-Hakim", "Abdel-Aziz al-Hakim"}, {"Hakim", "Abdel-Aziz al-Hakim"}, {"Hakim", "Mohammed Baqr al-Hakim"}}},
		{"a shortening of one organisation's name",
			[]in{{"The Popular Council for the Liberation of Ruritania met.", map[string]string{"Popular Council for the Liberation of Ruritania": O}},
				{"The Popular Council spoke. The Workers Council of Ruritania and the Workers Council of Osta met. The Workers Council left.",
					map[string]string{"Popular Council": O, "Workers Council of Ruritania": O, "Workers Council of Osta": O, "Workers Council": O}}},
			[][2]string{{"Popular Council", "Popular Council for the Liberation of Ruritania"}},
			[][2]string{{"Workers Council", "Workers Council of Ruritania"}, {"Workers Council", "Workers Council of Osta"}}},
		{"a lone first name across documents joins only a prominent person",
			[]in{{"Orlo Vane spoke.", map[string]string{"Orlo Vane": P}}, {"Orlo Vane left.", map[string]string{"Orlo Vane": P}},
				{"Kel Doran spoke.", map[string]string{"Kel Doran": P}}, {"Orlo said no. Kel said yes.", map[string]string{"Orlo": P, "Kel": P}}},
			[][2]string{{"Orlo", "Orlo Vane"}}, [][2]string{{"Kel", "Kel Doran"}}},
		{"followers named after a party",
			[]in{{"The Vanguard Party ruled.", map[string]string{"Vanguard Party": O}},
				{"Vanguardists and Shiites marched. The Shia Unity Party met.", map[string]string{"Vanguardists": N, "Shiites": N, "Shia Unity Party": O}}},
			[][2]string{{"Vanguardists", "Vanguard Party"}}, [][2]string{{"Shiites", "Shia Unity Party"}}},
		{"a nationality's state is the country",
			[]in{{"Syria said no.", map[string]string{"Syria": G}},
				{"The Syrian state collapsed.", map[string]string{"Syrian state": G}}},
			[][2]string{{"Syria", "Syrian state"}}, nil},
		{"an acronym typed as a person",
			[]in{{"The Popular Front of Ruritania (PFR) met.", map[string]string{"Popular Front of Ruritania": O, "PFR": O}},
				{"PFR said no.", map[string]string{"PFR": P}}},
			[][2]string{{"PFR", "Popular Front of Ruritania"}}, nil},
		{"groups that belong to one person",
			[]in{{"Orlo Vane ruled. Vane’s regime fell. Followers of Orlo Vane marched.", map[string]string{"Orlo Vane": P, "Vane’s regime": O, "Followers of Orlo Vane": O}},
				{"The Orlo Vanne regime jailed them. Vane’s movement grew. Kel Doran's regime lasted.", map[string]string{"Orlo Vanne regime": O, "Vane’s movement": O, "Kel Doran's regime": O}}},
			[][2]string{{"Vane’s regime", "Orlo Vanne regime"}, {"Followers of Orlo Vane", "Vane’s movement"}, {"Orlo Vane", "Orlo Vanne"}},
			[][2]string{{"Vane’s regime", "Vane’s movement"}, {"Vane’s regime", "Kel Doran's regime"}, {"Orlo Vane", "Vane’s regime"}}},
		{"a state institution without its nationality, in a document about one country",
			[]in{{"Syria rejected the plan. Damascus and Aleppo were calm. Syria closed the border. The Syrian police arrested him. The Syrian army stayed out.",
				map[string]string{"Syria": G, "Damascus": G, "Aleppo": G, "Syrian police": O, "Syrian army": O}},
				{"In Syria, policemen fired. Damascus was tense. Syria said nothing.", map[string]string{"Syria": G, "Damascus": G, "policemen": O}},
				{"In Turkey, police units fired. Ankara and Izmir were calm. Turkey said so. The Turkish police denied it.",
					map[string]string{"Turkey": G, "Ankara": G, "Izmir": G, "police units": O, "Turkish police": O}},
				{"Syria and Turkey talked; a police force watched. Syria and Turkey agreed.", map[string]string{"Syria": G, "Turkey": G, "police force": O}}},
			[][2]string{{"policemen", "Syrian police"}, {"police units", "Turkish police"}},
			[][2]string{{"Syrian police", "Turkish police"}, {"police force", "Syrian police"}, {"police force", "Turkish police"},
				{"Syrian army", "Syria"}, {"Syrian police", "Syria"}}},
		{"descriptions of one kind of group in a document",
			[]in{{"Sunni insurgents attacked. Then the insurgents withdrew, and the insurgency grew.",
				map[string]string{"Sunni insurgents": O, "insurgents": O, "insurgency": O}},
				{"Shiite insurgents struck first; insurgents fled.", map[string]string{"Shiite insurgents": O, "insurgents": O}}},
			[][2]string{{"insurgency", "Sunni insurgents"}},
			[][2]string{{"Sunni insurgents", "Shiite insurgents"}}},
		{"groups of one kind with the same group word",
			[]in{{"Shia militias held the bridge.", map[string]string{"Shia militias": O}},
				{"Shiite irregulars fired; Sunni irregulars answered.", map[string]string{"Shiite irregulars": O, "Sunni irregulars": O}}},
			[][2]string{{"Shia militias", "Shiite irregulars"}},
			[][2]string{{"Shia militias", "Sunni irregulars"}}},
		{"descriptions of a coalition",
			[]in{{"The occupation forces withdrew.", map[string]string{"occupation forces": O}},
				{"The US-led forces and the occupiers are one. Syria said no.", map[string]string{"US-led forces": O, "occupiers": O, "Syria": G}}},
			[][2]string{{"occupation forces", "US-led forces"}, {"occupiers", "US-led forces"}},
			[][2]string{{"US-led forces", "Syria"}}},
		{"a movement's -ism is its -ists",
			[]in{{"Syrian nationalists marched. Syria said no.", map[string]string{"Syrian nationalists": N, "Syria": G}},
				{"Syrian nationalism grew.", map[string]string{"Syrian nationalism": N}}},
			[][2]string{{"Syrian nationalism", "Syrian nationalists"}}, [][2]string{{"Syrian nationalism", "Syria"}}},
		{"a body and the place it works in",
			[]in{{"The Ministry of Defence in London said no.", map[string]string{"Ministry of Defence in London": O}},
				{"The Ministry of Defence agreed. London was calm.", map[string]string{"Ministry of Defence": O, "London": G}}},
			[][2]string{{"Ministry of Defence in London", "Ministry of Defence"}}, [][2]string{{"Ministry of Defence", "London"}}},
		{"the two Bushes",
			[]in{{"George W. Bush spoke. Bush left.", map[string]string{"George W. Bush": P, "Bush": P}},
				{"President George HW Bush did not push on.", map[string]string{"President George HW Bush": P}},
				{"George H. W. Bush wrote.", map[string]string{"George H. W. Bush": P}}},
			[][2]string{{"President George HW Bush", "George H. W. Bush"}},
			[][2]string{{"George W. Bush", "President George HW Bush"}, {"George W. Bush", "George H. W. Bush"}}},
		{"acronym across documents",
			[]in{{"The Jaish al-Mahdi (JAM) grew.", map[string]string{"Jaish al-Mahdi": O}},
				{"JAM fighters fled. The JAM is split.", map[string]string{"JAM": O}}},
			[][2]string{{"JAM", "Jaish al-Mahdi"}}, nil},
		{"acronym expansion without definition",
			[]in{{"The Islamic Revolutionary Guard Corps acted.", map[string]string{"Islamic Revolutionary Guard Corps": O}},
				{"The IRGC denied it.", map[string]string{"IRGC": O}}},
			[][2]string{{"IRGC", "Islamic Revolutionary Guard Corps"}}, nil},
		{"rename",
			[]in{{"The Islamic Supreme Council of Iraq, formerly known as the Supreme Council for the Islamic Revolution in Iraq, met.", map[string]string{"Islamic Supreme Council of Iraq": O, "Supreme Council for the Islamic Revolution in Iraq": O}},
				{"The Supreme Council for the Islamic Revolution in Iraq (SCIRI) won.", map[string]string{"Supreme Council for the Islamic Revolution in Iraq": O}},
				{"ISCI won again.", map[string]string{"ISCI": O}}},
			[][2]string{{"Islamic Supreme Council of Iraq", "Supreme Council for the Islamic Revolution in Iraq"}, {"SCIRI", "ISCI"}}, nil},
		{"demonym links to its state",
			[]in{{"Iran denied it.", map[string]string{"Iran": G}},
				{"Iranians protested.", map[string]string{"Iranians": N}}},
			[][2]string{{"Iran", "Iranians"}}, nil},
		{"US spellings",
			[]in{{"The United States and the U.S. and the US.", map[string]string{"United States": G, "U.S.": G, "US": G}},
				{"America acted.", map[string]string{"America": G}}},
			[][2]string{{"United States", "U.S."}, {"US", "America"}}, nil},
		{"types keep apart",
			[]in{{"Sadr City was calm. Moqtada al-Sadr left.", map[string]string{"Sadr City": G, "Moqtada al-Sadr": P}},
				{"The Sadrs are a family. Sadr spoke.", map[string]string{"Sadrs": N, "Sadr": P}}},
			[][2]string{{"Sadr", "Moqtada al-Sadr"}}, [][2]string{{"Sadrs", "Sadr"}, {"Sadr City", "Sadr"}}},
		{"organisation short names and cores",
			[]in{{"The Badr Corps fought.", map[string]string{"Badr Corps": O}},
				{"Badr militia men and the Badrists.", map[string]string{"Badr militia": O, "Badrists": O}},
				{"Shia parties and Shia militias and Iraqi police and Iraqi army.", map[string]string{"Shia parties": O, "Shia militias": O, "Iraqi police": O, "Iraqi army": O}}},
			[][2]string{{"Badr Corps", "Badr militia"}, {"Badr Corps", "Badrists"}},
			[][2]string{{"Shia parties", "Shia militias"}, {"Iraqi police", "Iraqi army"}}},
		{"gendered titles",
			[]in{{"Tony Blair spoke. Mr Blair left.", map[string]string{"Tony Blair": P, "Mr Blair": P}},
				{"Mrs Blair wrote a book.", map[string]string{"Mrs Blair": P}},
				{"Cherie Blair and Mrs Blair.", map[string]string{"Cherie Blair": P, "Mrs Blair": P}}},
			[][2]string{{"Tony Blair", "Mr Blair"}}, [][2]string{{"Mrs Blair", "Tony Blair"}}},
		{"sectors",
			[]in{{"US troops and US forces and American soldiers.", map[string]string{"US troops": O, "US forces": O, "American soldiers": O}},
				{"Iranian military drills.", map[string]string{"Iranian military": O}}},
			[][2]string{{"US troops", "US forces"}, {"US forces", "American soldiers"}}, [][2]string{{"US troops", "Iranian military"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := build(t, nil, tt.docs...)
			for _, p := range tt.same {
				a, b := owner(m, p[0]), owner(m, p[1])
				if a == "" || a != b {
					t.Errorf("%q (%s) and %q (%s) should be one actor", p[0], a, p[1], b)
				}
			}
			for _, p := range tt.diff {
				if a, b := owner(m, p[0]), owner(m, p[1]); a == b {
					t.Errorf("%q and %q merged into %q", p[0], p[1], a)
				}
			}
			if t.Failed() {
				for _, a := range m.Actors {
					t.Logf("%s %s %q", a.ID, a.Type, a.Aliases)
				}
			}
		})
	}
}

func TestModel(t *testing.T) {
	text := "Moqtada al-Sadr, the radical cleric, met Nouri al-Maliki in Najaf. Tehran backed Sadr. Later the cleric clashed with the Badr Corps."
	d, x := doc("a", text, map[string]string{"Moqtada al-Sadr": P, "Nouri al-Maliki": P, "Najaf": G, "Tehran": G, "Sadr": P, "Badr Corps": O})
	d2, x2 := doc("b", "Iran denied it. Muqtada al-Sadr allied with the Badr Corps.", map[string]string{"Iran": G, "Muqtada al-Sadr": P, "Badr Corps": O})
	span := func(s string, n int) faultline.Ref {
		off := 0
		for ; n >= 0; n-- {
			i := strings.Index(text[off:], s)
			off += i
			if n > 0 {
				off += len(s)
			}
		}
		return faultline.Ref{Span: faultline.Span{Start: off, End: off + len(s), Text: s}}
	}
	tehran, sadr, badr := span("Tehran", 0), span("Sadr", 1), span("Badr Corps", 0)
	cleric := span("the cleric", 0)
	x.Events = []faultline.Event{
		{Span: faultline.Span{Start: 75, End: 81}, Trigger: "backed", Type: "SUPPORT", CAMEO: "051", Source: &tehran, Target: &sadr, Modality: "asserted"},
		{Span: faultline.Span{Start: 100, End: 107}, Trigger: "clashed", Type: "ASSAULT", CAMEO: "190", Source: &cleric, Target: &badr, Modality: "asserted"},
	}
	x.Ties = []faultline.Tie{{Type: "patron_of", Sign: 1, A: tehran, B: sadr, Evidence: faultline.Span{Start: 68, End: 87}, Modality: "asserted"}}
	i := strings.Index(x2.ID+d2.Text, "Muqtada")
	_ = i
	ms := strings.Index(d2.Text, "Muqtada al-Sadr")
	bs := strings.Index(d2.Text, "Badr Corps")
	x2.Ties = []faultline.Tie{
		{Type: "allied_with", Sign: 1, A: faultline.Ref{Span: faultline.Span{Start: bs, End: bs + 10}}, B: faultline.Ref{Span: faultline.Span{Start: ms, End: ms + 15}}, Evidence: faultline.Span{Start: 16, End: len(d2.Text)}},
	}
	x.Ties = append(x.Ties, faultline.Tie{Type: "allied_with", Sign: 1, A: sadr, B: badr, Evidence: faultline.Span{Start: 0, End: 10}})
	m, err := Build([]*faultline.Document{d, d2}, []*faultline.Extraction{x, x2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]faultline.Actor{}
	for _, a := range m.Actors {
		byID[a.ID] = a
	}
	sadrA, ok := byID["moqtada-al-sadr"]
	if !ok {
		t.Fatalf("no moqtada-al-sadr: %v", m.Actors)
	}
	if sadrA.Docs != 2 || sadrA.Type != P {
		t.Errorf("sadr: %+v", sadrA)
	}
	if !contains(sadrA.Roles, "cleric") {
		t.Errorf("sadr roles %v lack cleric", sadrA.Roles)
	}
	for _, ev := range sadrA.Mentions {
		txt := map[string]string{"a": text, "b": d2.Text}[ev.Doc]
		if ev.End > len(txt) || ev.Start < 0 {
			t.Fatalf("bad evidence %+v", ev)
		}
	}
	if len(m.Events) != 2 || m.Events[0].Source != "iran" || m.Events[0].Target != "moqtada-al-sadr" {
		t.Errorf("Tehran as a subject should be Iran: %+v", m.Events)
	}
	for _, a := range m.Actors {
		if a.ID == "iran" && contains(a.Aliases, "Tehran") {
			t.Errorf("Tehran (a metonym) became a name of Iran: %q", a.Aliases)
		}
	}
	if m.Events[1].Source != "moqtada-al-sadr" || m.Events[1].Target != "badr-corps" {
		t.Errorf("nominal mention: %+v", m.Events[1])
	}
	var allied *faultline.ModelTie
	for i := range m.Ties {
		if m.Ties[i].Type == "allied_with" {
			allied = &m.Ties[i]
		}
	}
	if allied == nil || allied.Weight != 2 || len(allied.Evidence) != 2 || allied.A != "badr-corps" || allied.B != "moqtada-al-sadr" {
		t.Errorf("allied_with not aggregated over documents: %+v", m.Ties)
	}
	if _, ok := byID["iran"]; !ok {
		t.Errorf("no iran actor")
	}
	// Deterministic.
	m2, _ := Build([]*faultline.Document{d, d2}, []*faultline.Extraction{x, x2}, nil)
	j1, _ := json.Marshal(m)
	j2, _ := json.Marshal(m2)
	if string(j1) != string(j2) {
		t.Errorf("Build is not deterministic")
	}
}

func TestOverrides(t *testing.T) {
	type in = [2]any
	docs := []in{{"Moqtada al-Sadr met Layla Kareem. Sheikh Karim left. The Mahdi Army fought.", map[string]string{"Moqtada al-Sadr": P, "Layla Kareem": P, "Sheikh Karim": P, "Mahdi Army": O}},
		{"Jaysh al-Mahdi fought.", map[string]string{"Jaysh al-Mahdi": O}}}
	m := build(t, nil, docs...)
	if owner(m, "Layla Kareem") == owner(m, "Sheikh Karim") {
		t.Errorf("Sheikh Karim (a given name) merged with Layla Kareem (a surname)")
	}
	ov := []faultline.Override{
		{Kind: faultline.OverrideSplit, Actor: owner(m, "Layla Kareem"), Name: "Sheikh Karim"},
		{Kind: faultline.OverrideMerge, Actor: "mahdi-army", Other: "Jaysh al-Mahdi"},
		{Kind: faultline.OverrideAlias, Actor: "moqtada-al-sadr", Name: "Sayyid Moqtada"},
		{Kind: faultline.OverrideRename, Actor: "mahdi-army", Name: "Jaish al-Mahdi"},
		{Kind: faultline.OverrideAlias, Actor: "mahdi-army", Name: "JAM"},  // the old id still works after the rename
		{Kind: faultline.OverrideMerge, Actor: "nobody", Other: "nothing"}, // skipped
	}
	m = build(t, ov, docs...)
	if owner(m, "Layla Kareem") == owner(m, "Sheikh Karim") {
		t.Errorf("split not applied")
	}
	if a, b := owner(m, "Mahdi Army"), owner(m, "Jaysh al-Mahdi"); a != b || a != "jaish-al-mahdi" {
		t.Errorf("merge/rename: %q %q", a, b)
	}
	if owner(m, "Sayyid Moqtada") != "moqtada-al-sadr" {
		t.Errorf("alias not applied")
	}
	if owner(m, "JAM") != "jaish-al-mahdi" {
		t.Errorf("alias after rename not applied")
	}
	// Re-resolution with the same overrides gives the same model.
	m2 := build(t, ov, docs...)
	if !reflect.DeepEqual(m, m2) {
		t.Errorf("overrides not deterministic")
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestIncumbent(t *testing.T) {
	mk := func(id, date, text string, names map[string]string) (*faultline.Document, *faultline.Extraction) {
		d, x := doc(id, text, names)
		d.Date = date
		return d, x
	}
	d1, x1 := mk("a", "1991-03-01", "President George H. W. Bush spoke.", map[string]string{"President George H. W. Bush": P})
	d2, x2 := mk("b", "2006-11-01", "George W. Bush spoke.", map[string]string{"George W. Bush": P})
	d3, x3 := mk("c", "2007-05-01", "President Bush and Mr Bush.", map[string]string{"President Bush": P, "Mr Bush": P})
	d4, x4 := mk("d", "2007-06", "George Bush spoke.", map[string]string{"George Bush": P})
	d5, x5 := mk("e", "", "Bush spoke.", map[string]string{"Bush": P})
	m, err := Build([]*faultline.Document{d1, d2, d3, d4, d5}, []*faultline.Extraction{x1, x2, x3, x4, x5}, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := owner(m, "George W. Bush")
	if owner(m, "President Bush") != w || owner(m, "George Bush") != w {
		t.Errorf("2007 Bush should be the son: %s %s %s", w, owner(m, "President Bush"), owner(m, "George Bush"))
	}
	if owner(m, "President George H. W. Bush") == w {
		t.Errorf("father merged with son")
	}
	if owner(m, "Bush") == w || owner(m, "Bush") == owner(m, "President George H. W. Bush") {
		t.Errorf("undated bare Bush should stay apart: %s", owner(m, "Bush"))
	}
}

// FuzzBuild: resolution never panics on extractions whose offsets and refs are garbage.
func FuzzBuild(f *testing.F) {
	f.Add("Moqtada al-Sadr met Maliki in Najaf.", 0, 15, 20, 26, "PERSON", "x")
	f.Add("", -5, 400, 3, 2, "", "")
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int, typ, actor string) {
		d := &faultline.Document{ID: "d", Text: text}
		x := &faultline.Extraction{ID: "d", Entities: []faultline.Entity{
			{Span: faultline.Span{Start: s1, End: e1, Text: "Sadr"}, Type: typ, Actor: actor},
			{Span: faultline.Span{Start: s2, End: e2}, Type: P, Actor: actor}}}
		r := &faultline.Ref{Span: faultline.Span{Start: s2, End: e1, Text: "He"}}
		x.Events = []faultline.Event{{Source: r, Target: &faultline.Ref{Span: faultline.Span{Start: s1, End: e2}}, Place: &faultline.Span{Start: s1, End: e1}}}
		x.Ties = []faultline.Tie{{Type: "allied_with", A: *r, B: faultline.Ref{Span: faultline.Span{Start: e1, End: e2}}}}
		x.Quotes = []faultline.Quote{{Span: faultline.Span{Start: s1, End: e1}, Speaker: r}}
		if _, err := Build([]*faultline.Document{d, nil}, []*faultline.Extraction{x, nil}, []faultline.Override{{Kind: "merge", Actor: actor, Other: typ}, {Kind: "split", Actor: actor, Name: text}}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestAppositiveRoles(t *testing.T) {
	m := build(t, nil, [2]any{"Moqtada al-Sadr, the radical cleric, spoke in Najaf. Prime Minister Nouri al-Maliki listened.",
		map[string]string{"Moqtada al-Sadr": P, "Najaf": G, "Prime Minister Nouri al-Maliki": P}})
	seen := 0
	for _, a := range m.Actors {
		switch a.ID {
		case "moqtada-al-sadr":
			seen++
			if !contains(a.Roles, "cleric") {
				t.Errorf("sadr roles %v", a.Roles)
			}
		case "nouri-al-maliki":
			seen++
			if !contains(a.Roles, "prime minister") {
				t.Errorf("maliki roles %v", a.Roles)
			}
		}
	}
	if seen != 2 {
		t.Errorf("actors: %+v", m.Actors)
	}
}

// TestUntypedActors: every actor has a type (CONTRACT.md); a description without one gets
// the type of its head noun, and a span that names no actor is no actor.
func TestUntypedActors(t *testing.T) {
	text := "A policeman said the truce held. Gunmen broke the truce."
	ref := func(s string) *faultline.Ref {
		i := strings.Index(text, s)
		return &faultline.Ref{Span: faultline.Span{Start: i, End: i + len(s), Text: s}}
	}
	d := &faultline.Document{ID: "d", Text: text}
	x := &faultline.Extraction{Schema: 1, ID: "d", Events: []faultline.Event{
		{Span: faultline.Span{Start: 12, End: 16}, Type: "CONSULT", Source: ref("A policeman"), Target: ref("the truce")},
		{Span: faultline.Span{Start: 40, End: 45}, Type: "ASSAULT", Source: ref("Gunmen"), Target: ref("the truce")}}}
	m, err := Build([]*faultline.Document{d}, []*faultline.Extraction{x}, nil)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, a := range m.Actors {
		if a.Type == "" {
			t.Errorf("actor %s %q has no type", a.ID, a.Canonical)
		}
		types[a.Canonical] = a.Type
	}
	if types["A policeman"] != faultline.PERSON || types["Gunmen"] != faultline.ORG {
		t.Errorf("types %v", types)
	}
	if _, ok := types["the truce"]; ok {
		t.Errorf("the truce became an actor")
	}
}

// TestLeadersGovernment checks that "X's government" while X leads a country (a dated
// leader_of tie of the dictionary) is that country's government, and that it is not when
// the corpus also gives him a government at a date he did not lead (one owner's
// governments are one actor, which must not become the state's in every era).
func TestLeadersGovernment(t *testing.T) {
	mk := func(id, date, text string, names map[string]string) (*faultline.Document, *faultline.Extraction) {
		d, x := doc(id, text, names)
		d.Date = date
		return d, x
	}
	d1, x1 := mk("a", "2010-05-01", "The Turkish government said no.", map[string]string{"Turkish government": O})
	d2, x2 := mk("b", "2010-06-01", "Recep Tayyip Erdogan spoke. Erdogan's government fell silent.",
		map[string]string{"Recep Tayyip Erdogan": P, "Erdogan": P, "Erdogan's government": O})
	d3, x3 := mk("c", "1999-06-01", "Recep Tayyip Erdogan spoke. Erdogan's cabinet was a dream.",
		map[string]string{"Recep Tayyip Erdogan": P, "Erdogan": P, "Erdogan's cabinet": O})
	m, err := Build([]*faultline.Document{d1, d2}, []*faultline.Extraction{x1, x2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	gov := owner(m, "Turkish government")
	if gov == "" || owner(m, "Erdogan's government") != gov {
		t.Errorf("Erdogan's government (2010) = %q, want the Turkish government %q", owner(m, "Erdogan's government"), gov)
	}
	if owner(m, "Recep Tayyip Erdogan") == gov {
		t.Errorf("the leader joined his government")
	}
	m, err = Build([]*faultline.Document{d1, d2, d3}, []*faultline.Extraction{x1, x2, x3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Erdogan's cabinet", "Erdogan's government"} {
		if g := owner(m, "Turkish government"); owner(m, n) == g {
			t.Errorf("%s joined the Turkish government (%s) though he did not lead in 1999", n, g)
		}
	}
}

// TestRegionDescriptions checks that "the south" is the southern region the document
// names with an adjective, or of the country it is about, and nothing when it names two.
func TestRegionDescriptions(t *testing.T) {
	texts := []string{
		"Fighting spread in southern Syria and northern Turkey. Later the south was calm; the north was not.",
		"Syria said no. Damascus and Aleppo agreed. Syria was calm but the south of Syria was not.",
		"Fighting spread in southern Syria and southern Turkey. Later the south was calm.",
	}
	names := []map[string]string{
		{"southern Syria": G, "northern Turkey": G, "the south": faultline.LOC, "the north": faultline.LOC},
		{"Syria": G, "Damascus": G, "Aleppo": G, "the south": faultline.LOC},
		{"southern Syria": G, "southern Turkey": G, "the south": faultline.LOC},
	}
	var docs []*faultline.Document
	var exts []*faultline.Extraction
	for i := range texts {
		d, x := doc(fmt.Sprintf("d%d", i), texts[i], names[i])
		docs, exts = append(docs, d), append(exts, x)
	}
	m, err := Build(docs, exts, nil)
	if err != nil {
		t.Fatal(err)
	}
	// of returns the actor of the first mention reading text in document di.
	of := func(di int, text string) string {
		for _, a := range m.Actors {
			for _, ev := range a.Mentions {
				if ev.Doc == docs[di].ID && texts[di][ev.Start:ev.End] == text {
					return a.ID
				}
			}
		}
		return ""
	}
	if a, b := of(0, "the south"), owner(m, "southern Syria"); a == "" || a != b {
		t.Errorf("the south (d0) = %q, want southern Syria %q", a, b)
	}
	if a, b := of(0, "the north"), owner(m, "northern Turkey"); a == "" || a != b {
		t.Errorf("the north (d0) = %q, want northern Turkey %q", a, b)
	}
	if a, b := of(1, "the south"), owner(m, "southern Syria"); a == "" || a != b {
		t.Errorf("the south (d1, about Syria) = %q, want southern Syria %q", a, b)
	}
	if a := of(2, "the south"); a == owner(m, "southern Syria") || a == owner(m, "southern Turkey") {
		t.Errorf("the south (d2, two souths) = %q, want neither", a)
	}
}

// TestAreasAndBorders checks the keys of a community's area and of a border of two
// countries.
func TestAreasAndBorders(t *testing.T) {
	m := build(t, nil,
		[2]any{"Syria said no. Damascus and Aleppo agreed. Syria was calm at the Turkish border and in the Kurdish region.",
			map[string]string{"Syria": G, "Damascus": G, "Aleppo": G, "Turkish border": faultline.LOC, "Kurdish region": faultline.LOC}},
		[2]any{"Trade across the Syria-Turkey border and in the Kurdish provinces grew; the Iraqi border was shut.",
			map[string]string{"Syria-Turkey border": faultline.LOC, "Kurdish provinces": faultline.LOC, "Iraqi border": faultline.LOC}},
		[2]any{"The Iran-Armenia border and the Armenian frontier. Then the Armenian border and Iran and Turkey.",
			map[string]string{"Iran-Armenia border": faultline.LOC, "Armenian border": faultline.LOC, "Iran": G, "Turkey": G}})
	for _, p := range [][2]string{{"Turkish border", "Syria-Turkey border"}, {"Kurdish region", "Kurdish provinces"}, {"Armenian border", "Iran-Armenia border"}} {
		if a, b := owner(m, p[0]), owner(m, p[1]); a == "" || a != b {
			t.Errorf("%s (%s) and %s (%s) should be one actor", p[0], a, p[1], b)
		}
	}
	if owner(m, "Iraqi border") == owner(m, "Syria-Turkey border") {
		t.Errorf("a border in a document about no country joined another")
	}
}

// TestDescribedActors checks that an event's end that is a role description holding only a
// place or a nationality ("the governor of X", "the Iraqi prime minister") is an actor of
// its own typed by its head, not the place; that a pronoun pointing at it follows it; and
// that a government named by its capital ("the regime in X", "X's government") is the
// "<demonym> government" actor, while a capital as a place and "the regime" alone are not.
func TestDescribedActors(t *testing.T) {
	text := "The governor of Larkana province condemned the raid. His convoy was hit by gunmen. " +
		"The regime in Ankara shelled the hills. The Turkish government denied the cease-fire talks. " +
		"Ankara's government sent envoys. In Ankara, a bomb killed four people. The regime denied it. " +
		"The Kenyan prime minister met donors."
	at := func(s string, n int) *faultline.Ref {
		i := -1
		for ; n >= 0; n-- {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return &faultline.Ref{Span: faultline.Span{Start: i, End: i + len(s), Text: s}}
	}
	ent := func(s string, n int, typ string) faultline.Entity {
		r := at(s, n)
		return faultline.Entity{Span: r.Span, Type: typ}
	}
	d := &faultline.Document{ID: "d", Text: text}
	x := &faultline.Extraction{Schema: 1, ID: "d",
		Entities: []faultline.Entity{ent("Larkana", 0, faultline.GPE), ent("Ankara", 0, faultline.GPE),
			ent("Turkish government", 0, faultline.ORG), ent("Ankara", 1, faultline.GPE), ent("Ankara", 2, faultline.GPE),
			ent("Kenyan", 0, faultline.NORP)},
		Events: []faultline.Event{
			{Span: faultline.Span{Start: 0, End: 50}, Type: "REJECT", Source: at("The governor of Larkana province", 0), Target: at("the raid", 0)},
			{Span: faultline.Span{Start: 53, End: 80}, Type: "ASSAULT", Source: at("gunmen", 0), Target: at("His", 0)},
			{Span: faultline.Span{Start: 84, End: 120}, Type: "ASSAULT", Source: at("The regime in Ankara", 0), Target: at("the hills", 0)},
			{Span: faultline.Span{Start: 124, End: 170}, Type: "REJECT", Source: at("The Turkish government", 0), Target: at("the cease-fire talks", 0)},
			{Span: faultline.Span{Start: 172, End: 200}, Type: "CONSULT", Source: at("Ankara's government", 0)},
			{Span: faultline.Span{Start: 204, End: 240}, Type: "ASSAULT", Source: at("a bomb", 0), Target: at("four people", 0)},
			{Span: faultline.Span{Start: 242, End: 260}, Type: "REJECT", Source: at("The regime", 2)},
			{Span: faultline.Span{Start: 262, End: 290}, Type: "CONSULT", Source: at("The Kenyan prime minister", 0), Target: at("donors", 0)},
		}}
	m, err := Build([]*faultline.Document{d}, []*faultline.Extraction{x}, nil)
	if err != nil {
		t.Fatal(err)
	}
	typ := map[string]string{}
	for _, a := range m.Actors {
		typ[a.ID] = a.Type
	}
	src := func(k int) string { return m.Events[k].Source }
	gov := src(3)
	for _, c := range []struct {
		name, got, want string
	}{
		{"governor", typ[src(0)], faultline.PERSON},
		{"his", m.Events[1].Target, src(0)},
		{"regime in capital", src(2), gov},
		{"capital's government", src(4), gov},
		{"prime minister", typ[src(7)], faultline.PERSON},
	} {
		if c.got != c.want || c.got == "" {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	if typ[gov] != faultline.ORG {
		t.Errorf("government %q typed %q", gov, typ[gov])
	}
	if src(0) == "larkana" || src(7) == "kenyan" || src(6) == gov || src(6) == "" {
		t.Errorf("governor %q, prime minister %q, bare regime %q", src(0), src(7), src(6))
	}
	for _, a := range m.Actors {
		if a.Canonical == "the cease-fire talks" || a.Canonical == "the raid" || a.Canonical == "a bomb" {
			t.Errorf("%q became an actor", a.Canonical)
		}
		if a.ID == "ankara" {
			for _, al := range a.Aliases {
				if strings.Contains(al, "government") || strings.Contains(al, "regime") {
					t.Errorf("the capital took %q", al)
				}
			}
		}
	}
}
