package bench

import (
	"context"
	"testing"

	"github.com/faultline/faultline/pipeline"
)

func TestSynthDeterministic(t *testing.T) {
	a, b := NewSynth(1), NewSynth(1)
	for i := 0; i < 5; i++ {
		if a.Doc(i).Text != b.Doc(i).Text {
			t.Fatalf("doc %d differs between two generators with one seed", i)
		}
	}
	if a.Doc(0).Text == a.Doc(1).Text {
		t.Fatal("docs 0 and 1 are the same")
	}
}

// benchExtract extracts synthetic documents on one core and reports tokens per second.
func benchExtract(b *testing.B, o pipeline.Options) {
	pipes, err := pipeline.Pipelines(1, o)
	if err != nil {
		b.Skip("no models:", err)
	}
	var c Counter
	c.Count(pipes...)
	s := NewSynth(1)
	b.ResetTimer()
	cpu0 := CPUTime()
	err = pipeline.Run(context.Background(), pipes, s.Docs(b.N), func(r pipeline.Result) error { return r.Err })
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(c.Tokens())/b.Elapsed().Seconds(), "tokens/s")
	if cpu := CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(c.Tokens())/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkExtract is the default pipeline (parsing only sentences with a possible event
// trigger), one synthetic demo-sized document per iteration.
func BenchmarkExtract(b *testing.B) { benchExtract(b, pipeline.Options{}) }

// BenchmarkExtractFullParse parses every sentence.
func BenchmarkExtractFullParse(b *testing.B) { benchExtract(b, pipeline.Options{FullParse: true}) }
