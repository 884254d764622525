//go:build !unix

package benchutil

import "time"

func cpuTime() time.Duration { return 0 }
