package attribution

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/attribution/internal/tagger"
	"github.com/parallaxnews/parallax/segment"
)

//go:embed cues.txt hedges.txt evidence.txt words.txt
var resources embed.FS

// phrases matches lower-cased word sequences against a list of phrases.
type phrases struct {
	byFirst map[string][][]string // first word → phrases, longest first
}

func newPhrases() phrases { return phrases{byFirst: map[string][][]string{}} }

// add registers a phrase, tokenised like the text it is matched against.
func (p *phrases) add(phrase string) {
	var toks []segment.Token
	toks = segment.AppendTokens(toks, phrase, 0, len(phrase))
	if len(toks) == 0 {
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = segment.Lower(phrase[t.Start:t.End])
	}
	list := append(p.byFirst[words[0]], words)
	sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	p.byFirst[words[0]] = list
}

// match returns the number of words of the longest phrase that starts at
// words[i], or 0 (also when i is past the words).
func (p phrases) match(words []string, i int) int {
	if i < 0 || i >= len(words) {
		return 0
	}
	for _, ph := range p.byFirst[words[i]] {
		if i+len(ph) > len(words) {
			continue
		}
		ok := true
		for k, w := range ph {
			if words[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return len(ph)
		}
	}
	return 0
}

// find returns the index and length of the first phrase in words[from:to],
// or -1.
func (p phrases) find(words []string, from, to int) (int, int) {
	for i := from; i < to; i++ {
		if n := p.match(words[:to], i); n > 0 {
			return i, n
		}
	}
	return -1, 0
}

// lower returns s in lower case, with ’ as ', without allocating when it
// already is.

// dataLines returns the non-empty, non-comment lines of an embedded file.
func dataLines(name string) ([]string, error) {
	b, err := resources.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, line)
	}
	return out, nil
}

// Bits of lexicon.starts.
const (
	startsStrong uint8 = 1 << iota
	startsNone
	startsCited
	startsCount
)

// strongShare is the share of cue uses above which a listed cue is strong.
const strongShare = 0.5

// lexicon holds the language resources of the annotator.
type lexicon struct {
	// strong holds the cues that are cues in most of their uses (and the
	// cues added by hand): the finder's rules look for them where the cue
	// tagger found nothing.
	strong phrases
	// cueList is the cue list as the cue tagger reads it, cues as phrases.
	cueList *tagger.Lexicon
	cues    phrases
	hedges  phrases
	none    phrases // evidence markers: no evidence given
	cited   phrases // evidence markers: evidence cited
	// count holds the cues that are cues only before a figure
	// ("reported 41 deaths").
	count phrases
	// starts maps the first word of a phrase of strong, none, cited and
	// count to the lists it opens a phrase of, so that a sentence without any
	// is passed over after one look-up per word.
	starts map[string]uint8
	aux    map[string]bool
	stop   map[string]bool
	skip   map[string]bool
	// preposition holds words that cannot open a source.
	preposition map[string]bool
	// lead holds sentence adverbs that open a sentence before its source.
	lead map[string]bool
	// aside holds parenthetical phrases that may close a source after a
	// comma ("The Tajik side, in turn,").
	aside phrases
	// org holds the kinds of organisation a source may name alone ("the
	// ministry").
	org map[string]bool
	// label holds the words that label a line before a colon ("Claim:",
	// "FACT CHECK:", "Update:"): no sources.
	label map[string]bool
	// labelHead holds the words that open a label of a figure before a
	// colon ("Killed in Kyrgyzstan: 59").
	labelHead map[string]bool
	// deny holds the verbs that deny a report ("which Bishkek denies").
	deny map[string]bool
	// tell holds cues whose object names whom the source told ("told
	// Reuters").
	tell map[string]bool
	// countAt holds verbs that put a figure "at" one ("put the number of
	// evacuees at 137,000") or raise it "to" one ("raised the death toll
	// to 59"), with that preposition.
	countAt map[string]string
	pronoun map[string]string // word → class: he, she, they, it, i, we, you
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{strong: newPhrases(), cues: newPhrases(), aside: newPhrases(), hedges: newPhrases(), none: newPhrases(), cited: newPhrases(), count: newPhrases(),
		aux: map[string]bool{}, stop: map[string]bool{}, skip: map[string]bool{}, preposition: map[string]bool{}, pronoun: map[string]string{},
		lead: map[string]bool{}, org: map[string]bool{}, label: map[string]bool{}, labelHead: map[string]bool{}, deny: map[string]bool{}, tell: map[string]bool{}, countAt: map[string]string{}}
	lines, err := dataLines("cues.txt")
	if err != nil {
		return nil, err
	}
	var cues []string
	for _, l := range lines {
		cue, stats, _ := strings.Cut(l, "\t")
		cues = append(cues, cue)
		lx.cues.add(cue)
		f := strings.Fields(stats)
		if len(f) < 2 {
			lx.strong.add(cue) // added by hand
		} else if share, err := strconv.ParseFloat(f[1], 64); err == nil && share >= strongShare {
			lx.strong.add(cue)
		}
	}
	lx.cueList = tagger.NewLexicon(cues)
	if lines, err = dataLines("hedges.txt"); err != nil {
		return nil, err
	}
	for _, l := range lines {
		lx.hedges.add(l)
	}
	if lines, err = dataLines("evidence.txt"); err != nil {
		return nil, err
	}
	for _, l := range lines {
		kind, phrase, ok := strings.Cut(l, "\t")
		switch {
		case !ok:
			return nil, fmt.Errorf("evidence.txt: no tab in %q", l)
		case kind == "none":
			lx.none.add(phrase)
		case kind == "cited":
			lx.cited.add(phrase)
		default:
			return nil, fmt.Errorf("evidence.txt: unknown kind %q", kind)
		}
	}
	if lines, err = dataLines("words.txt"); err != nil {
		return nil, err
	}
	for _, l := range lines {
		class, word, ok := strings.Cut(l, "\t")
		if !ok {
			return nil, fmt.Errorf("words.txt: no tab in %q", l)
		}
		word = segment.Lower(strings.TrimSpace(word))
		switch class {
		case "aux":
			lx.aux[word] = true
		case "stop":
			lx.stop[word] = true
		case "skip":
			lx.skip[word] = true
		case "prep":
			lx.preposition[word] = true
		case "he", "she", "they", "it", "i", "we", "you":
			lx.pronoun[word] = class
		case "count":
			lx.count.add(word)
		case "lead":
			lx.lead[word] = true
		case "aside":
			lx.aside.add(word)
		case "org":
			lx.org[word] = true
		case "label":
			lx.label[word] = true
		case "label-head":
			lx.labelHead[word] = true
		case "deny":
			lx.deny[word] = true
		case "tell":
			lx.tell[word] = true
		case "count-at":
			lx.countAt[word] = "at"
		case "count-to":
			lx.countAt[word] = "to"
		default:
			return nil, fmt.Errorf("words.txt: unknown class %q", class)
		}
	}
	lx.starts = map[string]uint8{}
	for bit, p := range map[uint8]phrases{startsStrong: lx.strong, startsNone: lx.none, startsCited: lx.cited, startsCount: lx.count} {
		for w := range p.byFirst {
			lx.starts[w] |= bit
		}
	}
	for w := range lx.countAt {
		lx.starts[w] |= startsCount
	}
	return lx, nil
}
