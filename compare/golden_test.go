package compare

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/golden"
)

// TestGolden pins the comparison, timeline and silences of generated
// records (testdata/*.txtar: the section "records" gives their number)
// mixed with what real reporting has besides plain figures: claims without
// an event, parts of other figures, increments, running totals, relayed
// claims, documents without an outlet, open bounds, approximations, and a
// figure only one side gives.
// Run with -update to rewrite the outputs.
func TestGolden(t *testing.T) {
	golden.Run(t, []string{"report.json", "timeline.json", "silences.json"}, func(t *testing.T, in golden.Sections) golden.Sections {
		n, err := strconv.Atoi(strings.TrimSpace(in["records"]))
		if err != nil {
			t.Fatalf("records: %v", err)
		}
		recs := variedRecords(n)
		rep, tl := Analyze(recs, Options{})
		out := golden.Sections{}
		for name, v := range map[string]any{"report.json": rep, "timeline.json": tl,
			"silences.json": [][]Silence{Silences(recs, "KG", ""), Silences(recs, "TJ", "KG")}} {
			b, err := json.MarshalIndent(v, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			out[name] = string(b) + "\n"
		}
		return out
	})
}

// variedRecords returns n generated records (GenerateRecords) of which
// some have the variants real reports have.
func variedRecords(n int) []Record {
	recs := GenerateRecords(n)
	via := []string{"Agency X", "the Kyrgyz side"}
	for i := range recs {
		r := &recs[i]
		if i/20%13 == 0 {
			r.Outlet = "" // the whole document
		}
		// Only the Kyrgyz side counts its displaced: a silence of the others.
		if r.Metric == "displaced" {
			r.About = "KG"
			if r.Side != "KG" {
				r.Metric = "missing"
			}
		}
		switch i % 17 {
		case 3:
			r.Event = nil
		case 5:
			r.Breakdown = true
		case 7:
			r.Increment = true
		case 9:
			r.Total = true
		case 11:
			r.Via = via
		case 12:
			r.Speaker = ""
		case 13:
			r.Low = nil
		case 14:
			r.Approx = doc.ApproxAbout
		case 15:
			r.Evidence = doc.EvidenceNoneGiven
		}
	}
	return recs
}
