package timex_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/timex"
)

type rtResolution map[string]string

type rtCase struct {
	Input   string `json:"Input"`
	Context struct {
		ReferenceDateTime string `json:"ReferenceDateTime"`
	} `json:"Context"`
	Results []struct {
		Text     string `json:"Text"`
		TypeName string `json:"TypeName"`
		Start    int    `json:"Start"`
		End      *int   `json:"End"`
		Length   *int   `json:"Length"`
		Value    *struct {
			Past   rtResolution `json:"PastResolution"`
			Future rtResolution `json:"FutureResolution"`
		} `json:"Value"`
		Resolution struct {
			Values []map[string]string `json:"values"`
		} `json:"Resolution"`
	} `json:"Results"`
}

type expected struct {
	start, end int // byte offsets
	ranges     [][2]string
}

// rtDateFloors are the pass rates this package must keep, per file.
var rtDateFloors = map[string]float64{
	"DateTime/English/DateParser.json":       0.9,
	"DateTime/English/DatePeriodParser.json": 0.9,
	"DateTime/English/DateTimeModel.json":    0.9,
}

// TestRecognizersDates reports the pass rate on the Recognizers-Text date,
// date period and date-time cases that have a reference date, scored as
// ../shared/tools/rt.py scores them: every expected date or date range is
// found at an overlapping span with From equal to its past or future start
// and To equal to its end (inclusive, or the spec's exclusive end).
//
// Left out of the rate, as outside news use or unscoreable: results the
// spec leaves unresolved (seasons: "not resolved"), open-ended results it
// gives without both ends, and cases whose only expected results are times
// of day or sets (those are not dates and carry no date type).
func TestRecognizersDates(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "datasets", "recognizers-text")
	tx, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	verbose := os.Getenv("VERBOSE") != ""
	for _, file := range []string{"DateTime/English/DateParser.json", "DateTime/English/DatePeriodParser.json", "DateTime/English/DateTimeModel.json"} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		var cases []rtCase
		if err := json.Unmarshal(b, &cases); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		passed, total, left := 0, 0, 0
		for _, c := range cases {
			if c.Context.ReferenceDateTime == "" {
				continue
			}
			exp, skipped := expectations(c)
			if len(exp) == 0 {
				if skipped {
					left++
				}
				continue
			}
			total++
			times := tx.Resolve(c.Input, c.Context.ReferenceDateTime[:10])
			if datesPass(exp, times) {
				passed++
			} else if verbose {
				var got []string
				for _, x := range times {
					got = append(got, x.Text+"="+x.From+".."+x.To)
				}
				t.Logf("fail %s %q %v: %v", c.Context.ReferenceDateTime[:10], c.Input, exp[0].ranges, got)
			}
		}
		rate := float64(passed) / float64(total)
		t.Logf("%s: %d/%d = %.3f (%d left out)", file, passed, total, rate, left)
		if rate < rtDateFloors[file] {
			t.Errorf("%s: pass rate %.3f below %.2f", file, rate, rtDateFloors[file])
		}
	}
}

func expectations(c rtCase) ([]expected, bool) {
	var out []expected
	skipped := false
	for _, r := range c.Results {
		var ranges [][2]string
		if r.Value != nil {
			for _, res := range []rtResolution{r.Value.Past, r.Value.Future} {
				if d, ok := res["date"]; ok {
					ranges = append(ranges, [2]string{d, d})
				} else if s, ok := res["startDate"]; ok {
					if e, ok := res["endDate"]; ok {
						ranges = append(ranges, [2]string{s, e})
					}
				}
			}
		} else {
			if r.TypeName != "datetimeV2.date" && r.TypeName != "datetimeV2.daterange" {
				continue
			}
			for _, v := range r.Resolution.Values {
				if x, ok := v["value"]; ok && x != "not resolved" {
					ranges = append(ranges, [2]string{x, x})
				} else if s, ok := v["start"]; ok {
					if e, ok := v["end"]; ok {
						ranges = append(ranges, [2]string{s, e})
					}
				}
			}
		}
		if len(ranges) == 0 {
			skipped = true
			continue
		}
		start := byteOffset(c.Input, r.Start)
		var end int
		switch {
		case r.Length != nil:
			end = byteOffset(c.Input, r.Start+*r.Length)
		case r.End != nil:
			end = byteOffset(c.Input, *r.End+1)
		}
		out = append(out, expected{start, end, ranges})
	}
	return out, skipped
}

func byteOffset(s string, n int) int {
	i := 0
	for k := range s {
		if i == n {
			return k
		}
		i++
	}
	return len(s)
}

func datesPass(exp []expected, times []doc.Time) bool {
	for _, e := range exp {
		ok := false
		for _, x := range times {
			if !(x.Start < e.end && e.start < x.End) {
				continue
			}
			for _, r := range e.ranges {
				if x.From != r[0] {
					continue
				}
				if x.To == r[1] {
					ok = true
				} else if r[0] != r[1] {
					if d, err := time.Parse("2006-01-02", r[1]); err == nil && x.To == d.AddDate(0, 0, -1).Format("2006-01-02") {
						ok = true
					}
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
