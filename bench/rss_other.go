//go:build !unix

package bench

// PeakRSS returns 0: this system does not report peak resident memory through getrusage.
func PeakRSS() int64 { return 0 }
