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
	"unicode/utf8"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/hugepage"
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
	// Unit is what the figures count, for the metrics that count things of
	// some kind (count, military_losses: "tank").
	Unit  string    `json:"unit,omitempty"`
	About doc.Party `json:"about"`
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
	Source   string   `json:"source"`
	Speaker  string   `json:"speaker"`
	Via      []string `json:"via"`
	Outlet   string   `json:"outlet,omitempty"`
	Document string   `json:"document"`
	// Claim is the claim's ID in its document.
	Claim     string `json:"claim,omitempty"`
	Published string `json:"published"`
	Evidence  string `json:"evidence"`
	Hedged    bool   `json:"hedged"`
	Approx    string `json:"approx,omitempty"`
	// Unit is the kind of people the figure counts when it counts one
	// kind only (doc.KindCivilians, doc.KindServicemen): a part of a toll,
	// which contradicts a toll of everyone only by exceeding it.
	Unit string `json:"unit,omitempty"`
	// Partial is set for a figure of a part of the event's toll only (one
	// incident or place, the wounded still in hospital: doc.Claim.Partial),
	// which contradicts a toll only by exceeding it.
	Partial bool `json:"partial,omitempty"`
	// DeniedBy is the party whose source rejects the figure
	// (doc.Claim.DeniedBy).
	DeniedBy doc.Party `json:"denied_by,omitempty"`
	Text     string    `json:"text,omitempty"`
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
// Unit is what the figures of a count count ("tank"), or the kind of
// people a figure counts only (Figure.Unit).
type SideFigure struct {
	Metric    string    `json:"metric,omitempty"`
	Unit      string    `json:"unit,omitempty"`
	About     doc.Party `json:"about,omitempty"`
	Side      doc.Party `json:"side"`
	Low       *float64  `json:"low"`
	High      *float64  `json:"high"`
	Source    string    `json:"source"`
	Document  string    `json:"document"`
	Published string    `json:"published"`
	approx    string
	outlet    string
	partial   bool
}

// sideFigure returns the figure of a group's source i as SideFigure.
func (gd *groupData) sideFigure(i int) SideFigure {
	f := &gd.figs[i]
	return SideFigure{Side: f.Side, Unit: f.Unit, Low: f.Low, High: f.High, Source: f.Source, Document: f.Document,
		Published: f.Published, approx: f.Approx, outlet: f.Outlet, partial: f.Partial}
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
	n := 0
	for _, g := range st.groups {
		if keep[g.cluster] {
			n++
		}
	}
	rep := Report{Groups: make([]Group, 0, n), Silences: []Silence{}}
	for i, g := range st.groups {
		if keep[g.cluster] {
			rep.Groups = append(rep.Groups, st.reports[i])
		}
	}
	// Each side's silences apart, in parallel (conflicts have a handful
	// of sides), then in order.
	sides := st.sides()
	items := make([][]silenceItem, len(sides))
	st.presence() // computed once, before the sides share it
	var wg sync.WaitGroup
	for i, s := range sides {
		if l, ok := st.silenced[[2]doc.Party{s, ""}]; ok {
			items[i] = l
			continue
		}
		wg.Go(func() { items[i] = st.findSilences(s, "") })
	}
	wg.Wait()
	if st.silenced == nil {
		st.silenced = map[[2]doc.Party][]silenceItem{}
	}
	for i, s := range sides {
		st.silenced[[2]doc.Party{s, ""}] = items[i]
	}
	for _, l := range items {
		for _, si := range l {
			if keep[si.cluster] {
				rep.Silences = append(rep.Silences, si.Silence)
			}
		}
	}
	return rep
}

// state is the comparison of a set of records.
type state struct {
	// The records, as Builder keeps them: rows, their texts, and the
	// tables their numbers refer to.
	rows     []row
	texts    []rowText
	docs     documents
	vias     [][]string
	metrics  interner
	parties  interner
	words    interner // approximations and evidence
	occs     []occurrence
	clusters []cluster
	infos    []EventInfo // by cluster
	order    []int32     // clusters by date, then ID
	rank     []int32     // position of each cluster in order
	groups   []groupData // in report order
	pres     *presence   // where each side speaks, once needed
	// silenced holds the silences of each side (against each other side
	// or all), once asked for.
	silenced map[[2]doc.Party][]silenceItem
	outlets  [][]string // the outlets that report each cluster, once needed
	// actors are the parties of every event.
	actors []doc.Party
	// countryWords are the words of country names (entity.CountryWords),
	// which do not tell bodies apart.
	countryWords map[string]bool
	// reports holds the report of each group, once compared (done).
	reports []Group
	done    []bool
	// denials are the records whose figure a party denies, few enough to
	// keep apart from the rows.
	denials []denial
}

// denial is a record whose figure party (in parties) denies.
type denial struct {
	row, party int32
}

// retroDays is how long after an event a report of it is news: a
// source's figure in a later one looks back (see folder.source).
const retroDays = 90

// parallelGroups is the number of groups from which compareKept spreads
// the work over the CPUs, a CPU at a time; parallelEvents the number of
// events from which describe does (an event is many reports).
const (
	parallelGroups = 256
	parallelEvents = 16
)

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
	parallel(len(todo), parallelGroups, func(lo, hi int) {
		var sc scratch
		for _, i := range todo[lo:hi] {
			st.reports[i] = st.group(&st.groups[i], &sc)
		}
	})
}

// groupData is a group's figures, before they are compared.
type groupData struct {
	cluster int32
	metric  string // metricKey: with the unit for counted things
	about   doc.Party
	figs    []Figure // each source's latest figure
	bySide  []SideFigure
}

// describe names and locates every cluster and orders them.
func (st *state) describe() {
	st.infos = make([]EventInfo, len(st.clusters))
	parallel(len(st.clusters), parallelEvents, func(lo, hi int) {
		for ci := lo; ci < hi; ci++ {
			st.infos[ci] = st.info(&st.clusters[ci])
		}
	})
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

// info names and locates a cluster.
func (st *state) info(c *cluster) EventInfo {
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
	// Located places first (a region such as "Central Asia" names no
	// place on the map), then the most reported.
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(boolRank(geos[a] == nil), boolRank(geos[b] == nil)); c != 0 {
			return c
		}
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
	return info
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
	m, _ = splitMetric(m)
	if i := slices.Index(metricOrder, m); i >= 0 {
		return i
	}
	return len(metricOrder)
}

// unitSep separates a metric from the unit of what it counts in a metric
// key.
const unitSep = "\x1f"

// metricKey returns the key of a figure's metric: for the metrics that
// count things of some kind (count, military_losses), the metric and the
// unit, so that 12 tanks and 4 drones are not one figure; else the
// metric.
func metricKey(metric, unit string) string {
	if unit == "" || metric != "count" && metric != "military_losses" {
		return metric
	}
	return metric + unitSep + strings.ToLower(unit)
}

// splitMetric is the inverse of metricKey.
func splitMetric(key string) (metric, unit string) {
	metric, unit, _ = strings.Cut(key, unitSep)
	return metric, unit
}

type groupKey struct {
	cluster int32
	metric  int32 // index in the interned metrics
	about   int32 // index in the interned parties
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

// compareGroups sorts the claims into groups and folds each source's
// claims of a group into its latest figure; rank is the documents'
// (documents.ranks). Sources are told apart by the
// number the Builder gave the case-folded hash of their side and name
// (sourceHash), so that a million claims need no map of names; the groups
// are independent and folded in parallel.
func (st *state) compareGroups(rank []int32) {
	index := make(map[groupKey]int32, len(st.clusters)*8)
	var keys []groupKey
	gid := hugepage.Make[int32](len(st.rows), len(st.rows))
	var counts []int32
	var last groupKey
	lastG := int32(-1)
	for i := range st.rows {
		w := &st.rows[i]
		if w.metric == 0 || w.flags&(rowBreakdown|rowUnclaimed) != 0 {
			gid[i] = -1
			continue
		}
		k := groupKey{st.occs[w.occ].cluster, w.metric, w.about}
		if k != last || lastG < 0 {
			g, ok := index[k]
			if !ok {
				g = int32(len(keys))
				index[k] = g
				keys = append(keys, k)
				counts = append(counts, 0)
			}
			last, lastG = k, g
		}
		gid[i] = lastG
		counts[lastG]++
	}
	days := make([]day, len(rank))
	for d, r := range rank {
		days[r] = st.docs.keys[d].day
	}
	// The items of each group, contiguous.
	offs := make([]int32, len(keys)+1)
	for g, n := range counts {
		offs[g+1] = offs[g] + n
	}
	members := hugepage.Make[item](int(offs[len(keys)]), int(offs[len(keys)]))
	fill := slices.Clone(offs[:len(keys)])
	// What sorting and folding need of each claim, in one small struct.
	for i, g := range gid {
		if g >= 0 {
			w := &st.rows[i]
			members[fill[g]] = item{src: w.src, doc: rank[w.doc], start: w.start, rec: int32(i)}
			fill[g]++
		}
	}
	metrics, parties := &st.metrics, &st.parties
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
	st.groups = make([]groupData, len(keys))
	for i, g := range gorder {
		k := keys[g]
		st.groups[i] = groupData{cluster: k.cluster, metric: metrics.vals[k.metric], about: doc.Party(parties.vals[k.about])}
	}
	parallel(len(gorder), parallelGroups, func(lo, hi int) {
		f := folder{days: days}
		for i := lo; i < hi; i++ {
			g := gorder[i]
			gd := &st.groups[i]
			f.actors = st.actorsOf(gd.cluster)
			f.until = noDay
			if to := st.clusters[gd.cluster].to; to != noDay {
				f.until = to + retroDays
			}
			gd.figs = f.fold(st, members[offs[g]:offs[g+1]])
			gd.bySide = gd.sidesLatest()
		}
	})
}

// actorsOf returns the parties of cluster c: its actors, or those of
// every event when it has fewer than two (a ceasefire that names no
// party).
func (st *state) actorsOf(c int32) []doc.Party {
	if a := st.clusters[c].actors; len(a) >= 2 {
		return a
	}
	return st.actors
}

// partySide returns the side a source of side s stands on in an event of
// these actors: its own, or none (independent) for an outlet or official
// of a state that is no party to an event of two parties or more (a wire
// abroad).
func partySide(s doc.Party, actors []doc.Party) doc.Party {
	if len(actors) >= 2 && s != "" && !slices.Contains(actors, s) {
		return ""
	}
	return s
}

// parallel calls fn on consecutive chunks of [0, n), spread over the CPUs
// when each would get grain items or more.
func parallel(n, grain int, fn func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), n/grain)
	if workers <= 1 {
		fn(0, n)
		return
	}
	// More chunks than workers, taken in turn, since groups differ in size.
	chunks := workers * 8
	next := make(chan int, chunks)
	for c := range chunks {
		next <- c
	}
	close(next)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for c := range next {
				fn(c*n/chunks, (c+1)*n/chunks)
			}
		})
	}
	wg.Wait()
}

// folder folds the claims of groups into their sources' figures. The
// figures and histories of many groups share blocks: each group's slices
// have their capacity capped.
type folder struct {
	// actors are the parties of the event of the group being folded.
	actors []doc.Party
	// until is the last day a document can report the group's event as
	// news (retroDays after the event), or noDay.
	until day
	// days are the days of publication of the documents by rank.
	days []day
	runs []run // of the group being folded
	// slot is the bucket of each source number in the group being
	// sorted, or -1; counts are the buckets' sizes, then positions, and
	// spare is room for the group's items (bySource).
	slot   []int32
	counts []int32
	spare  []item
	figs   []Figure
	hist   []Point
	nums   []float64
}

// run is one source's items in a sorted group, and the first record it
// gives.
type run struct {
	lo, hi, first int32
}

// bySource sorts the items of a group, which come in the order of their
// records, by source, in the order the sources first appear, and each
// source's by document rank and offset, keeping the order of the records
// where both are equal; f.runs receives the runs of sources. A group
// holds a few items of each of many sources: the items are bucketed by
// source in linear time, and each source's few are sorted in place.
func (f *folder) bySource(items []item) {
	f.counts = f.counts[:0]
	for _, it := range items {
		if int(it.src) >= len(f.slot) {
			n, want := len(f.slot), max(int(it.src)+1, 2*len(f.slot))
			f.slot = slices.Grow(f.slot, want-n)[:want]
			for i := n; i < len(f.slot); i++ {
				f.slot[i] = -1
			}
		}
		b := f.slot[it.src]
		if b < 0 {
			b = int32(len(f.counts))
			f.slot[it.src] = b
			f.counts = append(f.counts, 0)
		}
		f.counts[b]++
	}
	f.runs = f.runs[:0]
	var lo int32
	for b, n := range f.counts {
		f.runs = append(f.runs, run{lo: lo, hi: lo + n})
		f.counts[b] = lo // where the bucket's next item goes
		lo += n
	}
	f.spare = append(f.spare[:0], items...)
	for _, it := range f.spare {
		b := f.slot[it.src]
		items[f.counts[b]] = it
		f.counts[b]++
	}
	for i := range f.runs {
		r := &f.runs[i]
		src := items[r.lo:r.hi]
		f.slot[src[0].src] = -1
		r.first = src[0].rec // the items came in the order of their records
		slices.SortStableFunc(src, func(a, b item) int {
			if c := cmp.Compare(a.doc, b.doc); c != 0 {
				return c
			}
			return cmp.Compare(a.start, b.start)
		})
	}
}

// item is what sorting a group's claims needs, in one small struct.
type item struct {
	src   int32 // the source's number
	doc   int32 // the document's rank by publication
	start int32 // the claim's offset in its document
	rec   int32
}

// fold returns the latest figure of each source among the items of a
// group, which come in the order of their records and which it sorts
// (bySource).
func (f *folder) fold(st *state, items []item) []Figure {
	f.bySource(items)
	if cap(f.figs)-len(f.figs) < len(f.runs) {
		f.figs = make([]Figure, 0, max(1024, len(f.runs)))
	}
	base := len(f.figs)
	for _, r := range f.runs {
		base = f.source(st, items[r.lo:r.hi], base)
	}
	n := len(f.figs)
	return f.figs[base:n:n]
}

// sourceHash is a hash of a side and a source name, folding the
// name's case (FNV-1a, 64 bits; non-ASCII letters folded rune by rune). It
// stands for the source within a group: two names of one length that
// differ in one letter never collide, and two of a group's sources share
// a hash with a probability of about n²/2⁶⁵ for n sources (below 10⁻¹⁴ for
// a thousand).
func sourceHash(side doc.Party, name string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(side); i++ {
		h = (h ^ uint64(side[i])) * prime
	}
	h = (h ^ 0xff) * prime // no party code holds 0xff: a separator
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * prime
			i++
			continue
		}
		ru, n := utf8.DecodeRuneInString(name[i:])
		ru = unicode.ToLower(ru)
		h = (h ^ uint64(ru)) * prime
		i += n
	}
	return h
}

// source folds one source's claims of a group (sorted by publication,
// document and offset) into its latest figure and history, appended to the
// figures of the group that starts at base; it returns where the group
// starts, in a new block if the old one was full. Within a
// document the figure is its last running total, else its largest (smaller
// ones are usually parts); across documents a later figure replaces an
// earlier one and an increment adds to it, except that documents
// published more than retroDays after the event are passed over when the
// source has figures in reports of the time. The source is named by the
// fullest of its names ("Ministry of Health of Kyrgyzstan", not "Health
// Ministry").
func (f *folder) source(st *state, run []item, base int) int {
	var cur value
	var curLow, curHigh, have bool // whether cur has a low and a high bound
	var lastIdx int32
	// based is set once a figure that is no addition is folded: "13 more
	// bodies" alone is a part of a toll, not one.
	var based bool
	nameIdx := run[0].rec // the record whose speaker names the source most fully
	hbase := len(f.hist)
	// A look back published long after the event ("April 30: the ministry
	// puts the dead at 31", in 2022) gives no source's latest figure when
	// reports of the time give one.
	retro := func(it item) bool {
		d := f.days[it.doc]
		return f.until != noDay && d != noDay && d > f.until
	}
	var looksBack, news bool
	for _, it := range run {
		if retro(it) {
			looksBack = true
		} else {
			news = true
		}
	}
	skipRetro := looksBack && news
	// A figure of people of one kind ("10 civilians") or of one incident
	// is a part of the source's toll: its latest figure only when the
	// source gives no toll of everyone at least as large (an infobox's "21
	// servicemen killed" over "resulting in four deaths" at the start of
	// the fighting).
	var plain bool
	var maxPlain, maxPart value
	for _, it := range run {
		if skipRetro && retro(it) {
			continue
		}
		w := &st.rows[it.rec]
		switch v := w.value(); {
		case w.flags&rowParts == 0:
			if !plain || maxPlain.less(v) {
				maxPlain = v
			}
			plain = true
		case maxPart.less(v):
			maxPart = v
		}
	}
	plain = plain && !maxPlain.less(maxPart)
	for lo := 0; lo < len(run); {
		hi := lo + 1
		for hi < len(run) && run[hi].doc == run[lo].doc {
			hi++
		}
		if skipRetro && retro(run[lo]) {
			lo = hi
			continue
		}
		repIdx := int32(-1)
		var rep value
		for _, it := range run[lo:hi] {
			if plain && st.rows[it.rec].flags&rowParts != 0 {
				continue
			}
			v := st.rows[it.rec].value()
			switch {
			case repIdx < 0, v.total:
				rep, repIdx = v, it.rec
			case rep.total:
			case rep.less(v):
				rep, repIdx = v, it.rec
			}
		}
		if repIdx < 0 {
			lo = hi
			continue
		}
		w := &st.rows[repIdx]
		based = based || !rep.increment
		v, vLow, vHigh := rep, w.flags&rowLow != 0, w.flags&rowHigh != 0
		if rep.increment && have {
			// Open bounds stay open.
			vLow, vHigh = vLow && curLow, vHigh && curHigh
			v.low, v.high = 0, math.Inf(1)
			if vLow {
				v.low = cur.low + rep.low
			}
			if vHigh {
				v.high = cur.high + rep.high
			}
		}
		if have && (v.low != cur.low || v.high != cur.high || vLow != curLow || vHigh != curHigh) {
			f.hist, hbase = roomFor(f.hist, hbase, 4096)
			d := &st.docs.keys[st.rows[lastIdx].doc]
			f.hist = append(f.hist, Point{Low: f.number(cur.low, curLow), High: f.number(cur.high, curHigh),
				Document: d.id, Published: d.published})
		}
		cur, curLow, curHigh, have, lastIdx = v, vLow, vHigh, true, repIdx
		if st.rows[repIdx].speakerLen > st.rows[nameIdx].speakerLen {
			nameIdx = repIdx
		}
		lo = hi
	}
	var hist []Point
	if len(f.hist) > hbase {
		hist = f.hist[hbase:len(f.hist):len(f.hist)]
	}
	f.figs, base = roomFor(f.figs, base, 1024)
	w, t := &st.rows[lastIdx], &st.texts[lastIdx]
	d := &st.docs.keys[w.doc]
	via := st.vias[w.via]
	if via == nil {
		via = []string{}
	}
	f.figs = append(f.figs, Figure{Side: partySide(st.party(w.side), f.actors), Low: f.number(cur.low, curLow), High: f.number(cur.high, curHigh),
		Source: sourceLabel(st.source(nameIdx)), Speaker: t.speaker, Via: via, Outlet: d.outlet, Document: d.id,
		Claim: t.claim, Published: d.published, Evidence: st.words.vals[w.evid], Hedged: w.flags&rowHedged != 0,
		Approx: st.words.vals[w.approx], Unit: kindUnit(w.flags), Partial: w.flags&rowPartial != 0 || !based, DeniedBy: st.deniedBy(lastIdx),
		Text: t.text, History: hist})
	return base
}

// deniedBy returns the party that denies the figure of row i, or "".
func (st *state) deniedBy(i int32) doc.Party {
	k, ok := slices.BinarySearchFunc(st.denials, i, func(d denial, i int32) int { return cmp.Compare(d.row, i) })
	if !ok {
		return ""
	}
	return st.party(st.denials[k].party)
}

// number returns a pointer to x, or nil when ok is false; the numbers of
// many figures share blocks.
func (f *folder) number(x float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	if len(f.nums) == cap(f.nums) {
		f.nums = make([]float64, 0, 4096)
	}
	f.nums = append(f.nums, x)
	return &f.nums[len(f.nums)-1]
}

// roomFor makes room for one more element in a block of slab, whose
// current run starts at base: when the block is full, the run moves to a new
// block of at least size (earlier runs keep the old one, which their
// slices still hold). It returns the slab and where the run now starts.
func roomFor[T any](slab []T, base, size int) ([]T, int) {
	if len(slab) < cap(slab) {
		return slab, base
	}
	n := len(slab) - base
	block := make([]T, n, max(size, 2*n))
	copy(block, slab[base:])
	return block, 0
}

// valueOf returns what folding needs of a record.
func valueOf(r *Record) value {
	return value{lowOf(r.Low), highOf(r.High), r.Total, r.Increment}
}

// documents numbers the documents of records that come document by
// document.
type documents struct {
	ids    map[docKey]int32
	keys   []docEntry
	last   docKey
	lastID int32
}

type docKey struct{ published, id string }

// docEntry is a numbered document.
type docEntry struct {
	docKey
	outlet string
	day    day // published, or noDay
}

// id returns the number of r's document.
func (ds *documents) id(r *Record) int32 {
	k := docKey{r.Published, r.Document}
	if k == ds.last && ds.ids != nil {
		return ds.lastID
	}
	if ds.ids == nil {
		ds.ids = map[docKey]int32{}
	}
	id, ok := ds.ids[k]
	if !ok {
		id = int32(len(ds.keys))
		ds.ids[k] = id
		ds.keys = appendGrow(ds.keys, docEntry{k, r.Outlet, parseDay(r.Published)})
	}
	ds.last, ds.lastID = k, id
	return id
}

// ranks returns the rank of each document numbered by id in order of
// publication, then ID, so that sorting by rank sorts by both.
func (ds *documents) ranks() []int32 {
	order := make([]int32, len(ds.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := strings.Compare(ds.keys[a].published, ds.keys[b].published); c != 0 {
			return c
		}
		return strings.Compare(ds.keys[a].id, ds.keys[b].id)
	})
	rank := make([]int32, len(ds.keys))
	for r, id := range order {
		rank[id] = int32(r)
	}
	return rank
}

// sourceName is whom a claim is credited to: its speaker, else its outlet,
// else its document.
func sourceName(speaker, outlet, document string) string {
	switch {
	case speaker != "":
		return speaker
	case outlet != "":
		return outlet
	}
	return document
}

// sourceLabel is sourceName for people to read: a document that is its own
// source, without an outlet, is named as one ("document 0e00…").
func sourceLabel(speaker, outlet, document string) string {
	if speaker == "" && outlet == "" && document != "" {
		return "document " + document
	}
	return sourceName(speaker, outlet, document)
}

// rng is a figure's bounds.
type rng struct{ low, high *float64 }

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

// value is what folding needs of a record: the bounds (lowOf, highOf) and
// whether the figure is a running total or an increment.
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

// sidesLatest returns each side's latest figure: the most recently
// published, the larger on the same day.
func (gd *groupData) sidesLatest() []SideFigure {
	var out []SideFigure
	for i := range gd.figs {
		f := &gd.figs[i]
		j := slices.IndexFunc(out, func(s SideFigure) bool { return s.Side == f.Side })
		if j >= 0 {
			o := &out[j]
			// A toll of everyone before a count of one kind, then the latest.
			switch {
			case o.Unit == "" && !o.partial && (f.Unit != "" || f.Partial):
				continue
			case (o.Unit != "" || o.partial) && f.Unit == "" && !f.Partial:
			case f.Published < o.Published || f.Published == o.Published && !(rng{o.Low, o.High}).less(rng{f.Low, f.High}):
				continue
			}
		}
		sf := gd.sideFigure(i)
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

// dailyGrowth is how many times a toll may grow in a day between two
// reports for the lower, earlier one not to contradict the later one.
const dailyGrowth = 2

// independent reports whether two sources are independent of each other:
// of different sides, or both independent, published by different outlets
// and in different documents, not one body however named ("the Health
// Ministry" a wire quotes is "the Ministry of Health of Kyrgyzstan"),
// neither relaying the other nor both relaying the same source.
func (st *state) independent(a, b *Figure, sc *scratch) bool {
	if a.Side == b.Side && a.Side != "" {
		return false
	}
	if sc.body(a.Source, st.countryWords) == sc.body(b.Source, st.countryWords) {
		return false
	}
	if a.Outlet != "" && strings.EqualFold(a.Outlet, b.Outlet) || a.Document != "" && a.Document == b.Document {
		return false // one outlet, or one article quoting its own source
	}
	an, bn := a.Source, b.Source
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

// scratch holds what comparing a group needs, reused from one group to
// the next.
type scratch struct {
	cands []cand
	idx   []lowIndex
	// bodies holds the body each source name stands for (body).
	bodies map[string]string
}

// body returns what identifies the body a source name stands for, its
// country words left out (sourceKey of a side's source).
func (sc *scratch) body(name string, countryWords map[string]bool) string {
	k, ok := sc.bodies[name]
	if !ok {
		if sc.bodies == nil {
			sc.bodies = map[string]string{}
		}
		k = sourceKey(name, countryWords)
		sc.bodies[name] = k
	}
	return k
}

// cand is a figure that may contradict another: a source's, or a side's
// when a group has too many sources to pair.
type cand struct {
	lo, hi float64
	pub    day
	side   doc.Party
	outlet string
	fig    int    // the source's figure, or the side's in BySide
	kind   string // the kind of people it counts only (Figure.Unit)
	part   bool   // a figure of a part of the toll only (Figure.Partial)
}

// disagree reports whether two latest figures contradict each other: they
// do not overlap, and one is not merely a part of the other, a figure of
// people of one kind (civilians) or of one incident below a toll of
// everyone. Figures of two different kinds, or of two incidents, never do.
func disagree(x, y *cand) bool {
	switch {
	case x.part && y.part:
		return false // two incidents
	case x.part && y.kind == "":
		return x.lo > y.hi
	case y.part && x.kind == "":
		return y.lo > x.hi
	case x.part || y.part:
		return false
	case x.kind == y.kind:
		return x.hi < y.lo || y.hi < x.lo
	case x.kind == "":
		return y.lo > x.hi // more civilians than dead in all
	case y.kind == "":
		return x.lo > y.hi
	}
	return false
}

// lowIndex is a source's low bound and its index in its group.
type lowIndex struct {
	low float64
	i   int32
}

// group returns the report of one group, with its flags.
func (st *state) group(gd *groupData, sc *scratch) Group {
	metric, unit := splitMetric(gd.metric)
	g := Group{Event: st.infos[gd.cluster], Metric: metric, Unit: unit, About: gd.about, Figures: gd.figs, BySide: gd.bySide}
	// Contradictions between the sources' latest figures, or between the
	// sides' latest figures when a group has too many sources to pair.
	pairwise := len(gd.figs) <= maxPairwise
	cands := sc.cands[:0]
	if pairwise {
		for i := range gd.figs {
			f := &gd.figs[i]
			lo, hi := bounds(f.Low, f.High, f.Approx)
			cands = append(cands, cand{lo, hi, parseDay(f.Published), f.Side, f.Outlet, i, f.Unit, f.Partial})
		}
	} else {
		for i, sf := range gd.bySide {
			lo, hi := bounds(sf.Low, sf.High, sf.approx)
			cands = append(cands, cand{lo, hi, parseDay(sf.Published), sf.Side, sf.outlet, i, sf.Unit, sf.partial})
		}
	}
	sc.cands = cands
	sourceOf := func(c *cand) string {
		if pairwise {
			return gd.figs[c.fig].Source
		}
		return gd.bySide[c.fig].Source
	}
	figureOf := func(c cand) SideFigure {
		if pairwise {
			return gd.sideFigure(c.fig)
		}
		return gd.bySide[c.fig]
	}
	growing := cumulative(gd.metric)
	// grew reports whether x, lower than y, was published on an earlier
	// day and y is within what a toll grows in the days between: an
	// earlier count of a toll that rose (31 on April 30, 34 on May 1; 24
	// on September 16, 59 ten days later), not a contradiction; a figure
	// several times higher the next day is one (59, then "more than 200"
	// from the other side).
	grew := func(x, y *cand) bool {
		return x.hi < y.lo && x.pub != noDay && y.pub != noDay && x.pub < y.pub &&
			y.lo <= x.hi*math.Pow(dailyGrowth, float64(y.pub-x.pub))
	}
	for i := range cands {
		for j := i + 1; j < len(cands); j++ {
			x, y := &cands[i], &cands[j]
			if !disagree(x, y) || growing && (grew(x, y) || grew(y, x)) {
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
	idx := sc.idx[:0]
	for i := range gd.figs {
		f := &gd.figs[i]
		l, _ := bounds(f.Low, f.High, f.Approx)
		idx = append(idx, lowIndex{l, int32(i)})
	}
	sc.idx = idx
	slices.SortFunc(idx, func(a, b lowIndex) int { return cmp.Compare(a.low, b.low) })
	const maxTries = 64
	for x, li := range idx {
		fi := &gd.figs[li.i]
		_, hi := bounds(fi.Low, fi.High, fi.Approx)
		for y := x + 1; y < len(idx) && y <= x+maxTries && idx[y].low <= hi; y++ {
			fj := &gd.figs[idx[y].i]
			if fi.Unit != fj.Unit || fi.Partial || fj.Partial || !st.independent(fi, fj, sc) {
				continue // (a count of civilians does not confirm a toll)
			}
			g.Corroborated = true
			for _, n := range [2]string{fi.Source, fj.Source} {
				if len(g.CorroboratedBy) < maxNames && !slices.Contains(g.CorroboratedBy, n) {
					g.CorroboratedBy = append(g.CorroboratedBy, n)
				}
			}
			break
		}
	}
	noEvidence := true
	for i := range gd.figs {
		if gd.figs[i].Evidence != doc.EvidenceNoneGiven {
			noEvidence = false
		}
	}
	switch {
	case len(gd.figs) == 1:
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

// sides returns the parties that give figures or report events and are
// actors of an event (all of them when no event names its actors), in
// order.
func (st *state) sides() []doc.Party {
	seen := map[doc.Party]bool{}
	actors := map[doc.Party]bool{}
	var out []doc.Party
	for i := range st.occs {
		for _, p := range st.occs[i].actors {
			actors[p] = true
		}
		for _, sr := range st.occs[i].sides {
			if s := sr.side; s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	if len(actors) > 0 {
		// The parties of the conflict: a state whose media only report
		// it (an outlet abroad) has no silences to answer for.
		out = slices.DeleteFunc(out, func(p doc.Party) bool { return !actors[p] })
	}
	slices.Sort(out)
	return out
}
