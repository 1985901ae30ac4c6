// Package polnear reads the Political News Attribution Relations corpus
// (PolNeAR; Newell, Margolin and Ruths, LREC 2018) as the scorer
// tools/polnear.py does: for every article, the text and the first
// annotator's brat standoff file, with each attribution's cue, source and
// content spans in characters. The attribution trainer fits on it and the
// attribution tests score on it.
package polnear

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Article is one PolNeAR article and its attributions.
type Article struct {
	Name         string // the file name without the annotator and extension
	Text         string
	Attributions []Attribution
}

// Attribution holds the spans of one attribution's parts, in characters
// of the article's text, in the order the annotation lists them: a part
// may be absent or, rarely, given twice.
type Attribution struct {
	Cue, Source, Content []Span
}

// Last returns the last of spans, or an empty span.
func Last(spans []Span) Span {
	if len(spans) == 0 {
		return Span{}
	}
	return spans[len(spans)-1]
}

// Span is a half-open range [Start, End) of characters (not bytes).
type Span struct{ Start, End int }

// Empty reports whether the span holds nothing (absent, or inverted).
func (s Span) Empty() bool { return s.End <= s.Start }

// Read reads the articles of a PolNeAR part (dir holds text/ and
// attributions/), in the order of their names. A discontinuous span
// becomes the range from the start of its first piece to the end of its
// last, as the scorer reads it, even when the pieces are out of order and
// the range is empty or inverted: check spans (Span.Empty, and against the
// text's length) before use.
func Read(dir string) ([]Article, error) {
	names, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("no PolNeAR annotations in %s", dir)
	}
	sort.Strings(names)
	seen := map[string]bool{}
	var out []Article
	for _, n := range names {
		base := filepath.Base(n)
		stem := base[:max(strings.LastIndex(base, "_"), 0)]
		if seen[stem] {
			continue // another annotator's file of the same article
		}
		seen[stem] = true
		text, err := os.ReadFile(filepath.Join(dir, "text", stem+".txt"))
		if err != nil {
			continue
		}
		a := Article{Name: stem, Text: string(text)}
		if a.Attributions, err = readAnn(n); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// readAnn reads the attributions of one brat file.
func readAnn(path string) ([]Attribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading PolNeAR: %w", err)
	}
	defer f.Close()
	ats, err := ParseAnn(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return ats, nil
}

// ParseAnn reads the attributions of a brat standoff file: T lines give
// the spans ("T1<TAB>Cue 12 20<TAB>said"), E lines join them
// ("E1<TAB>Attribution:T3 Source:T1 Cue:T2 Content:T4"). Lines it does
// not understand are skipped.
func ParseAnn(r io.Reader) ([]Attribution, error) {
	var out []Attribution
	spans := map[string]Span{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		switch {
		case strings.HasPrefix(parts[0], "T") && len(parts) >= 2:
			// "Cue 12 20" or "Content 30 40;45 60"
			_, rng, _ := strings.Cut(parts[1], " ")
			segs := strings.Split(rng, ";")
			first, last := strings.Fields(segs[0]), strings.Fields(segs[len(segs)-1])
			if len(first) < 1 || len(last) < 2 {
				continue
			}
			s, err1 := strconv.Atoi(first[0])
			e, err2 := strconv.Atoi(last[1])
			if err1 != nil || err2 != nil {
				continue
			}
			spans[parts[0]] = Span{s, e}
		case strings.HasPrefix(parts[0], "E") && len(parts) >= 2:
			// "Attribution:T3 Source:T1 Cue:T3 Content:T2"
			args := strings.Fields(parts[1])
			if len(args) == 0 {
				continue
			}
			var at Attribution
			for _, arg := range args[1:] {
				role, id, _ := strings.Cut(arg, ":")
				sp, ok := spans[id]
				if !ok {
					continue
				}
				switch role {
				case "Cue":
					at.Cue = append(at.Cue, sp)
				case "Source":
					at.Source = append(at.Source, sp)
				case "Content":
					at.Content = append(at.Content, sp)
				}
			}
			out = append(out, at)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// HeldOut reports whether the article name falls in a held-out share of
// the articles, chosen by a hash of the name so that the split is the
// same on every run.
func HeldOut(name string, share float64) bool {
	h := fnv.New32a()
	h.Write([]byte(name))
	return float64(h.Sum32()%1000) < share*1000
}

// ByteOffsets maps the text's character offsets to byte offsets, one past
// the end included: ByteOffsets(t)[i] is where character i starts.
func ByteOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}
