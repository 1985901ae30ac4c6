package hugepage

import (
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// advise marks the whole pages of [p, p+n) with MADV_HUGEPAGE. An error
// (a kernel without transparent huge pages) changes nothing and is
// ignored.
func advise(p unsafe.Pointer, n uintptr) {
	page := uintptr(os.Getpagesize())
	off := (page - uintptr(p)%page) % page
	if n <= off {
		return
	}
	size := (n - off) / page * page
	if size == 0 {
		return
	}
	_ = unix.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, off)), size), unix.MADV_HUGEPAGE)
}
