package polnear

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestParseAnn(t *testing.T) {
	tests := []struct {
		name string
		ann  string
		want []Attribution
	}{
		{"one attribution", "T1\tSource 0 5\tPaulo\nT2\tCue 6 10\tsaid\nT3\tContent 11 20\tit rained\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
			[]Attribution{{Cue: []Span{{6, 10}}, Source: []Span{{0, 5}}, Content: []Span{{11, 20}}}}},
		{"discontinuous content, first piece to last", "T1\tCue 6 10\tsaid\nT2\tContent 11 20;30 40\ta b\nE1\tAttribution:T1 Cue:T1 Content:T2\n",
			[]Attribution{{Cue: []Span{{6, 10}}, Content: []Span{{11, 40}}}}},
		{"pieces out of order stay as the scorer reads them", "T1\tContent 30 40;11 20\tb a\nE1\tAttribution:T1 Content:T1\n",
			[]Attribution{{Content: []Span{{30, 20}}}}},
		{"a part given twice", "T1\tContent 1 2\ta\nT2\tContent 5 9\tb\nE1\tAttribution:T1 Content:T1 Content:T2\n",
			[]Attribution{{Content: []Span{{1, 2}, {5, 9}}}}},
		{"unknown span and garbage skipped", "T1\tCue x y\t?\nnonsense\nE1\tAttribution:T9 Cue:T1 Source:T7\n",
			[]Attribution{{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAnn(strings.NewReader(tt.ann))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	if !(Span{30, 20}).Empty() || (Span{1, 2}).Empty() || Last(nil) != (Span{}) {
		t.Error("Empty or Last wrong")
	}
}

func FuzzParseAnn(f *testing.F) {
	f.Add("T1\tCue 6 10\tsaid\nT2\tContent 11 20;30 40\ta b\nE1\tAttribution:T1 Cue:T1 Content:T2\n")
	f.Add("E1\t\nT\t 1;2 3\n")
	f.Fuzz(func(t *testing.T, ann string) {
		ats, err := ParseAnn(strings.NewReader(ann))
		if err != nil {
			return // lines longer than the scanner takes
		}
		if n := strings.Count(ann, "\nE") + 1; len(ats) > n {
			t.Fatalf("%d attributions from %d lines", len(ats), n)
		}
	})
}

func TestHeldOutStable(t *testing.T) {
	if HeldOut("a", 0) || !HeldOut("a", 1) {
		t.Error("share 0 holds out something, or share 1 keeps something")
	}
	// About the share asked for, by name alone.
	n := 0
	for i := range 1000 {
		if HeldOut(fmt.Sprintf("outlet_2016-09-%03d_article", i), 0.2) {
			n++
		}
	}
	if n < 150 || n > 250 {
		t.Errorf("%d of 1000 names held out at 0.2", n)
	}
}

func TestByteOffsets(t *testing.T) {
	if got := ByteOffsets("aé b"); !reflect.DeepEqual(got, []int{0, 1, 3, 4, 5}) {
		t.Errorf("ByteOffsets = %v", got)
	}
}
