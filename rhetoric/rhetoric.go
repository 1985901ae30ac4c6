// Package rhetoric finds spans that use propaganda techniques, with the 14
// techniques of SemEval-2020 Task 11 named as in DESIGN.md
// ("loaded_language", "name_calling", "doubt", ...).
//
// A sequence tagger (an averaged structured perceptron over hashed word,
// context, word-cluster, cue-lexicon and sentence features, decoded with
// Viterbi) labels every token with a technique or none; runs of one
// technique become spans. It was trained on the Propaganda Techniques
// Corpus by rhetoric/internal/train; its weights (model.bin), its cue
// lexicon (lexicon.txt) and its word clusters (clusters.txt, derived from
// unlabelled news text by rhetoric/internal/clusters) are embedded. Every
// span carries the features that weighed most for it, so that a reader can
// judge it.
package rhetoric

//go:generate go run ./internal/clusters -out clusters.txt
//go:generate go run ./internal/train -out model.bin

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/rhetoric/internal/tagger"
	"github.com/parallaxnews/parallax/segment"
)

//go:embed model.bin
var modelData []byte

//go:embed lexicon.txt
var lexiconData string

//go:embed clusters.txt
var clusterData string

// whyFeatures is how many features a span's Why lists.
const whyFeatures = 3

// Annotator adds the rhetoric layer to an analysis. It is safe for
// concurrent use.
type Annotator struct {
	tagger tagger.Tagger
	seg    *segment.Segmenter
	work   sync.Pool
}

// New returns an Annotator with the embedded model and cue lexicon.
func New() (*Annotator, error) { return NewWithModel(modelData) }

// NewWithModel returns an Annotator that uses the model data (as written by
// rhetoric/internal/train) instead of the embedded one, for evaluating a
// model trained without some articles. It does no I/O.
func NewWithModel(model []byte) (*Annotator, error) {
	m, err := tagger.Decode(model)
	if err != nil {
		return nil, err
	}
	lx, err := tagger.ParseLexicon(lexiconData)
	if err != nil {
		return nil, fmt.Errorf("reading the rhetoric lexicon: %w", err)
	}
	cl, err := tagger.ParseClusters(clusterData)
	if err != nil {
		return nil, fmt.Errorf("reading the rhetoric word clusters: %w", err)
	}
	an := &Annotator{tagger: tagger.Tagger{X: tagger.NewExtractor(lx, cl), M: m}, seg: segment.New()}
	an.work.New = func() any { return new(tagger.Work) }
	return an, nil
}

// Annotate fills the rhetoric layer of a and its summary, reading the
// sentences (it splits the text itself when they are missing). The model
// learned English: a document in another language gets no spans, and a
// summary that says so.
func (an *Annotator) Annotate(a *doc.Analysis) {
	text := a.Document.Text
	sentences := a.Sentences
	if len(sentences) == 0 && text != "" {
		sentences = an.seg.Sentences(text)
	}
	if lang := a.Document.Lang; lang != "" && lang != "en" {
		a.Rhetoric = a.Rhetoric[:0]
		a.RhetoricSummary = summarize(nil, sentences)
		a.RhetoricSummary.NotAssessed = "the rhetoric model reads English; this document's language is " + lang
		return
	}
	w := an.work.Get().(*tagger.Work)
	defer an.work.Put(w)
	spans := an.tagger.Tag(w, text, sentences)
	var why [][]string
	if len(spans) > 0 {
		why = an.tagger.Why(w, spans, whyFeatures)
	}
	out := a.Rhetoric[:0]
	for i, s := range spans {
		out = append(out, doc.Rhetoric{
			Start:     s.Start,
			End:       s.End,
			Text:      text[s.Start:s.End],
			Technique: tagger.Label(s.Label),
			Score:     round(an.tagger.M.Confidence(s.Margin)),
			Why:       why[i],
		})
	}
	a.Rhetoric = out
	a.RhetoricSummary = summarize(out, sentences)
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// summarize counts the techniques of rs and the share of sentences that
// use each.
func summarize(rs []doc.Rhetoric, sentences []doc.Span) *doc.RhetoricSummary {
	sum := &doc.RhetoricSummary{Spans: len(rs), Sentences: len(sentences), Techniques: []doc.TechniqueCount{}}
	if len(rs) == 0 {
		return sum
	}
	type acc struct {
		spans int
		sents map[int]bool
	}
	by := map[string]*acc{}
	all := map[int]bool{}
	for _, r := range rs {
		// The sentence a span starts in.
		k := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > r.Start })
		x := by[r.Technique]
		if x == nil {
			x = &acc{sents: map[int]bool{}}
			by[r.Technique] = x
		}
		x.spans++
		x.sents[k] = true
		all[k] = true
	}
	share := func(n int) float64 {
		if len(sentences) == 0 {
			return 0
		}
		return round(float64(n) / float64(len(sentences)))
	}
	sum.SentencesWithTechnique = len(all)
	sum.SentenceShare = share(len(all))
	for t, x := range by {
		sum.Techniques = append(sum.Techniques, doc.TechniqueCount{
			Technique: t, Spans: x.spans, Sentences: len(x.sents), SentenceShare: share(len(x.sents)),
		})
	}
	sort.Slice(sum.Techniques, func(i, j int) bool {
		a, b := sum.Techniques[i], sum.Techniques[j]
		if a.Spans != b.Spans {
			return a.Spans > b.Spans
		}
		return a.Technique < b.Technique
	})
	return sum
}
