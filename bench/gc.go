package bench

import (
	"runtime/metrics"
	"time"
)

// GC is what the garbage collector has done since the process started (runtime/metrics):
// subtract two readings to get what it did in between.
type GC struct {
	Cycles int64         // completed collections
	CPU    time.Duration // CPU time of collection (marking, assists, pauses), the runtime's estimate
	Alloc  int64         // bytes allocated on the heap
}

// gcMetrics are the runtime/metrics ReadGC reads, in the order of GC's fields.
var gcMetrics = []string{"/gc/cycles/total:gc-cycles", "/cpu/classes/gc/total:cpu-seconds", "/gc/heap/allocs:bytes"}

// ReadGC returns the collector's totals now.
func ReadGC() GC {
	s := make([]metrics.Sample, len(gcMetrics))
	for i, name := range gcMetrics {
		s[i].Name = name
	}
	metrics.Read(s)
	var g GC
	if s[0].Value.Kind() == metrics.KindUint64 {
		g.Cycles = int64(s[0].Value.Uint64())
	}
	if s[1].Value.Kind() == metrics.KindFloat64 {
		g.CPU = time.Duration(s[1].Value.Float64() * float64(time.Second))
	}
	if s[2].Value.Kind() == metrics.KindUint64 {
		g.Alloc = int64(s[2].Value.Uint64())
	}
	return g
}

// Sub returns what the collector did between reading old and reading g.
func (g GC) Sub(old GC) GC {
	return GC{Cycles: g.Cycles - old.Cycles, CPU: g.CPU - old.CPU, Alloc: g.Alloc - old.Alloc}
}
