package quantity_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/golden"
	"github.com/parallaxnews/parallax/quantity"
	"github.com/parallaxnews/parallax/timex"
)

// TestGolden runs the time and quantity layers over the sentences of
// testdata/*.txtar (written for Parallax) and compares them with the
// sections:
//
//	-- published --     YYYY-MM-DD (optional)
//	-- times --         surface | from | to | granularity        ("-" for none)
//	-- quantities --    surface | low | high | approx | unit     ("-" for none)
func TestGolden(t *testing.T) {
	tx, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	qa, err := quantity.New()
	if err != nil {
		t.Fatal(err)
	}
	golden.Run(t, []string{"times", "quantities"}, func(t *testing.T, sec golden.Sections) golden.Sections {
		a := doc.NewAnalysis(doc.Document{Text: strings.TrimSuffix(sec["input"], "\n"), Published: strings.TrimSpace(sec["published"])})
		tx.Annotate(a)
		qa.Annotate(a)
		return golden.Sections{"times": formatTimes(a.Times), "quantities": formatQuantities(a.Quantities)}
	})
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
