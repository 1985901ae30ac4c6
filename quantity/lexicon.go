package quantity

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed data
var dataFS embed.FS

// Kinds of number words.
const (
	nNone = iota
	nDigit
	nTeen
	nTens
	nHundred
	nMult
	nDozen
	nVague
	nOrdinal
	nPlural
	nFraction
	nArticle
	nAnd
	nPoint
	nMinus
	nClock
)

// Kinds of cues.
const (
	cNone = iota
	cAbout
	cMoreThan
	cAtLeast
	cUpTo
	cLessThan
	cExact
	cBetween
	cFrom
	cAfterAtLeast
	cAfterUpTo
	cAfterOrEqual
	cTo
)

var cueKinds = map[string]uint8{
	"about": cAbout, "more_than": cMoreThan, "at_least": cAtLeast, "up_to": cUpTo,
	"less_than": cLessThan, "exact": cExact, "between": cBetween, "from": cFrom,
	"after_at_least": cAfterAtLeast, "after_up_to": cAfterUpTo, "after_or_equal": cAfterOrEqual,
	"to": cTo,
}

var numKinds = map[string]uint8{
	"digit": nDigit, "teen": nTeen, "tens": nTens, "hundred": nHundred, "multiplier": nMult,
	"dozen": nDozen, "vague": nVague, "ordinal": nOrdinal, "plural": nPlural,
	"fraction": nFraction, "article": nArticle, "and": nAnd, "point": nPoint, "minus": nMinus,
	"clock": nClock,
}

// wordInfo is what the lexicon knows about one vocabulary word.
type wordInfo struct {
	val      float64
	num      uint8
	modifier bool
}

// unit is one entry of the unit table.
type unit struct {
	name   string
	factor float64
}

// phrase is a sequence of vocabulary ids with what it stands for.
type phrase struct {
	ids  []int32
	cue  uint8
	unit int // index into lexicon.units
}

// phrases finds the longest phrase starting at a token.
type phrases map[int32][]phrase

func (ps phrases) add(p phrase) {
	list := append(ps[p.ids[0]], p)
	// Longest first.
	for i := len(list) - 1; i > 0 && len(list[i].ids) > len(list[i-1].ids); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	ps[p.ids[0]] = list
}

// match returns the longest phrase at toks[i:] and the index after it.
func (ps phrases) match(toks []token, i int) (phrase, int, bool) {
	if i >= len(toks) || toks[i].id == 0 || toks[i].skip {
		return phrase{}, i, false
	}
	for _, p := range ps[toks[i].id] {
		if i+len(p.ids) > len(toks) {
			continue
		}
		ok := true
		for k, id := range p.ids[1:] {
			if t := toks[i+1+k]; t.id != id || t.skip {
				ok = false
				break
			}
		}
		if ok {
			return p, i + len(p.ids), true
		}
	}
	return phrase{}, i, false
}

// lexicon holds the language resources of one language.
type lexicon struct {
	vocab
	words   []wordInfo // by id
	starts  []bool     // by id: a quantity may start at this word or mark
	suffix  map[string]float64
	money   map[string]float64
	cues    phrases
	units   []unit
	after   phrases
	before  phrases
	ofID    int32
	theID   int32
	outID   int32
	overID  int32
	inID    int32
	dashID  int32
	slashID int32
	caretID int32
	colonID int32
	butID   int32
	andID   int32
	orID    int32
	dotID   int32
	thanID  int32
	ordIDs  [4]int32 // st nd rd th
}

func (l *lexicon) info(id int32) wordInfo {
	if int(id) < len(l.words) {
		return l.words[id]
	}
	return wordInfo{}
}

func dataLines(data string) []string {
	var out []string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, line)
	}
	return out
}

// loadLexicon reads the resources of language lang from data/lang.
func loadLexicon(lang string) (*lexicon, error) {
	l := &lexicon{vocab: vocab{ids: map[string]int32{}}, suffix: map[string]float64{}, money: map[string]float64{}, cues: phrases{}, after: phrases{}, before: phrases{}}
	read := func(name string) ([]string, error) {
		b, err := dataFS.ReadFile("data/" + lang + "/" + name)
		if err != nil {
			return nil, fmt.Errorf("reading %s resources: %w", lang, err)
		}
		return dataLines(string(b)), nil
	}
	infos := map[int32]wordInfo{}
	lines, err := read("numbers.txt")
	if err != nil {
		return nil, err
	}
	for _, line := range lines {
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("numbers.txt: bad line %q", line)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("numbers.txt: line %q: %w", line, err)
		}
		switch f[2] {
		case "suffix":
			l.suffix[f[0]] = v
			continue
		case "money":
			l.money[f[0]] = v
			continue
		}
		k, ok := numKinds[f[2]]
		if !ok {
			return nil, fmt.Errorf("numbers.txt: unknown kind in %q", line)
		}
		infos[l.add(f[0])] = wordInfo{val: v, num: k}
	}
	if lines, err = read("cues.txt"); err != nil {
		return nil, err
	}
	for _, line := range lines {
		f := strings.Fields(line)
		k, ok := cueKinds[f[len(f)-1]]
		if len(f) < 2 || !ok {
			return nil, fmt.Errorf("cues.txt: bad line %q", line)
		}
		l.cues.add(phrase{ids: l.phraseIDs(strings.Join(f[:len(f)-1], " ")), cue: k})
	}
	if lines, err = read("units.txt"); err != nil {
		return nil, err
	}
	for _, line := range lines {
		f := strings.Split(line, " | ")
		if len(f) != 4 {
			return nil, fmt.Errorf("units.txt: bad line %q", line)
		}
		factor, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil {
			return nil, fmt.Errorf("units.txt: line %q: %w", line, err)
		}
		ps := l.after
		if strings.TrimSpace(f[2]) == "before" {
			ps = l.before
		}
		l.units = append(l.units, unit{strings.TrimSpace(f[0]), factor})
		for _, form := range strings.Split(f[3], ",") {
			if form = strings.TrimSpace(form); form != "" {
				ps.add(phrase{ids: l.phraseIDs(form), unit: len(l.units) - 1})
			}
		}
	}
	if lines, err = read("modifiers.txt"); err != nil {
		return nil, err
	}
	for _, line := range lines {
		id := l.add(line)
		w := infos[id]
		w.modifier = true
		infos[id] = w
	}
	for _, w := range []struct {
		id *int32
		s  string
	}{{&l.ofID, "of"}, {&l.theID, "the"}, {&l.outID, "out"}, {&l.overID, "over"}, {&l.inID, "in"}, {&l.dashID, "-"},
		{&l.slashID, "/"}, {&l.caretID, "^"}, {&l.colonID, ":"}, {&l.butID, "but"}, {&l.andID, "and"}, {&l.orID, "or"},
		{&l.dotID, "."}, {&l.thanID, "than"}, {&l.ordIDs[0], "st"}, {&l.ordIDs[1], "nd"}, {&l.ordIDs[2], "rd"}, {&l.ordIDs[3], "th"},
		{nil, "["}, {nil, "]"}, {nil, "("}, {nil, ")"}, {nil, "+"}, {nil, "−"}} {
		id := l.add(w.s)
		if w.id != nil {
			*w.id = id
		}
	}
	l.words = make([]wordInfo, len(l.ids)+1)
	for id, w := range infos {
		l.words[id] = w
	}
	l.starts = make([]bool, len(l.words))
	for id, w := range l.words {
		switch w.num {
		case nDigit, nTeen, nTens, nVague, nFraction, nArticle, nMinus:
			l.starts[id] = true
		}
	}
	for id := range l.cues {
		l.starts[id] = true
	}
	for id := range l.before {
		l.starts[id] = true
	}
	l.starts[l.dashID] = true
	l.starts[l.add("−")] = true
	return l, nil
}

// phraseIDs tokenizes a resource phrase the way text is tokenized and
// returns the ids of its words, adding them to the vocabulary.
func (l *lexicon) phraseIDs(s string) []int32 {
	toks := l.scan(nil, s)
	ids := make([]int32, len(toks))
	for i, t := range toks {
		ids[i] = l.add(strings.ToLower(s[t.start:t.end]))
	}
	return ids
}
