package sharedtest

import (
	"runtime"
	"testing"
)

// recorder records whether Dir skipped or failed, stopping the goroutine
// the way the testing package does.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Skip(...any)           { r.skipped = true; runtime.Goexit() }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; runtime.Goexit() }

func run(t *testing.T, parts ...string) (*recorder, string) {
	r := &recorder{TB: t}
	var got string
	done := make(chan struct{})
	go func() {
		defer close(done)
		got = Dir(r, parts...)
	}()
	<-done
	return r, got
}

func TestDir(t *testing.T) {
	t.Setenv("PARALLAX_SHARED", "")
	if r, _ := run(t); !r.skipped || r.failed {
		t.Errorf("unset: skipped %v failed %v, want a skip", r.skipped, r.failed)
	}
	t.Setenv("PARALLAX_SHARED", t.TempDir())
	if r, _ := run(t, "missing"); r.skipped || !r.failed {
		t.Errorf("missing path: skipped %v failed %v, want a failure", r.skipped, r.failed)
	}
	if r, got := run(t); r.skipped || r.failed || got == "" {
		t.Errorf("present: skipped %v failed %v path %q", r.skipped, r.failed, got)
	}
}
