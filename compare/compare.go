package compare

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/parallaxnews/parallax/doc"
)

// Independent labels independent sources (neutral or of unknown side) where
// a side is named in text: in ReportedBy and Contradiction.Sides.
const Independent = "independent"

// Reasons a group is unsupported.
const (
	SingleSource = "single_source" // only one source gives a figure
	NoEvidence   = "no_evidence"   // every source says it gives no evidence
)

// maxNames bounds the sources a flag names; groups of up to maxPairwise
// sources have every pair of figures compared, larger ones the sides'.
const (
	maxNames    = 20
	maxPairs    = 8
	maxPairwise = 64
)

// Options select what Compare reports. The zero value reports everything.
type Options struct {
	// Event keeps only the event with this ID.
	Event string
	// From and To (YYYY-MM-DD, empty for open) keep only the events that
	// overlap the period.
	From, To string
}

// Report is the comparison of many documents: the figures of every event,
// metric and party, and what each side is silent about.
type Report struct {
	Groups   []Group   `json:"groups"`
	Silences []Silence `json:"silences"`
}

// EventInfo describes an event across documents.
type EventInfo struct {
	// ID is stable for the same input: the first date, the type and the
	// main place ("2022-09-14-armed_clash-batken").
	ID     string      `json:"id"`
	Type   string      `json:"type"`
	ACLED  string      `json:"acled,omitempty"`
	From   string      `json:"from,omitempty"`
	To     string      `json:"to,omitempty"`
	Places []string    `json:"places"`
	Actors []doc.Party `json:"actors"`
	// Country, Admin1, Lat and Lon locate the main place, when known.
	Country string   `json:"country,omitempty"`
	Admin1  string   `json:"admin1,omitempty"`
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
	// Documents is the number of documents that report the event.
	Documents int `json:"documents"`
}

// Group is what the sources say about one metric of one event and party.
type Group struct {
	Event  EventInfo `json:"event"`
	Metric string    `json:"metric"`
	About  doc.Party `json:"about"`
	// Figures holds each source's latest figure, with its history.
	Figures []Figure `json:"figures"`
	// BySide holds each side's latest figure (independent sources as one
	// side with a null party): what the flags compare.
	BySide []SideFigure `json:"by_side"`
	// Contradiction is set when two sides' latest figures (or a side's
	// and the independent sources') do not overlap.
	Contradiction *Contradiction `json:"contradiction"`
	// Corroborated is set when two independent sources agree; CorroboratedBy
	// names them.
	Corroborated   bool     `json:"corroborated"`
	CorroboratedBy []string `json:"corroborated_by,omitempty"`
	// Unsupported is set when a single source gives the figure, or no
	// source gives evidence; UnsupportedReason says which.
	Unsupported       bool   `json:"unsupported"`
	UnsupportedReason string `json:"unsupported_reason,omitempty"`
}

// Figure is the latest figure of one source for a group.
type Figure struct {
	Side doc.Party `json:"side"`
	Low  *float64  `json:"low"`
	High *float64  `json:"high"`
	// Source is whom the figure is credited to: the speaker, or the outlet
	// for its own statements.
	Source    string   `json:"source"`
	Speaker   string   `json:"speaker"`
	Via       []string `json:"via"`
	Outlet    string   `json:"outlet,omitempty"`
	Document  string   `json:"document"`
	Published string   `json:"published"`
	Evidence  string   `json:"evidence"`
	Hedged    bool     `json:"hedged"`
	Approx    string   `json:"approx,omitempty"`
	Text      string   `json:"text,omitempty"`
	// History lists the source's earlier figures, oldest first: an
	// evolving toll (24 → 36 → 59) is one figure, never counted twice.
	History []Point `json:"history,omitempty"`
}

// Point is an earlier figure of a source.
type Point struct {
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Document  string   `json:"document"`
	Published string   `json:"published"`
}

// SideFigure is the latest figure a side gives for a metric and party.
type SideFigure struct {
	Metric    string    `json:"metric,omitempty"`
	About     doc.Party `json:"about,omitempty"`
	Side      doc.Party `json:"side"`
	Low       *float64  `json:"low"`
	High      *float64  `json:"high"`
	Source    string    `json:"source"`
	Document  string    `json:"document"`
	Published string    `json:"published"`
	approx    string
	outlet    string
}

// sideFigure returns a source's figure as SideFigure.
func (st *state) sideFigure(f *srcFig) SideFigure {
	r := &st.recs[f.rec]
	return SideFigure{Side: r.Side, Low: f.low, High: f.high, Source: sourceName(r), Document: r.Document,
		Published: r.Published, approx: r.Approx, outlet: r.Outlet}
}

// labelParty is the inverse of SideLabel.
func labelParty(l string) doc.Party {
	if l == Independent {
		return ""
	}
	return doc.Party(l)
}

// Contradiction says which sides and sources disagree.
type Contradiction struct {
	// Sides are the parties whose figures do not overlap ("independent"
	// for the independent sources).
	Sides   []string `json:"sides"`
	Sources []string `json:"sources"`
	// Pairs are the disagreeing figures, two by two (the first eight).
	Pairs [][2]SideFigure `json:"pairs"`
}

// Compare groups the records by event, metric and party and compares the
// figures of each group; it also finds each side's silences.
func Compare(records []Record, opts Options) Report {
	return build(records).report(opts)
}

func (st *state) report(opts Options) Report {
	keep := st.selectClusters(opts)
	st.compareKept(keep)
	rep := Report{Groups: []Group{}, Silences: []Silence{}}
	for i, g := range st.groups {
		if keep[g.cluster] {
			rep.Groups = append(rep.Groups, st.reports[i])
		}
	}
	for _, s := range st.sides() {
		for _, si := range st.silences(s, "") {
			if keep[si.cluster] {
				rep.Silences = append(rep.Silences, si.Silence)
			}
		}
	}
	return rep
}

// state is the comparison of a set of records.
type state struct {
	recs     []Record
	occs     []occurrence
	recOcc   []int32
	clusters []cluster
	infos    []EventInfo // by cluster
	order    []int32     // clusters by date, then ID
	rank     []int32     // position of each cluster in order
	groups   []groupData // in report order
	srcs     []srcFig    // the sources of all groups
	pres     *presence   // where each side speaks, once needed
	// reports holds the report of each group, once compared (done).
	reports []Group
	done    []bool
}

// parallelGroups is the number of groups from which compareKept spreads
// the work over the CPUs.
const parallelGroups = 256

// compareKept fills the reports of the groups of the clusters kept that
// are not yet compared; the groups are independent, so that large
// comparisons use every CPU.
func (st *state) compareKept(keep []bool) {
	if st.reports == nil {
		st.reports = make([]Group, len(st.groups))
		st.done = make([]bool, len(st.groups))
	}
	var todo []int32
	for i, g := range st.groups {
		if keep[g.cluster] && !st.done[i] {
			todo = append(todo, int32(i))
			st.done[i] = true
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo)/parallelGroups)
	if workers <= 1 {
		for _, i := range todo {
			st.reports[i] = st.group(st.groups[i])
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// Interleaved, since groups differ in size.
			for j := w; j < len(todo); j += workers {
				i := todo[j]
				st.reports[i] = st.group(st.groups[i])
			}
		})
	}
	wg.Wait()
}

type groupData struct {
	cluster int32
	metric  string
	about   doc.Party
	sources []srcFig // each source's latest figure
	bySide  []SideFigure
}

// srcFig is one source's latest figure in a group.
type srcFig struct {
	rec       int32 // the record that gives it
	low, high *float64
	hist      []Point
}

func build(records []Record) *state {
	st := &state{recs: records, recOcc: make([]int32, len(records))}
	byEvent := make(map[*Event]int32)
	byDoc := make(map[string]int32)
	var lastEv *Event
	lastOcc := int32(-1)
	for i := range records {
		r := &records[i]
		var oi int32
		var ok bool
		switch {
		case r.Event != nil && r.Event == lastEv:
			oi, ok = lastOcc, true
		case r.Event != nil:
			oi, ok = byEvent[r.Event]
		default:
			oi, ok = byDoc[r.Document]
		}
		if !ok {
			oi = int32(len(st.occs))
			st.occs = append(st.occs, newOccurrence(r))
			if r.Event != nil {
				byEvent[r.Event] = oi
			} else {
				byDoc[r.Document] = oi
			}
		}
		if r.Event != nil {
			lastEv, lastOcc = r.Event, oi
		}
		st.occs[oi].records++
		st.recOcc[i] = oi
	}
	st.clusters = groupEvents(st.occs)
	st.describe()
	st.compareGroups()
	return st
}

// describe names and locates every cluster and orders them.
func (st *state) describe() {
	st.infos = make([]EventInfo, len(st.clusters))
	for ci := range st.clusters {
		c := &st.clusters[ci]
		types := map[string]int{}
		display := map[string]string{}
		geos := map[string]*doc.Geo{}
		docs := map[string]bool{}
		for _, oi := range c.occs {
			o := &st.occs[oi]
			docs[o.doc] = true
			if o.ev == nil {
				continue
			}
			if o.ev.Type != "" {
				types[o.ev.Type] += o.records
			}
			for _, p := range o.ev.Places {
				k := strings.ToLower(p.Name)
				if _, ok := display[k]; !ok {
					display[k] = p.Name
				}
				if geos[k] == nil && p.Geo != nil {
					geos[k] = p.Geo
				}
			}
		}
		typ := ""
		for t, n := range types {
			if typ == "" {
				typ = t
				continue
			}
			ts, cs := classOf(t) != classGeneric, classOf(typ) != classGeneric
			if ts != cs {
				if ts {
					typ = t
				}
				continue
			}
			if n > types[typ] || n == types[typ] && t < typ {
				typ = t
			}
		}
		names := make([]string, 0, len(c.places))
		for k := range c.places {
			names = append(names, k)
		}
		slices.SortFunc(names, func(a, b string) int {
			if c := cmp.Compare(c.places[b], c.places[a]); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
		info := EventInfo{Type: typ, ACLED: ACLEDType(typ), From: c.from.String(), To: c.to.String(),
			Places: make([]string, 0, len(names)), Actors: slices.Sorted(slices.Values(c.actors)), Documents: len(docs)}
		for _, k := range names {
			info.Places = append(info.Places, display[k])
			if g := geos[k]; g != nil && info.Lat == nil {
				lat, lon := g.Lat, g.Lon
				info.Lat, info.Lon, info.Country, info.Admin1 = &lat, &lon, g.Country, g.Admin1
			}
		}
		if info.Actors == nil {
			info.Actors = []doc.Party{}
		}
		st.infos[ci] = info
	}
	st.order = make([]int32, len(st.clusters))
	for i := range st.order {
		st.order[i] = int32(i)
	}
	// Provisional order for naming: by date, type, place.
	slices.SortFunc(st.order, func(a, b int32) int {
		x, y := &st.infos[a], &st.infos[b]
		if c := strings.Compare(x.From, y.From); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Documents, x.Documents); c != 0 {
			return c
		}
		if c := strings.Compare(x.Type, y.Type); c != 0 {
			return c
		}
		return strings.Compare(strings.Join(x.Places, "|"), strings.Join(y.Places, "|"))
	})
	used := map[string]int{}
	for _, ci := range st.order {
		info := &st.infos[ci]
		parts := []string{}
		if info.From != "" {
			parts = append(parts, info.From)
		}
		if info.Type != "" {
			parts = append(parts, slug(info.Type))
		}
		if len(info.Places) > 0 {
			parts = append(parts, slug(info.Places[0]))
		}
		id := strings.Join(parts, "-")
		if id == "" {
			id = "undated"
		}
		used[id]++
		if n := used[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		info.ID = id
	}
	st.rank = make([]int32, len(st.clusters))
	for i, ci := range st.order {
		st.rank[ci] = int32(i)
	}
}

// slug lower-cases s and keeps letters and digits, joining words with "_".
func slug(s string) string {
	var b strings.Builder
	pending := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteRune(r)
		} else {
			pending = true
		}
	}
	return b.String()
}

// metricOrder orders metrics as DESIGN.md lists them.
var metricOrder = []string{"killed", "injured", "missing", "captured", "displaced", "buildings_destroyed",
	"buildings_damaged", "area_km2", "military_losses", "count"}

func metricRank(m string) int {
	if i := slices.Index(metricOrder, m); i >= 0 {
		return i
	}
	return len(metricOrder)
}

type groupKey struct {
	cluster int32
	metric  int32 // index in the interned metrics
	about   int32 // index in the interned parties
}

type sourceKey struct {
	side doc.Party
	name string
}

// interner numbers the distinct strings of a small vocabulary (metrics,
// parties): a linear scan, cheaper than hashing for a handful of values,
// falling back to a map when the vocabulary grows.
type interner struct {
	vals  []string
	index map[string]int32
}

const internScan = 32

func (in *interner) id(s string) int32 {
	if in.index == nil {
		for i, v := range in.vals {
			if v == s {
				return int32(i)
			}
		}
		in.vals = append(in.vals, s)
		if len(in.vals) > internScan {
			in.index = make(map[string]int32, 2*internScan)
			for i, v := range in.vals {
				in.index[v] = int32(i)
			}
		}
		return int32(len(in.vals) - 1)
	}
	if i, ok := in.index[s]; ok {
		return i
	}
	in.vals = append(in.vals, s)
	in.index[s] = int32(len(in.vals) - 1)
	return int32(len(in.vals) - 1)
}

// compareGroups sorts the claims into groups and compares each.
func (st *state) compareGroups() {
	index := make(map[groupKey]int32, len(st.clusters)*8)
	var keys []groupKey
	gid := make([]int32, len(st.recs))
	var counts []int32
	var metrics, parties interner
	srcIDs := map[sourceKey]int32{} // by the name as given
	srcLower := map[sourceKey]int32{}
	src := make([]int32, len(st.recs))
	lastSrc, lastID := sourceKey{"\x00", "\x00"}, int32(-1)
	for i := range st.recs {
		r := &st.recs[i]
		if r.Metric == "" || r.Breakdown {
			gid[i] = -1
			continue
		}
		k := groupKey{st.occs[st.recOcc[i]].cluster, metrics.id(r.Metric), parties.id(string(r.About))}
		g, ok := index[k]
		if !ok {
			g = int32(len(keys))
			index[k] = g
			keys = append(keys, k)
			counts = append(counts, 0)
		}
		gid[i] = g
		counts[g]++
		sk := sourceKey{r.Side, sourceName(r)}
		if sk == lastSrc {
			src[i] = lastID
			continue
		}
		s, ok := srcIDs[sk]
		if !ok {
			lk := sourceKey{sk.side, strings.ToLower(sk.name)}
			s, ok = srcLower[lk]
			if !ok {
				s = int32(len(srcLower))
				srcLower[lk] = s
			}
			srcIDs[sk] = s
		}
		src[i] = s
		lastSrc, lastID = sk, s
	}
	docRank := st.documentRanks()
	// Members of each group, contiguous.
	offs := make([]int32, len(keys)+1)
	for g, n := range counts {
		offs[g+1] = offs[g] + n
	}
	members := make([]int32, offs[len(keys)])
	fill := slices.Clone(offs[:len(keys)])
	for i, g := range gid {
		if g >= 0 {
			members[fill[g]] = int32(i)
			fill[g]++
		}
	}
	mrank := make([]int, len(metrics.vals))
	for i, m := range metrics.vals {
		mrank[i] = metricRank(m)
	}
	gorder := make([]int32, len(keys))
	for i := range gorder {
		gorder[i] = int32(i)
	}
	slices.SortFunc(gorder, func(a, b int32) int {
		x, y := keys[a], keys[b]
		if c := cmp.Compare(st.rank[x.cluster], st.rank[y.cluster]); c != 0 {
			return c
		}
		if c := cmp.Compare(mrank[x.metric], mrank[y.metric]); c != 0 {
			return c
		}
		if c := strings.Compare(metrics.vals[x.metric], metrics.vals[y.metric]); c != 0 {
			return c
		}
		return strings.Compare(parties.vals[x.about], parties.vals[y.about])
	})
	// Sort each group's claims by source, document and offset, and count
	// the sources so that their figures go in one allocation.
	order := make([]uint64, len(st.recs)) // source, then document
	vals := make([]value, len(st.recs))
	for i := range order {
		order[i] = uint64(src[i])<<32 | uint64(uint32(docRank[i]))
		if r := &st.recs[i]; gid[i] >= 0 {
			vals[i] = value{lowOf(r.Low), highOf(r.High), r.Total, r.Increment}
		}
	}
	runs := 0
	for _, g := range gorder {
		m := members[offs[g]:offs[g+1]]
		slices.SortFunc(m, func(a, b int32) int {
			if c := cmp.Compare(order[a], order[b]); c != 0 {
				return c
			}
			return cmp.Compare(st.recs[a].Start, st.recs[b].Start)
		})
		for j := range m {
			if j == 0 || src[m[j]] != src[m[j-1]] {
				runs++
			}
		}
	}
	st.srcs = make([]srcFig, 0, runs)
	st.groups = make([]groupData, 0, len(keys))
	var hist []Point // backing store of the histories
	for _, g := range gorder {
		k := keys[g]
		m := members[offs[g]:offs[g+1]]
		base := len(st.srcs)
		for lo := 0; lo < len(m); {
			hi := lo + 1
			for hi < len(m) && src[m[hi]] == src[m[lo]] {
				hi++
			}
			var f srcFig
			f, hist = st.sourceFigure(m[lo:hi], docRank, vals, hist)
			st.srcs = append(st.srcs, f)
			lo = hi
		}
		gd := groupData{cluster: k.cluster, metric: metrics.vals[k.metric], about: doc.Party(parties.vals[k.about]),
			sources: st.srcs[base:len(st.srcs):len(st.srcs)]}
		gd.bySide = st.bySide(gd.sources)
		st.groups = append(st.groups, gd)
	}
}

// documentRanks numbers each record's document in order of publication,
// then ID, so that sorting by rank sorts by both.
func (st *state) documentRanks() []int32 {
	type docKey struct{ published, id string }
	ids := map[docKey]int32{}
	var keys []docKey
	byRec := make([]int32, len(st.recs))
	last := docKey{"\x00", "\x00"}
	lastID := int32(-1)
	for i := range st.recs {
		r := &st.recs[i]
		k := docKey{r.Published, r.Document}
		if k != last {
			id, ok := ids[k]
			if !ok {
				id = int32(len(keys))
				ids[k] = id
				keys = append(keys, k)
			}
			last, lastID = k, id
		}
		byRec[i] = lastID
	}
	order := make([]int32, len(keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := strings.Compare(keys[a].published, keys[b].published); c != 0 {
			return c
		}
		return strings.Compare(keys[a].id, keys[b].id)
	})
	rank := make([]int32, len(keys))
	for r, id := range order {
		rank[id] = int32(r)
	}
	for i, id := range byRec {
		byRec[i] = rank[id]
	}
	return byRec
}

func sourceName(r *Record) string {
	switch {
	case r.Speaker != "":
		return r.Speaker
	case r.Outlet != "":
		return r.Outlet
	}
	return r.Document
}

// rng is a figure's bounds.
type rng struct{ low, high *float64 }

func addBound(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	v := *a + *b
	return &v
}

// less orders figures by size: low bound first, then high.
func (x rng) less(y rng) bool {
	xl, yl := lowOf(x.low), lowOf(y.low)
	if xl != yl {
		return xl < yl
	}
	return highOf(x.high) < highOf(y.high)
}

func lowOf(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

func highOf(p *float64) float64 {
	if p == nil {
		return math.Inf(1)
	}
	return *p
}

// sourceFigure folds one source's claims (sorted by publication, document
// and offset) into its latest figure and history. Within a document the
// figure is its last running total, else its largest (smaller ones are
// usually parts); across documents a later figure replaces an earlier one
// and an increment adds to it.
//
// The histories are appended to pool, which it returns: each history is a
// slice of it with its capacity capped.
func (st *state) sourceFigure(m []int32, docRank []int32, vals []value, pool []Point) (srcFig, []Point) {
	var cur value
	var curLow, curHigh *float64
	var have bool
	var lastIdx int32
	base := len(pool)
	for lo := 0; lo < len(m); {
		hi := lo + 1
		for hi < len(m) && docRank[m[hi]] == docRank[m[lo]] {
			hi++
		}
		repIdx := m[lo]
		rep := vals[repIdx]
		for _, i := range m[lo+1 : hi] {
			v := vals[i]
			switch {
			case v.total:
				rep, repIdx = v, i
			case rep.total:
			case rep.less(v):
				rep, repIdx = v, i
			}
		}
		r := &st.recs[repIdx]
		v, vLow, vHigh := rep, r.Low, r.High
		if rep.increment && have {
			vLow, vHigh = addBound(curLow, r.Low), addBound(curHigh, r.High)
			v.low, v.high = lowOf(vLow), highOf(vHigh)
		}
		if have && (v.low != cur.low || v.high != cur.high || (vLow == nil) != (curLow == nil) || (vHigh == nil) != (curHigh == nil)) {
			if len(pool) == cap(pool) {
				// A new block: earlier histories keep the old one.
				n := len(pool) - base
				np := make([]Point, n, max(4096, 2*n))
				copy(np, pool[base:])
				pool, base = np, 0
			}
			last := &st.recs[lastIdx]
			pool = append(pool, Point{Low: curLow, High: curHigh, Document: last.Document, Published: last.Published})
		}
		cur, curLow, curHigh, have, lastIdx = v, vLow, vHigh, true, repIdx
		lo = hi
	}
	var hist []Point
	if len(pool) > base {
		hist = pool[base:len(pool):len(pool)]
	}
	return srcFig{rec: lastIdx, low: curLow, high: curHigh, hist: hist}, pool
}

// value is what sourceFigure needs of a record, kept apart from the
// records so that folding reads a small array: the bounds (lowOf, highOf)
// and whether the figure is a running total or an increment.
type value struct {
	low, high        float64
	total, increment bool
}

// less is rng.less on values.
func (x value) less(y value) bool {
	if x.low != y.low {
		return x.low < y.low
	}
	return x.high < y.high
}

// figure returns the report of a source's figure.
func (st *state) figure(f *srcFig) Figure {
	r := &st.recs[f.rec]
	via := r.Via
	if via == nil {
		via = []string{}
	}
	return Figure{Side: r.Side, Low: f.low, High: f.high, Source: sourceName(r), Speaker: r.Speaker,
		Via: via, Outlet: r.Outlet, Document: r.Document, Published: r.Published,
		Evidence: r.Evidence, Hedged: r.Hedged, Approx: r.Approx, Text: r.Text, History: f.hist}
}

// bySide returns each side's latest figure: the most recently published,
// the larger on the same day.
func (st *state) bySide(srcs []srcFig) []SideFigure {
	var out []SideFigure
	for i := range srcs {
		f := &srcs[i]
		r := &st.recs[f.rec]
		j := slices.IndexFunc(out, func(s SideFigure) bool { return s.Side == r.Side })
		if j >= 0 {
			o := &out[j]
			if r.Published < o.Published || r.Published == o.Published && !(rng{o.Low, o.High}).less(rng{f.low, f.high}) {
				continue
			}
		}
		sf := st.sideFigure(f)
		if j < 0 {
			out = append(out, sf)
		} else {
			out[j] = sf
		}
	}
	slices.SortFunc(out, func(a, b SideFigure) int { return compareSides(a.Side, b.Side) })
	return out
}

// compareSides orders parties alphabetically, independent sources last.
func compareSides(a, b doc.Party) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return strings.Compare(string(a), string(b))
}

// SideLabel names a side in text: its party code, or "independent".
func SideLabel(p doc.Party) string {
	if p == "" {
		return Independent
	}
	return string(p)
}

// bounds returns the interval a figure allows; figures given as "about"
// allow a tenth either way.
func bounds(low, high *float64, approx string) (float64, float64) {
	lo, hi := lowOf(low), highOf(high)
	if approx == doc.ApproxAbout {
		lo, hi = lo*0.9, hi*1.1
	}
	return lo, hi
}

// cumulative reports whether a metric counts what only grows as reports
// come in (the dead, the displaced), unlike a territory's area.
func cumulative(metric string) bool { return metric != "area_km2" }

// independent reports whether two sources are independent of each other:
// of different sides, or both independent, published by different
// outlets, neither relaying the other nor both relaying the same source.
func independent(a, b *Record) bool {
	if a.Side == b.Side && a.Side != "" {
		return false
	}
	if a.Outlet != "" && strings.EqualFold(a.Outlet, b.Outlet) {
		return false
	}
	an, bn := sourceName(a), sourceName(b)
	for _, v := range a.Via {
		if strings.EqualFold(v, bn) || slices.ContainsFunc(b.Via, func(w string) bool { return strings.EqualFold(v, w) }) {
			return false
		}
	}
	for _, v := range b.Via {
		if strings.EqualFold(v, an) {
			return false
		}
	}
	return true
}

// group returns the report of one group, with its flags.
func (st *state) group(gd groupData) Group {
	g := Group{Event: st.infos[gd.cluster], Metric: gd.metric, About: gd.about, Figures: make([]Figure, len(gd.sources)), BySide: gd.bySide}
	for i := range gd.sources {
		g.Figures[i] = st.figure(&gd.sources[i])
	}
	// Contradictions between the sources' latest figures, or between the
	// sides' latest figures when a group has too many sources to pair.
	type cand struct {
		lo, hi  float64
		pub     day
		side    doc.Party
		outlet  string
		src     *srcFig // nil for a side's figure
		sideFig int
	}
	var cands []cand
	if len(gd.sources) <= maxPairwise {
		cands = make([]cand, len(gd.sources))
		for i := range gd.sources {
			f := &gd.sources[i]
			r := &st.recs[f.rec]
			lo, hi := bounds(f.low, f.high, r.Approx)
			cands[i] = cand{lo, hi, parseDay(r.Published), r.Side, r.Outlet, f, 0}
		}
	} else {
		cands = make([]cand, len(gd.bySide))
		for i, sf := range gd.bySide {
			lo, hi := bounds(sf.Low, sf.High, sf.approx)
			cands[i] = cand{lo, hi, parseDay(sf.Published), sf.Side, sf.outlet, nil, i}
		}
	}
	sourceOf := func(c *cand) string {
		if c.src != nil {
			return sourceName(&st.recs[c.src.rec])
		}
		return gd.bySide[c.sideFig].Source
	}
	figureOf := func(c cand) SideFigure {
		if c.src != nil {
			return st.sideFigure(c.src)
		}
		return gd.bySide[c.sideFig]
	}
	growing := cumulative(gd.metric)
	// grew reports whether x, lower than y, was published more than a day
	// before it: an earlier count of a toll that rose, not a contradiction.
	grew := func(x, y *cand) bool { return x.hi < y.lo && x.pub != noDay && y.pub != noDay && x.pub+slack < y.pub }
	for i := range cands {
		for j := i + 1; j < len(cands); j++ {
			x, y := &cands[i], &cands[j]
			if x.lo <= y.hi && y.lo <= x.hi || growing && (grew(x, y) || grew(y, x)) {
				continue
			}
			if x.side == y.side && (x.side != "" || strings.EqualFold(x.outlet, y.outlet)) {
				continue // a side's own sources, or one outlet, revising
			}
			if g.Contradiction == nil {
				g.Contradiction = &Contradiction{Pairs: make([][2]SideFigure, 0, maxPairs)}
			}
			c := g.Contradiction
			for _, cd := range [2]*cand{x, y} {
				if l := SideLabel(cd.side); !slices.Contains(c.Sides, l) {
					c.Sides = append(c.Sides, l)
				}
				if len(c.Sources) < maxNames {
					if n := sourceOf(cd); !slices.Contains(c.Sources, n) {
						c.Sources = append(c.Sources, n)
					}
				}
			}
			if len(c.Pairs) < maxPairs {
				c.Pairs = append(c.Pairs, [2]SideFigure{figureOf(*x), figureOf(*y)})
			}
		}
	}
	if c := g.Contradiction; c != nil {
		slices.SortFunc(c.Sides, func(x, y string) int { return compareSides(labelParty(x), labelParty(y)) })
	}
	// Overlapping figures by a sweep over their low bounds; each source
	// needs one independent partner to count as corroborating.
	idx := make([]int, len(gd.sources))
	for i := range idx {
		idx[i] = i
	}
	lo := func(i int) float64 {
		f := &gd.sources[i]
		l, _ := bounds(f.low, f.high, st.recs[f.rec].Approx)
		return l
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(lo(a), lo(b)) })
	const maxTries = 64
	for x, i := range idx {
		fi := &gd.sources[i]
		ri := &st.recs[fi.rec]
		_, hi := bounds(fi.low, fi.high, ri.Approx)
		for y := x + 1; y < len(idx) && y <= x+maxTries && lo(idx[y]) <= hi; y++ {
			rj := &st.recs[gd.sources[idx[y]].rec]
			if !independent(ri, rj) {
				continue
			}
			g.Corroborated = true
			for _, n := range [2]string{sourceName(ri), sourceName(rj)} {
				if len(g.CorroboratedBy) < maxNames && !slices.Contains(g.CorroboratedBy, n) {
					g.CorroboratedBy = append(g.CorroboratedBy, n)
				}
			}
			break
		}
	}
	noEvidence := true
	for _, f := range gd.sources {
		if st.recs[f.rec].Evidence != doc.EvidenceNoneGiven {
			noEvidence = false
		}
	}
	switch {
	case len(gd.sources) == 1:
		g.Unsupported, g.UnsupportedReason = true, SingleSource
	case noEvidence:
		g.Unsupported, g.UnsupportedReason = true, NoEvidence
	}
	return g
}

// selectClusters returns which clusters opts keeps.
func (st *state) selectClusters(opts Options) []bool {
	keep := make([]bool, len(st.clusters))
	for ci := range keep {
		info := &st.infos[ci]
		k := opts.Event == "" || info.ID == opts.Event
		if k && opts.From != "" && info.To != "" && info.To < opts.From {
			k = false
		}
		if k && opts.To != "" && info.From != "" && info.From > opts.To {
			k = false
		}
		keep[ci] = k
	}
	return keep
}

// sides returns the parties that give figures or report events, in order.
func (st *state) sides() []doc.Party {
	seen := map[doc.Party]bool{}
	var out []doc.Party
	for i := range st.recs {
		if s := st.recs[i].Side; s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}
