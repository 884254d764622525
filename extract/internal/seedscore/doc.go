// Package seedscore holds a diagnostic test that scores the event and tie extractors on
// the seed articles in ../shared (skipped when absent). Gold annotations are read for
// scoring only; see seedscore_test.go.
package seedscore
