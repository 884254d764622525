package pos

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// randBest returns four packed vectors of nc scores and the scores tmp for bestClass, the
// scores drawn from [-span, span) (small spans make ties).
func randBest(r *rand.Rand, nc int, span int32) (vs [4][]uint64, tmp []int32) {
	pl := (nc + 1) / 2
	for k := range vs {
		src := make([]int32, nc)
		for c := range src {
			src[c] = r.Int32N(2*span) - span
		}
		vs[k] = make([]uint64, pl) // exactly long enough: the kernel must read nothing past it
		pack(vs[k], src)
	}
	tmp = make([]int32, nc+1)
	for c := range tmp[:nc] {
		tmp[c] = r.Int32N(2*span) - span
	}
	return vs, tmp
}

// TestBestClass checks bestClass (the AVX2 kernel where there is one) against
// bestClassGo on random scores, ties among them, for every number of classes up to 130.
func TestBestClass(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for nc := 1; nc <= 130; nc++ {
		for _, span := range []int32{1, 3, 50, 1 << 19} {
			for range 40 {
				checkBest(t, r, nc, span)
			}
		}
	}
}

// checkBest checks bestClass against bestClassGo on scores of randBest(r, nc, span), and
// that it writes nothing past its classes.
func checkBest(t *testing.T, r *rand.Rand, nc int, span int32) {
	t.Helper()
	vs, tmp := randBest(r, nc, span)
	ref := slices.Clone(tmp)
	b0, bv0, sv0 := bestClassGo(vs[0], vs[1], vs[2], vs[3], ref, nc)
	b1, bv1, sv1 := bestClass(vs[0], vs[1], vs[2], vs[3], tmp, nc)
	if b0 != b1 || bv0 != bv1 || sv0 != sv1 {
		t.Fatalf("nc %d span %d: bestClass = %d, %d, %d, want %d, %d, %d", nc, span, b1, bv1, sv1, b0, bv0, sv0)
	}
	if tmp[nc] != ref[nc] {
		t.Fatalf("nc %d: bestClass wrote past its classes", nc)
	}
}

// FuzzBestClass is TestBestClass on fuzzed seeds and class counts.
func FuzzBestClass(f *testing.F) {
	f.Add(uint64(1), uint8(102), int32(3))
	f.Add(uint64(7), uint8(17), int32(1<<19))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, span int32) {
		nc := int(n)%200 + 1
		span = max(1, min(span&(1<<20-1), 1<<19))
		checkBest(t, rand.New(rand.NewPCG(seed, 0)), nc, span)
	})
}

// packRef is pack as it was written first: the reference of TestPack.
func packRef(dst []uint64, src []int32) {
	for j := range dst {
		var hi int32
		if 2*j+1 < len(src) {
			hi = src[2*j+1]
		}
		dst[j] = uint64(uint32(src[2*j]+laneBias)) | uint64(uint32(hi+laneBias))<<32
	}
}

// TestPack checks pack against packRef, and addLanes of a packed vector and scores
// against the 64-bit sum of the vector and the packed scores minus their bias (how
// modelParts.prevWord added the local part first), for scores of cached parts (|v| < 2^20)
// and every number of classes up to 300, and that neither writes past its vector.
func TestPack(t *testing.T) {
	defer func(v bool) { useAVX2 = v }(useAVX2)
	for _, avx := range []bool{false, useAVX2} { // the Go code, then the kernel if there is one
		useAVX2 = avx
		testPack(t)
	}
}

func testPack(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for nc := 0; nc <= 300; nc++ {
		pl := (nc + 1) / 2
		for range 20 {
			src, self := make([]int32, nc), make([]int32, nc)
			for c := range src {
				src[c] = r.Int32N(1<<21) - 1<<20
				self[c] = r.Int32N(1<<21) - 1<<20
			}
			want, got := make([]uint64, pl+1), make([]uint64, pl+1)
			want[pl], got[pl] = 7, 7
			packRef(want[:pl], src)
			pack(got[:pl], src)
			if !slices.Equal(got, want) {
				t.Fatalf("nc %d: pack = %x, want %x", nc, got, want)
			}
			base := make([]uint64, pl)
			packRef(base, self)
			packRef(want[:pl], src)
			for j := range want[:pl] {
				want[j] += base[j] - wordBias
			}
			addLanes(got[:pl], base, src)
			if !slices.Equal(got, want) {
				t.Fatalf("nc %d: addLanes = %x, want %x", nc, got, want)
			}
		}
	}
}
