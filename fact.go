package faultline

// Span is a stretch of a document's original text: half-open byte offsets [Start, End) into
// the UTF-8 text exactly as it was given, and the bytes themselves, so text[Start:End] == Text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
}

// Evidence points at the sentence or phrase that supports a fact in the corpus model.
type Evidence struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Ref is a mention of an actor inside a fact (an event's source, a quote's speaker, one end
// of a tie): where it is and, once resolved, which actor it is.
type Ref struct {
	Span
	Actor string `json:"actor,omitempty"`
}

// Entity types (CONTRACT.md).
const (
	PERSON = "PERSON" // people, named or described ("a senior US officer")
	ORG    = "ORG"    // parties, militias, armies, ministries, companies, media
	GPE    = "GPE"    // countries, cities, provinces: places with a government
	LOC    = "LOC"    // other places: rivers, regions, roads
	NORP   = "NORP"   // nationalities, religious and political groups: Shia, Kurds, Sadrists
	FAC    = "FAC"    // buildings, bridges, compounds
	EVENT  = "EVENT"  // named events: the Iran-Iraq war
)

// EntityTypes lists every entity type of the contract.
var EntityTypes = []string{PERSON, ORG, GPE, LOC, NORP, FAC, EVENT}

// Entity is a typed mention of an actor or a place in one document.
type Entity struct {
	Span
	Type  string `json:"type"`
	Actor string `json:"actor,omitempty"`
}

// Timex is a temporal expression normalised against the document date. Value is an ISO-like
// date (YYYY-MM-DD, YYYY-MM, YYYY) or "" when the anchor is unknown.
type Timex struct {
	Span
	Value string `json:"value"`
	// Precision is "day", "month", "year" or "approx".
	Precision string `json:"precision,omitempty"`
}

// Modalities of events and ties (CONTRACT.md).
const (
	Asserted     = "asserted"
	Reported     = "reported"     // attributed to someone
	Hypothetical = "hypothetical" // if, could, may
	Future       = "future"       // will, plans to, threatened to
	Negated      = "negated"      // denied, did not
)

// Modalities lists every modality of the contract.
var Modalities = []string{Asserted, Reported, Hypothetical, Future, Negated}

// EventTypes lists the 16 PLOVER event types of the contract.
var EventTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Event is something one actor did to another, as one document reports it: the trigger
// word, its PLOVER type and mode, CAMEO code and Goldstein score, its arguments, date, place
// and modality.
type Event struct {
	Span              // the trigger
	Trigger   string  `json:"trigger"`
	Type      string  `json:"type"`
	Mode      string  `json:"mode"`
	CAMEO     string  `json:"cameo"`
	Goldstein float64 `json:"goldstein"`
	Source    *Ref    `json:"source"`
	Target    *Ref    `json:"target"`
	Date      string  `json:"date"`
	// DateText is the temporal expression the date came from; DateSource says where the
	// date came from: "text" (a timex in the sentence), "context" (a timex in the sentence
	// before, same paragraph) or "document" (the publication date, lower confidence).
	DateText   string `json:"date_text,omitempty"`
	DateSource string `json:"date_source,omitempty"`
	Place      *Span  `json:"place"`
	Modality   string `json:"modality"`
	Sentence   int    `json:"sentence"`
	Evidence   *Span  `json:"evidence,omitempty"` // the sentence, when it differs from the trigger
}

// TieTypes lists the static tie types of the contract.
var TieTypes = []string{"leader_of", "member_of", "armed_wing_of", "part_of", "patron_of",
	"allied_with", "rival_of", "controls", "loyal_to", "funds", "arms", "opposes", "supports",
	"negotiates_with", "located_in", "renamed_from"}

// Tie is a standing relation between two actors stated in one document: A is Type of B.
// Sign is +1 (cooperation or affiliation), -1 (hostility) or 0 (structural).
type Tie struct {
	Type     string `json:"type"`
	Sign     int    `json:"sign"`
	A        Ref    `json:"a"`
	B        Ref    `json:"b"`
	Evidence Span   `json:"evidence"`
	Modality string `json:"modality"`
}

// Quote is a direct quotation and who said it.
type Quote struct {
	Span
	Speaker *Ref `json:"speaker"`
}

// Figure is a number the text reports: its value after scale (1.6 million = 1600000), unit,
// and what it counts.
type Figure struct {
	Span
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	About string  `json:"about"`
}

// Extraction is everything extracted from one document: the line `faultline extract` prints
// for it (CONTRACT.md §1). Error is set, and the rest empty, when the document failed.
type Extraction struct {
	Schema    int      `json:"schema"`
	ID        string   `json:"id"`
	Date      string   `json:"date"`
	Sentences []Span   `json:"sentences"`
	Entities  []Entity `json:"entities"`
	Timexes   []Timex  `json:"timexes"`
	Events    []Event  `json:"events"`
	Ties      []Tie    `json:"ties"`
	Quotes    []Quote  `json:"quotes"`
	Figures   []Figure `json:"figures"`
	Error     string   `json:"error,omitempty"`
}

// EmptyLists makes the nil fact lists of x empty, so that they encode as [] in JSON, as the
// contract shows them, rather than null.
func (x *Extraction) EmptyLists() {
	if x.Sentences == nil {
		x.Sentences = []Span{}
	}
	if x.Entities == nil {
		x.Entities = []Entity{}
	}
	if x.Timexes == nil {
		x.Timexes = []Timex{}
	}
	if x.Events == nil {
		x.Events = []Event{}
	}
	if x.Ties == nil {
		x.Ties = []Tie{}
	}
	if x.Quotes == nil {
		x.Quotes = []Quote{}
	}
	if x.Figures == nil {
		x.Figures = []Figure{}
	}
}
