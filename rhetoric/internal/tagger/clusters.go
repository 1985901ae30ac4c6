package tagger

import (
	"fmt"
	"strings"
)

// Clusters maps words to distributional clusters: bit strings whose
// prefixes name ever finer groups of words used in similar contexts (see
// rhetoric/internal/clusters).
type Clusters struct {
	// byWord maps the hash of a lower-case word to its bit string packed
	// as length<<24 | bits.
	byWord map[uint32]uint32
	words  []string // in the order of the file
}

// clusterEdge stands for the cluster of the word before the first and
// after the last token of a sentence.
const clusterEdge = 0xffffffff

// maxClusterBits is the longest bit string Clusters keeps.
const maxClusterBits = 24

// ParseClusters reads clusters in the format of rhetoric/clusters.txt:
// "#" comment lines, then one "word<TAB>bits" line per word.
func ParseClusters(data string) (*Clusters, error) {
	c := &Clusters{byWord: map[uint32]uint32{}}
	for n, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, bits, ok := strings.Cut(line, "\t")
		if !ok || len(bits) > maxClusterBits {
			return nil, fmt.Errorf("clusters line %d: want a word, a tab and at most %d bits", n+1, maxClusterBits)
		}
		var v uint32
		for i := 0; i < len(bits); i++ {
			switch bits[i] {
			case '0':
				v <<= 1
			case '1':
				v = v<<1 | 1
			default:
				return nil, fmt.Errorf("clusters line %d: %q is not a bit string", n+1, bits)
			}
		}
		c.byWord[hashString(w)] = uint32(len(bits))<<24 | v
		c.words = append(c.words, w)
	}
	return c, nil
}

// of returns the packed cluster of the word with hash hw, or 0 when it has
// none (nil Clusters included).
func (c *Clusters) of(hw uint32) uint32 {
	if c == nil {
		return 0
	}
	v, ok := c.byWord[hw]
	if !ok {
		return 0
	}
	return v | 1<<31 // known, even with an empty bit string
}

// clusterPrefix returns the first n bits of the packed cluster v (all of
// them when it is shorter, n <= 0: all), packed with their length, and its
// name.
func clusterPrefix(v uint32, n int) uint32 {
	if v == 0 || v == clusterEdge {
		return v
	}
	l := int(v >> 24 & 0x7f)
	bits := v & (1<<24 - 1)
	if n > 0 && l > n {
		bits >>= l - n
		l = n
	}
	return uint32(l)<<24 | bits | 1<<31
}

// clusterName is the bit string of a packed cluster.
func clusterName(v uint32) string {
	switch v {
	case 0:
		return "unknown"
	case clusterEdge:
		return "edge"
	}
	l := int(v >> 24 & 0x7f)
	b := make([]byte, l)
	for i := range l {
		b[i] = '0' + byte(v>>(l-1-i)&1)
	}
	return string(b)
}
