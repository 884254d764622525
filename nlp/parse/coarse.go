package parse

import "strings"

// Feature sets 3 to 7 are those of the pipeline's parser (models/parselite.md), which
// only the event extractor reads. They train on coarse relations: those the extractor tells apart
// (subject, passive subject, object, oblique, agent, nominal modifier, possessor, compound,
// flat, apposition, adjectival modifier, conjunct, case marker, open complement, clausal
// modifier and relative clause), root and punct, with every other relation as dep. Fewer
// relations are fewer transition classes, and so shorter weight rows to sum.

// coarseRel returns the coarse relation of a UD relation for feature sets 3 to 7.
func coarseRel(rel string) string {
	switch rel {
	case "nsubj:pass", "obl:agent", "nmod:poss", "acl:relcl", "root", "punct":
		return rel
	}
	base := rel
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		base = rel[:i]
	}
	switch base {
	case "nsubj", "obj", "iobj", "obl", "nmod", "compound", "flat", "appos", "amod", "conj",
		"case", "xcomp", "acl":
		return base
	}
	return "dep"
}

// coarseLabels reports whether feature set feats trains on coarse relations (coarseRel).
func coarseLabels(feats int) bool { return feats >= 3 }

// goldRel returns the relation a parser of feature set feats is scored against for the
// treebank relation rel.
func goldRel(feats int, rel string) string {
	if coarseLabels(feats) {
		return coarseRel(rel)
	}
	return rel
}
