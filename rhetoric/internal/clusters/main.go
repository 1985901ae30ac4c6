// Command clusters derives word clusters from unlabelled news text for the
// rhetoric tagger and writes them as rhetoric/clusters.txt: for each of
// the most frequent words, a bit string whose prefixes name ever finer
// clusters of words that occur in similar contexts.
//
// From the repository root:
//
//	PARALLAX_SHARED=../shared go run ./rhetoric/internal/clusters -out rhetoric/clusters.txt
//
// or `go generate ./rhetoric`. The text is the PolNeAR train articles and
// the PTC training articles outside the held-out split that
// rhetoric/internal/train scores on (by the same hash of the article ID).
// Words are counted with their neighbours two either side; the counts are
// weighted by positive pointwise mutual information, reduced to vectors by
// a randomized singular value decomposition (gonum), and the vectors split
// in two again and again by 2-means (spherical, seeded deterministically):
// a word's bit string is its path down those splits. No text is written,
// only the words and their bit strings.
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
	"sort"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/parallaxnews/parallax/segment"
)

type options struct {
	shared, out     string
	words, contexts int
	dims, depth     int
	minSize         int
	holdout         float64
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("clusters: ")
	var o options
	flag.StringVar(&o.shared, "shared", os.Getenv("PARALLAX_SHARED"), "the shared folder (datasets/polnear, datasets/ptc)")
	flag.StringVar(&o.out, "out", "clusters.txt", "write the clusters here")
	flag.IntVar(&o.words, "words", 25000, "cluster this many of the most frequent words")
	flag.IntVar(&o.contexts, "contexts", 6000, "count this many of the most frequent words as contexts")
	flag.IntVar(&o.dims, "dims", 64, "dimensions of the word vectors")
	flag.IntVar(&o.depth, "depth", 16, "longest bit string")
	flag.IntVar(&o.minSize, "min-size", 4, "do not split clusters smaller than this")
	flag.Float64Var(&o.holdout, "holdout", 0.2, "leave out the PTC articles that rhetoric/internal/train -holdout holds out")
	flag.Parse()
	if err := run(o); err != nil {
		log.Fatal(err)
	}
}

func run(o options) error {
	if o.shared == "" {
		return fmt.Errorf("set PARALLAX_SHARED or -shared")
	}
	files, err := filepath.Glob(filepath.Join(o.shared, "datasets", "polnear", "train", "text", "*.txt"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no PolNeAR texts under %s: %v", o.shared, err)
	}
	ptc, err := filepath.Glob(filepath.Join(o.shared, "datasets", "ptc", "train-articles", "article*.txt"))
	if err != nil || len(ptc) == 0 {
		return fmt.Errorf("no PTC articles under %s: %v", o.shared, err)
	}
	for _, p := range ptc {
		id := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "article"), ".txt")
		if bucket(id, "holdout") >= o.holdout {
			files = append(files, p)
		}
	}
	sort.Strings(files)
	// Documents as sequences of word ids (0: not a word).
	ids := map[string]int32{}
	var words []string
	var freq []int
	var docs [][]int32
	var toks []segment.Token
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("reading %s: %w", p, err)
		}
		text := string(b)
		toks = segment.AppendTokens(toks[:0], text, 0, len(text))
		d := make([]int32, 0, len(toks))
		for _, t := range toks {
			w := strings.ToLower(text[t.Start:t.End])
			id, ok := ids[w]
			if !ok {
				id = int32(len(words))
				ids[w] = id
				words = append(words, w)
				freq = append(freq, 0)
			}
			freq[id]++
			d = append(d, id)
		}
		docs = append(docs, d)
	}
	order := make([]int32, len(words))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(i, j int) bool {
		if freq[order[i]] != freq[order[j]] {
			return freq[order[i]] > freq[order[j]]
		}
		return words[order[i]] < words[order[j]]
	})
	nw, nc := min(o.words, len(order)), min(o.contexts, len(order))
	row := make([]int32, len(words)) // word id -> row, or -1
	col := make([]int32, len(words)) // word id -> context column, or -1
	for i := range row {
		row[i], col[i] = -1, -1
	}
	for r, id := range order[:nw] {
		row[id] = int32(r)
	}
	for c, id := range order[:nc] {
		col[id] = int32(c)
	}
	log.Printf("%d files, %d distinct words; clustering %d (seen %d+ times)", len(files), len(words), nw, freq[order[nw-1]])
	// Co-occurrence counts within two words, nearer ones counting more.
	counts := make([]map[int32]float64, nw)
	for i := range counts {
		counts[i] = map[int32]float64{}
	}
	for _, d := range docs {
		for i, id := range d {
			r := row[id]
			if r < 0 {
				continue
			}
			for j := max(0, i-2); j <= min(len(d)-1, i+2); j++ {
				if j == i || col[d[j]] < 0 {
					continue
				}
				wt := 1.0
				if j == i-2 || j == i+2 {
					wt = 0.5
				}
				counts[r][col[d[j]]] += wt
			}
		}
	}
	// Positive PMI with context counts smoothed by the power 0.75.
	rowSum := make([]float64, nw)
	colSum := make([]float64, nc)
	var total float64
	for r, m := range counts {
		for c, v := range m {
			rowSum[r] += v
			colSum[c] += v
			total += v
		}
	}
	var colTotal float64
	for c := range colSum {
		colSum[c] = math.Pow(colSum[c], 0.75)
		colTotal += colSum[c]
	}
	type entry struct {
		c int32
		v float64
	}
	ppmi := make([][]entry, nw)
	for r, m := range counts {
		for c, v := range m {
			pmi := math.Log(v * colTotal / (rowSum[r] * colSum[c]))
			if pmi > 0 {
				ppmi[r] = append(ppmi[r], entry{c, pmi})
			}
		}
		sort.Slice(ppmi[r], func(i, j int) bool { return ppmi[r][i].c < ppmi[r][j].c })
	}
	counts = nil
	// Randomized SVD: Y = A·Ω, Q = orth(Y), B = Qᵀ·A, B = U S Vᵀ.
	k := o.dims + 16
	rng := rand.New(rand.NewPCG(7, 11))
	omega := mat.NewDense(nc, k, nil)
	for i := range nc {
		for j := range k {
			omega.Set(i, j, rng.NormFloat64())
		}
	}
	mulA := func(x *mat.Dense) *mat.Dense { // A·x
		_, kx := x.Dims()
		y := mat.NewDense(nw, kx, nil)
		for r, es := range ppmi {
			yr := y.RawRowView(r)
			for _, e := range es {
				xr := x.RawRowView(int(e.c))
				for j := range kx {
					yr[j] += e.v * xr[j]
				}
			}
		}
		return y
	}
	mulAT := func(q *mat.Dense) *mat.Dense { // Aᵀ·q
		_, kq := q.Dims()
		z := mat.NewDense(nc, kq, nil)
		for r, es := range ppmi {
			qr := q.RawRowView(r)
			for _, e := range es {
				zr := z.RawRowView(int(e.c))
				for j := range kq {
					zr[j] += e.v * qr[j]
				}
			}
		}
		return z
	}
	orth := func(y *mat.Dense) *mat.Dense { // modified Gram-Schmidt, column by column
		_, kk := y.Dims()
		cols := make([][]float64, kk)
		for j := range kk {
			cols[j] = mat.Col(nil, j, y)
		}
		for j := range kk {
			for i := range j {
				d := dot(cols[i], cols[j])
				for r := range cols[j] {
					cols[j][r] -= d * cols[i][r]
				}
			}
			normalise(cols[j])
		}
		q := mat.NewDense(nw, kk, nil)
		for j := range kk {
			q.SetCol(j, cols[j])
		}
		return q
	}
	q := orth(mulA(omega))
	for range 2 { // power iterations sharpen the spectrum
		q = orth(mulA(mulAT(q)))
	}
	bt := mulAT(q) // Bᵀ = Aᵀ·Q, nc × k
	var svd mat.SVD
	if !svd.Factorize(bt, mat.SVDThin) {
		return fmt.Errorf("the singular value decomposition failed")
	}
	var v mat.Dense // Bᵀ = V S Uᵀ: U of B is V here
	svd.VTo(&v)
	sv := svd.Values(nil)
	var u mat.Dense
	u.Mul(q, &v) // nw × k
	vecs := make([][]float64, nw)
	for r := range nw {
		x := make([]float64, o.dims)
		var n float64
		for j := range o.dims {
			x[j] = u.At(r, j) * math.Sqrt(sv[j])
			n += x[j] * x[j]
		}
		n = math.Sqrt(n)
		for j := range x {
			if n > 0 {
				x[j] /= n
			}
		}
		vecs[r] = x
	}
	log.Printf("vectors of %d dimensions (top singular values %.1f %.1f %.1f)", o.dims, sv[0], sv[1], sv[2])
	// Bisecting spherical 2-means.
	bits := make([]string, nw)
	all := make([]int, nw)
	for i := range all {
		all[i] = i
	}
	split(vecs, all, "", o, rng, bits)
	fh, err := os.Create(o.out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(fh)
	fmt.Fprintf(w, "# Parallax rhetoric word clusters. Source: derived by rhetoric/internal/clusters (PPMI, randomized SVD, bisecting 2-means) from the word co-occurrences of the PolNeAR v1.0.0 train texts (Newell, Margolin, Ruths 2018; licence: none stated) and the PTC training articles (SemEval-2020 Task 11; research use); no text is included, only %d words and their cluster bit strings. Licence of this file: CC0 1.0.\n", nw)
	fmt.Fprintln(w, "# Each line: a lower-case word, a tab, its cluster as a bit string; words sharing a longer prefix occur in more similar contexts. Most frequent words first.")
	for r, id := range order[:nw] {
		fmt.Fprintf(w, "%s\t%s\n", words[id], bits[r])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return fh.Close()
}

// split assigns the words idx, all of whose bit strings start with prefix,
// to two clusters by spherical 2-means, and recurses.
func split(vecs [][]float64, idx []int, prefix string, o options, rng *rand.Rand, bits []string) {
	if len(idx) < o.minSize || len(prefix) >= o.depth {
		for _, i := range idx {
			bits[i] = prefix
		}
		return
	}
	d := len(vecs[0])
	c0 := append([]float64(nil), vecs[idx[0]]...)
	c1 := append([]float64(nil), vecs[idx[len(idx)/2]]...)
	// Seed with a random word and the word least like it.
	c0 = append(c0[:0], vecs[idx[rng.IntN(len(idx))]]...)
	worst := math.Inf(1)
	for _, i := range idx {
		if s := dot(vecs[i], c0); s < worst {
			worst = s
			c1 = append(c1[:0], vecs[i]...)
		}
	}
	side := make([]bool, len(idx))
	for range 12 {
		changed := false
		for j, i := range idx {
			s := dot(vecs[i], c1) > dot(vecs[i], c0)
			changed = changed || s != side[j]
			side[j] = s
		}
		n0, n1 := 0, 0
		for x := range d {
			c0[x], c1[x] = 0, 0
		}
		for j, i := range idx {
			c := c0
			if side[j] {
				c, n1 = c1, n1+1
			} else {
				n0++
			}
			for x := range d {
				c[x] += vecs[i][x]
			}
		}
		if n0 == 0 || n1 == 0 {
			break
		}
		normalise(c0)
		normalise(c1)
		if !changed {
			break
		}
	}
	var left, right []int
	for j, i := range idx {
		if side[j] {
			right = append(right, i)
		} else {
			left = append(left, i)
		}
	}
	if len(left) == 0 || len(right) == 0 {
		for _, i := range idx {
			bits[i] = prefix
		}
		return
	}
	split(vecs, left, prefix+"0", o, rng, bits)
	split(vecs, right, prefix+"1", o, rng, bits)
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func normalise(x []float64) {
	n := math.Sqrt(dot(x, x))
	if n == 0 {
		return
	}
	for i := range x {
		x[i] /= n
	}
}

// bucket maps an article ID to [0,1) by a salted hash, as
// rhetoric/internal/train does.
func bucket(id, salt string) float64 {
	h := fnv.New64a()
	h.Write([]byte(salt + ":" + id))
	return float64(h.Sum64()%10000) / 10000
}
