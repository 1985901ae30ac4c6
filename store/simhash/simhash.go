// Package simhash fingerprints texts so that near-identical texts (wire
// copies, reposts with small edits) get fingerprints a few bits apart.
//
// A fingerprint is Charikar's 64-bit SimHash over word shingles: the text is
// split into words (runs of letters and digits, case-folded), every run of
// ShingleWords consecutive words is hashed to 64 bits, and bit i of the
// fingerprint is set when more shingle hashes have bit i set than not.
// Texts that share most shingles share most fingerprint bits; unrelated
// texts differ in about half of them (32).
//
// Near-duplicates are found without comparing a fingerprint with every
// other: Bands returns Bands keys of a fingerprint, each made of BandBits of
// its bits chosen at random (bit-sampling LSH for Hamming distance). Two
// fingerprints d bits apart share a given key with probability
// C(64-d, 13)/C(64, 13) and at least one of the 16 keys with probability
// 0.9995 at d = 4, 0.99 at d = 6 and 0.92 at d = Threshold = 8; unrelated
// texts share a key by chance with probability 16/8192, so a store that
// indexes the keys reads about 2,000 candidates per lookup among a million
// documents, and checks their distance.
package simhash

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

const (
	// ShingleWords is the number of consecutive words hashed together.
	ShingleWords = 3
	// Threshold is the largest Hamming distance between the fingerprints of
	// two texts that are taken as near-duplicates (similarity 0.875).
	// Measured on news articles of 150 to 650 words: a repost with a new
	// headline, dateline and footer and a reworded phrase lies 1 to 7 bits
	// away, as does one with a word changed in a sentence; dropping a whole
	// sentence of a short article moves it 2 to 20 bits. Different articles
	// on the same events lie 24 or more bits away, and two unrelated texts
	// come within 8 bits with probability 3e-10.
	Threshold = 8
	// Bands is the number of lookup keys of a fingerprint.
	Bands = 16
	// BandBits is the number of fingerprint bits in a key.
	BandBits = 13
)

// bandPositions lists, for each key, the fingerprint bits it is made of:
// a fixed pseudo-random choice, the same in every version (changing it
// would need every stored key rebuilt).
var bandPositions = makeBandPositions()

func makeBandPositions() (pos [Bands][BandBits]uint8) {
	// Each key takes the first BandBits positions of its own shuffle of
	// the 64 (Fisher-Yates driven by SplitMix64 from a fixed seed).
	seed := uint64(0x5eed)
	for b := range Bands {
		var perm [64]uint8
		for i := range perm {
			perm[i] = uint8(i)
		}
		for i := 63; i > 0; i-- {
			seed++
			r := int(mix(seed) % uint64(i+1))
			perm[i], perm[r] = perm[r], perm[i]
		}
		copy(pos[b][:], perm[:BandBits])
	}
	return pos
}

// Sum returns the SimHash fingerprint of text. A text without words has
// fingerprint 0.
func Sum(text string) uint64 {
	var acc accumulator
	var window [ShingleWords]uint64
	n := 0 // words seen
	for i := 0; i < len(text); {
		if !wordStart(text, i) {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		// Hash one word: FNV-1a over its case-folded runes.
		h := uint64(14695981039346656037)
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				l := asciiWord[c]
				if l == 0 {
					break
				}
				h = (h ^ uint64(l)) * 1099511628211
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			i += size
			for r = unicode.ToLower(r); r != 0; r >>= 8 {
				h = (h ^ uint64(r&0xff)) * 1099511628211
			}
		}
		copy(window[:], window[1:])
		window[ShingleWords-1] = h
		n++
		if n >= ShingleWords {
			acc.add(shingle(window[:]))
		}
	}
	if n == 0 {
		return 0
	}
	if n < ShingleWords {
		acc.add(shingle(window[ShingleWords-n:]))
	}
	return acc.sum()
}

// asciiWord maps each ASCII byte that belongs to a word to its lower case,
// and every other byte to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// wordStart reports whether the rune at text[i] belongs to a word: a
// letter or a digit.
func wordStart(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiWord[c] != 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// shingle combines word hashes in order into one well-mixed hash.
func shingle(words []uint64) uint64 {
	var h uint64
	for _, w := range words {
		h = mix(h ^ w)
	}
	return h
}

// mix is the finaliser of SplitMix64: every input bit affects every output
// bit.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// accumulator counts, for each of the 64 bits, how many hashes set it. It
// adds eight bits at a time: lane k holds, in byte j, the count of bit
// 8j+k, and is emptied into counts before a byte can overflow.
type accumulator struct {
	lanes   [8]uint64
	pending int
	counts  [64]int32
	n       int32
}

func (a *accumulator) add(h uint64) {
	for k := range a.lanes {
		a.lanes[k] += h >> k & 0x0101010101010101
	}
	a.n++
	if a.pending++; a.pending == 255 {
		a.flush()
	}
}

func (a *accumulator) flush() {
	for k, l := range a.lanes {
		for j := range 8 {
			a.counts[8*j+k] += int32(l >> (8 * j) & 0xff)
		}
		a.lanes[k] = 0
	}
	a.pending = 0
}

// sum returns the fingerprint: bit b is set when more than half of the
// hashes set it.
func (a *accumulator) sum() uint64 {
	a.flush()
	var fp uint64
	for b, c := range a.counts {
		if 2*c > a.n {
			fp |= 1 << b
		}
	}
	return fp
}

// Distance returns the number of bits in which a and b differ.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Similarity returns the share of bits a and b agree on, in [0,1].
func Similarity(a, b uint64) float64 { return 1 - float64(Distance(a, b))/64 }

// Near reports whether a and b are within Threshold bits of each other.
func Near(a, b uint64) bool { return Distance(a, b) <= Threshold }

// BandValues returns the Bands lookup keys of fingerprint fp, each an
// integer below 2^BandBits.
func BandValues(fp uint64) [Bands]int64 {
	var out [Bands]int64
	for b, bits := range bandPositions {
		var v int64
		for j, p := range bits {
			v |= int64(fp>>p&1) << j
		}
		out[b] = v
	}
	return out
}
