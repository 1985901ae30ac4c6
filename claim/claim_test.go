package claim_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/attribution"
	"github.com/parallaxnews/parallax/claim"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/segment"
)

// digitQuantities returns a quantity for every run of digits of text, a
// stand-in for the quantities layer in the fuzz test.
func digitQuantities(text string) []doc.Quantity {
	var out []doc.Quantity
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		v, _ := strconv.ParseFloat(text[i:j], 64)
		out = append(out, doc.Quantity{Start: i, End: j, Text: text[i:j], Low: &v, High: &v, Approx: doc.ApproxExact})
		i = j
	}
	return out
}

// nameEntities returns an entity for each of a few names wherever they
// occur in text (inside words too), a stand-in for the entities layer in
// the fuzz test: party marks, datelines and possessives then get
// exercised.
func nameEntities(text string) []doc.Entity {
	names := []struct {
		kind, name string
		side       doc.Party
	}{{doc.KindCountry, "Kyrgyz", "KG"}, {doc.KindCountry, "Tajikistan", "TJ"}, {doc.KindPlace, "BATKEN", "KG"}, {doc.KindPlace, "Isfara", "TJ"},
		{doc.KindOrganization, "Ministry", "KG"}}
	var out []doc.Entity
	for _, n := range names {
		e := doc.Entity{ID: "e" + strconv.Itoa(len(out)+1), Kind: n.kind, Name: n.name, Side: n.side}
		if n.kind == doc.KindPlace {
			e.Geo = &doc.Geo{Country: string(n.side)}
		}
		for i := 0; ; {
			j := strings.Index(text[i:], n.name)
			if j < 0 {
				break
			}
			e.Mentions = append(e.Mentions, doc.MentionOf(text, doc.Span{Start: i + j, End: i + j + len(n.name)}))
			i += j + len(n.name)
		}
		if len(e.Mentions) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// FuzzAnnotate checks that any text gives claims and events whose spans
// and references are sound.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"According to the Kyrgyz side, 63 people died, of which 6 soldiers, and 200 were injured.",
		"Clashes on 14 September: 19 killed | 20 wounded [1] |",
		"Belligerents |\nA | B |\n1 killed 2 |\n",
		"the death toll rose to 59, 12 more bodies",
		"BATKEN, Sept 17 - Kyrgyzstan's toll stands at 41, with 3 others wounded, while Tajikistan reported 4 deaths near Isfara.",
		"The Ministry said 59 of its citizens died; Kyrgyz-Tajikistan troops used drones, killing 9, and 2 tanks.",
	} {
		f.Add(s)
	}
	att, err := attribution.New()
	if err != nil {
		f.Fatal(err)
	}
	cl, err := claim.New()
	if err != nil {
		f.Fatal(err)
	}
	seg := segment.New()
	f.Fuzz(func(t *testing.T, text string) {
		a := doc.NewAnalysis(doc.Document{Text: text, Published: "2022-10-06"})
		a.Sentences = seg.Sentences(text)
		a.Quantities = digitQuantities(text)
		a.Entities = nameEntities(text)
		att.Annotate(a)
		cl.Annotate(a)
		ids := map[string]bool{}
		for _, c := range a.Claims {
			if c.Start < 0 || c.End > len(text) || c.Start > c.End || c.Text != text[c.Start:c.End] {
				t.Fatalf("bad claim span %d..%d", c.Start, c.End)
			}
			ids[c.ID] = true
		}
		for _, ev := range a.Events {
			for _, id := range ev.Claims {
				if !ids[id] {
					t.Fatalf("event %s refers to unknown claim %s", ev.ID, id)
				}
			}
		}
	})
}

// BenchmarkAnnotate runs the claims annotator over the seed article and
// the dev corpus, with the earlier layers made once beforehand.
func BenchmarkAnnotate(b *testing.B) {
	dir := sharedtest.Dir(b)
	docs := readJSONL[doc.Document](b, filepath.Join(dir, "corpus", "dev", "articles.jsonl"))
	seed, err := os.ReadFile(filepath.Join(dir, "corpus", "seed", "tajik-mfa-silent.txt"))
	if err != nil {
		b.Fatal(err)
	}
	docs = append(docs, doc.Document{Text: string(seed), Published: "2022-10-06"})
	an := newAnalyzer(b)
	var as []*doc.Analysis
	size := 0
	for _, d := range docs {
		as = append(as, an.analyze(d))
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			an.cl.Annotate(a)
		}
	}
}
