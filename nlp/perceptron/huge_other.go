//go:build !linux

package perceptron

// adviseHuge does nothing on systems other than Linux (see huge_linux.go).
func adviseHuge[T any](s []T) {}
