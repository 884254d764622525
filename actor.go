package faultline

// Actor is one participant in the conflict — a person, an organisation, a state, a community —
// resolved across documents from all the names the press uses for it.
type Actor struct {
	ID        string     `json:"id"` // stable slug, e.g. "mahdi-army"
	Canonical string     `json:"canonical"`
	Type      string     `json:"type"`
	Aliases   []string   `json:"aliases"`
	Mentions  []Evidence `json:"mentions"`
	// Country is the ISO 3166 alpha-3 code the actor belongs to, when known.
	Country string `json:"country,omitempty"`
	// Roles are descriptions the texts give the actor ("the cleric", "Prime Minister").
	Roles []string `json:"roles,omitempty"`
	// Docs is the number of distinct documents that mention the actor.
	Docs int `json:"docs,omitempty"`
}

// Override kinds: hand corrections to actor resolution that persist across re-ingest.
const (
	OverrideMerge  = "merge"  // Actor and Other are one actor; Actor's id survives
	OverrideSplit  = "split"  // the alias Name is not Actor: give it an actor of its own
	OverrideAlias  = "alias"  // Name is another name of Actor
	OverrideRename = "rename" // Actor's canonical name becomes Name
	// OverrideEntry is an imported dictionary entry: Other is its line in the user
	// dictionary format (docs/dictionary.md), Actor its id and Name its canonical name.
	OverrideEntry = "entry"
	// OverrideAgent is an imported agent noun (a role that names an actor without a name:
	// "riot police", "camel trader"): Name is the noun, Other its line noun <tab> type <tab>
	// CAMEO agent code, and Actor the word "agent".
	OverrideAgent = "agent"
)

// OverrideKinds lists every override kind.
var OverrideKinds = []string{OverrideMerge, OverrideSplit, OverrideAlias, OverrideRename, OverrideEntry, OverrideAgent}

// Override is an analyst's correction to actor resolution.
type Override struct {
	ID        int64  `json:"id,omitempty"`
	Kind      string `json:"kind"`
	Actor     string `json:"actor"`
	Other     string `json:"other,omitempty"`
	Name      string `json:"name,omitempty"`
	CreatedAt string `json:"created_at,omitempty"`
}
