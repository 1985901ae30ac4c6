package pipeline

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/parallaxnews/parallax/doc"
)

// panicky panics on documents whose text is "boom".
type panicky struct{}

func (panicky) Annotate(a *doc.Analysis) {
	if a.Document.Text == "boom" {
		panic("boom")
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	p.add("panicky", panicky{})
	const n = 200
	in := make(chan Job)
	go func() {
		defer close(in)
		for i := range n {
			switch {
			case i%17 == 0:
				in <- Job{Doc: doc.Document{ID: fmt.Sprint(i)}, Err: errors.New("unreadable")}
			case i%23 == 0:
				in <- Job{Doc: doc.Document{ID: fmt.Sprint(i), Text: "boom"}}
			default:
				in <- Job{Doc: doc.Document{ID: fmt.Sprint(i), Text: fmt.Sprintf("Sentence %d. Another one.", i)}}
			}
		}
	}()
	next := 0
	err = p.Run(context.Background(), 4, in, func(r Result) error {
		if r.Doc.ID != fmt.Sprint(next) {
			t.Fatalf("result %d came as %q", next, r.Doc.ID)
		}
		switch {
		case next%17 == 0 || next%23 == 0:
			if r.Err == nil {
				t.Errorf("document %d: no error", next)
			}
		case r.Err != nil:
			t.Errorf("document %d: %v", next, r.Err)
		case len(r.Analysis.Sentences) != 2:
			t.Errorf("document %d: %d sentences", next, len(r.Analysis.Sentences))
		}
		next++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if next != n {
		t.Fatalf("got %d results, want %d", next, n)
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	in := make(chan Job)
	go func() {
		defer close(in)
		for i := range 1000 {
			select {
			case in <- Job{Doc: doc.Document{ID: fmt.Sprint(i), Text: "x."}}:
			case <-t.Context().Done():
				return
			}
		}
	}()
	stop := errors.New("stop")
	calls := 0
	err = p.Run(t.Context(), 2, in, func(Result) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Fatalf("Run = %v after %d calls, want %v after 3", err, calls, stop)
	}
}

func TestAnalyzeLayersPresent(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Analyze(doc.Document{ID: "x", Text: "Nothing to see here."})
	if err != nil {
		t.Fatal(err)
	}
	if a.Sentences == nil || a.Entities == nil || a.Times == nil || a.Quantities == nil ||
		a.Attributions == nil || a.Claims == nil || a.Events == nil || a.Rhetoric == nil {
		t.Fatalf("a layer is nil: %+v", a)
	}
}
