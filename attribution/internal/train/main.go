// Command train fits the attribution taggers (package
// attribution/internal/tagger) on the PolNeAR train part and writes the
// model file that package attribution embeds.
//
//	go run ./attribution/internal/train -polnear ../shared/datasets/polnear/train
//
// The first annotator's file of every article is read, as the scorer
// tools/polnear.py does. With -heldout F, a share F of the articles
// (chosen by a hash of their names, so the split is reproducible) is kept
// out of fitting and scored at the end; the attribution package's
// TestPolNeAR scores the same articles when POLNEAR_HELDOUT=F. Fitting is
// deterministic: the order of sentences is shuffled with a fixed seed.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/parallaxnews/parallax/attribution/internal/polnear"
	"github.com/parallaxnews/parallax/attribution/internal/tagger"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/segment"
)

func main() {
	dir := flag.String("polnear", "", "PolNeAR part to learn from (holds text/ and attributions/)")
	out := flag.String("out", "attribution/model.bin", "model file to write")
	epochs := flag.Int("epochs", 20, "passes over the data")
	cueBits := flag.Uint("cue-bits", 18, "log2 of the number of feature buckets of the cue tagger")
	roleBits := flag.Uint("role-bits", 16, "log2 of the number of feature buckets of the role tagger")
	cueBias := flag.Float64("cue-bias", 20, "bias of the cue-start tag (recall over precision; chosen on a held-out share of train)")
	cues := flag.String("cues", "attribution/cues.txt", "cue list (a feature of the cue tagger)")
	heldout := flag.Float64("heldout", 0, "share of articles kept out of fitting and scored")
	flag.Parse()
	if *dir == "" {
		flag.Usage()
		os.Exit(2)
	}
	lx, err := readCues(*cues)
	if err != nil {
		log.Fatal(err)
	}
	arts, err := readPart(*dir)
	if err != nil {
		log.Fatal(err)
	}
	var fit, test []*article
	for _, a := range arts {
		if polnear.HeldOut(a.name, *heldout) {
			test = append(test, a)
		} else {
			fit = append(fit, a)
		}
	}
	log.Printf("%d articles: %d to fit, %d held out", len(arts), len(fit), len(test))
	cueX, roleX := examples(fit, lx)
	log.Printf("%d sentences, %d cues", len(cueX), len(roleX))
	m := &tagger.Model{
		Cue:  train(cueX, tagger.NewTable(*cueBits, tagger.CueTags), *epochs, cueFeats, tagger.CueAllowed),
		Role: train(roleX, tagger.NewTable(*roleBits, tagger.RoleTags), *epochs, roleFeats, nil),
	}
	m.Cue.Bias[tagger.CueB] = float32(*cueBias)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d bytes)", *out, buf.Len())
	if len(test) > 0 {
		q, err := tagger.Decode(buf.Bytes())
		if err != nil {
			log.Fatal(err)
		}
		cueT, roleT := examples(test, lx)
		report("cue", cueT, q.Cue, cueFeats, tagger.CueAllowed)
		report("role", roleT, q.Role, roleFeats, nil)
	}
}

// article is one PolNeAR article with its gold attributions in bytes.
type article struct {
	name string
	text string
	ats  []gold
}

type gold struct {
	cue, source, content doc.Span // empty when absent
}

// readPart reads the articles of a PolNeAR part with their attributions
// that have a cue, in bytes.
func readPart(dir string) ([]*article, error) {
	arts, err := polnear.Read(dir)
	if err != nil {
		return nil, err
	}
	out := make([]*article, len(arts))
	for i, pa := range arts {
		a := &article{name: pa.Name, text: pa.Text}
		byteAt := polnear.ByteOffsets(pa.Text)
		// The last span of each part, when the annotation gives two;
		// none when it ends past the text.
		span := func(spans []polnear.Span) doc.Span {
			s := polnear.Last(spans)
			if s.Empty() || s.End >= len(byteAt) {
				return doc.Span{}
			}
			return doc.Span{Start: byteAt[s.Start], End: byteAt[s.End]}
		}
		for _, at := range pa.Attributions {
			if g := (gold{cue: span(at.Cue), source: span(at.Source), content: span(at.Content)}); g.cue.End > g.cue.Start {
				a.ats = append(a.ats, g)
			}
		}
		out[i] = a
	}
	return out, nil
}

// example is one tagging problem: a sentence (with a cue, for the role
// tagger) and its gold tags.
type example struct {
	s      *tagger.Sentence
	cb, ce int
	tags   []int
}

// examples turns articles into cue examples (one per sentence) and role
// examples (one per gold cue).
func examples(arts []*article, lx *tagger.Lexicon) (cueX, roleX []example) {
	seg := segment.New()
	var toks []segment.Token
	for _, a := range arts {
		quotes := tagger.Quotes(a.text)
		for _, sent := range seg.Sentences(a.text) {
			toks = segment.AppendTokens(toks[:0], a.text, sent.Start, sent.End)
			if len(toks) == 0 {
				continue
			}
			s := &tagger.Sentence{}
			tagger.Prepare(s, a.text, toks, nil, quotes, lx)
			tags := make([]int, len(toks))
			for _, g := range a.ats {
				if !sent.Overlaps(g.cue) {
					continue
				}
				cb, ce := tokenRange(toks, g.cue)
				if cb >= ce {
					continue
				}
				if tags[cb] == tagger.CueO {
					tags[cb] = tagger.CueB
				}
				for k := cb + 1; k < ce; k++ {
					if tags[k] == tagger.CueO {
						tags[k] = tagger.CueI
					}
				}
				if g.cue.Start < sent.Start {
					continue // the cue began in the sentence before
				}
				rt := make([]int, len(toks))
				for k, t := range toks {
					sp := doc.Span{Start: t.Start, End: t.End}
					switch {
					case k >= cb && k < ce:
					case sp.Overlaps(g.source):
						rt[k] = tagger.RoleS
					case sp.Overlaps(g.content):
						rt[k] = tagger.RoleC
					}
				}
				roleX = append(roleX, example{s: s, cb: cb, ce: ce, tags: rt})
			}
			cueX = append(cueX, example{s: s, tags: tags})
		}
	}
	return cueX, roleX
}

// tokenRange returns the words [b, e) of toks that overlap sp.
func tokenRange(toks []segment.Token, sp doc.Span) (int, int) {
	b, e := -1, -1
	for k, t := range toks {
		if t.End > sp.Start && t.Start < sp.End {
			if b < 0 {
				b = k
			}
			e = k + 1
		}
	}
	if b < 0 {
		return 0, 0
	}
	return b, e
}

type featFunc func(x *example, i int, dst []uint32) []uint32

func cueFeats(x *example, i int, dst []uint32) []uint32 { return x.s.CueFeatures(i, dst) }
func roleFeats(x *example, i int, dst []uint32) []uint32 {
	return x.s.RoleFeatures(x.cb, x.ce, i, dst)
}

// emissions computes the emission scores of x under t, returning the
// features of each word too.
func emissions(x *example, t *tagger.Table, ff featFunc, feats [][]uint32, em []float32) ([][]uint32, []float32) {
	n := x.s.Len()
	feats = feats[:0]
	em = em[:0]
	for i := range n {
		feats = append(feats, ff(x, i, nil))
		for range t.Tags {
			em = append(em, 0)
		}
		t.Emit(feats[i], em[i*t.Tags:])
	}
	return feats, em
}

// train fits t by the averaged structured perceptron.
func train(xs []example, t *tagger.Table, epochs int, ff featFunc, allowed func(int, int) bool) *tagger.Table {
	acc := tagger.NewTable(t.Bits, t.Tags) // sum of c × update, for averaging
	c := float32(1)
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	var dec tagger.Decoder
	var feats [][]uint32
	var em []float32
	var pred []int
	T := t.Tags
	for ep := range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, oi := range order {
			x := &xs[oi]
			n := x.s.Len()
			feats, em = emissions(x, t, ff, feats, em)
			pred = dec.Viterbi(t, em, n, allowed, pred)
			for i := range n {
				g, p := x.tags[i], pred[i]
				if g != p {
					errs++
					for _, f := range feats[i] {
						k := t.Index(f)
						t.W[k+g]++
						t.W[k+p]--
						acc.W[k+g] += c
						acc.W[k+p] -= c
					}
				}
				gp, pp := 0, 0
				if i > 0 {
					gp, pp = x.tags[i-1]+1, pred[i-1]+1
				}
				if g != p || gp != pp {
					t.Trans[gp*T+g]++
					t.Trans[pp*T+p]--
					acc.Trans[gp*T+g] += c
					acc.Trans[pp*T+p] -= c
				}
			}
			c++
		}
		log.Printf("epoch %d: %d word errors", ep+1, errs)
	}
	for i := range t.W {
		t.W[i] -= acc.W[i] / c
	}
	for i := range t.Trans {
		t.Trans[i] -= acc.Trans[i] / c
	}
	return t
}

// report prints the word accuracy and per-tag precision and recall of t
// on xs.
func report(name string, xs []example, t *tagger.Table, ff featFunc, allowed func(int, int) bool) {
	var dec tagger.Decoder
	var feats [][]uint32
	var em []float32
	var pred []int
	tp := make([]int, t.Tags)
	np := make([]int, t.Tags)
	ng := make([]int, t.Tags)
	for i := range xs {
		x := &xs[i]
		feats, em = emissions(x, t, ff, feats, em)
		pred = dec.Viterbi(t, em, x.s.Len(), allowed, pred)
		for k, p := range pred {
			g := x.tags[k]
			np[p]++
			ng[g]++
			if p == g {
				tp[p]++
			}
		}
	}
	for k := 1; k < t.Tags; k++ {
		log.Printf("%s tag %d: P %.3f R %.3f (%d gold words)", name, k, float64(tp[k])/float64(max(np[k], 1)), float64(tp[k])/float64(max(ng[k], 1)), ng[k])
	}
}

// readCues reads the cue list: the first field of every line that is not
// blank or a comment.
func readCues(path string) (*tagger.Lexicon, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the cue list: %w", err)
	}
	var cues []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		cue, _, _ := strings.Cut(line, "\t")
		cues = append(cues, cue)
	}
	return tagger.NewLexicon(cues), nil
}
