package models

import _ "embed"

// POS holds the part-of-speech tagger and lemmatizer (nlp/pos); see pos.md.
//
//go:embed pos.bin
var POS []byte
