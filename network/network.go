// Package network analyses the signed actor graph of a corpus model: blocs, structural
// balance and its paradoxes, brokers, tie timelines and balance-dynamics scenarios.
//
// Build turns a faultline.Model into a Graph for a time window. Partition finds blocs,
// Measure computes balance and the frustration index, FindParadoxes ranks unbalanced triads
// and ambivalent dyads, FindBrokers scores actors tied into mutually hostile blocs,
// Timelines lists when relations changed sign, and Simulate runs a scenario.
package network
