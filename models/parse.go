package models

import _ "embed"

// Parse holds the dependency parser (nlp/parse); see parse.md.
//
//go:embed parse.bin
var Parse []byte
