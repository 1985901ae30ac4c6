// Package golden runs golden-file tests over txtar archives in testdata/:
// each archive holds an input section (and any parameter sections a test
// reads) and the output sections the test renders. With the -update flag
// the output sections are rewritten instead of compared.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Sections are the named files of one archive.
type Sections map[string]string

// Run calls render for every testdata/*.txtar, each in a subtest named
// after its file, with the archive's sections; render returns the output
// sections named in outputs. Each must equal the archive's section of that
// name; under -update the archive is rewritten instead: an output replaces
// the section of its name where it stands, and a new one is appended.
func Run(t *testing.T, outputs []string, render func(t *testing.T, in Sections) Sections) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files in testdata: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in := Sections{}
			for _, f := range ar.Files {
				in[f.Name] = string(f.Data)
			}
			got := render(t, in)
			if *update {
				rewrite(t, file, ar, outputs, got)
				return
			}
			for _, name := range outputs {
				if got[name] != in[name] {
					t.Errorf("%s differ (run go test -update):\n--- got\n%s--- want\n%s", name, got[name], in[name])
				}
			}
		})
	}
}

func rewrite(t *testing.T, file string, ar *txtar.Archive, outputs []string, got Sections) {
	done := map[string]bool{}
	for i, f := range ar.Files {
		if slices.Contains(outputs, f.Name) {
			ar.Files[i].Data = []byte(got[f.Name])
			done[f.Name] = true
		}
	}
	for _, name := range outputs {
		if !done[name] {
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got[name])})
		}
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}
