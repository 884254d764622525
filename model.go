package faultline

// Model is the corpus model: every document, resolved actor and fact of a store, in the shape
// `faultline export --format json` prints (CONTRACT.md §2). Facts refer to actors by id.
type Model struct {
	Schema    int           `json:"schema"`
	Documents []DocumentRef `json:"documents"`
	Actors    []Actor       `json:"actors"`
	Ties      []ModelTie    `json:"ties"`
	Events    []ModelEvent  `json:"events"`
	Quotes    []ModelQuote  `json:"quotes"`
	Figures   []ModelFigure `json:"figures"`
	Paradoxes []Paradox     `json:"paradoxes"`
}

// DocumentRef is a document's metadata without its text.
type DocumentRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	SHA256 string `json:"sha256"`
	// DuplicateOf is the ID of the original this document nearly duplicates (a wire copy),
	// or "" for an original report; network analysis counts a story and its copies once.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// ModelTie is a tie between two resolved actors aggregated over the corpus: every document
// stating it adds evidence and weight.
type ModelTie struct {
	A        string     `json:"a"`
	B        string     `json:"b"`
	Type     string     `json:"type"`
	Sign     int        `json:"sign"`
	Weight   float64    `json:"weight"`
	Modality string     `json:"modality,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// ModelEvent is one event between resolved actors.
type ModelEvent struct {
	Doc       string   `json:"doc"`
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Type      string   `json:"type"`
	Mode      string   `json:"mode,omitempty"`
	CAMEO     string   `json:"cameo"`
	Goldstein float64  `json:"goldstein"`
	Trigger   string   `json:"trigger,omitempty"`
	Date      string   `json:"date"`
	DateText  string   `json:"date_text"`
	Place     string   `json:"place"`
	Modality  string   `json:"modality"`
	Evidence  Evidence `json:"evidence"`
}

// ModelQuote is a quotation attributed to a resolved speaker.
type ModelQuote struct {
	Doc     string `json:"doc"`
	Speaker string `json:"speaker"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// ModelFigure is a reported number.
type ModelFigure struct {
	Doc   string  `json:"doc"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	About string  `json:"about,omitempty"`
}

// Paradox is a contradiction in the alliance web: an unbalanced triad (the friend of my
// friend is my enemy) or an ambivalent dyad, with the evidence for each of its ties.
type Paradox struct {
	Actors      []string   `json:"actors"`
	Signs       []int      `json:"signs"`
	Score       float64    `json:"score,omitempty"`
	Explanation string     `json:"explanation,omitempty"`
	Evidence    []Evidence `json:"evidence"`
	// Kind is "unbalanced_triad" or "ambivalent_dyad".
	Kind string `json:"kind,omitempty"`
}
