package compare

import (
	"reflect"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/doc"
)

// A Comparison answers as the one-shot functions do, however often and
// from however many goroutines it is asked.
func TestComparisonAnswersAsFunctions(t *testing.T) {
	recs := clashRecords()
	c := New(recs)
	opts := []Options{{}, {From: "2022-09-01", To: "2022-09-30"}, {Event: "no-such-event"}}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, o := range opts {
				if got, want := c.Report(o), Compare(recs, o); !reflect.DeepEqual(got, want) {
					t.Errorf("Report(%+v) differs from Compare", o)
				}
				if got, want := c.Timeline(o), build(recs).timeline(o); !reflect.DeepEqual(got, want) {
					t.Errorf("Timeline(%+v) differs", o)
				}
			}
			for _, side := range []string{"KG", "TJ"} {
				got, want := c.Silences(doc.Party(side), ""), Silences(recs, doc.Party(side), "")
				if !reflect.DeepEqual(got, want) {
					t.Errorf("Silences(%s) differs", side)
				}
				if len(got) > 0 {
					got[0].Kind = "changed" // a caller's copy: the next answer must not see it
				}
			}
		})
	}
	wg.Wait()
	if c.Len() != len(recs) {
		t.Errorf("Len() = %d, want %d", c.Len(), len(recs))
	}
}

func TestSpeakerName(t *testing.T) {
	ministry := &doc.Entity{Name: "Ministry of Health of Kyrgyzstan"}
	for _, tt := range []struct {
		claim   doc.Claim
		speaker *doc.Entity
		want    string
	}{
		{doc.Claim{Speaker: "e1"}, ministry, "Ministry of Health of Kyrgyzstan"},
		{doc.Claim{Side: "KG", SpeakerText: "the Kyrgyz Health Ministry,"}, nil, "Kyrgyz Health Ministry"},
		{doc.Claim{Side: "KG", SpeakerText: "в Министерстве здравоохранения республики"}, nil, "Министерстве здравоохранения республики"},
		{doc.Claim{SpeakerText: "local residents"}, nil, ""}, // no side: the outlet speaks
	} {
		if got := SpeakerName(&tt.claim, tt.speaker); got != tt.want {
			t.Errorf("SpeakerName(%+v) = %q, want %q", tt.claim, got, tt.want)
		}
	}
}
