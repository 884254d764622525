//go:build !unix

package bench

import "time"

// PeakRSS returns 0: this system does not report peak resident memory through getrusage.
func PeakRSS() int64 { return 0 }

// CPUTime returns 0: this system does not report CPU time through getrusage.
func CPUTime() time.Duration { return 0 }
