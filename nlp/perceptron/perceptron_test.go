package perceptron

import (
	"bytes"
	"fmt"
	"math"
	"testing"
)

// toy: class = which of three words occurs; a distractor feature is shared by all.
func toyData() ([][]uint64, []int) {
	var xs [][]uint64
	var ys []int
	words := []string{"red", "green", "blue"}
	for i := 0; i < 300; i++ {
		y := i % 3
		xs = append(xs, []uint64{HashString(1, words[y]), Hash(2), HashString(3, words[(i/3)%3])})
		ys = append(ys, y)
	}
	return xs, ys
}

func train(seed int64) *Model {
	xs, ys := toyData()
	tr := NewTrainer(3)
	rng := tr.Rand(seed)
	scores := make([]float64, 3)
	for ep := 0; ep < 5; ep++ {
		for _, i := range rng.Perm(len(xs)) {
			g := tr.Predict(xs[i], scores)
			tr.Update(xs[i], ys[i], g)
		}
	}
	return tr.Model([]string{"r", "g", "b"}, 0)
}

func TestLearnAndRoundTrip(t *testing.T) {
	m := train(1)
	xs, ys := toyData()
	scores := make([]float32, m.NumClasses())
	for i := range xs {
		if g := m.Predict(xs[i], scores); g != ys[i] {
			t.Fatalf("example %d: got %d want %d", i, g, ys[i])
		}
	}
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatal(err, n, buf.Len())
	}
	m2, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.NumFeatures() != m.NumFeatures() || len(m2.Classes) != 3 || m2.Classes[2] != "b" {
		t.Fatalf("round trip: %v vs %v", m2, m)
	}
	s2 := make([]float32, 3)
	for i := range xs {
		m.Score(xs[i], scores)
		m2.Score(xs[i], s2)
		for k := range scores {
			if scores[k] != s2[k] {
				t.Fatalf("scores differ after round trip: %v %v", scores, s2)
			}
		}
	}
	if _, err := Read(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Fatal("truncated model read without error")
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	train(7).WriteTo(&a)
	train(7).WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed, different models")
	}
}

func TestPredictNoAlloc(t *testing.T) {
	m := train(1)
	xs, _ := toyData()
	scores := make([]float32, 3)
	if n := testing.AllocsPerRun(100, func() { m.Predict(xs[0], scores) }); n != 0 {
		t.Fatalf("Predict allocates %v times", n)
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	train(1).WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(bytes.NewReader(b))
		if err == nil {
			m.Predict([]uint64{1, 2, 3}, make([]float32, m.NumClasses()))
		}
	})
}

func TestPrune(t *testing.T) {
	m := train(1)
	p := m.Prune(1e9)
	if p.NumWeights() != 0 || p.NumFeatures() != 0 {
		t.Fatalf("pruned everything, still %v", p)
	}
	if q := m.Prune(0); q.NumWeights() != m.NumWeights() {
		t.Fatalf("prune 0 dropped weights: %v vs %v", q, m)
	}
	if g := p.Predict([]uint64{1}, make([]float32, 3)); g != 0 {
		t.Fatalf("empty model predicts %d", g)
	}
}

// TestDenseRows checks the packed dense weight rows against a plain sum of the weights, for
// several class counts and with each kernel that can run here (AVX2 and plain Go).
func TestDenseRows(t *testing.T) {
	kernels := []bool{false}
	if useAVX2 {
		kernels = append(kernels, true)
	}
	defer func(v bool) { useAVX2 = v }(useAVX2)
	for _, nc := range []int{77, 17, 104, 256} { // 77: the last lane holds one class
		for _, avx := range kernels {
			useAVX2 = avx
			t.Run(fmt.Sprintf("classes=%d/avx2=%v", nc, avx), func(t *testing.T) { testDenseRows(t, nc) })
		}
	}
}

func testDenseRows(t *testing.T, nc int) {
	tr := NewTrainer(nc)
	rng := tr.Rand(3)
	scores := make([]float64, nc)
	var feats [][]uint64
	for i := 0; i < 3000; i++ {
		f := []uint64{Hash(1), Hash(uint64(2 + rng.Intn(5))), HashString(9, string(rune('a'+rng.Intn(26))))}
		feats = append(feats, f)
		truth := rng.Intn(nc)
		tr.Update(f, truth, tr.Predict(f, scores))
	}
	m := tr.Model(nil, 0)
	if len(m.dense) == 0 {
		t.Fatal("no dense rows in the test model")
	}
	want := func(f []uint64) []int32 {
		out := make([]int32, nc)
		for _, x := range f {
			k := x & m.kmask
			for i, key := range m.keys {
				if key != k {
					continue
				}
				for j := m.start[i]; j < m.start[i+1]; j++ {
					out[m.cls[j]] += int32(math.Round(float64(m.w[j] / m.scale)))
				}
			}
		}
		return out
	}
	got := make([]int32, nc)
	fs := make([]float32, nc)
	for _, f := range feats[:200] {
		m.ScoreInt(f, got)
		m.Score(f, fs)
		w := want(f)
		for c := range w {
			if got[c] != w[c] || fs[c] != float32(w[c])*m.scale {
				t.Fatalf("class %d: ScoreInt %d, Score %v, want %d", c, got[c], fs[c], w[c])
			}
		}
	}
	// ScoreIntHandles of the features' handles (and of a feature absent from the model)
	// scores as ScoreInt
	for _, f := range feats[:200] {
		hs := []uint32{m.Handle(Hash(777777))}
		for _, x := range f {
			hs = append(hs, m.Handle(x))
		}
		m.ScoreIntHandles(hs, got)
		for c, w := range want(f) {
			if got[c] != w {
				t.Fatalf("class %d: ScoreIntHandles %d, want %d", c, got[c], w)
			}
		}
	}
	// nothing is written after the first NumClasses values
	guard := make([]int32, nc+40)
	for i := range guard {
		guard[i] = 12345
	}
	m.ScoreInt(feats[0], guard[:nc])
	m.ScoreIntParts(feats[1], []int{len(feats[1])}, [][]int32{guard[:nc]})
	for i, v := range guard[nc:] {
		if v != 12345 {
			t.Fatalf("value %d after the scores overwritten: %d", nc+i, v)
		}
	}
	// more features than one chunk
	var long []uint64
	for _, f := range feats[:100] {
		long = append(long, f...)
	}
	m.ScoreInt(long, got)
	for c, w := range want(long) {
		if got[c] != w {
			t.Fatalf("%d features: class %d: ScoreInt %d, want %d", len(long), c, got[c], w)
		}
	}
	// around the sizes of the stack arrays (smallChunk, chunk): ScoreInt, ScoreIntHandles
	// and a ScoreIntParts of two parts
	for _, n := range []int{smallChunk - 1, smallChunk, smallChunk + 1, 2 * smallChunk, chunk - 1, chunk, chunk + 1} {
		f := long[:n]
		hs := make([]uint32, 0, n)
		for _, x := range f {
			hs = append(hs, m.Handle(x))
		}
		out := [][]int32{make([]int32, nc), make([]int32, nc)}
		w, w0, w1 := want(f), want(f[:n/2]), want(f[n/2:])
		m.ScoreInt(f, got)
		if n <= chunk {
			m.ScoreIntParts(f, []int{n / 2, n}, out)
		}
		for c := range w {
			if got[c] != w[c] {
				t.Fatalf("%d features: class %d: ScoreInt %d, want %d", n, c, got[c], w[c])
			}
			if n <= chunk && (out[0][c] != w0[c] || out[1][c] != w1[c]) {
				t.Fatalf("%d features: class %d: ScoreIntParts %d, %d, want %d, %d", n, c, out[0][c], out[1][c], w0[c], w1[c])
			}
		}
		if n <= chunk {
			m.ScoreIntHandles(hs, got)
			for c := range w {
				if got[c] != w[c] {
					t.Fatalf("%d handles: class %d: ScoreIntHandles %d, want %d", n, c, got[c], w[c])
				}
			}
		}
	}
	if n := testing.AllocsPerRun(100, func() { m.ScoreInt(feats[0], got) }); n != 0 {
		t.Fatalf("ScoreInt allocates %v times", n)
	}
	// ScoreIntParts: each part scores as ScoreInt on its own, also an empty part, and with
	// more features than one chunk (the fallback)
	for _, k := range []int{3, 50} {
		var all []uint64
		var ends []int
		var out [][]int32
		for i := 0; i < k; i++ {
			if i != 1 {
				all = append(all, feats[i]...)
			}
			ends = append(ends, len(all))
			out = append(out, make([]int32, nc))
		}
		m.ScoreIntParts(all, ends, out)
		for i := 0; i < k; i++ {
			var f []uint64
			if i != 1 {
				f = feats[i]
			}
			m.ScoreInt(f, got)
			for c := range got {
				if out[i][c] != got[c] {
					t.Fatalf("%d parts: part %d class %d: %d, ScoreInt %d", k, i, c, out[i][c], got[c])
				}
			}
		}
	}
}
