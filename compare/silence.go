package compare

import (
	"cmp"
	"slices"

	"github.com/parallaxnews/parallax/doc"
)

// Kinds of silence.
const (
	SilentEvent      = "event"      // the side reports nothing of the event
	SilentFigure     = "figure"     // the side gives no figure for a metric and party
	SilentAccusation = "accusation" // the side does not answer an accusation against it
)

// Silence is something other sources report that a side's sources never
// mention in the same period.
type Silence struct {
	// Side is the silent party.
	Side doc.Party `json:"side"`
	Kind string    `json:"kind"`
	// Event is what the silence is about; Metric and About name the figure
	// (Metric is empty for an event or an accusation; About is the accused
	// party of an accusation).
	Event  EventInfo `json:"event"`
	Metric string    `json:"metric"`
	Unit   string    `json:"unit,omitempty"` // as in Group
	About  doc.Party `json:"about"`
	// ReportedBy are the sides that report it ("independent" for neutral
	// or unknown sources); Sources name the sources, when known.
	ReportedBy []string `json:"reported_by"`
	Sources    []string `json:"sources,omitempty"`
}

// Silences returns what sources of the other sides and independent sources
// report that side's sources never mention in the same period: events,
// figures about each party, and accusations against side it never answers
// (with a statement, accusation or denial of its own about the same event).
// With vs set, only what side vs and independent sources report counts.
// A side is silent only where it speaks: a side that published nothing
// from an event's start to two months after its end is absent, not silent,
// and gets no silence about it.
func Silences(records []Record, side, vs doc.Party) []Silence {
	return New(records).Silences(side, vs)
}

type silenceItem struct {
	Silence
	cluster int32
}

type figureKey struct {
	side   doc.Party
	metric string
	about  doc.Party
}

type presence struct {
	bySide map[doc.Party][]int32 // clusters each side reports, by date
	// statements lists the clusters in which each side makes a statement,
	// an accusation or a denial, by date.
	statements map[doc.Party][]int32
	byFigure   map[figureKey][]int32 // clusters each side gives a figure in, by date
	// published lists, by side, the days it published records on, sorted
	// and distinct: a side says nothing at all in a period it published
	// nothing in.
	published map[doc.Party][]day
	// accusations lists the accusations the sides make, once per cluster
	// and accusing side.
	accusations []accusation
}

// accusation is a side's accusation in a cluster, from record rec.
type accusation struct {
	cluster int32
	by      doc.Party
	rec     int32
}

// presence returns where each side speaks, computed once per state.
func (st *state) presence() *presence {
	if st.pres == nil {
		p := st.computePresence()
		st.pres = &p
	}
	return st.pres
}

func (st *state) computePresence() presence {
	// Sides as bits: conflicts have a handful of parties.
	var parties []doc.Party
	bit := func(s doc.Party) (uint64, bool) {
		i := slices.Index(parties, s)
		if i < 0 {
			if len(parties) == 64 {
				return 0, false
			}
			parties = append(parties, s)
			i = len(parties) - 1
		}
		return 1 << i, true
	}
	p := presence{bySide: map[doc.Party][]int32{}, byFigure: map[figureKey][]int32{}, statements: map[doc.Party][]int32{},
		published: map[doc.Party][]day{}}
	masks := make([]uint64, len(st.clusters))
	stated := map[int32]map[doc.Party]bool{}
	accused := map[accusation]bool{}
	var extra map[doc.Party]map[int32]bool // beyond 64 parties
	// The sides of each document event, rather than of each record.
	for oi := range st.occs {
		o := &st.occs[oi]
		c := o.cluster
		accuses := o.ev != nil && isAccusation(o.ev.Type)
		for _, sr := range o.sides {
			sr.side = partySide(sr.side, st.actorsOf(c))
			if o.pub != noDay {
				p.published[sr.side] = append(p.published[sr.side], o.pub)
			}
			if accuses && sr.side != "" {
				if !stated[c][sr.side] {
					if stated[c] == nil {
						stated[c] = map[doc.Party]bool{}
					}
					stated[c][sr.side] = true
					p.statements[sr.side] = append(p.statements[sr.side], c)
				}
				if a := (accusation{cluster: c, by: sr.side}); !accused[a] {
					accused[a] = true
					a.rec = sr.rec
					p.accusations = append(p.accusations, a)
				}
			}
			if b, ok := bit(sr.side); ok {
				masks[c] |= b
				continue
			}
			if extra == nil {
				extra = map[doc.Party]map[int32]bool{}
			}
			if extra[sr.side] == nil {
				extra[sr.side] = map[int32]bool{}
			}
			extra[sr.side][c] = true
		}
	}
	for _, c := range st.order {
		for i, s := range parties {
			if masks[c]&(1<<i) != 0 {
				p.bySide[s] = append(p.bySide[s], c)
			}
		}
	}
	for s, cs := range extra {
		for c := range cs {
			p.bySide[s] = append(p.bySide[s], c)
		}
	}
	for _, gd := range st.groups {
		for _, sf := range gd.bySide { // one per side
			fk := figureKey{sf.Side, gd.metric, gd.about}
			p.byFigure[fk] = append(p.byFigure[fk], gd.cluster)
		}
	}
	// A side that denies a figure speaks of it: "Bishkek rejected the
	// minister's 2,000 km²" is no silence of Bishkek's about the area.
	for _, dn := range st.denials {
		w := &st.rows[dn.row]
		c := st.occs[w.occ].cluster
		side := partySide(doc.Party(st.parties.vals[dn.party]), st.actorsOf(c))
		fk := figureKey{side, st.metrics.vals[w.metric], doc.Party(st.parties.vals[w.about])}
		p.byFigure[fk] = append(p.byFigure[fk], c)
	}
	byDate := func(a, b int32) int { return cmp.Compare(st.rank[a], st.rank[b]) }
	for _, l := range p.bySide {
		slices.SortFunc(l, byDate)
	}
	for _, l := range p.byFigure {
		slices.SortFunc(l, byDate)
	}
	for _, l := range p.statements {
		slices.SortFunc(l, byDate)
	}
	for side, l := range p.published {
		slices.Sort(l)
		p.published[side] = slices.Compact(l)
	}
	return p
}

// silenceWindow is how long after an event its side's sources are expected
// to speak of it: a side that published nothing from the event's start to
// this many days after its end is not silent about it, just absent.
const silenceWindow = 60

// speaks reports whether side published anything from the start of
// cluster c to silenceWindow days after its end. Clusters without dates
// count as spoken of whenever the side published anything.
func (st *state) speaks(p *presence, side doc.Party, c int32) bool {
	days := p.published[side]
	if len(days) == 0 {
		return false
	}
	from, to := st.clusters[c].from, st.clusters[c].to
	if from == noDay {
		return true
	}
	i, _ := slices.BinarySearch(days, from)
	return i < len(days) && days[i] <= to+silenceWindow
}

// related reports whether clusters a and b may be one event that grouping
// split: same period, compatible types, a place in common or none known.
func (st *state) related(a, b int32) bool {
	if a == b {
		return true
	}
	x, y := &st.clusters[a], &st.clusters[b]
	if x.from == noDay || y.from == noDay || !compatible(x.class, y.class) {
		return false
	}
	if x.from > y.to+slack || y.from > x.to+slack {
		return false
	}
	if len(x.places) == 0 || len(y.places) == 0 {
		return true
	}
	for p := range x.places {
		if y.places[p] > 0 {
			return true
		}
	}
	for p := range x.admin1 {
		if y.admin1[p] > 0 {
			return true
		}
	}
	return false
}

// mentions reports whether one of the clusters in list (by date) is c or
// related to it.
func (st *state) mentions(list []int32, c int32) bool {
	from := st.clusters[c].from
	i := 0
	if from != noDay {
		i, _ = slices.BinarySearchFunc(list, from-maxSpan-slack, func(ci int32, d day) int { return cmp.Compare(st.clusters[ci].from, d) })
	}
	for ; i < len(list); i++ {
		ci := list[i]
		if ci == c {
			return true
		}
		if from == noDay {
			continue
		}
		if st.clusters[ci].from > st.clusters[c].to+slack {
			break
		}
		if st.related(ci, c) {
			return true
		}
	}
	return false
}

func (st *state) silences(side, vs doc.Party) []silenceItem {
	if side == "" {
		return nil
	}
	if items, ok := st.silenced[[2]doc.Party{side, vs}]; ok {
		return items
	}
	items := st.findSilences(side, vs)
	if st.silenced == nil {
		st.silenced = map[[2]doc.Party][]silenceItem{}
	}
	st.silenced[[2]doc.Party{side, vs}] = items
	return items
}

// findSilences returns what side is silent about, against vs or all.
// ofConflict returns whether a cluster belongs to a conflict side is a
// party to: one with no actors named, or whose actors include side or a
// party that side is an actor of some event with. A corpus that also
// reports Armenia and Azerbaijan does not make Kyrgyzstan silent about
// their fighting.
func (st *state) ofConflict(side doc.Party) func(c int32) bool {
	partners := map[doc.Party]bool{side: true}
	for _, c := range st.clusters {
		if !c.dead && slices.Contains(c.actors, side) {
			for _, a := range c.actors {
				partners[a] = true
			}
		}
	}
	return func(c int32) bool {
		actors := st.clusters[c].actors
		return len(actors) == 0 || slices.ContainsFunc(actors, func(a doc.Party) bool { return partners[a] })
	}
}

func (st *state) findSilences(side, vs doc.Party) []silenceItem {
	p := st.presence()
	reports := func(s doc.Party) bool { return s != side && (vs == "" || s == vs || s == "") }
	ours := st.ofConflict(side)
	var out []silenceItem
	kindRank := map[string]int{SilentEvent: 0, SilentAccusation: 1, SilentFigure: 2}

	// Events the side reports nothing of.
	others := map[int32][]doc.Party{}
	for s, list := range p.bySide {
		if !reports(s) {
			continue
		}
		for _, c := range list {
			others[c] = append(others[c], s)
		}
	}
	for c, sides := range others {
		if st.mentions(p.bySide[side], c) || !st.speaks(p, side, c) || !ours(c) {
			continue
		}
		slices.SortFunc(sides, compareSides)
		out = append(out, silenceItem{Silence{Side: side, Kind: SilentEvent, Event: st.infos[c], ReportedBy: labels(sides)}, c})
	}

	// Figures the side never gives.
	for _, gd := range st.groups {
		if st.mentions(p.byFigure[figureKey{side, gd.metric, gd.about}], gd.cluster) || !st.speaks(p, side, gd.cluster) || !ours(gd.cluster) {
			continue
		}
		var sides []doc.Party
		var sources []string
		for i := range gd.figs {
			f := &gd.figs[i]
			if !reports(f.Side) {
				continue
			}
			if !slices.Contains(sides, f.Side) {
				sides = append(sides, f.Side)
			}
			if len(sources) < maxNames {
				if n := f.Source; !slices.Contains(sources, n) {
					sources = append(sources, n)
				}
			}
		}
		if len(sides) == 0 {
			continue
		}
		slices.SortFunc(sides, compareSides)
		metric, unit := splitMetric(gd.metric)
		out = append(out, silenceItem{Silence{Side: side, Kind: SilentFigure, Event: st.infos[gd.cluster],
			Metric: metric, Unit: unit, About: gd.about, ReportedBy: labels(sides), Sources: sources}, gd.cluster})
	}

	// Accusations against the side that it never answers.
	for _, a := range p.accusations {
		if !reports(a.by) || !slices.Contains(st.occs[st.rows[a.rec].occ].actors, side) || st.mentions(p.statements[side], a.cluster) {
			continue
		}
		src := []string{}
		if n := sourceLabel(st.source(a.rec)); n != "" {
			src = append(src, n)
		}
		out = append(out, silenceItem{Silence{Side: side, Kind: SilentAccusation, Event: st.infos[a.cluster],
			About: side, ReportedBy: []string{SideLabel(a.by)}, Sources: src}, a.cluster})
	}

	slices.SortStableFunc(out, func(a, b silenceItem) int {
		if c := cmp.Compare(st.rank[a.cluster], st.rank[b.cluster]); c != 0 {
			return c
		}
		if c := cmp.Compare(kindRank[a.Kind], kindRank[b.Kind]); c != 0 {
			return c
		}
		if c := cmp.Compare(metricRank(a.Metric), metricRank(b.Metric)); c != 0 {
			return c
		}
		if c := compareSides(a.About, b.About); c != 0 {
			return c
		}
		return slices.Compare(a.ReportedBy, b.ReportedBy)
	})
	return out
}

func labels(sides []doc.Party) []string {
	out := make([]string, len(sides))
	for i, s := range sides {
		out[i] = SideLabel(s)
	}
	return out
}
