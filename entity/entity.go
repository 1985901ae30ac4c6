// Package entity finds the people, organisations, outlets, groups, places
// and countries of a document, merges their mentions across spellings,
// places them on the map and assigns each a side.
//
// # What it finds
//
//   - Countries, from their names, short forms, demonyms ("Kyrgyz"), Russian
//     word stems ("таджикской") and government metonyms ("official
//     Dushanbe"). The side of a country is its ISO 3166-1 alpha-2 code.
//   - Places, from an embedded gazetteer generated from GeoNames-derived
//     packages (see DATA.md), with coordinates, country and admin-1 region.
//     Names that several places share are resolved in favour of the
//     countries the document mentions. "Batken region" prefers the region,
//     "Isfara district" the district. Capitalised words after "in", "near",
//     "village of" that the gazetteer lacks are places without coordinates.
//   - People, with roles from titles and appositions ("Tajik Foreign
//     Minister Sadriddin Mukhiddin", "Ruslan Kazakbaev, Minister of Foreign
//     Affairs of Kyrgyzstan", "the head of the State Committee for National
//     Security, Kamchybek Tashiev"). A person's side is the state of the
//     office, else that of a table of public office holders.
//   - Organisations (a run of capitalised words with a head word such as
//     "Committee" or "Society", a known name, or an acronym) and outlets,
//     from an outlet registry that the caller may extend (WithOutlets).
//   - The outlet of the document itself, from Document.Outlet or the domain
//     of Document.URL, even when the text never names it.
//
// One entity holds every spelling of a name: names are compared by Key, a
// transliteration-folding key, within a small edit distance; a surname alone
// joins the person of that surname mentioned nearest before it; two people
// whose first names differ are never merged.
//
// # For later stages
//
// NewIndex builds, from the entity layer of an analysis, a lookup from a
// byte offset or span to the entities mentioned there (Index.At,
// Index.Within), the side of a phrase ("the Kyrgyz side", "Kyrgyz
// citizens", "Tajik Foreign Minister Mukhiddin": Index.SideOf) and the
// country of a place (Index.Country).
package entity

import (
	"github.com/parallaxnews/parallax/doc"
)

// Annotator adds the entity layer to an analysis. It is safe for concurrent use.
type Annotator struct {
	lx *lexicon
}

// Option configures an Annotator.
type Option func(*config)

type config struct {
	outlets []Outlet
}

// WithOutlets adds outlets to the embedded registry; an outlet with the name
// of a registry outlet replaces it. The command line reads them with
// ParseOutlets from $XDG_CONFIG_HOME/parallax/outlets.tsv.
func WithOutlets(outlets []Outlet) Option {
	return func(c *config) { c.outlets = append(c.outlets, outlets...) }
}

// New returns an Annotator with the embedded language resources.
func New(opts ...Option) (*Annotator, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	lx, err := loadLexicon(c.outlets)
	if err != nil {
		return nil, err
	}
	return &Annotator{lx: lx}, nil
}

// Annotate fills the entity layer of a, reading the layers before it.
func (an *Annotator) Annotate(a *doc.Analysis) {
	text := a.Document.Text
	f := &finder{lx: an.lx, text: text, mentions: make([]mention, 0, len(text)/64+8), seen: map[string]int{}}
	f.lower, f.upper = caseMode(text)
	sents := a.Sentences
	if len(sents) == 0 && len(text) > 0 {
		sents = []doc.Span{{Start: 0, End: len(text)}}
	}
	for _, s := range sents {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		f.sentence(s)
	}
	a.Entities = f.resolve(a.Document)
}
