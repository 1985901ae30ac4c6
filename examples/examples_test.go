package examples

import (
	"bufio"
	"encoding/json"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// document is one line of the corpus, with every field the corpus promises.
type document struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`
	Note      string `json:"note"`
}

const wantNote = "illustrative report written for Parallax; not a real article"

func readCorpus(t *testing.T) []document {
	t.Helper()
	var docs []document
	sc := bufio.NewScanner(BorderClash())
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		var d document
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("%s:%d: %v", BorderClashFile, n, err)
		}
		if _, err := dec.Token(); err != io.EOF {
			t.Fatalf("%s:%d: trailing data after the JSON object", BorderClashFile, n)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestCorpusDocuments(t *testing.T) {
	docs := readCorpus(t)
	if len(docs) != 10 {
		t.Fatalf("got %d documents, want 10", len(docs))
	}
	first, _ := time.Parse(time.DateOnly, "2022-09-14")
	last, _ := time.Parse(time.DateOnly, "2022-10-06")
	seen := map[string]bool{}
	for _, d := range docs {
		t.Run(d.ID, func(t *testing.T) {
			for name, v := range map[string]string{"id": d.ID, "title": d.Title, "outlet": d.Outlet, "url": d.URL, "published": d.Published, "text": d.Text} {
				if strings.TrimSpace(v) == "" {
					t.Errorf("field %q is empty", name)
				}
			}
			if seen[d.ID] {
				t.Errorf("duplicate id")
			}
			seen[d.ID] = true
			if d.Lang != "en" {
				t.Errorf("lang = %q, want en", d.Lang)
			}
			if d.Note != wantNote {
				t.Errorf("note = %q, want %q", d.Note, wantNote)
			}
			p, err := time.Parse(time.DateOnly, d.Published)
			if err != nil || p.Before(first) || p.After(last) {
				t.Errorf("published = %q, want a date from %s to %s", d.Published, first.Format(time.DateOnly), last.Format(time.DateOnly))
			}
			u, err := url.Parse(d.URL)
			if err != nil || u.Scheme != "https" || !(u.Hostname() == "example.org" || strings.HasSuffix(u.Hostname(), ".example")) {
				t.Errorf("url = %q, want https on example.org or a .example domain", d.URL)
			}
			if strings.Contains(d.Text, d.Title) {
				t.Errorf("text repeats the title")
			}
			if n := len(strings.Fields(d.Text)); n < 150 || n > 350 {
				t.Errorf("text has %d words, want 150 to 350", n)
			}
		})
	}
}

// TestCorpusSides checks the mix of sides the demo relies on; the side is
// the id's prefix (kg-, tj-, anything else neutral).
func TestCorpusSides(t *testing.T) {
	count := map[string]int{}
	for _, d := range readCorpus(t) {
		side, _, _ := strings.Cut(d.ID, "-")
		if side != "kg" && side != "tj" {
			side = "neutral"
		}
		count[side]++
	}
	for _, c := range []struct {
		side     string
		min, max int
	}{
		{"kg", 3, 4},
		{"tj", 3, 4},
		{"neutral", 2, 3},
	} {
		if n := count[c.side]; n < c.min || n > c.max {
			t.Errorf("%s: %d documents, want %d to %d", c.side, n, c.min, c.max)
		}
	}
}

// TestCorpusSilence checks the silence the corpus is built to show: the
// Kyrgyz side reports mass evacuations, the Tajik side never mentions any.
func TestCorpusSilence(t *testing.T) {
	displacement := regexp.MustCompile(`(?i)\b(evacua\w*|displace\w*|fle[ed]\w*|refugee\w*)`)
	kgMentions := 0
	for _, d := range readCorpus(t) {
		switch {
		case strings.HasPrefix(d.ID, "tj-"):
			if m := displacement.FindString(d.Text); m != "" {
				t.Errorf("%s: Tajik-side report mentions %q", d.ID, m)
			}
		case strings.HasPrefix(d.ID, "kg-"):
			if displacement.MatchString(d.Text) {
				kgMentions++
			}
		}
	}
	if kgMentions < 2 {
		t.Errorf("%d Kyrgyz-side reports mention displacement, want at least 2", kgMentions)
	}
}

// TestCorpusNearDuplicate checks that the wire copy differs from the wire
// report by exactly one sentence.
func TestCorpusNearDuplicate(t *testing.T) {
	byID := map[string]document{}
	for _, d := range readCorpus(t) {
		byID[d.ID] = d
	}
	orig, copied := byID["caw-2022-09-16"], byID["kg-oshcourier-2022-09-16"]
	if orig.ID == "" || copied.ID == "" {
		t.Fatal("wire report or its copy is missing")
	}
	if orig.Title == copied.Title {
		t.Error("the copy keeps the wire headline; want a new one")
	}
	a, b := sentences(orig.Text), sentences(copied.Text)
	if len(a) != len(b) {
		t.Fatalf("sentence counts differ: %d and %d", len(a), len(b))
	}
	diff := 0
	for i := range a {
		if a[i] != b[i] {
			diff++
		}
	}
	if diff != 1 {
		t.Errorf("%d sentences differ, want 1", diff)
	}
}

// sentences splits text roughly into sentences, enough to compare two
// versions of one report.
func sentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		for s := range strings.SplitSeq(para, ". ") {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}
