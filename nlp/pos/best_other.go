//go:build !amd64

package pos

var useAVX2 = false

func sumTopAVX2(a, b, c, d *uint64, s *int32, n int, top *[3]int32) {
	panic("unreachable")
}

func addLanesAVX2(dst, base *uint64, src *int32, n int) {
	panic("unreachable")
}
