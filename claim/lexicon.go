package claim

import (
	"embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed metrics.txt nouns.txt events.txt
var resources embed.FS

// phrases matches lower-cased word sequences against a list of phrases,
// each with a value.
type phrases struct {
	byFirst map[string][]phrase
}

type phrase struct {
	words []string
	value string
}

// add registers a phrase, tokenised like the text it is matched against.
func (p *phrases) add(text, value string) {
	if p.byFirst == nil {
		p.byFirst = map[string][]phrase{}
	}
	words := lowerWords(text)
	if len(words) == 0 {
		return
	}
	list := append(p.byFirst[words[0]], phrase{words, value})
	sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	p.byFirst[words[0]] = list
}

// match returns the length and value of the longest phrase that starts at
// words[i], or 0 (also when i is past the words).
func (p phrases) match(words []string, i int) (int, string) {
	if i < 0 || i >= len(words) {
		return 0, ""
	}
	for _, ph := range p.byFirst[words[i]] {
		if i+len(ph.words) > len(words) {
			continue
		}
		ok := true
		for k, w := range ph.words {
			if words[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return len(ph.words), ph.value
		}
	}
	return 0, ""
}

// dataLines returns the fields of the non-empty, non-comment lines of an
// embedded file, split at tabs, each line with exactly n fields.
func dataLines(name string, n int) ([][]string, error) {
	b, err := resources.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	var out [][]string
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != n {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", name, i+1, n, len(f))
		}
		out = append(out, f)
	}
	return out, nil
}

// lexicon holds the language resources of the annotator.
type lexicon struct {
	metrics phrases             // value: metric
	nouns   map[string]*phrases // class → phrases
	events  phrases             // value: event type name
	acled   map[string]string
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{acled: map[string]string{}, nouns: map[string]*phrases{}}
	rows, err := dataLines("metrics.txt", 2)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		lx.metrics.add(r[1], r[0])
	}
	if rows, err = dataLines("nouns.txt", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		p := lx.nouns[r[0]]
		if p == nil {
			p = &phrases{}
			lx.nouns[r[0]] = p
		}
		p.add(r[1], r[0])
	}
	if rows, err = dataLines("events.txt", 3); err != nil {
		return nil, err
	}
	for _, r := range rows {
		lx.events.add(r[2], r[0])
		lx.acled[r[0]] = r[1]
	}
	return lx, nil
}

// is returns the number of words of the longest phrase of class that
// starts at words[i], or 0.
func (lx *lexicon) is(class string, words []string, i int) int {
	p := lx.nouns[class]
	if p == nil || i < 0 || i >= len(words) {
		return 0
	}
	n, _ := p.match(words, i)
	return n
}
