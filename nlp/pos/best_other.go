//go:build !amd64

package pos

var useAVX2 = false

func sumTopAVX2(a, b, c, d *uint64, q *int32, n int, top *[16]int32) {
	panic("unreachable")
}

func addLanesAVX2(dst, base *uint64, src *int32, n int) {
	panic("unreachable")
}
