package perceptron

import (
	"syscall"
	"unsafe"
)

// madvCollapse is Linux's MADV_COLLAPSE (since 6.1), which package syscall lacks.
const madvCollapse = 25

// adviseHuge asks the kernel to back a large slice's memory with transparent huge pages:
// MADV_HUGEPAGE, then MADV_COLLAPSE to move the pages already written into huge pages at
// once. A model's tables are tens of megabytes read at random places; with 4 KiB pages
// nearly every lookup also misses the TLB, which on a virtual machine costs a two-level
// page walk. Errors (an older kernel, huge pages disabled) are ignored: the advice
// changes speed only.
func adviseHuge[T any](s []T) {
	var zero T
	n := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if n < 4<<20 {
		return // smaller tables fit in fewer TLB entries anyway
	}
	const page = 4096
	p := unsafe.Pointer(unsafe.SliceData(s))
	skip := (page - uintptr(p)%page) % page // to the first page boundary
	if n <= skip+page {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Add(p, skip)), (n-skip)&^(page-1))
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
	_ = syscall.Madvise(b, madvCollapse)
}
