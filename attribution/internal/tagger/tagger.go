// Package tagger holds the learned part of the attribution finder: a cue
// tagger (BIO tags over the words of a sentence) and a role tagger (which
// words of the sentence are the source and the content of one cue). Both
// are linear models over hashed features with first-order transitions,
// decoded with Viterbi; package attribution/internal/train fits them.
package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cue tags.
const (
	CueO = iota // outside a cue
	CueB        // first word of a cue
	CueI        // later word of a cue
	CueTags
)

// Role tags.
const (
	RoleO = iota // neither source nor content
	RoleS        // source
	RoleC        // content
	RoleTags
)

// Sentence is one sentence prepared for tagging. Reset and Add fill it;
// it is reused from sentence to sentence.
type Sentence struct {
	Text  []string // words as written
	Low   []string // words in lower case
	Quote []bool   // word inside a quotation (marks included)
	sep   []int    // running count of separators (, ; : —) up to each word
	qm    []int    // running count of quotation marks up to each word
	lex   []uint8  // 1 where a listed cue begins, 2 inside one
	that  []int    // index of the next "that" at or after each word
	hw    []wordHashes
	prevQ []int // index of the last quotation mark before each word
	nextQ []int // index of the first quotation mark after each word
}

// Reset empties s.
func (s *Sentence) Reset() {
	s.Text, s.Low, s.Quote = s.Text[:0], s.Low[:0], s.Quote[:0]
	s.sep, s.qm, s.lex, s.that = s.sep[:0], s.qm[:0], s.lex[:0], s.that[:0]
}

// Add appends a word.
func (s *Sentence) Add(text, low string, quoted bool) {
	sep, qm := 0, 0
	if n := len(s.sep); n > 0 {
		sep, qm = s.sep[n-1], s.qm[n-1]
	}
	switch low {
	case ",", ";", ":", "—", "–", "(", ")":
		sep++
	}
	if IsQuoteMark(low) {
		qm++
	}
	s.Text = append(s.Text, text)
	s.Low = append(s.Low, low)
	s.Quote = append(s.Quote, quoted)
	s.sep = append(s.sep, sep)
	s.qm = append(s.qm, qm)
	s.lex = append(s.lex, 0)
}

// index computes the "that" look-ahead once all words are in.
func (s *Sentence) index() {
	n := len(s.Low)
	s.that = s.that[:0]
	for range n {
		s.that = append(s.that, n+13)
	}
	s.hw = s.hw[:0]
	for i := range n {
		s.hw = append(s.hw, hashWord(s.Text[i], s.Low[i]))
	}
	s.prevQ, s.nextQ = s.prevQ[:0], s.nextQ[:0]
	prev := -13
	for i := range n {
		s.prevQ = append(s.prevQ, prev)
		s.nextQ = append(s.nextQ, 0)
		if IsQuoteMark(s.Low[i]) {
			prev = i
		}
	}
	nq := n + 13
	for i := n - 1; i >= 0; i-- {
		s.nextQ[i] = nq
		if IsQuoteMark(s.Low[i]) {
			nq = i
		}
	}
	next := n + 13
	for i := n - 1; i >= 0; i-- {
		if s.Low[i] == "that" {
			next = i
		}
		s.that[i] = next
	}
}

// Len returns the number of words.
func (s *Sentence) Len() int { return len(s.Low) }

// IsQuoteMark reports whether w is a quotation mark.
func IsQuoteMark(w string) bool {
	switch w {
	case "“", "”", "\"", "«", "»", "„", "‘", "’", "'":
		return true
	}
	return false
}

// Feature hashing: FNV-1a over a template number and strings.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hs(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

// shape returns the orthographic class of a word.
func shape(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case IsQuoteMark(w):
		return "q"
	case unicode.IsUpper(r):
		if len(w) > 1 && allUpper(w) {
			return "XX"
		}
		return "Xx"
	case unicode.IsLower(r):
		return "x"
	case unicode.IsDigit(r):
		return "d"
	}
	return "p"
}

// allUpper reports whether w has no lower-case letter.
func allUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// stem strips a common inflection: "says", "saying", "claimed" → "say",
// "say", "claim".
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

func suffix(w string) string {
	if len(w) > 3 {
		return w[len(w)-3:]
	}
	return w
}

// class maps a word to a coarse class for context features.
func class(w string) string {
	switch w {
	case ",", ";", ":", "—", "–", "-", "(", ")":
		return w
	case ".", "!", "?":
		return "."
	case "that", "<s>", "</s>":
		return w
	}
	if IsQuoteMark(w) {
		return "q"
	}
	return "w"
}

// wordHashes are the hashed properties of one word, computed once per
// sentence.
type wordHashes struct {
	low, stem, suffix, shape, class uint32
}

// Hashes of the words just outside the sentence.
var (
	startHashes = hashWord("<s>", "<s>")
	endHashes   = hashWord("</s>", "</s>")
)

func hashWord(text, low string) wordHashes {
	return wordHashes{
		low:    hs(fnvOffset, low),
		stem:   hs(fnvOffset+1, stem(low)),
		suffix: hs(fnvOffset+2, suffix(low)),
		shape:  hs(fnvOffset+3, shape(text)),
		class:  hs(fnvOffset+4, class(low)),
	}
}

// h returns the hashes of word i, or of the sentence boundary beyond it.
func (s *Sentence) h(i int) *wordHashes {
	switch {
	case i < 0:
		return &startHashes
	case i >= len(s.hw):
		return &endHashes
	}
	return &s.hw[i]
}

// mix combines a template number and up to three values into a feature.
func mix(t, a, b, c uint32) uint32 {
	h := t*0x9e3779b1 ^ a
	h *= 0x85ebca77
	h ^= h >> 15
	h ^= b
	h *= 0xc2b2ae3d
	h ^= h >> 13
	h ^= c
	h *= 0x27d4eb2f
	h ^= h >> 16
	return h
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func distBucket(d int) uint32 {
	switch {
	case d <= 4:
		return uint32(max(d, 0))
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

func countBucket(n int) uint32 { return uint32(min(max(n, 0), 3)) }

// CueFeatures appends the features of word i for the cue tagger.
func (s *Sentence) CueFeatures(i int, dst []uint32) []uint32 {
	w, p1, p2, n1, n2 := s.h(i), s.h(i-1), s.h(i-2), s.h(i+1), s.h(i+2)
	lx := uint32(s.lex[i])
	st := w.stem
	q := b2u(s.Quote[i])
	anyQ := b2u(s.qm[len(s.qm)-1] > 0)
	that := distBucket(s.that[i] - i)
	return append(dst,
		mix(1, 0, 0, 0),
		mix(2, w.low, 0, 0),
		mix(3, p1.low, 0, 0),
		mix(4, n1.low, 0, 0),
		mix(5, p2.low, 0, 0),
		mix(6, n2.low, 0, 0),
		mix(7, p1.low, w.low, 0),
		mix(8, w.low, n1.low, 0),
		mix(9, w.suffix, 0, 0),
		mix(10, st, 0, 0),
		mix(11, w.shape, 0, 0),
		mix(12, w.shape, b2u(i == 0), 0),
		mix(13, q, 0, 0),
		mix(14, p1.stem, st, 0),
		mix(15, st, n1.low, 0),
		mix(16, st, q, 0),
		mix(17, w.shape, p1.shape, 0),
		mix(18, st, n1.class, 0),
		mix(19, st, p1.class, 0),
		mix(20, st, anyQ, 0),
		mix(21, st, p1.class, n1.class),
		mix(22, p1.class, n1.class, 0),
		mix(23, st, p2.low, 0),
		mix(24, st, n2.low, 0),
		mix(25, q, w.shape, 0),
		mix(26, p1.low, w.low, n1.low),
		mix(27, st, distBucket(s.markDist(i, -1)), distBucket(s.markDist(i, 1))),
		mix(28, st, distBucket(i), 0),
		mix(29, st, distBucket(len(s.Low)-1-i), 0),
		mix(30, lx, 0, 0),
		mix(31, lx, uint32(s.lexAt(i+1)), 0),
		mix(32, st, that, 0),
		mix(33, lx, that, 0),
		mix(34, lx, p1.class, n1.class),
	)
}

// RoleFeatures appends the features of word i for the role tagger, given
// the cue at words [cb, ce).
func (s *Sentence) RoleFeatures(cb, ce, i int, dst []uint32) []uint32 {
	var side uint32
	var d, sep, qm int
	switch {
	case i < cb:
		side = 1
		d = cb - i
		sep = s.sep[cb-1] - s.sep[i]
		qm = s.qm[cb-1] - s.qm[i]
	case i >= ce:
		side = 2
		d = i - ce + 1
		sep = s.sep[i] - s.sep[ce-1]
		qm = s.qm[i] - s.qm[ce-1]
	default:
		side = 3
	}
	w, p1, n1 := s.h(i), s.h(i-1), s.h(i+1)
	head := s.h(ce - 1).stem
	first := s.h(cb).low
	ds := distBucket(d)
	q := b2u(s.Quote[i])
	qc := b2u(s.Quote[cb])
	cp, cn := s.h(cb-1).class, s.h(ce).class
	pos := uint32(0)
	if i == 0 {
		pos = 1
	} else if i == len(s.Low)-1 {
		pos = 2
	}
	cs, cq := countBucket(sep), countBucket(qm)
	return append(dst,
		mix(101, side, 0, 0),
		mix(102, side, ds, 0),
		mix(103, side, w.low, 0),
		mix(104, side, p1.low, 0),
		mix(105, side, n1.low, 0),
		mix(106, side, w.shape, 0),
		mix(107, side, q, qc),
		mix(108, side, ds, head),
		mix(109, side, q, head),
		mix(110, side, cs, 0),
		mix(111, side, cs, head),
		mix(112, side, cq, q),
		mix(113, side, cp, ds),
		mix(114, side, cn, ds),
		mix(115, side, first, ds),
		mix(116, side, pos, q),
		mix(117, side, w.stem, head),
		mix(118, side, cp, cs),
		mix(119, side, cn, cs),
		mix(120, side, cq, cs),
		mix(121, side, w.shape, ds),
		mix(122, side, w.class, cs),
		mix(123, side, cp, cn),
		mix(124, side, p1.class, w.class),
		mix(125, side, ds, w.shape^n1.class),
	)
}

// Table is the weights of one tagger: a weight per hashed feature and tag,
// and transition weights (from the start, then from each tag).
type Table struct {
	Bits uint
	Tags int
	// W holds the weights while fitting; a decoded table holds them in Q,
	// quantised: weight = Q × Scale.
	W     []float32
	Q     []int8
	Scale float32
	Trans []float32 // (Tags+1) × Tags; row 0 is the start
	// Bias is added to every word's score of each tag: a positive bias
	// on a tag trades precision for recall.
	Bias []float32
}

// NewTable returns a zero table with 1<<bits feature buckets.
func NewTable(bits uint, tags int) *Table {
	return &Table{Bits: bits, Tags: tags, W: make([]float32, (1<<bits)*tags), Trans: make([]float32, (tags+1)*tags), Bias: make([]float32, tags)}
}

// Index returns the offset of feature f's weights in W.
func (t *Table) Index(f uint32) int {
	return int(f&(1<<t.Bits-1)) * t.Tags
}

// Emit adds the scores of the features feats to dst[0:Tags].
func (t *Table) Emit(feats []uint32, dst []float32) {
	for k, b := range t.Bias {
		dst[k] += b
	}
	if t.W == nil {
		t.emitQ(feats, dst)
		return
	}
	for _, f := range feats {
		w := t.W[t.Index(f):]
		for k := range t.Tags {
			dst[k] += w[k]
		}
	}
}

// emitQ is Emit over quantised weights.
func (t *Table) emitQ(feats []uint32, dst []float32) {
	var acc [8]int32
	T := t.Tags
	mask := uint32(1)<<t.Bits - 1
	for _, f := range feats {
		i := int(f&mask) * T
		q := t.Q[i : i+T]
		for k := range q {
			acc[k] += int32(q[k])
		}
	}
	for k := range T {
		dst[k] += float32(acc[k]) * t.Scale
	}
}

// Decoder holds the buffers of Viterbi decoding; the zero value is ready.
type Decoder struct {
	score []float32
	back  []int8
	ok    []bool
}

// Viterbi returns in tags the best tag sequence for the emission scores
// em (n × Tags), with allowed(prev, cur) restricting transitions (prev is
// -1 at the start); allowed may be nil.
func (d *Decoder) Viterbi(t *Table, em []float32, n int, allowed func(prev, cur int) bool, tags []int) []int {
	T := t.Tags
	tags = tags[:0]
	if n == 0 {
		return tags
	}
	if cap(d.score) < n*T {
		d.score = make([]float32, n*T)
		d.back = make([]int8, n*T)
	}
	score, back := d.score[:n*T], d.back[:n*T]
	var ok []bool
	if allowed != nil {
		d.ok = d.ok[:0]
		for p := range T {
			for k := range T {
				d.ok = append(d.ok, allowed(p, k))
			}
		}
		ok = d.ok
	}
	neg := float32(math.Inf(-1))
	for k := range T {
		score[k] = neg
		if allowed == nil || allowed(-1, k) {
			score[k] = em[k] + t.Trans[k]
		}
	}
	for i := 1; i < n; i++ {
		for k := range T {
			best, arg := neg, 0
			for p := range T {
				if score[(i-1)*T+p] == neg || (ok != nil && !ok[p*T+k]) {
					continue
				}
				if v := score[(i-1)*T+p] + t.Trans[(p+1)*T+k]; v > best {
					best, arg = v, p
				}
			}
			if best != neg {
				best += em[i*T+k]
			}
			score[i*T+k] = best
			back[i*T+k] = int8(arg)
		}
	}
	best, arg := neg, 0
	for k := range T {
		if v := score[(n-1)*T+k]; v > best {
			best, arg = v, k
		}
	}
	for range n {
		tags = append(tags, 0)
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = arg
		arg = int(back[i*T+arg])
	}
	return tags
}

// CueAllowed forbids an inside tag that does not follow a cue word.
func CueAllowed(prev, cur int) bool {
	return cur != CueI || prev == CueB || prev == CueI
}

// Model is the pair of taggers.
type Model struct {
	Cue  *Table
	Role *Table
}

// Header is the first line of a model file: its source and licence.
const Header = "# Parallax attribution taggers (cue words; source and content of a cue). Source: weights learned from the PolNeAR v1.0.0 train part (Newell, Margolin & Ruths, LREC 2018; licence: none stated) by `go run ./attribution/internal/train`; no text of the corpus is stored. Format: this line, then gzip of int8 weights.\n"

const magic = "PXATTR1"

// Encode writes m with its weights quantised to int8.
func (m *Model) Encode(w io.Writer) error {
	if _, err := io.WriteString(w, Header); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	for _, t := range []*Table{m.Cue, m.Role} {
		var mx float32
		for _, v := range t.W {
			mx = max(mx, float32(math.Abs(float64(v))))
		}
		scale := mx / 127
		if scale == 0 {
			scale = 1
		}
		hdr := []any{uint8(t.Bits), uint8(t.Tags), scale, t.Trans, t.Bias}
		for _, v := range hdr {
			if err := binary.Write(bw, binary.LittleEndian, v); err != nil {
				return fmt.Errorf("writing the model: %w", err)
			}
		}
		for _, v := range t.W {
			bw.WriteByte(byte(int8(math.Round(float64(v / scale)))))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 || data[0] != '#' {
		return nil, errors.New("not a Parallax attribution model: no header line")
	}
	zr, err := gzip.NewReader(bytes.NewReader(data[nl+1:]))
	if err != nil {
		return nil, fmt.Errorf("reading the attribution model: %w", err)
	}
	r := bufio.NewReader(zr)
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(r, mg); err != nil || string(mg) != magic {
		return nil, errors.New("not a Parallax attribution model: bad magic")
	}
	m := &Model{}
	for _, dst := range []**Table{&m.Cue, &m.Role} {
		var bits, tags uint8
		var scale float32
		if err := binary.Read(r, binary.LittleEndian, &bits); err != nil {
			return nil, fmt.Errorf("reading the attribution model: %w", err)
		}
		if err := binary.Read(r, binary.LittleEndian, &tags); err != nil {
			return nil, fmt.Errorf("reading the attribution model: %w", err)
		}
		if bits > 21 || tags == 0 || tags > 8 {
			return nil, fmt.Errorf("reading the attribution model: bad table size %d×%d", bits, tags)
		}
		t := NewTable(uint(bits), int(tags))
		if err := binary.Read(r, binary.LittleEndian, &scale); err != nil {
			return nil, fmt.Errorf("reading the attribution model: %w", err)
		}
		if err := binary.Read(r, binary.LittleEndian, t.Trans); err != nil {
			return nil, fmt.Errorf("reading the attribution model: %w", err)
		}
		if err := binary.Read(r, binary.LittleEndian, t.Bias); err != nil {
			return nil, fmt.Errorf("reading the attribution model: %w", err)
		}
		raw := make([]byte, len(t.W))
		if _, err := io.ReadFull(r, raw); err != nil {
			return nil, fmt.Errorf("reading the attribution model: %w", err)
		}
		t.W = nil
		t.Q = make([]int8, len(raw))
		for i, b := range raw {
			t.Q[i] = int8(b)
		}
		t.Scale = scale
		*dst = t
	}
	return m, nil
}

// markDist returns how many words lie between word i and the nearest
// quotation mark before it (dir -1) or after it (dir 1); 13 or more when
// there is none near.
func (s *Sentence) markDist(i, dir int) int {
	if dir < 0 {
		return i - s.prevQ[i]
	}
	return s.nextQ[i] - i
}

func (s *Sentence) lexAt(i int) uint8 {
	if i < len(s.lex) {
		return s.lex[i]
	}
	return 0
}
