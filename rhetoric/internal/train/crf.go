package main

import (
	"log"
	"math"
	"math/rand/v2"

	"github.com/parallaxnews/parallax/rhetoric/internal/tagger"
)

// fitCRF trains a linear-chain CRF on arts by stochastic gradient ascent on
// the log-likelihood with AdaGrad step sizes and L2 regularisation (applied
// to the weights a sentence touches).
func fitCRF(arts []*article, o options) *tagger.Model {
	const L = tagger.NumLabels
	const S = tagger.Stride
	rows := 1 << o.bits
	mask := uint32(rows - 1)
	w := make([]float32, rows*S)
	g2 := make([]float32, rows*S)
	var trans, transG2 [(L + 1) * S]float32
	var sents []sentRef
	for _, a := range arts {
		for k := 0; k+1 < len(a.f.SentenceTokens); k++ {
			if a.f.SentenceTokens[k+1] > a.f.SentenceTokens[k] {
				sents = append(sents, sentRef{a, k})
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	lr := float32(o.rate)
	l2 := float32(o.l2)
	var em []float32
	var alpha, beta []float64
	var gTok []float32
	for epoch := range o.epochs {
		rng.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
		var ll float64
		for _, s := range sents {
			f := s.a.f
			a, b := f.SentenceTokens[s.k], f.SentenceTokens[s.k+1]
			n := b - a
			if cap(em) < n*S {
				em = make([]float32, n*S)
				alpha = make([]float64, n*S)
				beta = make([]float64, n*S)
				gTok = make([]float32, n*S)
			}
			em, alpha, beta, gTok = em[:n*S], alpha[:n*S], beta[:n*S], gTok[:n*S]
			floatEmit(w, mask, f, s.k, em)
			gold := s.a.labels[a:b]
			// Forward and backward in log space.
			for c := range L {
				alpha[c] = float64(trans[L*S+c] + em[c])
			}
			var tmp [S]float64
			for i := 1; i < n; i++ {
				for c := range L {
					for p := range L {
						tmp[p] = alpha[(i-1)*S+p] + float64(trans[p*S+c])
					}
					alpha[i*S+c] = logSumExp(tmp[:L]) + float64(em[i*S+c])
				}
			}
			for c := range L {
				beta[(n-1)*S+c] = 0
			}
			for i := n - 2; i >= 0; i-- {
				for p := range L {
					for c := range L {
						tmp[c] = float64(trans[p*S+c]+em[(i+1)*S+c]) + beta[(i+1)*S+c]
					}
					beta[i*S+p] = logSumExp(tmp[:L])
				}
			}
			z := logSumExp(alpha[(n-1)*S : (n-1)*S+L])
			// Log-likelihood of the gold path, for the log.
			gp := float64(trans[L*S+int(gold[0])] + em[int(gold[0])])
			for i := 1; i < n; i++ {
				gp += float64(trans[int(gold[i-1])*S+int(gold[i])] + em[i*S+int(gold[i])])
			}
			ll += gp - z
			// Gradients of the emissions.
			var gSent [S]float32
			for i := range n {
				for c := range L {
					p := float32(math.Exp(alpha[i*S+c] + beta[i*S+c] - z))
					g := -p
					if int(gold[i]) == c {
						g++
					}
					gTok[i*S+c] = g
					gSent[c] += g
				}
			}
			upd := func(h uint32, g []float32) {
				r := int(h&mask) * S
				for c := range L {
					gc := g[c] - l2*w[r+c]
					if gc == 0 {
						continue
					}
					g2[r+c] += gc * gc
					w[r+c] += lr * gc / float32(math.Sqrt(float64(g2[r+c])+1e-6))
				}
			}
			for i := range n {
				for _, h := range f.TokenFeatures[f.TokenOffsets[a+i]:f.TokenOffsets[a+i+1]] {
					upd(h, gTok[i*S:i*S+S])
				}
			}
			for _, h := range f.SentenceFeatures[f.SentenceOffsets[s.k]:f.SentenceOffsets[s.k+1]] {
				upd(h, gSent[:])
			}
			// Gradients of the transitions.
			var gT [(L + 1) * S]float32
			gT[L*S+int(gold[0])]++
			for c := range L {
				gT[L*S+c] -= float32(math.Exp(alpha[c] + beta[c] - z))
			}
			for i := 1; i < n; i++ {
				gT[int(gold[i-1])*S+int(gold[i])]++
				for p := range L {
					ap := alpha[(i-1)*S+p]
					for c := range L {
						gT[p*S+c] -= float32(math.Exp(ap + float64(trans[p*S+c]+em[i*S+c]) + beta[i*S+c] - z))
					}
				}
			}
			for i := range gT {
				if g := gT[i]; g != 0 {
					transG2[i] += g * g
					trans[i] += lr * g / float32(math.Sqrt(float64(transG2[i])+1e-6))
				}
			}
		}
		log.Printf("crf epoch %d: log-likelihood %.0f", epoch+1, ll)
	}
	return tagger.Quantise(o.bits, w, trans)
}

func logSumExp(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		m = max(m, x)
	}
	var s float64
	for _, x := range xs {
		s += math.Exp(x - m)
	}
	return m + math.Log(s)
}
