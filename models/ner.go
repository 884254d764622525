package models

import _ "embed"

// NER holds the weights of the entity tagger (nlp/ner), trained by `faultline train ner`;
// see ner.md.
//
//go:embed ner.bin
var NER []byte
