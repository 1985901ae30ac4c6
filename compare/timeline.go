package compare

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/doc"
)

// Entry is one event on the timeline, with the latest figure each side
// gives for each metric and party.
type Entry struct {
	Event   EventInfo    `json:"event"`
	Figures []SideFigure `json:"figures"`
	// Sources are the outlets that report the event.
	Sources []string `json:"sources"`
	// Notes flag contradictions and unsupported figures in words.
	Notes []string `json:"notes"`
}

// Timeline returns the events of the records in date order (events without
// a date last).
func Timeline(records []Record) []Entry {
	return build(records).timeline(Options{})
}

// Analyze compares the records once and returns the comparison, the
// timeline, and the silences of every side (against all others): what a
// caller that shows all three needs, without grouping the records thrice.
func Analyze(records []Record, opts Options) (Report, []Entry) {
	st := build(records)
	return st.report(opts), st.timeline(opts)
}

func (st *state) timeline(opts Options) []Entry {
	keep := st.selectClusters(opts)
	outlets := st.clusterOutlets()
	entries := make([]Entry, len(st.clusters))
	for ci := range entries {
		if keep[ci] {
			entries[ci] = Entry{Event: st.infos[ci], Figures: []SideFigure{}, Sources: outlets[ci], Notes: []string{}}
		}
	}
	st.compareKept(keep)
	for i, gd := range st.groups {
		if !keep[gd.cluster] {
			continue
		}
		e := &entries[gd.cluster]
		for _, sf := range gd.bySide {
			var unit string
			sf.Metric, unit = splitMetric(gd.metric)
			if unit != "" {
				sf.Unit = unit // what a count counts; else the kind of people, if one
			}
			sf.About = gd.about
			e.Figures = append(e.Figures, sf)
		}
		if c := st.reports[i].Contradiction; c != nil {
			metric, unit := splitMetric(gd.metric)
			e.Notes = append(e.Notes, fmt.Sprintf("contradiction on %s: %s", What(metric, unit, gd.about), contradictionText(c)))
		}
	}
	var out []Entry
	for _, ci := range st.order {
		if keep[ci] {
			out = append(out, entries[ci])
		}
	}
	// Events without a date go last.
	slices.SortStableFunc(out, func(a, b Entry) int {
		return boolRank(a.Event.From == "") - boolRank(b.Event.From == "")
	})
	if out == nil {
		out = []Entry{}
	}
	return out
}

// clusterOutlets returns the outlets that report each cluster, sorted;
// computed once.
func (st *state) clusterOutlets() [][]string {
	if st.outlets != nil {
		return st.outlets
	}
	outlets := make([][]string, len(st.clusters))
	for i := range st.occs {
		o := &st.occs[i]
		if !slices.Contains(outlets[o.cluster], o.outlet) {
			outlets[o.cluster] = append(outlets[o.cluster], o.outlet)
		}
	}
	for ci, l := range outlets {
		if l == nil {
			outlets[ci] = []string{}
		}
		slices.Sort(outlets[ci])
	}
	st.outlets = outlets
	return outlets
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// What names a metric, in words, what it counts for the metrics that
// count things of some kind or people of one kind, and the party it
// counts: "buildings destroyed (KG)", "area in km² (TJ)", "military
// losses: tank (TJ)", "killed: civilians (TJ)"; "event" for a record
// without a metric.
func What(metric, unit string, about doc.Party) string {
	w := strings.ReplaceAll(metric, "_", " ")
	if unit != "" && (metric == "count" || metric == "military_losses" || doc.PeopleKind(unit)) {
		w += ": " + unit // "military losses: tank", "killed: civilians"
	}
	if rest, ok := strings.CutSuffix(w, " km2"); ok {
		w = rest + " in km²"
	}
	if w == "" {
		w = "event"
	}
	if about != "" {
		w += " (" + string(about) + ")"
	}
	return w
}

func contradictionText(c *Contradiction) string {
	parts := make([]string, 0, len(c.Pairs))
	for _, p := range c.Pairs {
		parts = append(parts, fmt.Sprintf("%s %s (%s) vs %s %s (%s)",
			SideLabel(p[0].Side), FormatRange(p[0].Low, p[0].High), p[0].Source,
			SideLabel(p[1].Side), FormatRange(p[1].Low, p[1].High), p[1].Source))
	}
	return strings.Join(parts, "; ")
}

// FormatRange writes a figure's bounds in words: "59", "more than 600",
// "up to 50", "10–15", "unknown".
func FormatRange(low, high *float64) string { return string(AppendRange(nil, low, high)) }

// AppendRange appends FormatRange(low, high) to dst.
func AppendRange(dst []byte, low, high *float64) []byte {
	switch {
	case low != nil && high != nil && *low == *high:
		return appendNumber(dst, *low)
	case low != nil && high != nil:
		return appendNumber(append(appendNumber(dst, *low), "–"...), *high)
	case low != nil:
		return appendNumber(append(dst, "at least "...), *low)
	case high != nil:
		return appendNumber(append(dst, "up to "...), *high)
	}
	return append(dst, "unknown"...)
}

// appendNumber appends a number, an integer with its thousands grouped
// ("142,000"), any other as the shortest that reads back the same.
func appendNumber(dst []byte, v float64) []byte {
	if v != float64(int64(v)) {
		return strconv.AppendFloat(dst, v, 'g', -1, 64)
	}
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], int64(v), 10)
	if digits[0] == '-' {
		dst, digits = append(dst, '-'), digits[1:]
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, c)
	}
	return dst
}

// KindText names the kind of people a figure from low to high counts
// (Figure.Unit), in the singular for a figure of one: "civilians",
// "serviceman".
func KindText(unit string, low, high *float64) string {
	if low != nil && high != nil && *low == 1 && *high == 1 {
		switch unit {
		case doc.KindCivilians:
			return "civilian"
		case doc.KindServicemen:
			return "serviceman"
		}
	}
	return unit
}
