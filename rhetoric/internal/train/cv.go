package main

import (
	"log"

	"github.com/parallaxnews/parallax/rhetoric/internal/tagger"
)

// fold is one cross-validation fold: a model fitted without the fold's
// articles, their emission scores under it and the spread of those scores.
type fold struct {
	arts []*article
	m    *tagger.Model
	cs   []cached
	sd   float32
}

// crossValidate splits train into o.folds folds by a hash of the article
// ID, fits a model on all folds but one for each, tunes the per-label
// thresholds and span policies on the pooled out-of-fold predictions, and
// returns the model fitted on all of train with those thresholds. The
// thresholds are tuned in units of each fold model's spread and scaled by
// the final model's.
func crossValidate(train []*article, o options) *tagger.Model {
	folds := make([]fold, o.folds)
	for _, a := range train {
		k := min(int(bucket(a.id, "fold")*float64(o.folds)), o.folds-1)
		folds[k].arts = append(folds[k].arts, a)
	}
	for k := range folds {
		var rest []*article
		for j := range folds {
			if j != k {
				rest = append(rest, folds[j].arts...)
			}
		}
		folds[k].m = fitModel(rest, o, nil)
		folds[k].cs = emissions(folds[k].m, folds[k].arts)
		folds[k].sd = spreadOf(folds[k].cs)
		log.Printf("fold %d: %d articles, fitted on %d", k+1, len(folds[k].arts), len(rest))
	}
	units, policy := tuneBiasCV(folds, train)
	m := fitModel(train, o, nil)
	sd := spreadOf(emissions(m, train))
	for i := range m.Bias {
		m.Bias[i] = units[i] * sd
	}
	m.Policy, m.Spread = policy, sd
	return m
}

// off is a threshold, in units of spread, that switches a label off.
const off = -1000

// tuneBiasCV searches, label by label, the bias (in units of spread) and
// span policy that maximise SI F1 + FLC F1 over the out-of-fold predictions
// of folds (coordinate ascent, two rounds; a label may be switched off).
func tuneBiasCV(folds []fold, arts []*article) ([tagger.Stride]float32, [tagger.Stride]uint8) {
	var units [tagger.Stride]float32
	var policy [tagger.Stride]uint8
	objective := func() float64 {
		pred := map[*article][]tagger.Labeled{}
		for _, f := range folds {
			var bias [tagger.Stride]float32
			for i := range bias {
				bias[i] = units[i] * f.sd
			}
			for a, p := range decodeAll(f.m, f.cs, &bias, &policy) {
				pred[a] = p
			}
		}
		si, flc := scoreAll(arts, pred)
		return si.f + flc.f
	}
	best := objective()
	grid := []float32{-1, -0.6, -0.4, -0.25, -0.15, -0.08, 0, 0.08, 0.15, 0.25, 0.4, 0.6, 1}
	for round := range 2 {
		for l := range tagger.NumLabels {
			keep := units[l]
			for _, g := range grid {
				units[l] = keep + g/float32(round+1)
				if v := objective(); v > best+1e-6 {
					best, keep = v, units[l]
				}
			}
			if l > 0 && keep > off/2 {
				units[l] = off
				if v := objective(); v > best+1e-6 {
					best, keep = v, units[l]
				}
			}
			units[l] = keep
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
		log.Printf("cross-validated bias round %d: SI+FLC %.3f", round+1, best)
	}
	var offs []string
	for l := 1; l < tagger.NumLabels; l++ {
		if units[l] <= off/2 {
			offs = append(offs, tagger.Label(l))
		}
	}
	log.Printf("policies %v; switched off: %v", policy[:tagger.NumLabels], offs)
	return units, policy
}
