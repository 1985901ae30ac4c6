package entity

import (
	"sort"

	"github.com/parallaxnews/parallax/doc"
)

// Index answers, for the later stages, which entities a stretch of text
// mentions. Build it with NewIndex once the entity layer is filled.
type Index struct {
	ents []doc.Entity
	refs []mentionRef // sorted by start, then by longer first
	byID map[string]int
}

type mentionRef struct {
	start, end int
	ent        int
}

// NewIndex indexes the mentions of the entity layer of a.
func NewIndex(a *doc.Analysis) *Index {
	ix := &Index{ents: a.Entities, byID: make(map[string]int, len(a.Entities))}
	for i, e := range a.Entities {
		ix.byID[e.ID] = i
		for _, m := range e.Mentions {
			ix.refs = append(ix.refs, mentionRef{m.Start, m.End, i})
		}
	}
	sort.Slice(ix.refs, func(i, j int) bool {
		a, b := ix.refs[i], ix.refs[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.end > b.end
	})
	return ix
}

// Entity returns the entity with the given ID.
func (ix *Index) Entity(id string) (doc.Entity, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return doc.Entity{}, false
	}
	return ix.ents[i], true
}

// At returns the entity whose mention covers byte offset off, the shortest
// such mention winning ("Tajikistan" inside "Red Crescent Society of
// Tajikistan" is the country).
func (ix *Index) At(off int) (doc.Entity, bool) {
	best, bestLen := -1, 0
	// Mentions are short: look back over those starting a little before off.
	k := sort.Search(len(ix.refs), func(i int) bool { return ix.refs[i].start > off })
	for i := k - 1; i >= 0 && off-ix.refs[i].start < 512; i-- {
		r := ix.refs[i]
		if r.start <= off && off < r.end && (best < 0 || r.end-r.start < bestLen) {
			best, bestLen = r.ent, r.end-r.start
		}
	}
	if best < 0 {
		return doc.Entity{}, false
	}
	return ix.ents[best], true
}

// Within returns the entities mentioned inside span s, in text order, each
// once; a mention counts when it lies wholly within s.
func (ix *Index) Within(s doc.Span) []doc.Entity {
	var out []doc.Entity
	seen := map[int]bool{}
	k := sort.Search(len(ix.refs), func(i int) bool { return ix.refs[i].start >= s.Start })
	for i := k; i < len(ix.refs) && ix.refs[i].start < s.End; i++ {
		r := ix.refs[i]
		if r.end <= s.End && !seen[r.ent] {
			seen[r.ent] = true
			out = append(out, ix.ents[r.ent])
		}
	}
	return out
}

// SideOf returns the party that the phrase in span s speaks for or names:
// the side of the widest person, organisation, outlet or group mentioned in
// it, else that of the first country (a demonym or metonym: "the Kyrgyz
// side", "Kyrgyz citizens", "official Dushanbe"). It returns "" when the
// phrase names no side.
func (ix *Index) SideOf(s doc.Span) doc.Party {
	var actor, country doc.Party
	actorLen := 0
	k := sort.Search(len(ix.refs), func(i int) bool { return ix.refs[i].start >= s.Start })
	for i := k; i < len(ix.refs) && ix.refs[i].start < s.End; i++ {
		r := ix.refs[i]
		if r.end > s.End {
			continue
		}
		e := ix.ents[r.ent]
		switch e.Kind {
		case doc.KindCountry:
			if country == "" {
				country = e.Side
			}
		case doc.KindPerson, doc.KindOrganization, doc.KindOutlet, doc.KindGroup:
			if e.Side != "" && r.end-r.start > actorLen {
				actor, actorLen = e.Side, r.end-r.start
			}
		}
	}
	if actor != "" {
		return actor
	}
	return country
}

// Country returns the ISO code of the country a place or country entity
// lies in, or "" when unknown.
func (ix *Index) Country(id string) string {
	e, ok := ix.Entity(id)
	if !ok {
		return ""
	}
	if e.Geo != nil && e.Geo.Country != "" {
		return e.Geo.Country
	}
	if e.Kind == doc.KindCountry {
		return string(e.Side)
	}
	return ""
}
