//go:build amd64

package pos

import "golang.org/x/sys/cpu"

// useAVX2 selects the AVX2 kernel of best.
var useAVX2 = cpu.X86.HasAVX2

// sumTopAVX2 is the kernel of bestClass for n >= 1 classes: with q[c] (c < n) the lanes c
// (32-bit halves, in memory order) of a, b, c and d summed, minus 4·laneBias, plus s[c], it
// sets top to the least c of the largest q[c], that q[c] and the second largest q[c] (the
// largest again on a tie, math.MinInt32 when n is 1). It reads no lane at or past n.
//
//go:noescape
func sumTopAVX2(a, b, c, d *uint64, s *int32, n int, top *[3]int32)

// addLanesAVX2 is the kernel of addLanes for n >= 1 lanes: it sets lane c (c < n) of dst to
// lane c of base plus src[c], and writes no lane at or past n.
//
//go:noescape
func addLanesAVX2(dst, base *uint64, src *int32, n int)
