package contractcheck

import (
	"strings"
	"testing"

	"github.com/faultline/faultline"
)

const text = "Sadr's Mahdi Army clashed with Badr in Basra."

func good() *faultline.Extraction {
	sadr := faultline.Span{Start: 0, End: 4, Text: "Sadr"}
	mahdi := faultline.Span{Start: 7, End: 17, Text: "Mahdi Army"}
	badr := faultline.Span{Start: 31, End: 35, Text: "Badr"}
	basra := faultline.Span{Start: 39, End: 44, Text: "Basra"}
	return &faultline.Extraction{Schema: 1, ID: "d", Sentences: []faultline.Span{{Start: 0, End: len(text)}},
		Entities: []faultline.Entity{{Span: mahdi, Type: "ORG"}, {Span: basra, Type: "GPE"}},
		Events: []faultline.Event{{Span: faultline.Span{Start: 18, End: 25}, Trigger: "clashed", Type: "ASSAULT",
			Source: &faultline.Ref{Span: mahdi}, Target: &faultline.Ref{Span: badr}, Place: &basra, Modality: "asserted"}},
		Ties: []faultline.Tie{{Type: "leader_of", Sign: 0, A: faultline.Ref{Span: sadr}, B: faultline.Ref{Span: mahdi},
			Evidence: faultline.Span{Start: 0, End: len(text)}, Modality: "asserted"}},
	}
}

func TestExtraction(t *testing.T) {
	if errs := Extraction(text, good()); len(errs) != 0 {
		t.Fatalf("good extraction: %v", errs)
	}
	for _, tc := range []struct {
		name   string
		break_ func(*faultline.Extraction)
		want   string
	}{
		{"wrong text", func(e *faultline.Extraction) { e.Entities[0].Text = "Mahdi army" }, `is "Mahdi Army" in the text but says "Mahdi army"`},
		{"out of range", func(e *faultline.Extraction) { e.Sentences[0].End = 999 }, "outside the text"},
		{"entity type", func(e *faultline.Extraction) { e.Entities[1].Type = "CITY" }, `type "CITY"`},
		{"event type", func(e *faultline.Extraction) { e.Events[0].Type = "FIGHT" }, `type "FIGHT"`},
		{"trigger", func(e *faultline.Extraction) { e.Events[0].Trigger = "clash" }, "clash"},
		{"modality", func(e *faultline.Extraction) { e.Ties[0].Modality = "maybe" }, `modality "maybe"`},
		{"tie type", func(e *faultline.Extraction) { e.Ties[0].Type = "friend_of" }, `type "friend_of"`},
		{"sign", func(e *faultline.Extraction) { e.Ties[0].Sign = 2 }, "sign 2"},
		{"place", func(e *faultline.Extraction) { e.Events[0].Place.Start = 38 }, "place"},
	} {
		e := good()
		tc.break_(e)
		errs := Extraction(text, e)
		if len(errs) == 0 || !strings.Contains(errs[0].Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.name, errs, tc.want)
		}
	}
}

func TestJSON(t *testing.T) {
	if errs := JSON(text, []byte(`{"a":[{"start":7,"end":17,"text":"Mahdi Army","x":{"start":0,"end":4}}]}`)); len(errs) != 0 {
		t.Errorf("good JSON: %v", errs)
	}
	if errs := JSON(text, []byte(`{"new_field":{"start":7,"end":17,"text":"Mahdi"}}`)); len(errs) != 1 {
		t.Errorf("bad span in an unknown field: %v", errs)
	}
	if errs := JSON(text, []byte(`{`)); len(errs) != 1 {
		t.Errorf("bad JSON: %v", errs)
	}
}

func TestModel(t *testing.T) {
	texts := map[string]string{"d": text}
	m := &faultline.Model{Schema: 1,
		Documents: []faultline.DocumentRef{{ID: "d", SHA256: faultline.ContentHash(text)}},
		Actors: []faultline.Actor{{ID: "mahdi-army", Type: "ORG", Mentions: []faultline.Evidence{{Doc: "d", Start: 7, End: 17}}},
			{ID: "badr", Type: "ORG"}},
		Ties:      []faultline.ModelTie{{A: "mahdi-army", B: "badr", Type: "rival_of", Sign: -1, Evidence: []faultline.Evidence{{Doc: "d", Start: 0, End: 45}}}},
		Events:    []faultline.ModelEvent{{Doc: "d", Source: "mahdi-army", Target: "badr", Type: "ASSAULT", Modality: "asserted", Evidence: faultline.Evidence{Doc: "d", Start: 0, End: 45}}},
		Quotes:    []faultline.ModelQuote{{Doc: "d", Start: 0, End: 4, Text: "Sadr"}},
		Figures:   []faultline.ModelFigure{{Doc: "d", Start: 7, End: 12, Text: "Mahdi"}},
		Paradoxes: []faultline.Paradox{{Actors: []string{"mahdi-army", "badr"}, Signs: []int{-1}}},
	}
	if errs := Model(m, texts); len(errs) != 0 {
		t.Fatalf("good model: %v", errs)
	}
	m.Quotes[0].Text = "Sad"
	m.Events[0].Target = "nobody"
	m.Ties[0].Evidence[0].Doc = "elsewhere"
	m.Figures[0].End = 100
	errs := Model(m, texts)
	var all []string
	for _, e := range errs {
		all = append(all, e.Error())
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{`"Sad"`, `actor "nobody"`, `document "elsewhere"`, "outside the text"} {
		if !strings.Contains(got, want) {
			t.Errorf("model problems lack %q:\n%s", want, got)
		}
	}
}
