package models

import _ "embed"

// ParseLite holds the pipeline's small dependency parser (nlp/parse, feature set 5, coarse
// relations for the event extractor); see parselite.md.
//
//go:embed parselite.bin
var ParseLite []byte
