//go:build amd64

package perceptron

import "golang.org/x/sys/cpu"

// useAVX2 selects the AVX2 kernel for dense rows.
var useAVX2 = cpu.X86.HasAVX2

// sumRowsAVX2 sets acc[0 : 32*blocks] to the column sums of nrows (>= 1) dense rows: value c
// of the sum is the sum over r of the 16-bit value c (zero-extended) of the row starting at
// word rows[r] of dense, whose first blocks cache lines (32 values each) are read.
//
//go:noescape
func sumRowsAVX2(dense *uint64, rows *uint32, nrows int, blocks int, acc *int32)
