// Package benchutil helps the nlp benchmarks report throughput per CPU second as well as per
// wall-clock second, so that numbers taken on a busy shared machine stay comparable.
package benchutil

import (
	"testing"
	"time"
)

// Meter measures wall-clock and process CPU time from Start.
type Meter struct {
	wall time.Time
	cpu  time.Duration
}

// Start starts a meter.
func Start() Meter { return Meter{wall: time.Now(), cpu: cpuTime()} }

// Report adds "<unit>/s" (per wall second) and "<unit>/cpu-s" (per CPU second of the
// process, when the platform tells it) metrics for n units of work.
func (m Meter) Report(b *testing.B, n float64, unit string) {
	if wall := time.Since(m.wall).Seconds(); wall > 0 {
		b.ReportMetric(n/wall, unit+"/s")
	}
	if cpu := (cpuTime() - m.cpu).Seconds(); cpu > 0 {
		b.ReportMetric(n/cpu, unit+"/cpu-s")
	}
}
