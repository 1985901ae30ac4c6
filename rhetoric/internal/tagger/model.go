// Package tagger is the sequence tagger behind package rhetoric: the
// features, the model's weights and file format, the Viterbi decoder and
// the SemEval-2020 Task 11 span scorer. The training command and the
// annotator share it, so that both compute exactly the same features.
package tagger

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// labelNames are "O" (no technique) followed by the 14 techniques, named
// as in DESIGN.md. A token's label is its index.
const labelNames = "O loaded_language name_calling repetition exaggeration doubt " +
	"appeal_to_fear flag_waving causal_oversimplification slogans " +
	"appeal_to_authority black_and_white thought_terminating_cliche " +
	"whataboutism bandwagon"

// NumLabels is the number of labels, "O" included.
const NumLabels = 15

// Stride is the number of weights kept per feature (NumLabels rounded up
// so that one feature's weights share a cache line).
const Stride = 16

// start is the row of Trans used before the first token of a sentence.
const start = NumLabels

// Label returns the name of label i (0 <= i < NumLabels).
func Label(i int) string {
	rest := labelNames
	for range i {
		_, rest, _ = strings.Cut(rest, " ")
	}
	l, _, _ := strings.Cut(rest, " ")
	return l
}

// LabelOf returns the index of the named technique, or -1.
func LabelOf(name string) int {
	for i := range NumLabels {
		if Label(i) == name {
			return i
		}
	}
	return -1
}

// Model is a trained tagger: hashed feature weights quantised to int8,
// a scale per label, label-to-label transition scores and a bias per label
// (the class-specific thresholds tuned after training).
type Model struct {
	Bits  int             // the feature table has 1<<Bits rows
	W     []int8          // row h holds W[h*Stride : h*Stride+NumLabels]
	Scale [Stride]float32 // weight of label c is W[..+c]*Scale[c]
	Trans [(NumLabels + 1) * Stride]float32
	Bias  [Stride]float32
	// Policy says, label by label, how tagged runs become spans (AsTagged,
	// Joined, Sentence).
	Policy [Stride]uint8
	// Spread is the typical size of a label's lead over "O"; a span's
	// margin divided by it gives its confidence.
	Spread float32
	// The span classifier (see SpanFeatures): 1<<SpanBits rows of Stride
	// int8 weights, label c scaled by SpanScale[c], and the weight of the
	// tagger's lead over "O" beside it. SpanBits is 0 without one.
	SpanBits  int
	SpanW     []int8
	SpanScale [Stride]float32
	SpanAlpha float32

	packed []uint64        // W biased by 128, two words a row, for Emit
	reach  [Stride]float32 // see reach
}

// prepare derives the fields Emit and Tag use from the exported ones.
func (m *Model) prepare() {
	rows := 1 << m.Bits
	m.packed = make([]uint64, rows*2)
	for r := range rows {
		for c := range Stride {
			m.packed[r*2+c/8] |= uint64(uint8(int16(m.W[r*Stride+c])+128)) << (8 * (c % 8))
		}
	}
	m.reach = reach(&m.Trans)
}

// magic names the format and the feature set: a model trained on other
// features must not load.
const magic = "PLXRH5"

// Encode writes m in the compressed binary model format.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	b := bytes.NewBufferString(magic)
	hdr := []any{uint32(m.Bits), uint32(NumLabels), m.Scale, m.Trans, m.Bias, m.Policy, m.Spread}
	for _, v := range hdr {
		if err := binary.Write(b, binary.LittleEndian, v); err != nil {
			return fmt.Errorf("encoding the model: %w", err)
		}
	}
	// Weights are stored label by label, which compresses better than row
	// by row.
	rows := 1 << m.Bits
	col := make([]byte, rows)
	for c := range NumLabels {
		for r := range rows {
			col[r] = byte(m.W[r*Stride+c])
		}
		b.Write(col)
	}
	for _, v := range []any{uint32(m.SpanBits), m.SpanScale, m.SpanAlpha} {
		if err := binary.Write(b, binary.LittleEndian, v); err != nil {
			return fmt.Errorf("encoding the model: %w", err)
		}
	}
	if m.SpanBits > 0 {
		srows := 1 << m.SpanBits
		col = make([]byte, srows)
		for c := range NumLabels {
			for r := range srows {
				col[r] = byte(m.SpanW[r*Stride+c])
			}
			b.Write(col)
		}
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return fmt.Errorf("compressing the model: %w", err)
	}
	return zw.Close()
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading the rhetoric model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("reading the rhetoric model: %w", err)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("reading the rhetoric model: not a Parallax rhetoric model")
	}
	r := bytes.NewReader(raw[len(magic):])
	var bits, n uint32
	m := &Model{}
	for _, v := range []any{&bits, &n, &m.Scale, &m.Trans, &m.Bias, &m.Policy, &m.Spread} {
		if err := binary.Read(r, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("reading the rhetoric model header: %w", err)
		}
	}
	if n != uint32(NumLabels) || bits < 8 || bits > 26 {
		return nil, fmt.Errorf("reading the rhetoric model: %d labels and %d bits do not fit this version", n, bits)
	}
	if !(m.Spread > 0) {
		m.Spread = 1
	}
	m.Bits = int(bits)
	rows := 1 << m.Bits
	if r.Len() < rows*NumLabels {
		return nil, fmt.Errorf("reading the rhetoric model: %d weight bytes, want %d", r.Len(), rows*NumLabels)
	}
	col := make([]byte, rows)
	m.W = make([]int8, rows*Stride)
	for c := range NumLabels {
		if _, err := io.ReadFull(r, col); err != nil {
			return nil, fmt.Errorf("reading the rhetoric model weights: %w", err)
		}
		for i, v := range col {
			m.W[i*Stride+c] = int8(v)
		}
	}
	var sbits uint32
	for _, v := range []any{&sbits, &m.SpanScale, &m.SpanAlpha} {
		if err := binary.Read(r, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("reading the rhetoric span classifier header: %w", err)
		}
	}
	if sbits > 24 {
		return nil, fmt.Errorf("reading the rhetoric model: %d span classifier bits do not fit this version", sbits)
	}
	m.SpanBits = int(sbits)
	srows := 0
	if sbits > 0 {
		srows = 1 << sbits
	}
	if r.Len() != srows*NumLabels {
		return nil, fmt.Errorf("reading the rhetoric model: %d span classifier bytes, want %d", r.Len(), srows*NumLabels)
	}
	if srows > 0 {
		col = make([]byte, srows)
		m.SpanW = make([]int8, srows*Stride)
		for c := range NumLabels {
			if _, err := io.ReadFull(r, col); err != nil {
				return nil, fmt.Errorf("reading the rhetoric span classifier: %w", err)
			}
			for i, v := range col {
				m.SpanW[i*Stride+c] = int8(v)
			}
		}
	}
	m.prepare()
	return m, nil
}

// Quantise turns float weights (rows of Stride) into a model, scaling each
// label's weights so that the largest in magnitude, after clipping the
// rarest outliers, maps to 127.
func Quantise(bits int, w []float32, trans [(NumLabels + 1) * Stride]float32) *Model {
	m := &Model{Bits: bits, W: make([]int8, len(w)), Trans: trans}
	rows := 1 << bits
	for c := range NumLabels {
		var mags []float32
		for r := range rows {
			if v := w[r*Stride+c]; v != 0 {
				mags = append(mags, float32(math.Abs(float64(v))))
			}
		}
		if len(mags) == 0 {
			m.Scale[c] = 1
			continue
		}
		limit := quantile(mags, 0.9999)
		if limit == 0 {
			limit = 1
		}
		m.Scale[c] = limit / 127
		for r := range rows {
			v := w[r*Stride+c] / m.Scale[c]
			v = max(-127, min(127, v))
			m.W[r*Stride+c] = int8(math.Round(float64(v)))
		}
	}
	m.prepare()
	return m
}

func quantile(xs []float32, q float64) float32 {
	// Selection by counting in a histogram of magnitudes keeps this linear.
	var hi float32
	for _, x := range xs {
		hi = max(hi, x)
	}
	if hi == 0 {
		return 0
	}
	const buckets = 4096
	var hist [buckets]int
	for _, x := range xs {
		hist[min(buckets-1, int(x/hi*buckets))]++
	}
	want := int(q * float64(len(xs)))
	seen := 0
	for i, c := range hist {
		seen += c
		if seen >= want {
			return hi * float32(i+1) / buckets
		}
	}
	return hi
}
