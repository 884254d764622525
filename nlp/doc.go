// Package nlp holds the annotated document that flows through faultline's English pipeline,
// and the interface its components implement. The components live in subpackages:
// tokenize (tokens and sentences), perceptron (the shared learner), pos (tags and lemmas),
// parse (dependencies) and ner (entities). Each reads what earlier ones wrote and adds its
// own layer, like spaCy's pipeline.
package nlp

// Token is one token of a Doc. Start and End are byte offsets into Doc.Text, half-open; Norm
// is the token's normalised form (curly quotes made straight, dashes unified) that models see.
type Token struct {
	Start, End int
	Norm       string
	UPOS       string // Universal POS tag
	XPOS       string // Penn Treebank tag
	Lemma      string
	Head       int    // index in Doc.Tokens of the syntactic head; -1 for the root
	Rel        string // UD relation to Head
	Ent        string // entity tag, IOB2: "B-PERSON", "I-PERSON", "O"
}

// Sentence is a sentence of a Doc: byte offsets [Start, End) and the tokens
// Doc.Tokens[First:Last].
type Sentence struct {
	Start, End  int
	First, Last int
}

// Span is a typed stretch of tokens, e.g. an entity: Doc.Tokens[First:Last], bytes [Start, End).
type Span struct {
	First, Last int
	Start, End  int
	Label       string
}

// Doc is a document under annotation.
type Doc struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
	Entities  []Span
}

// Annotator is a pipeline component: it reads the layers earlier components wrote and adds
// its own.
type Annotator interface {
	Annotate(d *Doc)
}

// Words returns the normalised forms of tokens first..last-1.
func (d *Doc) Words(first, last int) []string {
	w := make([]string, 0, last-first)
	for _, t := range d.Tokens[first:last] {
		w = append(w, t.Norm)
	}
	return w
}
