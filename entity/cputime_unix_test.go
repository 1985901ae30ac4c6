//go:build unix

package entity

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the test process has used, so that
// benchmarks on a shared machine can report throughput per core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
