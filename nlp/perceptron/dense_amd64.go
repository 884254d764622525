//go:build amd64

package perceptron

import "golang.org/x/sys/cpu"

// useAVX2 selects the AVX2 kernel for dense rows.
var useAVX2 = cpu.X86.HasAVX2

// sumRowsAVX2 sets q[0:n] to the sums of nrows (>= 1) dense rows: q[c] is the sum over r of
// weight c of the row starting at word rows[r] of dense (its 16-bit value minus the bias
// 32768). It reads whole cache lines of each row, as many as n values take.
//
//go:noescape
func sumRowsAVX2(dense *uint64, rows *uint32, nrows int, q *int32, n int)
