package compare

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// reusingSource streams records through one Record it overwrites, as
// stores do: a Builder must keep what it needs, never the pointer.
type reusingSource struct {
	recs []Record
	err  error // returned after the records, when set
}

func (s reusingSource) EachRecord(_ context.Context, _, _ string, fn func(*Record) error) error {
	var r Record
	for i := range s.recs {
		r = s.recs[i]
		if err := fn(&r); err != nil {
			return err
		}
	}
	r = Record{Document: "overwritten", Metric: "killed"}
	return s.err
}

func TestReadComparesAsStreamed(t *testing.T) {
	recs := variedRecords(2000)
	c, err := Read(context.Background(), reusingSource{recs: recs}, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	sameAsCompare(t, c, recs)

	// keep selects records as they stream.
	outlet := func(r *Record) bool { return strings.HasSuffix(r.Outlet, "7") }
	var kept []Record
	for _, r := range recs {
		if outlet(&r) {
			kept = append(kept, r)
		}
	}
	c, err = Read(context.Background(), reusingSource{recs: recs}, "", "", outlet)
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != len(kept) || !reflect.DeepEqual(c.Report(Options{}), Compare(kept, Options{})) {
		t.Errorf("Read with keep: %d records, report differs from Compare of the %d kept", c.Len(), len(kept))
	}
	if got, want := c.Sides(), []string{"KG", "TJ"}; len(got) != len(want) || string(got[0]) != want[0] || string(got[1]) != want[1] {
		t.Errorf("Sides() = %v, want %v", got, want)
	}
}

// sameAsCompare checks that a comparison read from a source holds the
// records and compares them as Compare and Timeline do.
func sameAsCompare(t *testing.T, c *Comparison, recs []Record) {
	t.Helper()
	if c.Len() != len(recs) {
		t.Errorf("Len() = %d, want %d", c.Len(), len(recs))
	}
	rep, tl := Analyze(recs, Options{})
	if !reflect.DeepEqual(c.Report(Options{}), rep) {
		t.Error("Read's report differs from Compare's")
	}
	if !reflect.DeepEqual(c.Timeline(Options{}), tl) {
		t.Error("Read's timeline differs")
	}
}

func TestReadFailsWithItsSource(t *testing.T) {
	boom := errors.New("disk on fire")
	if _, err := Read(context.Background(), reusingSource{recs: variedRecords(40), err: boom}, "", "", nil); !errors.Is(err, boom) {
		t.Errorf("Read = %v, want the source's error", err)
	}
}

func TestEmptyComparison(t *testing.T) {
	c := NewBuilder(0).Comparison()
	if c.Len() != 0 || len(c.Report(Options{}).Groups) != 0 || len(c.Timeline(Options{})) != 0 || len(c.Silences("KG", "")) != 0 {
		t.Error("an empty comparison reports something")
	}
}

// encodedSource gives the encodings of its documents, then its records
// alone through one Record it overwrites, as a store does with the
// documents it has no encoding of.
type encodedSource struct {
	docs  []string
	alone []Record
}

func (s encodedSource) EachRecord(ctx context.Context, from, to string, fn func(*Record) error) error {
	return s.EachEncoded(ctx, from, to, func(data string) error { return DecodeDocument(data, fn) }, fn)
}

func (s encodedSource) EachEncoded(_ context.Context, _, _ string, doc func(string) error, rec func(*Record) error) error {
	for _, d := range s.docs {
		if err := doc(d); err != nil {
			return err
		}
	}
	var r Record
	var low, high float64 // a source reuses its bounds too
	for i := range s.alone {
		r = s.alone[i]
		if r.Low != nil {
			low = *r.Low
			r.Low = &low
		}
		if r.High != nil {
			high = *r.High
			r.High = &high
		}
		if err := rec(&r); err != nil {
			return err
		}
	}
	r, low, high = Record{Document: "overwritten", Metric: "killed"}, -1, -1
	return nil
}

// Read decodes the documents of an EncodedSource in one goroutine and
// adds them in another: the comparison is that of the records.
func TestReadEncodedSameAsCompare(t *testing.T) {
	recs := append(GenerateRecords(30_000), encodeRecords()...)
	split := len(recs) * 2 / 3
	for split < len(recs) && recs[split].Document == recs[split-1].Document {
		split++
	}
	src := encodedSource{docs: encodeDocuments(t, recs[:split]), alone: recs[split:]}
	c, err := Read(context.Background(), src, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	sameAsCompare(t, c, recs)

	// A malformed encoding is an error, whatever the goroutines are doing.
	bad := slices.Clone(src.docs)
	bad[len(bad)/2] = bad[len(bad)/2][:10]
	if _, err := Read(context.Background(), encodedSource{docs: bad}, "", "", nil); err == nil {
		t.Error("Read of a malformed encoding: no error")
	}
}
