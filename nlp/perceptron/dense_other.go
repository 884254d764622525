//go:build !amd64

package perceptron

var useAVX2 = false

func sumRowsAVX2(dense *uint64, rows *uint32, nrows int, q *int32, n int) {
	panic("unreachable")
}
