// Package network analyses the signed actor graph of a corpus model: blocs, structural
// balance and its paradoxes, brokers, tie timelines and balance-dynamics scenarios.
package network

import "github.com/faultline/faultline"

// Paradoxes returns the unbalanced triads and ambivalent dyads of m, most evidenced first,
// at most limit of them.
func Paradoxes(m *faultline.Model, limit int) []faultline.Paradox {
	return []faultline.Paradox{}
}
