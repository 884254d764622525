// Package perceptron is the averaged multi-class perceptron shared by faultline's
// statistical models (part-of-speech tagger, dependency parser, entity tagger).
//
// Features are 64-bit hashes: a model never stores feature strings. Build them with Hash,
// HashString and Mix (or any other stable 64-bit hash; 0 is a valid key). A Trainer learns
// per-class weights for each feature online:
//
//	tr := perceptron.NewTrainer(len(classes))
//	rng := tr.Rand(seed) // deterministic shuffling
//	for epoch := 0; epoch < n; epoch++ {
//		for _, i := range rng.Perm(len(examples)) {
//			feats := extract(examples[i])
//			guess := tr.Predict(feats, scores)
//			tr.Update(feats, examples[i].class, guess) // no-op when guess is right
//		}
//	}
//	m := tr.Model(classes, 0.001) // averaged weights, small ones pruned
//
// Update counts one example each time it is called, so call it for every example (also when
// the guess is right): averaging is over examples seen. Model returns the averaged weights
// as a compact, read-only Model whose Score and Predict do not allocate: the caller passes a
// score buffer of NumClasses entries. A Model is safe for concurrent use; a Trainer is not.
//
// Models serialise with WriteTo and Read in a small binary format: weights are quantised
// to 16 bits with one scale per model, so a weight costs 4 bytes (class + value) and a
// feature 12 bytes.
//
// In memory, features are found in an open-addressed hash table; a feature with few weights
// keeps them as a sparse (class, weight) list, one with many (models of up to 256 classes)
// as a dense row of 16-bit weights, four to a 64-bit word, summed with AVX2 (eight classes
// per instruction) where the processor has it and two classes per 64-bit addition
// elsewhere. ScoreInt sums the quantised weights as integers: the sums are exact, so
// callers may split a feature set into parts, cache the parts' scores and add them up later
// with the same result; ScoreIntParts scores several such parts in one pass.
//
// Scoring waits on memory far more than it computes (a large model's tables are tens of
// megabytes read at random places), so lookups are made in passes of independent loads
// that the processor overlaps, and on Linux the tables ask for transparent huge pages.
package perceptron

import (
	"math"
	"math/rand"
	"sort"
)

// Hash returns the feature key of template t with no value, e.g. a bias feature.
func Hash(t uint64) uint64 { return mix64(t*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) }

// Mix combines a key with one more value (a template id, an id, a hash).
func Mix(h, v uint64) uint64 {
	return mix64(h ^ (v + 0x9E3779B97F4A7C15 + (h << 6) + (h >> 2)))
}

// HashString combines a key with a string value (FNV-1a, then mixed).
func HashString(h uint64, s string) uint64 {
	f := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		f ^= uint64(s[i])
		f *= 1099511628211
	}
	return Mix(h, f)
}

// mix64 is the SplitMix64 finaliser.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// keyBits is the number of feature-key bits a Model keeps: with a million features, an
// unseen feature matches a stored one with probability about 1e-6, and keys cost 3 bytes
// instead of 8 in the file.
const keyBits = 40

const keyMask = 1<<keyBits - 1

// entry is one class weight of a feature during training: w the current weight, u the sum
// of c·Δw over updates, so the average after C examples is w - u/C (Daumé's trick).
type entry struct {
	class uint16
	w     float32
	u     float64
}

// Trainer learns an averaged perceptron online. It is not safe for concurrent use.
type Trainer struct {
	nclass int
	index  map[uint64]int32
	rows   [][]entry
	c      float64 // examples seen, starting at 1
}

// NewTrainer returns a trainer for nclass classes (at most 65535).
func NewTrainer(nclass int) *Trainer {
	if nclass <= 0 || nclass > math.MaxUint16 {
		panic("perceptron: class count out of range")
	}
	return &Trainer{nclass: nclass, index: make(map[uint64]int32), c: 1}
}

// NumClasses returns the number of classes.
func (t *Trainer) NumClasses() int { return t.nclass }

// Rand returns a deterministic random source for shuffling examples.
func (t *Trainer) Rand(seed int64) *rand.Rand { return rand.New(rand.NewSource(seed)) }

// Score sets scores[k] to the current (not averaged) score of class k for feats.
// len(scores) must be at least NumClasses.
func (t *Trainer) Score(feats []uint64, scores []float64) {
	scores = scores[:t.nclass]
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += float64(e.w)
		}
	}
}

// Predict returns the best class under the current weights (ties go to the lowest class),
// leaving the scores in scores.
func (t *Trainer) Predict(feats []uint64, scores []float64) int {
	t.Score(feats, scores)
	return Argmax64(scores[:t.nclass])
}

// Update counts one example: when guess differs from truth, each feature's weight for
// truth goes up by one and for guess down by one.
func (t *Trainer) Update(feats []uint64, truth, guess int) {
	t.UpdateBy(feats, truth, guess, 1)
}

// UpdateBy is Update with a step size (e.g. a cost).
func (t *Trainer) UpdateBy(feats []uint64, truth, guess int, step float32) {
	if truth != guess {
		for _, f := range feats {
			t.add(f, truth, step)
			t.add(f, guess, -step)
		}
	}
	t.c++
}

// Tick counts one example without updating (same as Update with truth == guess).
func (t *Trainer) Tick() { t.c++ }

func (t *Trainer) add(f uint64, class int, d float32) {
	if class < 0 {
		return
	}
	r, ok := t.index[f]
	if !ok {
		r = int32(len(t.rows))
		t.index[f] = r
		t.rows = append(t.rows, make([]entry, 0, 2))
	}
	row := t.rows[r]
	for i := range row {
		if int(row[i].class) == class {
			row[i].w += d
			row[i].u += t.c * float64(d)
			return
		}
	}
	t.rows[r] = append(row, entry{class: uint16(class), w: d, u: t.c * float64(d)})
}

// NumFeatures returns the number of features with at least one weight.
func (t *Trainer) NumFeatures() int { return len(t.rows) }

// Model returns the averaged model. Averaged weights with absolute value below prune are
// dropped, as are features left without weights. classes names the classes (may be nil).
func (t *Trainer) Model(classes []string, prune float64) *Model {
	type kv struct {
		key uint64
		row int32
	}
	keys := make([]kv, 0, len(t.index))
	for k, r := range t.index {
		keys = append(keys, kv{k & keyMask, r})
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].key != keys[j].key {
			return keys[i].key < keys[j].key
		}
		return keys[i].row < keys[j].row
	})
	var (
		fkeys []uint64
		start = []uint32{0}
		cls   []uint16
		ws    []float32
	)
	for ki, k := range keys {
		if ki > 0 && keys[ki-1].key == k.key {
			continue // merged below
		}
		row := append([]entry(nil), t.rows[k.row]...)
		// features whose keys collide in keyBits bits share their weights
		for kj := ki + 1; kj < len(keys) && keys[kj].key == k.key; kj++ {
		next:
			for _, e := range t.rows[keys[kj].row] {
				for i := range row {
					if row[i].class == e.class {
						row[i].w += e.w
						row[i].u += e.u
						continue next
					}
				}
				row = append(row, e)
			}
		}
		sort.Slice(row, func(i, j int) bool { return row[i].class < row[j].class })
		n := 0
		for _, e := range row {
			avg := float64(e.w) - e.u/t.c
			if math.Abs(avg) < prune || avg == 0 {
				continue
			}
			cls = append(cls, e.class)
			ws = append(ws, float32(avg))
			n++
		}
		if n > 0 {
			fkeys = append(fkeys, k.key)
			start = append(start, uint32(len(cls)))
		}
	}
	m := &Model{Classes: append([]string(nil), classes...), nclass: t.nclass, kmask: keyMask, keys: fkeys, start: start, cls: cls, w: ws}
	m.quantise()
	m.build()
	return m
}

// Argmax64 returns the index of the largest score (the first one on ties), -1 if empty.
func Argmax64(scores []float64) int {
	best := -1
	bv := math.Inf(-1)
	for i, s := range scores {
		if s > bv {
			best, bv = i, s
		}
	}
	return best
}

// Argmax returns the index of the largest score (the first one on ties), -1 if empty.
func Argmax(scores []float32) int {
	best := -1
	bv := float32(math.Inf(-1))
	for i, s := range scores {
		if s > bv {
			best, bv = i, s
		}
	}
	return best
}
