//go:build linux && amd64

package pos

import (
	"math/rand/v2"
	"slices"
	"syscall"
	"testing"
	"unsafe"
)

// guarded returns a page of memory followed by one that faults when touched, so that a
// slice ending at the page's end crashes whoever reads or writes past it.
func guarded(t *testing.T) []byte {
	ps := syscall.Getpagesize()
	m, err := syscall.Mmap(-1, 0, 2*ps, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	t.Cleanup(func() { syscall.Munmap(m) })
	if err := syscall.Mprotect(m[ps:], syscall.PROT_NONE); err != nil {
		t.Skipf("mprotect: %v", err)
	}
	return m[:ps]
}

// tailOf returns the last n values of type T that fit in page.
func tailOf[T uint64 | int32](page []byte, n int) []T {
	var z T
	size := int(unsafe.Sizeof(z))
	return unsafe.Slice((*T)(unsafe.Pointer(&page[len(page)-n*size])), n)
}

// TestKernelBounds checks that the AVX2 kernels read and write no lane past their
// vectors (masked tails): their vectors end where memory stops, for every number of classes
// up to 130, and they must still compute what the Go code does.
func TestKernelBounds(t *testing.T) {
	if !useAVX2 {
		t.Skip("no AVX2 kernel on this processor")
	}
	defer func() { useAVX2 = true }()
	vecPage, srcPage, dstPage := guarded(t), guarded(t), guarded(t)
	r := rand.New(rand.NewPCG(5, 6))
	for nc := 1; nc <= 130; nc++ {
		pl := (nc + 1) / 2
		vs, tmp := randBest(r, nc, 50)
		v := tailOf[uint64](vecPage, pl) // one vector four times: the kernel only reads them
		src := tailOf[int32](srcPage, nc)
		copy(v, vs[0])
		copy(src, tmp)
		b0, bv0, sv0 := bestClassGo(vs[0], vs[0], vs[0], vs[0], tmp, nc)
		if b, bv, sv := bestClass(v, v, v, v, src, nc); b != b0 || bv != bv0 || sv != sv0 {
			t.Fatalf("nc %d: bestClass = %d, %d, %d, want %d, %d, %d", nc, b, bv, sv, b0, bv0, sv0)
		}
		dst := tailOf[uint64](dstPage, pl)
		addLanes(dst, v, src)
		want := make([]uint64, pl)
		useAVX2 = false
		addLanes(want, vs[0], tmp[:nc])
		useAVX2 = true
		if !slices.Equal(dst, want) {
			t.Fatalf("nc %d: addLanes = %x, want %x", nc, dst, want)
		}
	}
}
