// Package pipeline runs the annotators in order over documents: sentences,
// entities, times, quantities, attributions, claims and events, rhetoric.
// Run streams documents through a bounded worker pool and hands the
// analyses back in input order, so memory stays flat whatever the corpus.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/parallaxnews/parallax/attribution"
	"github.com/parallaxnews/parallax/claim"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/entity"
	"github.com/parallaxnews/parallax/quantity"
	"github.com/parallaxnews/parallax/rhetoric"
	"github.com/parallaxnews/parallax/segment"
	"github.com/parallaxnews/parallax/timex"
)

// Annotator adds one layer to an analysis, reading the layers before it.
type Annotator interface {
	Annotate(a *doc.Analysis)
}

// Pipeline holds the annotators in the order they run. It is safe for
// concurrent use.
type Pipeline struct {
	stages []stage
}

type stage struct {
	name string
	an   Annotator
}

// sentences adapts the segmenter to the Annotator interface.
type sentences struct{ seg *segment.Segmenter }

func (s sentences) Annotate(a *doc.Analysis) {
	a.Sentences = s.seg.AppendSentences(a.Sentences[:0], a.Document.Text)
}

// Option configures a Pipeline.
type Option func(*config)

type config struct {
	entity []entity.Option
}

// WithEntityOptions passes options to the entity annotator, such as the
// user's own outlet registry (entity.WithOutlets).
func WithEntityOptions(opts ...entity.Option) Option {
	return func(c *config) { c.entity = append(c.entity, opts...) }
}

// New builds the pipeline with every annotator and its embedded resources.
func New(opts ...Option) (*Pipeline, error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	p := &Pipeline{}
	p.add("sentences", sentences{segment.New()})
	type ctor struct {
		name string
		new  func() (Annotator, error)
	}
	for _, c := range []ctor{
		{"entities", func() (Annotator, error) { return entity.New(cfg.entity...) }},
		{"times", func() (Annotator, error) { return timex.New() }},
		{"quantities", func() (Annotator, error) { return quantity.New() }},
		{"attributions", func() (Annotator, error) { return attribution.New() }},
		{"claims", func() (Annotator, error) { return claim.New() }},
		{"rhetoric", func() (Annotator, error) { return rhetoric.New() }},
	} {
		an, err := c.new()
		if err != nil {
			return nil, fmt.Errorf("loading the %s annotator: %w", c.name, err)
		}
		p.add(c.name, an)
	}
	return p, nil
}

func (p *Pipeline) add(name string, an Annotator) {
	p.stages = append(p.stages, stage{name, an})
}

// Analyze runs every annotator over d and returns its analysis. A panic in
// an annotator is turned into an error naming the stage, so that one
// pathological document cannot stop a batch.
func (p *Pipeline) Analyze(d doc.Document) (a *doc.Analysis, err error) {
	a = doc.NewAnalysis(d)
	current := ""
	defer func() {
		if r := recover(); r != nil {
			slog.Error("annotator panicked", "stage", current, "document", d.ID, "panic", r, "stack", string(debug.Stack()))
			a, err = nil, fmt.Errorf("internal error in the %s stage", current)
		}
	}()
	for _, s := range p.stages {
		current = s.name
		s.an.Annotate(a)
	}
	return a, nil
}

// Job is one input of Run: a document, or the error met reading one (passed
// through in order, so that a caller can report it where it belongs).
type Job struct {
	Doc doc.Document
	Err error
}

// Result is one output of Run, in the order of the jobs.
type Result struct {
	Doc      doc.Document
	Analysis *doc.Analysis // nil when Err is set
	Err      error
}

// Run analyses the jobs from in with the given number of workers (0 means
// one per CPU) and calls emit with each result in input order. At most a
// few jobs per worker are in flight at once. Run returns when in is closed
// and drained, when emit returns an error, or when ctx is done.
func (p *Pipeline) Run(parent context.Context, workers int, in <-chan Job, emit func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()

	type task struct {
		job Job
		out chan Result
	}
	tasks := make(chan task)
	order := make(chan chan Result, 2*workers)

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				r := Result{Doc: t.job.Doc, Err: t.job.Err}
				if r.Err == nil {
					r.Analysis, r.Err = p.Analyze(t.job.Doc)
				}
				t.out <- r
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(tasks)
		for {
			var job Job
			var ok bool
			select {
			case <-ctx.Done():
				return
			case job, ok = <-in:
				if !ok {
					return
				}
			}
			t := task{job, make(chan Result, 1)}
			select {
			case order <- t.out:
			case <-ctx.Done():
				return
			}
			select {
			case tasks <- t:
			case <-ctx.Done():
				return
			}
		}
	}()

	var err error
	for out := range order {
		var r Result
		select {
		case r = <-out:
		case <-ctx.Done():
		}
		if err == nil && ctx.Err() == nil {
			err = emit(r)
			if err != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if err == nil {
		err = parent.Err()
	}
	return err
}
