package bench

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/faultline/faultline"
	"github.com/faultline/faultline/extract"
	"github.com/faultline/faultline/nlp"
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

// benchExtract extracts docs (b.N of them) on one core and reports tokens per second and
// per CPU second.
func benchExtract(b *testing.B, o pipeline.Options, docs iter.Seq[*faultline.Document]) {
	pipes, err := pipeline.Pipelines(1, o)
	if err != nil {
		b.Skip("no models:", err)
	}
	var c Counter
	c.Count(pipes...)
	b.ResetTimer()
	cpu0 := CPUTime()
	err = pipeline.Run(context.Background(), pipes, docs, func(r pipeline.Result) error { return r.Err })
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
func BenchmarkExtract(b *testing.B) { benchExtract(b, pipeline.Options{}, NewSynth(1).Docs(b.N)) }

// BenchmarkExtractFullParse parses every sentence.
func BenchmarkExtractFullParse(b *testing.B) {
	benchExtract(b, pipeline.Options{FullParse: true}, NewSynth(1).Docs(b.N))
}

// stageTime is the CPU time a stage of the pipeline has taken (getrusage around each call:
// ~1 µs a call, against milliseconds a document).
type stageTime struct {
	name string
	cpu  time.Duration
}

type timedAnnotator struct {
	a nlp.Annotator
	t *stageTime
}

func (x timedAnnotator) Annotate(d *nlp.Doc) {
	t0 := CPUTime()
	x.a.Annotate(d)
	x.t.cpu += CPUTime() - t0
}

type timedComponent struct {
	c extract.Component
	t *stageTime
}

func (x timedComponent) Extract(in *extract.Input) {
	t0 := CPUTime()
	x.c.Extract(in)
	x.t.cpu += CPUTime() - t0
}

// stageName is a stage's type without its pointer star ("pos.Tagger", "pipeline.sparse" for
// the sparse parse).
func stageName(v any) string { return strings.TrimPrefix(fmt.Sprintf("%T", v), "*") }

// BenchmarkExtractStages is BenchmarkExtract with the CPU time of each stage reported per
// document ("pos.Tagger-cpu-ms/doc" …; "pipeline.sparse" is the parse): where the time goes.
func BenchmarkExtractStages(b *testing.B) {
	pipes, err := pipeline.Pipelines(1, pipeline.Options{})
	if err != nil {
		b.Skip("no models:", err)
	}
	p := pipes[0]
	var stages []*stageTime
	for i, a := range p.Annotators {
		t := &stageTime{name: stageName(a)}
		stages = append(stages, t)
		p.Annotators[i] = timedAnnotator{a, t}
	}
	for i, c := range p.Components {
		t := &stageTime{name: stageName(c)}
		stages = append(stages, t)
		p.Components[i] = timedComponent{c, t}
	}
	var c Counter
	c.Count(p)
	s := NewSynth(1)
	b.ResetTimer()
	cpu0 := CPUTime()
	err = pipeline.Run(context.Background(), pipes, s.Docs(b.N), func(r pipeline.Result) error { return r.Err })
	if err != nil {
		b.Fatal(err)
	}
	cpu := CPUTime() - cpu0
	for _, t := range stages {
		b.ReportMetric(t.cpu.Seconds()*1e3/float64(b.N), t.name+"-cpu-ms/doc")
	}
	b.ReportMetric(cpu.Seconds()*1e3/float64(b.N), "total-cpu-ms/doc")
	if cpu > 0 {
		b.ReportMetric(float64(c.Tokens())/cpu.Seconds(), "tokens/cpu-s")
	}
}
