package compare

import (
	"context"
	"errors"
	"reflect"
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
