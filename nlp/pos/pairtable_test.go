package pos

import (
	"math"
	"testing"
)

// TestPairTable checks pairTable against a map, growing from a small table, and clear.
func TestPairTable(t *testing.T) {
	tb := newPairTable(2)
	ref := map[uint32]int32{}
	x := uint32(1)
	for i := 0; i < 20000; i++ {
		x = x*1664525 + 1013904223
		key := x % 5000 * maxSlots / 64 // collisions of the low bits, repeats
		if i%7 == 0 {
			key = math.MaxUint32 - 1
		}
		got, pos := tb.find(key)
		want, ok := ref[key]
		if !ok {
			want = -1
		}
		if got != want {
			t.Fatalf("find(%d) = %d, want %d", key, got, want)
		}
		if !ok {
			ref[key] = int32(i)
			tb.insert(key, int32(i), pos)
		}
	}
	if tb.n != len(ref) {
		t.Fatalf("%d entries, %d keys", tb.n, len(ref))
	}
	tb.clear()
	if v, _ := tb.find(0); v != -1 || tb.n != 0 {
		t.Fatal("clear left a key")
	}
}
