// Package sharedtest finds the shared corpora and datasets that tests and
// benchmarks measure Parallax on. Their folder comes from the environment
// variable PARALLAX_SHARED (CI sets it): a test that needs them skips with
// a message when it is unset, and fails when it is set but the path is
// missing, so that CI can never pass by skipping them.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the path of parts under PARALLAX_SHARED, skipping tb when the
// variable is unset and failing it when the path does not exist.
func Dir(tb testing.TB, parts ...string) string {
	tb.Helper()
	root := os.Getenv("PARALLAX_SHARED")
	if root == "" {
		tb.Skip("PARALLAX_SHARED is not set: skipping the test on the shared corpora")
	}
	p := filepath.Join(append([]string{root}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("PARALLAX_SHARED is set but %v", err)
	}
	return p
}
