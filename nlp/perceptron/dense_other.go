//go:build !amd64

package perceptron

var useAVX2 = false

func sumRowsAVX2(dense *uint64, rows *uint32, nrows int, blocks int, acc *int32) {
	panic("unreachable")
}
