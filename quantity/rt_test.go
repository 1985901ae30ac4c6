package quantity_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/quantity"
	"github.com/parallaxnews/parallax/timex"
)

type rtCase struct {
	Input   string `json:"Input"`
	Results []struct {
		Text       string `json:"Text"`
		TypeName   string `json:"TypeName"`
		Start      int    `json:"Start"`
		End        int    `json:"End"`
		Resolution struct {
			Value *string `json:"value"`
		} `json:"Resolution"`
	} `json:"Results"`
}

// rtNumberFloors are the pass rates this package must keep, per file.
var rtNumberFloors = map[string]float64{
	"Number/English/NumberModel.json":            0.95,
	"Number/English/NumberRangeModel.json":       0.95,
	"NumberWithUnit/English/DimensionModel.json": 0.95,
}

// TestRecognizersNumbers reports the pass rate on the Recognizers-Text
// number, number range and dimension cases, scored as
// ../shared/tools/rt.py scores them: a case passes when every expected
// figure is found at an overlapping span with the same value (open range
// ends open), and a case expecting nothing gets no quantity without a unit.
//
// Left out of the rate: expected results that carry no value at all (a
// bare unit name such as "metric ton" or "mcg"), which no figure can match.
func TestRecognizersNumbers(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "datasets", "recognizers-text")
	tx, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	qa, err := quantity.New()
	if err != nil {
		t.Fatal(err)
	}
	verbose := os.Getenv("VERBOSE") != ""
	for _, file := range []string{"Number/English/NumberModel.json", "Number/English/NumberRangeModel.json", "NumberWithUnit/English/DimensionModel.json"} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		var cases []rtCase
		if err := json.Unmarshal(b, &cases); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		passed, total, left := 0, 0, 0
	cases:
		for _, c := range cases {
			for _, r := range c.Results {
				if r.Resolution.Value == nil {
					left++
					continue cases
				}
			}
			total++
			a := doc.NewAnalysis(doc.Document{Text: c.Input, Lang: "en"})
			tx.Annotate(a)
			qa.Annotate(a)
			if rtNumbersPass(c, a.Quantities) {
				passed++
			} else if verbose {
				t.Logf("fail %q: %s", c.Input, describe(a.Quantities))
			}
		}
		rate := float64(passed) / float64(total)
		t.Logf("%s: %d/%d = %.3f (%d left out)", file, passed, total, rate, left)
		if rate < rtNumberFloors[file] {
			t.Errorf("%s: pass rate %.3f below %.2f", file, rate, rtNumberFloors[file])
		}
	}
}

func describe(qs []doc.Quantity) string {
	var sb strings.Builder
	for _, q := range qs {
		sb.WriteString("[" + q.Text + " " + fmtBound(q.Low) + ".." + fmtBound(q.High) + " " + q.Unit + "]")
	}
	return sb.String()
}

func fmtBound(f *float64) string {
	if f == nil {
		return "nil"
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func closeTo(a *float64, b float64) bool {
	return a != nil && math.Abs(*a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(*a), math.Abs(b)))
}

// byteOffset returns the byte offset of rune index n in s.
func byteOffset(s string, n int) int {
	i := 0
	for k := range s {
		if i == n {
			return k
		}
		i++
	}
	if i == n {
		return len(s)
	}
	return utf8.RuneCountInString(s) + len(s)
}

func rtNumbersPass(c rtCase, qs []doc.Quantity) bool {
	if len(c.Results) == 0 {
		for _, q := range qs {
			if q.Unit == "" {
				return false
			}
		}
		return true
	}
	for _, r := range c.Results {
		s, e := byteOffset(c.Input, r.Start), byteOffset(c.Input, r.End+1)
		v := *r.Resolution.Value
		ok := false
		for _, q := range qs {
			if !(q.Start < e && s < q.End) {
				continue
			}
			if r.TypeName == "numberrange" {
				lo, hi, _ := strings.Cut(v[1:len(v)-1], ",")
				okLo := q.Low == nil
				if lo != "" {
					x, _ := strconv.ParseFloat(lo, 64)
					okLo = closeTo(q.Low, x)
				}
				okHi := q.High == nil
				if hi != "" {
					x, _ := strconv.ParseFloat(hi, 64)
					okHi = closeTo(q.High, x)
				}
				ok = okLo && okHi
			} else {
				x, err := strconv.ParseFloat(v, 64)
				ok = err == nil && (closeTo(q.Low, x) || closeTo(q.High, x))
			}
			if ok {
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
