//go:build amd64

package pos

import "golang.org/x/sys/cpu"

// useAVX2 selects the AVX2 kernel of best.
var useAVX2 = cpu.X86.HasAVX2

// sumTopAVX2 is the kernel of best for n >= 1 classes: it sets q[c] (c < n) to the lanes
// c (32-bit halves, in memory order) of a, b, c and d summed, minus 4·laneBias, plus q[c],
// and writes to top[l] and top[8+l] the largest and second largest of the q[c] with
// c%8 == l (math.MinInt32 where there are none). It reads and writes no lane at or past n.
//
//go:noescape
func sumTopAVX2(a, b, c, d *uint64, q *int32, n int, top *[16]int32)

// addLanesAVX2 is the kernel of addLanes for n >= 1 lanes: it sets lane c (c < n) of dst to
// lane c of base plus src[c], and writes no lane at or past n.
//
//go:noescape
func addLanesAVX2(dst, base *uint64, src *int32, n int)
