// Package ner recognises named entities in conflict reporting: people, organisations
// (parties, militias, armies, ministries), places with a government (GPE) and without (LOC),
// nationalities and religious or political groups (NORP), facilities and named events.
//
// The tagger is a greedy averaged perceptron (nlp/perceptron) over IOB2 tags, with word,
// shape, affix, context, POS, title, organisation-head, name-particle and gazetteer
// features (lexicon/gazetteer). Its weights are trained by `faultline train ner` from the
// GMB and GUM corpora and embedded in models/. After tagging, document-level rules make the
// mentions of one document consistent (Sadr after Moqtada al-Sadr), learn acronyms from
// "Long Name (ACR)", and extend descriptive actors ("Shia militias", "US forces") to
// whole ORG spans.
package ner
