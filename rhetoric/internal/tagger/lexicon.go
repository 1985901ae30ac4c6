package tagger

import (
	"fmt"
	"strings"
)

// Lexicon holds cue words and phrases grouped by name ("loaded",
// "name_calling", "stopword", ...). Group membership becomes a feature of
// the model; the model learns how much each group counts.
type Lexicon struct {
	groups []string
	// words maps the hash of a lower-case word to the groups it belongs to.
	words map[uint32]uint32
	// prefixes maps the hash of a lower-case word prefix ("terroris*") to
	// its groups.
	prefixes map[uint32]uint32
	// minPrefix and maxPrefix bound the byte lengths of the prefixes.
	minPrefix, maxPrefix int
	// phrases maps the hash of a phrase's first word to the phrases that
	// start with it.
	phrases map[uint32][]phrase
	stop    uint32 // mask of the "stopword" group, 0 when absent
}

type phrase struct {
	words []string
	mask  uint32
}

// ParseLexicon reads a lexicon in the format of rhetoric/lexicon.txt:
// "[group]" lines open a group, other lines are lower-case cues, a final
// "*" on a single word matches any word it begins, "#" starts a comment.
func ParseLexicon(data string) (*Lexicon, error) {
	lx := &Lexicon{words: map[uint32]uint32{}, prefixes: map[uint32]uint32{}, phrases: map[uint32][]phrase{}}
	group := -1
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			name := strings.TrimSpace(line[1 : len(line)-1])
			group = -1
			for i, g := range lx.groups {
				if g == name {
					group = i
				}
			}
			if group < 0 {
				if len(lx.groups) == 32 {
					return nil, fmt.Errorf("lexicon line %d: more than 32 groups", n+1)
				}
				group = len(lx.groups)
				lx.groups = append(lx.groups, name)
				if name == "stopword" {
					lx.stop = 1 << group
				}
			}
			continue
		}
		if group < 0 {
			return nil, fmt.Errorf("lexicon line %d: cue %q before any [group]", n+1, line)
		}
		mask := uint32(1) << group
		words := strings.Fields(strings.ToLower(line))
		switch {
		case len(words) == 1 && strings.HasSuffix(words[0], "*") && len(words[0]) > 1:
			p := strings.TrimSuffix(words[0], "*")
			lx.prefixes[hashString(p)] |= mask
			if lx.minPrefix == 0 || len(p) < lx.minPrefix {
				lx.minPrefix = len(p)
			}
			lx.maxPrefix = max(lx.maxPrefix, len(p))
		case len(words) == 1:
			lx.words[hashString(words[0])] |= mask
		default:
			for _, w := range words {
				if strings.Contains(w, "*") {
					return nil, fmt.Errorf("lexicon line %d: %q: '*' is only allowed at the end of a single word", n+1, line)
				}
			}
			h := hashString(words[0])
			lx.phrases[h] = append(lx.phrases[h], phrase{words: words, mask: mask})
		}
	}
	return lx, nil
}

// Groups returns the names of the lexicon's groups, in the order of their
// bits in a mask.
func (lx *Lexicon) Groups() []string { return lx.groups }

// wordMask returns the groups of the single lower-case word lw whose hash
// is h.
func (lx *Lexicon) wordMask(lw string, h uint32) uint32 {
	m := lx.words[h]
	if lx.maxPrefix > 0 {
		p := uint32(fnvOffset)
		for i := 0; i < len(lw) && i < lx.maxPrefix; i++ {
			p = (p ^ uint32(lw[i])) * fnvPrime
			if i+1 >= lx.minPrefix {
				m |= lx.prefixes[p]
			}
		}
	}
	return m
}
