package quantity_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/quantity"
	"github.com/parallaxnews/parallax/timex"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden runs the time and quantity layers over the sentences of
// testdata/*.txtar (written for Parallax) and compares them with the
// sections:
//
//	-- published --     YYYY-MM-DD (optional)
//	-- times --         surface | from | to | granularity        ("-" for none)
//	-- quantities --    surface | low | high | approx | unit     ("-" for none)
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	tx, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	qa, err := quantity.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string]string{}
			for _, f := range ar.Files {
				sec[f.Name] = string(f.Data)
			}
			a := doc.NewAnalysis(doc.Document{Text: strings.TrimSuffix(sec["input"], "\n"), Published: strings.TrimSpace(sec["published"])})
			tx.Annotate(a)
			qa.Annotate(a)
			got := map[string]string{"times": formatTimes(a.Times), "quantities": formatQuantities(a.Quantities)}
			if *update {
				for i, f := range ar.Files {
					if g, ok := got[f.Name]; ok {
						ar.Files[i].Data = []byte(g)
						delete(got, f.Name)
					}
				}
				for _, name := range []string{"times", "quantities"} {
					if g, ok := got[name]; ok {
						ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(g)})
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"times", "quantities"} {
				if got[name] != sec[name] {
					t.Errorf("-- %s --\ngot:\n%swant:\n%s", name, got[name], sec[name])
				}
			}
		})
	}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func formatTimes(ts []doc.Time) string {
	var sb strings.Builder
	for _, x := range ts {
		sb.WriteString(x.Text + " | " + dash(x.From) + " | " + dash(x.To) + " | " + x.Granularity + "\n")
	}
	return sb.String()
}

func bound(f *float64) string {
	if f == nil {
		return "-"
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func formatQuantities(qs []doc.Quantity) string {
	var sb strings.Builder
	for _, q := range qs {
		sb.WriteString(q.Text + " | " + bound(q.Low) + " | " + bound(q.High) + " | " + q.Approx + " | " + dash(q.Unit) + "\n")
	}
	return sb.String()
}
