package compare

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/parallaxnews/parallax/doc"
)

// Grouping parameters. A cross-document event spans at most maxSpan days;
// dates within slack days of an event's are taken to be the same event
// (the sides' reports of one round of fighting date it a day or two
// apart: September 14, when it began, and 16, when a village was shelled);
// a claim dated only by its publication joins an event that ended at most
// lookback days before.
const (
	maxSpan  day = 31
	slack    day = 2
	lookback day = 31
	// An event dated more loosely than precise days ("in September", "in
	// April 2021") places a claim in time without setting an event's dates.
	precise day = 7
)

// class is a family of event types that may be the same event.
type class uint8

const (
	classGeneric   class = iota // statement, accusation, evacuation, unknown
	classViolence               // clash, shelling, strike, attack
	classPolitical              // agreement, ceasefire, protocol, meeting, talks
	classProtest
	classBorder // closure and reopening of crossings
)

// classOf returns the family of an event type.
func classOf(t string) class {
	t = strings.ToLower(t)
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(t, s) {
				return true
			}
		}
		return false
	}
	switch {
	case has("closure", "reopen", "crossing"):
		return classBorder
	case has("protest", "demonstrat", "rally", "riot"):
		return classProtest
	case has("ceasefire", "agreement", "protocol", "negotiat", "meeting", "talks", "summit", "treaty", "truce"):
		return classPolitical
	case has("clash", "shell", "strike", "attack", "battle", "fight", "explos", "violence", "bomb", "assault", "incursion", "skirmish", "combat", "fire"):
		return classViolence
	}
	return classGeneric
}

func compatible(a, b class) bool { return a == b || a == classGeneric || b == classGeneric }

// isAccusation reports whether an event type is an accusation or a
// statement, which a side answers.
func isAccusation(t string) bool {
	t = strings.ToLower(t)
	return strings.Contains(t, "accus") || strings.Contains(t, "statement") || strings.Contains(t, "denial")
}

// ACLEDType returns the ACLED event type an event type falls under.
func ACLEDType(t string) string {
	l := strings.ToLower(t)
	switch classOf(l) {
	case classViolence:
		switch {
		case strings.Contains(l, "civilian"):
			return "Violence against civilians"
		case strings.Contains(l, "shell") || strings.Contains(l, "strike") || strings.Contains(l, "explos") || strings.Contains(l, "bomb"):
			return "Explosions/Remote violence"
		}
		return "Battles"
	case classProtest:
		return "Protests"
	}
	if t == "" {
		return ""
	}
	return "Strategic developments"
}

// occurrence is one event as one document reports it (or, for claims
// without an event, the document itself).
type occurrence struct {
	ev       *Event
	doc      string
	outlet   string // the document's outlet, else the document
	from, to day
	dated    bool
	vague    bool // dated, but more loosely than precise
	pub      day
	places   []string // lower-case names
	admin1   []string // lower-case
	// located says whether one of the places is in a known country: the
	// places of an occurrence without one ("Central Asia", a region the
	// gazetteer does not place) do not keep it from events elsewhere.
	located bool
	// points are the places that have coordinates and a country.
	points  []point
	actors  []doc.Party
	class   class
	records int
	cluster int32
	// sides lists the sides of the occurrence's records, each with its
	// first record.
	sides []sideRecord
}

// sideRecord is a side and the first of its records in an occurrence.
type sideRecord struct {
	side doc.Party
	rec  int32
}

// addSide notes that record i of side s belongs to the occurrence.
func (o *occurrence) addSide(s doc.Party, i int32) {
	for _, x := range o.sides {
		if x.side == s {
			return
		}
	}
	o.sides = append(o.sides, sideRecord{s, i})
}

// cluster is one event across documents.
type cluster struct {
	from, to day
	places   map[string]int // lower-case name → records
	admin1   map[string]int
	located  bool    // one of the places is in a known country
	points   []point // of the places, the first maxPoints
	// countries are those of the located places.
	countries []string
	actors    []doc.Party
	class     class
	occs      []int32
	records   int
	dead      bool // merged into another
}

// mergeable reports whether c and d, each fitting one occurrence, can be
// one event: compatible types, and together no longer than maxSpan.
func (c *cluster) mergeable(d *cluster) bool {
	return compatible(c.class, d.class) && (c.class == d.class || c.class == classGeneric || d.class == classGeneric) &&
		max(c.to, d.to)-min(c.from, d.from) <= maxSpan
}

// compact drops merged clusters, orders the rest by first date and points
// the occurrences at their new indices.
func compact(cs []cluster, occs []occurrence) []cluster {
	out := slices.DeleteFunc(cs, func(c cluster) bool { return c.dead })
	slices.SortStableFunc(out, func(a, b cluster) int { return cmp.Compare(a.from, b.from) })
	for ci := range out {
		for _, oi := range out[ci].occs {
			occs[oi].cluster = int32(ci)
		}
	}
	return out
}

// pass is the grouping pass an occurrence joins in: dated, loosely dated,
// dated by publication only.
func (o *occurrence) pass() int {
	switch {
	case o.dated:
		return 0
	case o.vague:
		return 1
	}
	return 2
}

func newOccurrence(r *Record) occurrence {
	o := occurrence{doc: r.Document, outlet: r.Outlet, ev: r.Event, from: noDay, to: noDay, pub: parseDay(r.Published)}
	if o.outlet == "" {
		o.outlet = r.Document
	}
	return o
}

// readEvent sets what grouping needs of the occurrence's event. Builder
// calls it once every record is in: a source may fill an Event after it
// gave the records that point to it.
func (o *occurrence) readEvent() {
	ev := o.ev
	if ev == nil {
		return
	}
	o.class = classOf(ev.Type)
	o.actors = ev.Actors
	for _, p := range ev.Places {
		if p.Name != "" {
			o.places = append(o.places, strings.ToLower(p.Name))
		}
		if p.Geo != nil && p.Geo.Admin1 != "" {
			o.admin1 = append(o.admin1, strings.ToLower(p.Geo.Admin1))
		}
		if p.Geo != nil && p.Geo.Country != "" {
			o.located = true
		}
		if p.Geo != nil && p.Geo.Country != "" && (p.Geo.Lat != 0 || p.Geo.Lon != 0) {
			o.points = append(o.points, point{p.Geo.Lat, p.Geo.Lon, p.Geo.Country})
		}
	}
	if ev.Dated {
		f, l, ok := parseSpan(ev.From)
		if ok {
			if ev.To != "" {
				if _, l2, ok2 := parseSpan(ev.To); ok2 && l2 >= f {
					l = l2
				}
			}
			switch {
			case l-f <= precise:
				o.from, o.to, o.dated = f, l, true
			case l-f <= 366:
				o.from, o.to, o.vague = f, l, true
			}
		}
	}
}

// score says how well o fits c: -1 when it cannot be the same event, more
// for more places in common.
func (c *cluster) score(o *occurrence) int { return c.fit(o, true) }

// fit is score, with the places in common required or not.
func (c *cluster) fit(o *occurrence, samePlace bool) int {
	if !compatible(c.class, o.class) {
		return -1
	}
	if len(o.actors) > 0 && len(c.actors) > 0 && !shareParty(o.actors, c.actors) {
		return -1
	}
	s := 1
	if len(o.places) > 0 && len(c.places) > 0 {
		shared := 0
		for _, p := range o.places {
			if c.places[p] > 0 {
				shared += 2
			}
		}
		for _, a := range o.admin1 {
			if c.admin1[a] > 0 {
				shared++
			}
		}
		if shared == 0 && c.across(o) {
			shared = 1
		}
		if shared == 0 && samePlace && o.located && c.located {
			return -1
		}
		s += shared
	}
	if o.class == c.class && o.class != classGeneric {
		s++
	}
	return s
}

// point is a place's coordinates, in degrees, and its country.
type point struct {
	lat, lon float64
	country  string
}

// Across a border, an event's places are near another's when two of them
// are within nearKm (the breadth of a border district on either side); an
// event keeps its first maxPoints places with coordinates for this.
const (
	nearKm    = 100
	maxPoints = 32
)

// across reports whether o is the other side's report of c: all of c's
// located places lie in countries other than o's, and one of them is near
// one of o's ("the villages of Isfara district" and "Batken"). Each side
// names the places on its own side of the border where both were hit;
// within one country, only a place or region in common joins reports, and
// an event that already holds o's countries is not extended by
// proximity, so that events do not chain across a region.
func (c *cluster) across(o *occurrence) bool {
	if len(o.points) == 0 || len(c.points) == 0 {
		return false
	}
	for _, p := range o.points {
		if slices.Contains(c.countries, p.country) {
			return false
		}
	}
	return near(o.points, c.points)
}

// near reports whether a point of a is within nearKm of a point of b
// (on an equirectangular projection, which is close enough at this
// scale).
func near(a, b []point) bool {
	const (
		kmPerDegree = 111.2
		maxLat      = nearKm / kmPerDegree
	)
	for _, p := range a {
		// A degree of longitude shrinks with the cosine of the latitude;
		// at most 80° is assumed, so that the bound stays finite.
		maxLon := maxLat / math.Cos(math.Min(math.Abs(p.lat), 80)*math.Pi/180)
		for _, q := range b {
			dlat, dlon := q.lat-p.lat, math.Remainder(q.lon-p.lon, 360) // across the antimeridian too
			if dlat > maxLat || dlat < -maxLat || dlon > maxLon || dlon < -maxLon {
				continue
			}
			x := dlon * math.Cos((p.lat+q.lat)/2*math.Pi/180)
			if (x*x+dlat*dlat)*kmPerDegree*kmPerDegree <= nearKm*nearKm {
				return true
			}
		}
	}
	return false
}

func shareParty(a, b []doc.Party) bool {
	for _, x := range a {
		if x != "" && slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func (c *cluster) add(occs []occurrence, i int32) {
	o := &occs[i]
	c.occs = append(c.occs, i)
	c.records += o.records
	if c.class == classGeneric {
		c.class = o.class
	}
	if o.dated || c.from == noDay {
		d1, d2 := o.from, o.to
		if !o.dated && !o.vague {
			d1, d2 = o.pub, o.pub
		}
		if d1 != noDay && (c.from == noDay || d1 < c.from) {
			c.from = d1
		}
		if d2 != noDay && (c.to == noDay || d2 > c.to) {
			c.to = d2
		}
	}
	if c.places == nil {
		c.places, c.admin1 = map[string]int{}, map[string]int{}
	}
	for _, p := range o.places {
		c.places[p] += o.records
	}
	c.located = c.located || o.located
	for _, p := range o.points {
		if len(c.points) < maxPoints && !slices.Contains(c.points, p) {
			c.points = append(c.points, p)
		}
		if !slices.Contains(c.countries, p.country) {
			c.countries = append(c.countries, p.country)
		}
	}
	for _, a := range o.admin1 {
		c.admin1[a] += o.records
	}
	for _, p := range o.actors {
		if p != "" && !slices.Contains(c.actors, p) {
			c.actors = append(c.actors, p)
		}
	}
}

// groupEvents assigns every occurrence to a cluster and returns the
// clusters. Occurrences dated by their text are swept in date order, each
// joining the best-fitting open event; those dated only by publication
// then join the best-fitting event that ended within lookback days before,
// the most recent first; the rest start events of their own.
func groupEvents(occs []occurrence) []cluster {
	order := make([]int32, len(occs))
	for i := range order {
		order[i] = int32(i)
	}
	byDate := func(a, b int32) int {
		x, y := &occs[a], &occs[b]
		if c := cmp.Compare(x.pass(), y.pass()); c != 0 {
			return c
		}
		if x.dated || x.vague {
			if c := cmp.Compare(x.from, y.from); c != 0 {
				return c
			}
			if c := cmp.Compare(x.to, y.to); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(x.pub, y.pub); c != 0 {
			return c
		}
		if c := strings.Compare(x.doc, y.doc); c != 0 {
			return c
		}
		return strings.Compare(evID(x.ev), evID(y.ev))
	}
	slices.SortFunc(order, byDate)

	var clusters []cluster
	join := func(ci int, oi int32) {
		clusters[ci].add(occs, oi)
		occs[oi].cluster = int32(ci)
	}
	start := func(oi int32) int {
		clusters = append(clusters, cluster{from: noDay, to: noDay})
		join(len(clusters)-1, oi)
		return len(clusters) - 1
	}

	merge := func(into, from int) {
		for _, oi := range clusters[from].occs {
			join(into, oi)
		}
		clusters[from] = cluster{dead: true}
	}

	// Dated occurrences: a sweep over the events still open.
	var active, matches []int
	k := 0
	for ; k < len(order) && occs[order[k]].dated; k++ {
		oi := order[k]
		o := &occs[oi]
		n := 0
		for _, ci := range active {
			if clusters[ci].to+slack >= o.from {
				active[n] = ci
				n++
			}
		}
		active = active[:n]
		best, bestScore := -1, 0
		matches = matches[:0]
		for _, ci := range active {
			c := &clusters[ci]
			if o.to < c.from-slack || max(c.to, o.to)-min(c.from, o.from) > maxSpan {
				continue
			}
			s := c.score(o)
			if s <= 0 {
				continue
			}
			matches = append(matches, ci)
			if s > bestScore || (s == bestScore && c.records > clusters[best].records) {
				best, bestScore = ci, s
			}
		}
		if best < 0 {
			active = append(active, start(oi))
			continue
		}
		join(best, oi)
		// The occurrence bridges the other events it fits: they are one.
		for _, ci := range matches {
			if ci != best && clusters[best].mergeable(&clusters[ci]) {
				merge(best, ci)
			}
		}
		n = 0
		for _, ci := range active {
			if !clusters[ci].dead {
				active[n] = ci
				n++
			}
		}
		active = active[:n]
	}
	clusters = compact(clusters, occs)
	dated := len(clusters) // clusters[:dated] are sorted by from

	// Loosely dated occurrences join the best-fitting event within their
	// period, the largest first, or start one of their own.
	for ; k < len(order) && occs[order[k]].vague; k++ {
		oi := order[k]
		o := &occs[oi]
		best, bestScore := -1, 0
		// Places in common first; failing that, the largest event of the
		// period that fits otherwise.
		for _, samePlace := range []bool{true, false} {
			for _, r := range [][2]int{{0, dated}, {dated, len(clusters)}} {
				i, _ := slices.BinarySearchFunc(clusters[r[0]:r[1]], o.from-maxSpan, func(c cluster, d day) int { return cmp.Compare(c.from, d) })
				for ci := r[0] + i; ci < r[1] && clusters[ci].from <= o.to; ci++ {
					c := &clusters[ci]
					if c.to < o.from {
						continue
					}
					if s := c.fit(o, samePlace); s > 0 && (s > bestScore || s == bestScore && c.records > clusters[best].records) {
						best, bestScore = ci, s
					}
				}
			}
			if best >= 0 {
				break
			}
		}
		if best < 0 {
			start(oi)
		} else {
			join(best, oi)
		}
	}
	vague := len(clusters)

	// Occurrences dated by publication only.
	noDate := map[string]int{}
	for ; k < len(order); k++ {
		oi := order[k]
		o := &occs[oi]
		if o.pub == noDay {
			key := string(rune('0'+o.class)) + "|"
			if len(o.places) > 0 {
				key += o.places[0]
			}
			if ci, ok := noDate[key]; ok {
				join(ci, oi)
			} else {
				noDate[key] = start(oi)
			}
			continue
		}
		lo := o.pub - lookback
		best, bestScore := -1, 0
		consider := func(from, to int) {
			// clusters[from:to] are sorted by from; candidates begin at
			// most maxSpan before the window.
			i, _ := slices.BinarySearchFunc(clusters[from:to], lo-maxSpan, func(c cluster, d day) int { return cmp.Compare(c.from, d) })
			for ci := from + i; ci < to && clusters[ci].from <= o.pub; ci++ {
				c := &clusters[ci]
				if c.to < lo || c.from == noDay {
					continue
				}
				s := c.score(o)
				if s <= 0 {
					continue
				}
				if c.class != classGeneric {
					s++ // an event rather than a statement about one
				}
				if s > bestScore || s == bestScore && (c.records > clusters[best].records ||
					c.records == clusters[best].records && c.to > clusters[best].to) {
					best, bestScore = ci, s
				}
			}
		}
		consider(0, dated)
		consider(dated, vague)
		consider(vague, len(clusters))
		if best < 0 {
			start(oi)
		} else {
			join(best, oi)
		}
	}
	return clusters
}

func evID(e *Event) string {
	if e == nil {
		return ""
	}
	return e.ID
}
