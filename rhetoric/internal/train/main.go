// Command train trains the rhetoric tagger on the Propaganda Techniques
// Corpus (SemEval-2020 Task 11) and writes the model that package rhetoric
// embeds.
//
// From the repository root:
//
//	PARALLAX_SHARED=../shared go run ./rhetoric/internal/train -out rhetoric/model.bin
//
// or `go generate ./rhetoric`. Training is deterministic: articles are
// split by a hash of their ID, sentences are shuffled with a fixed seed.
//
// With -holdout 0.2 one article in five is kept out of training and scored
// in-process with the SemEval-2020 definitions of ../shared/tools/ptc.py;
// -heldout-dir also writes those articles and their labels in the PTC
// layout, so that ptc.py itself can score them through
// rhetoric/internal/analyze (see rhetoric/README.md).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/rhetoric/internal/tagger"
	"github.com/parallaxnews/parallax/segment"
)

// ptcLabels maps the corpus's technique names to ours.
func ptcLabels() map[string]string {
	return map[string]string{
		"Loaded_Language": "loaded_language", "Name_Calling,Labeling": "name_calling", "Repetition": "repetition",
		"Exaggeration,Minimisation": "exaggeration", "Doubt": "doubt", "Appeal_to_fear-prejudice": "appeal_to_fear",
		"Flag-Waving": "flag_waving", "Causal_Oversimplification": "causal_oversimplification", "Slogans": "slogans",
		"Appeal_to_Authority": "appeal_to_authority", "Black-and-White_Fallacy": "black_and_white",
		"Thought-terminating_Cliches":        "thought_terminating_cliche",
		"Whataboutism,Straw_Men,Red_Herring": "whataboutism", "Bandwagon,Reductio_ad_hitlerum": "bandwagon",
	}
}

type article struct {
	id        string
	text      string
	gold      []tagger.Labeled // byte offsets, our technique names
	sentences []doc.Span
	f         *tagger.Features
	labels    []uint8 // gold label per token
}

type options struct {
	data, lexicon, out, heldoutDir  string
	clusters                        string
	holdout, tune                   float64
	epochs, bits, spanEpochs, folds int
	binary, quick, crf, oracle      bool
	rate, l2, dropout               float64
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("train: ")
	var o options
	shared := os.Getenv("PARALLAX_SHARED")
	flag.StringVar(&o.data, "data", filepath.Join(shared, "datasets", "ptc"), "the PTC folder (train-articles, train-task2-TC.labels)")
	flag.StringVar(&o.lexicon, "lexicon", defaultFile("lexicon.txt"), "the cue lexicon")
	flag.StringVar(&o.clusters, "clusters", defaultFile("clusters.txt"), "the word clusters (empty: none)")
	flag.StringVar(&o.out, "out", "", "write the model here")
	flag.Float64Var(&o.holdout, "holdout", 0, "share of articles kept out of training and scored (by a hash of the article ID)")
	flag.Float64Var(&o.tune, "tune", 0.2, "with -folds 1: share of the training articles used to tune the thresholds")
	flag.StringVar(&o.heldoutDir, "heldout-dir", "", "write the held-out articles and labels here, for ptc.py")
	flag.IntVar(&o.epochs, "epochs", 30, "training passes")
	flag.IntVar(&o.bits, "bits", 18, "log2 of the number of hashed feature rows")
	flag.IntVar(&o.folds, "folds", 3, "tune the thresholds by cross-validation over this many folds of the training articles (below 2: on one tuning split)")
	flag.IntVar(&o.spanEpochs, "span-epochs", 0, "experiment, with -folds 1: train a span classifier to relabel spans, this many passes (0: none)")
	flag.BoolVar(&o.binary, "binary", false, "experiment: one label for every technique")
	flag.BoolVar(&o.quick, "quick", false, "experiment, with -folds 1: score the model fitted without the tuning articles instead of retraining")
	flag.BoolVar(&o.oracle, "oracle", false, "with -holdout: log upper bounds (a perfect single-label tagger, whole sentences, the model's spans with the right technique) on the held-out articles")
	flag.BoolVar(&o.crf, "crf", false, "train a CRF instead of a perceptron")
	flag.Float64Var(&o.rate, "rate", 0.1, "CRF: AdaGrad step size")
	flag.Float64Var(&o.l2, "l2", 1e-4, "CRF: L2 regularisation per update")
	flag.Float64Var(&o.dropout, "dropout", 0.3, "perceptron: share of features left out of each training step")
	flag.Parse()
	if err := run(o); err != nil {
		log.Fatal(err)
	}
}

// defaultFile returns the path of the file of package rhetoric with this
// name, from the package's folder or the repository root.
func defaultFile(name string) string {
	for _, p := range []string{name, filepath.Join("rhetoric", name)} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return name
}

func run(o options) error {
	t0 := time.Now()
	lexData, err := os.ReadFile(o.lexicon)
	if err != nil {
		return fmt.Errorf("reading the lexicon: %w", err)
	}
	lx, err := tagger.ParseLexicon(string(lexData))
	if err != nil {
		return err
	}
	var cl *tagger.Clusters
	if o.clusters != "" {
		data, err := os.ReadFile(o.clusters)
		if err != nil {
			return fmt.Errorf("reading the word clusters: %w", err)
		}
		if cl, err = tagger.ParseClusters(string(data)); err != nil {
			return err
		}
	}
	x := tagger.NewExtractor(lx, cl)
	arts, err := load(o.data)
	if err != nil {
		return err
	}
	seg := segment.New()
	for _, a := range arts {
		a.sentences = seg.Sentences(a.text)
		a.f = &tagger.Features{}
		x.Extract(a.f, a.text, a.sentences)
		if o.binary {
			for i := range a.gold {
				a.gold[i].Label = tagger.Label(1)
			}
		}
		a.labels = goldLabels(a.f, a.gold)
	}
	var train, tune, held []*article
	for _, a := range arts {
		switch {
		case bucket(a.id, "holdout") < o.holdout:
			held = append(held, a)
		case bucket(a.id, "tune") < o.tune:
			tune = append(tune, a)
			train = append(train, a)
		default:
			train = append(train, a)
		}
	}
	var fit []*article // training minus tuning
	for _, a := range train {
		if bucket(a.id, "tune") >= o.tune {
			fit = append(fit, a)
		}
	}
	log.Printf("%d articles: %d to train (%d to fit, %d to tune), %d held out; features in %v",
		len(arts), len(train), len(fit), len(tune), len(held), time.Since(t0).Round(time.Millisecond))

	{
		pred := map[*article][]tagger.Labeled{}
		ntok, npos := 0, 0
		for _, a := range held {
			for k := 0; k+1 < len(a.f.SentenceTokens); k++ {
				out := slices.Clone(a.labels[a.f.SentenceTokens[k]:a.f.SentenceTokens[k+1]])
				for _, s := range tagger.AppendSpans(nil, a.f, k, out, nil, nil) {
					pred[a] = append(pred[a], tagger.Labeled{Start: s.Start, End: s.End, Label: tagger.Label(s.Label)})
				}
			}
			ntok += len(a.labels)
			for _, l := range a.labels {
				if l != 0 {
					npos++
				}
			}
		}
		si, flc := scoreAll(held, pred)
		log.Printf("oracle on held out (%d tokens, %d labelled): SI %s, FLC %s", ntok, npos, si, flc)
	}
	bias := [tagger.Stride]float32{}
	policy := [tagger.Stride]uint8{}
	spread := float32(1)
	alpha := float32(-1)
	var m *tagger.Model
	if o.folds >= 2 && len(train) > 0 {
		m = crossValidate(train, o)
	} else if len(tune) > 0 {
		m = fitModel(fit, o, nil)
		bias, policy, spread = tuneBias(m, tune)
		m.Bias, m.Policy, m.Spread = bias, policy, spread
		if o.spanEpochs > 0 {
			fitSpan(m, fit, o.spanEpochs)
			m.SpanAlpha = tuneAlpha(m, tune, spread)
			if m.SpanAlpha < 0 {
				m.SpanBits, m.SpanW, m.SpanAlpha = 0, nil, 0
			} else {
				alpha = m.SpanAlpha / spanSpread(m, tune)
			}
		}
		si, flc := evaluate(m, x, tune)
		log.Printf("tuned on %d articles: SI %s, FLC %s", len(tune), si, flc)
	}
	if m == nil || (o.folds < 2 && !o.quick) {
		m = fitModel(train, o, nil)
		// The weights of a model trained on more articles are larger: scale
		// the thresholds by the spread of its margins.
		r := float32(1)
		if len(tune) > 0 {
			sd := spreadOf(emissions(m, tune))
			r = sd / spread
			spread = sd
		}
		for i := range bias {
			bias[i] *= r
		}
		m.Bias, m.Policy, m.Spread = bias, policy, spread
		if o.spanEpochs > 0 && alpha >= 0 {
			fitSpan(m, train, o.spanEpochs)
			// alpha is per unit of the span classifier's spread; the
			// tagger's margins grew by r.
			m.SpanAlpha = alpha * spanSpread(m, tune) / r
		}
	}
	if len(held) > 0 {
		si, flc := evaluate(m, x, held)
		log.Printf("held out %d articles: SI %s, FLC %s", len(held), si, flc)
		perLabel(m, held)
		if o.oracle {
			oracles(m, held)
		}
	}
	if o.heldoutDir != "" {
		if err := writeHeldOut(o.heldoutDir, held); err != nil {
			return err
		}
	}
	if o.out != "" {
		fh, err := os.Create(o.out)
		if err != nil {
			return err
		}
		if err := m.Encode(fh); err != nil {
			fh.Close()
			return err
		}
		if err := fh.Close(); err != nil {
			return err
		}
		st, _ := os.Stat(o.out)
		log.Printf("wrote %s (%d bytes)", o.out, st.Size())
	}
	log.Printf("done in %v", time.Since(t0).Round(time.Millisecond))
	return nil
}

// bucket maps an article ID to [0,1) by a salted hash.
func logf(format string, args ...any) { log.Printf(format, args...) }

func bucket(id, salt string) float64 {
	h := fnv.New64a()
	h.Write([]byte(salt + ":" + id))
	return float64(h.Sum64()%10000) / 10000
}

func load(dir string) ([]*article, error) {
	byID := map[string]*article{}
	var arts []*article
	names, err := filepath.Glob(filepath.Join(dir, "train-articles", "article*.txt"))
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("no articles in %s/train-articles (set PARALLAX_SHARED or -data): %v", dir, err)
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("reading an article: %w", err)
		}
		id := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(n), "article"), ".txt")
		a := &article{id: id, text: string(b)}
		byID[id] = a
		arts = append(arts, a)
	}
	fh, err := os.Open(filepath.Join(dir, "train-task2-TC.labels"))
	if err != nil {
		return nil, fmt.Errorf("reading the labels: %w", err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	ptcLabel := ptcLabels()
	offsets := map[string][]int{}
	for sc.Scan() {
		parts := strings.Split(strings.TrimSpace(sc.Text()), "\t")
		if len(parts) != 4 {
			continue
		}
		a := byID[parts[0]]
		lab, ok := ptcLabel[parts[1]]
		s, err1 := strconv.Atoi(parts[2])
		e, err2 := strconv.Atoi(parts[3])
		if a == nil || !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad label line %q", sc.Text())
		}
		off, ok := offsets[a.id]
		if !ok {
			off = charToByte(a.text)
			offsets[a.id] = off
		}
		if e > len(off)-1 || s > e {
			return nil, fmt.Errorf("label %q is outside its article", sc.Text())
		}
		a.gold = append(a.gold, tagger.Labeled{Start: off[s], End: off[e], Label: lab})
	}
	return arts, sc.Err()
}

func charToByte(text string) []int {
	off := make([]int, 0, len(text)+1)
	for i := range text {
		off = append(off, i)
	}
	return append(off, len(text))
}

// goldLabels gives each token the technique of the shortest gold span that
// covers most of it.
func goldLabels(f *tagger.Features, gold []tagger.Labeled) []uint8 {
	out := make([]uint8, len(f.Tokens))
	g := append([]tagger.Labeled(nil), gold...)
	sort.Slice(g, func(i, j int) bool { return g[i].End-g[i].Start > g[j].End-g[j].Start })
	for _, s := range g {
		lab := uint8(tagger.LabelOf(s.Label))
		i := sort.Search(len(f.Tokens), func(i int) bool { return f.Tokens[i].End > s.Start })
		for ; i < len(f.Tokens) && f.Tokens[i].Start < s.End; i++ {
			t := f.Tokens[i]
			if 2*(min(t.End, s.End)-max(t.Start, s.Start)) >= t.End-t.Start {
				out[i] = lab
			}
		}
	}
	return out
}

type sentRef struct {
	a *article
	k int
}

// fitModel trains an averaged structured perceptron on arts. When watch is
// given, it logs the score on watch after each epoch.
func fitModel(arts []*article, o options, watch []*article) *tagger.Model {
	if o.crf {
		return fitCRF(arts, o)
	}
	rows := 1 << o.bits
	mask := uint32(rows - 1)
	w := make([]float32, rows*tagger.Stride)
	u := make([]float32, rows*tagger.Stride) // sum of step*update, for averaging
	var trans, transU [(tagger.NumLabels + 1) * tagger.Stride]float32
	var sents []sentRef
	for _, a := range arts {
		for k := 0; k+1 < len(a.f.SentenceTokens); k++ {
			if a.f.SentenceTokens[k+1] > a.f.SentenceTokens[k] {
				sents = append(sents, sentRef{a, k})
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	step := float32(1)
	drop := uint32(o.dropout * 1024)
	var em []float32
	var out, back []uint8
	for epoch := range o.epochs {
		rng.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
		errs := 0
		for _, s := range sents {
			f := s.a.f
			a, b := f.SentenceTokens[s.k], f.SentenceTokens[s.k+1]
			n := b - a
			if cap(em) < n*tagger.Stride {
				em = make([]float32, n*tagger.Stride)
				back = make([]uint8, n*tagger.Stride)
			}
			em = em[:n*tagger.Stride]
			seed := uint32(step)
			keep := func(h uint32) bool { return drop == 0 || (h^seed)*0x9E3779B1>>22 >= drop }
			floatEmitKeep(w, mask, f, s.k, em, keep)
			out = tagger.Viterbi(em, n, &trans, out, back)
			gold := s.a.labels[a:b]
			sf := f.SentenceFeatures[f.SentenceOffsets[s.k]:f.SentenceOffsets[s.k+1]]
			prevG, prevP := tagger.NumLabels, tagger.NumLabels
			for i := range n {
				g, p := int(gold[i]), int(out[i])
				if g != p {
					errs++
					upd := func(h uint32) {
						r := int(h&mask) * tagger.Stride
						w[r+g]++
						w[r+p]--
						u[r+g] += step
						u[r+p] -= step
					}
					for _, h := range f.TokenFeatures[f.TokenOffsets[a+i]:f.TokenOffsets[a+i+1]] {
						if keep(h) {
							upd(h)
						}
					}
					for _, h := range sf {
						if keep(h) {
							upd(h)
						}
					}
				}
				if g != p || prevG != prevP {
					trans[prevG*tagger.Stride+g]++
					trans[prevP*tagger.Stride+p]--
					transU[prevG*tagger.Stride+g] += step
					transU[prevP*tagger.Stride+p] -= step
				}
				prevG, prevP = g, p
			}
			step++
		}
		msg := ""
		if watch != nil {
			m := average(o.bits, w, u, trans, transU, step)
			si, flc := evaluate(m, nil, watch)
			msg = fmt.Sprintf("; untuned on tuning set: SI %s, FLC %s", si, flc)
		}
		log.Printf("epoch %d: %d token errors%s", epoch+1, errs, msg)
	}
	return average(o.bits, w, u, trans, transU, step)
}

func average(bits int, w, u []float32, trans, transU [(tagger.NumLabels + 1) * tagger.Stride]float32, step float32) *tagger.Model {
	avg := make([]float32, len(w))
	for i := range w {
		avg[i] = w[i] - u[i]/step
	}
	var t [(tagger.NumLabels + 1) * tagger.Stride]float32
	for i := range trans {
		t[i] = trans[i] - transU[i]/step
	}
	return tagger.Quantise(bits, avg, t)
}

func floatEmit(w []float32, mask uint32, f *tagger.Features, k int, em []float32) {
	floatEmitKeep(w, mask, f, k, em, func(uint32) bool { return true })
}

// floatEmitKeep is floatEmit over the features for which keep is true.
func floatEmitKeep(w []float32, mask uint32, f *tagger.Features, k int, em []float32, keep func(uint32) bool) {
	var sacc [tagger.Stride]float32
	for _, h := range f.SentenceFeatures[f.SentenceOffsets[k]:f.SentenceOffsets[k+1]] {
		if !keep(h) {
			continue
		}
		row := w[int(h&mask)*tagger.Stride:][:tagger.Stride]
		for c := range tagger.Stride {
			sacc[c] += row[c]
		}
	}
	a, b := f.SentenceTokens[k], f.SentenceTokens[k+1]
	for i := a; i < b; i++ {
		acc := sacc
		for _, h := range f.TokenFeatures[f.TokenOffsets[i]:f.TokenOffsets[i+1]] {
			if !keep(h) {
				continue
			}
			row := w[int(h&mask)*tagger.Stride:][:tagger.Stride]
			for c := range tagger.Stride {
				acc[c] += row[c]
			}
		}
		copy(em[(i-a)*tagger.Stride:][:tagger.Stride], acc[:])
	}
}

type prf struct{ p, r, f float64 }

func (x prf) String() string { return fmt.Sprintf("P %.3f R %.3f F1 %.3f", x.p, x.r, x.f) }

// cached holds the emission scores of the tuning sentences (without bias).
type cached struct {
	a  *article
	k  int
	em []float32
}

func emissions(m *tagger.Model, arts []*article) []cached {
	var out []cached
	for _, a := range arts {
		for k := 0; k+1 < len(a.f.SentenceTokens); k++ {
			n := a.f.SentenceTokens[k+1] - a.f.SentenceTokens[k]
			if n == 0 {
				continue
			}
			em := make([]float32, n*tagger.Stride)
			m.Emit(a.f, k, em)
			out = append(out, cached{a, k, em})
		}
	}
	return out
}

// decodeAll returns the predicted spans of every article of cs with bias.
func decodeAll(m *tagger.Model, cs []cached, bias *[tagger.Stride]float32, policy *[tagger.Stride]uint8) map[*article][]tagger.Labeled {
	pred := map[*article][]tagger.Labeled{}
	var em []float32
	var out, back []uint8
	for _, c := range cs {
		n := len(c.em) / tagger.Stride
		if cap(em) < len(c.em) {
			em = make([]float32, len(c.em))
			back = make([]uint8, len(c.em))
		}
		em = em[:len(c.em)]
		for i := range n {
			for l := range tagger.Stride {
				em[i*tagger.Stride+l] = c.em[i*tagger.Stride+l] - m.Bias[l] + bias[l]
			}
		}
		out = m.Decode(em, n, out, back)
		spans := tagger.AppendSpans(nil, c.a.f, c.k, out, nil, policy)
		m.Relabel(c.a.f, c.k, spans, em)
		for _, s := range spans {
			pred[c.a] = append(pred[c.a], tagger.Labeled{Start: s.Start, End: s.End, Label: tagger.Label(s.Label)})
		}
		if _, ok := pred[c.a]; !ok {
			pred[c.a] = nil
		}
	}
	return pred
}

func scoreAll(arts []*article, pred map[*article][]tagger.Labeled) (si, flc prf) {
	s1, s2 := tagger.Score{}, tagger.Score{Labels: true}
	for _, a := range arts {
		s1.Add(a.gold, pred[a])
		s2.Add(a.gold, pred[a])
	}
	si.p, si.r, si.f = s1.PRF()
	flc.p, flc.r, flc.f = s2.PRF()
	return si, flc
}

func evaluate(m *tagger.Model, _ *tagger.Extractor, arts []*article) (si, flc prf) {
	return scoreAll(arts, decodeAll(m, emissions(m, arts), &m.Bias, &m.Policy))
}

// spreadOf returns the standard deviation of the lead of the techniques
// over "O" in cs.
func spreadOf(cs []cached) float32 {
	var sum, sq float64
	var n int
	for _, c := range cs {
		for i := 0; i < len(c.em); i += tagger.Stride {
			for l := 1; l < tagger.NumLabels; l++ {
				d := float64(c.em[i+l] - c.em[i])
				sum += d
				sq += d * d
				n++
			}
		}
	}
	if n == 0 {
		return 1
	}
	return float32(math.Sqrt(sq/float64(n) - (sum/float64(n))*(sum/float64(n))))
}

// tuneBias searches, label by label, the bias that maximises SI F1 + FLC
// F1 on arts (coordinate ascent, two rounds).
func tuneBias(m *tagger.Model, arts []*article) ([tagger.Stride]float32, [tagger.Stride]uint8, float32) {
	cs := emissions(m, arts)
	sd := spreadOf(cs)
	var bias [tagger.Stride]float32
	var policy [tagger.Stride]uint8
	objective := func() float64 {
		si, flc := scoreAll(arts, decodeAll(m, cs, &bias, &policy))
		return si.f + flc.f
	}
	best := objective()
	grid := []float32{-1, -0.6, -0.4, -0.25, -0.15, -0.08, 0, 0.08, 0.15, 0.25, 0.4, 0.6, 1}
	for round := range 2 {
		for l := range tagger.NumLabels {
			keep := bias[l]
			for _, g := range grid {
				bias[l] = keep + g*sd/float32(round+1)
				if v := objective(); v > best+1e-6 {
					best, keep = v, bias[l]
				}
			}
			bias[l] = keep
			if l == 0 {
				continue
			}
			keepP := policy[l]
			for p := range uint8(tagger.NumPolicies) {
				policy[l] = p
				if v := objective(); v > best+1e-6 {
					best, keepP = v, p
				}
			}
			policy[l] = keepP
		}
		log.Printf("bias round %d: SI+FLC %.3f", round+1, best)
	}
	log.Printf("policies %v", policy[:tagger.NumLabels])
	return bias, policy, sd
}

func perLabel(m *tagger.Model, arts []*article) {
	pred := decodeAll(m, emissions(m, arts), &m.Bias, &m.Policy)
	for l := 1; l < tagger.NumLabels; l++ {
		name := tagger.Label(l)
		s := tagger.Score{Labels: true}
		np, ng := 0, 0
		for _, a := range arts {
			g, p := withLabel(a.gold, name), withLabel(pred[a], name)
			np += len(p)
			ng += len(g)
			s.Add(g, p)
		}
		pp, r, f := s.PRF()
		log.Printf("  %-28s gold %4d pred %4d  P %.3f R %.3f F1 %.3f", name, ng, np, pp, r, f)
	}
}

// writeHeldOut writes the held-out articles and their labels in the PTC
// layout (char offsets, the corpus's technique names).
func writeHeldOut(dir string, arts []*article) error {
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
		return err
	}
	back := map[string]string{}
	for k, v := range ptcLabels() {
		back[v] = k
	}
	var labels strings.Builder
	for _, a := range arts {
		if err := os.WriteFile(filepath.Join(dir, "articles", "article"+a.id+".txt"), []byte(a.text), 0o644); err != nil {
			return err
		}
		for _, g := range a.gold {
			s := utf8.RuneCountInString(a.text[:g.Start])
			e := s + utf8.RuneCountInString(a.text[g.Start:g.End])
			fmt.Fprintf(&labels, "%s\t%s\t%d\t%d\n", a.id, back[g.Label], s, e)
		}
	}
	return os.WriteFile(filepath.Join(dir, "labels.tsv"), []byte(labels.String()), 0o644)
}
