package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/doc"
)

// run runs the command line with stdin and returns stdout, stderr and the
// exit status.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := New(strings.NewReader(stdin), &out, &errb).Run(context.Background(), args)
	return out.String(), errb.String(), code
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const sample = "Clashes on the border\n\nFighting broke out near Kok-Tash. Both sides traded fire.\nSept. 16, 2022\n"

func TestAnalyzeJSONContract(t *testing.T) {
	p := writeFile(t, "a.txt", sample)
	out, errs, code := run(t, "", "analyze", "--json", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"document", "sentences", "entities", "times", "quantities", "attributions", "claims", "events", "rhetoric"} {
		v, ok := a[k]
		if !ok {
			t.Errorf("no %q in the analysis", k)
			continue
		}
		if k != "document" && !bytes.HasPrefix(v, []byte("[")) {
			t.Errorf("%q is %s, want an array", k, v)
		}
	}
	var d struct {
		Title, Published string
	}
	if err := json.Unmarshal(a["document"], &d); err != nil {
		t.Fatal(err)
	}
	if d.Title != "Clashes on the border" || d.Published != "2022-09-16" {
		t.Errorf("document = %+v, want the headline and the dateline's date", d)
	}
	var sents []struct{ Start, End int }
	if err := json.Unmarshal(a["sentences"], &sents); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sents {
		got = append(got, sample[s.Start:s.End])
	}
	want := []string{"Clashes on the border", "Fighting broke out near Kok-Tash.", "Both sides traded fire.", "Sept. 16, 2022"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

func TestAnalyzeReport(t *testing.T) {
	p := writeFile(t, "a.txt", sample)
	out, errs, code := run(t, "", "analyze", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "Clashes on the border\npublished 2022-09-16") {
		t.Errorf("report starts %q", out[:min(len(out), 80)])
	}
}

func TestAnalyzeJSONLines(t *testing.T) {
	in := `{"id":"a","text":"One. Two.","published":"2022-09-14"}
not json
{"id":"c","text":""}

{"id":"d","text":"Three.","published":"2022-09-14T10:00:00Z"}
`
	out, errs, code := run(t, in, "analyze", "--jsonl")
	if code != 1 {
		t.Errorf("exit %d, want 1 for the bad lines", code)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct {
			Document struct{ ID, Published string }
			Error    string
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		ids = append(ids, a.Document.ID+map[bool]string{true: "!", false: ""}[a.Error != ""])
		if a.Document.ID == "d" && a.Document.Published != "2022-09-14" {
			t.Errorf("published %q not normalised", a.Document.Published)
		}
	}
	if got := strings.Join(ids, ","); got != "a,!,c!,d" {
		t.Errorf("ids in order %q, want a,!,c!,d", got)
	}
	if n := strings.Count(errs, "\n"); n != 2 || !strings.Contains(errs, "-:2") || !strings.Contains(errs, "id c") {
		t.Errorf("stderr should name the two bad lines, got:\n%s", errs)
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	tests := []struct {
		name string
		args func(t *testing.T) []string
		code int
		msg  string
	}{
		{"missing file", func(*testing.T) []string { return []string{"analyze", "/nonexistent/x.txt"} }, 1, "/nonexistent/x.txt: no such file"},
		{"empty file", func(t *testing.T) []string { return []string{"analyze", writeFile(t, "e.txt", "")} }, 1, "e.txt: empty"},
		{"binary file", func(t *testing.T) []string {
			return []string{"analyze", writeFile(t, "b.bin", "\x00\x01\x02PK\x03\x04")}
		}, 1, "b.bin: binary"},
		{"no argument", func(*testing.T) []string { return []string{"analyze"} }, 2, "accepts 1 arg"},
		{"unknown flag", func(*testing.T) []string { return []string{"analyze", "--nope", "x"} }, 2, "unknown flag"},
		{"bad date", func(*testing.T) []string { return []string{"analyze", "--published", "soon", "x"} }, 2, "--published"},
		{"unknown command", func(*testing.T) []string { return []string{"frobnicate"} }, 2, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := run(t, "", tt.args(t)...)
			if code != tt.code || !strings.Contains(errs, tt.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.msg)
			}
			if code == 1 && strings.Count(errs, "\n") != 1 {
				t.Errorf("want one line on stderr, got %q", errs)
			}
		})
	}
}

func TestAnalyzeStdinWithReference(t *testing.T) {
	out, errs, code := run(t, "Talks resumed yesterday.", "analyze", "--json", "--published", "2022-09-20", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"published": "2022-09-20"`) {
		t.Errorf("reference date not applied:\n%s", out)
	}
}

// TestReportClaimParts checks that the report names a kind of people and
// a partial figure on a claim's line.
func TestReportClaimParts(t *testing.T) {
	text := "Nine civilians were killed when a drone struck the mosque."
	a := doc.NewAnalysis(doc.Document{ID: "d", Text: text})
	a.Claims = []doc.Claim{{ID: "c1", Metric: "killed", Low: doc.Float(9), High: doc.Float(9), Unit: doc.KindCivilians,
		Partial: true, Via: []string{}, Evidence: doc.EvidenceUnknown, Start: 0, End: 26, Text: text[:26]}}
	var b strings.Builder
	if err := writeReport(&b, a); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); !strings.Contains(out, "killed: civilians") || !strings.Contains(out, "a part only") {
		t.Errorf("report lacks the kind or the part:\n%s", out)
	}
}
