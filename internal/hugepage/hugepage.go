// Package hugepage asks the kernel to back large fresh arrays with huge
// pages.
//
// A comparison of a million claims fills a few hundred megabytes of
// fresh memory, and where the kernel maps it 4 KiB at a time (Linux with
// transparent huge pages set to "madvise", the default of many
// distributions) the page faults cost about a third of the comparison.
// Make marks the memory of a large array that the Go runtime has just
// taken from the kernel (never written to) as one that huge pages should
// back: a 2 MiB page is one fault instead of 512. Memory the runtime
// reuses is left as it is: its pages are there already, and a huge page
// would only be assembled again. Where the kernel cannot or will not,
// nothing changes.
package hugepage

import (
	"runtime/metrics"
	"unsafe"
)

// MinBytes is the size of the smallest array Make advises: smaller ones
// gain little, and each advice may split the kernel's map of the
// process's memory.
const MinBytes = 4 << 20

// untouched are the runtime's metrics of heap memory that the kernel has
// not backed: memory never mapped (the growth of the total) and memory
// returned to the kernel.
var untouched = [...]string{"/memory/classes/total:bytes", "/memory/classes/heap/released:bytes"}

// Make returns a slice of length n and capacity c of zero Ts, whose memory
// is advised for huge pages when it is large and fresh.
func Make[T any](n, c int) []T {
	var zero T
	size := uintptr(c) * unsafe.Sizeof(zero)
	if size < MinBytes {
		return make([]T, n, c)
	}
	var before, after [len(untouched)]metrics.Sample
	for i, name := range untouched {
		before[i].Name, after[i].Name = name, name
	}
	metrics.Read(before[:])
	s := make([]T, n, c)
	metrics.Read(after[:])
	grown := int64(after[0].Value.Uint64()) - int64(before[0].Value.Uint64())
	reclaimed := int64(before[1].Value.Uint64()) - int64(after[1].Value.Uint64())
	if uintptr(max(grown, 0)+max(reclaimed, 0)) >= size/2 {
		advise(unsafe.Pointer(unsafe.SliceData(s)), size)
	}
	return s
}
