package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/export"
)

// crossView is what the comparison, silences and timeline pages share: the
// query, its problem, and whether comparison is available at all.
type crossView struct {
	Available bool
	Query     crossQuery
	Problem   string
	Sided     bool // the page takes a silent side and one to measure it against
}

// compareView is the comparison page's data.
type compareView struct {
	crossView
	Events []eventView
}

// eventView is one event of the comparison, with a table per metric and
// party counted.
type eventView struct {
	Info      compare.EventInfo
	Title     string
	Link      string
	Groups    []groupView
	Contested int // groups with a contradiction
}

// groupView is what the sources say about one metric and party.
type groupView struct {
	compare.Group
	What    string // "killed (KG)"
	Rows    []figureRow
	Flagged string // why the contradiction flag is set, in words
}

// figureRow is one source's latest figure, with its history.
type figureRow struct {
	compare.Figure
	Value        string
	Link         string // the claim, highlighted in its article
	Side         string
	Via          string
	Evidence     string
	History      []pointRow
	Contradicted bool // its side is one of those that disagree
}

// pointRow is an earlier figure of a source.
type pointRow struct {
	Value, Published, Link string
}

// silencesView is the silences page's data.
type silencesView struct {
	crossView
	Sides []sideSilences
}

// sideSilences lists what one side is silent about.
type sideSilences struct {
	Side  doc.Party
	Items []silenceRow
}

// silenceRow is one silence in words.
type silenceRow struct {
	compare.Silence
	Kind, What, Event, Link, ReportedBy string
}

// timelineView is the timeline page's data.
type timelineView struct {
	crossView
	Entries []entryView
}

// entryView is one event on the timeline.
type entryView struct {
	compare.Entry
	Title, When, Link string
	Figures           []sideFigureRow
}

// sideFigureRow is a side's latest figure for one metric and party.
type sideFigureRow struct {
	What, Side, Value, Source, Link string
}

// crossPage reads the query and the records, and renders the page that
// fill completes; with no records to compare, the page says so.
func (s *Server) crossPage(w http.ResponseWriter, r *http.Request, name, title string, data func(crossView, *crossSet) any) {
	v := crossView{Available: s.cfg.Records != nil}
	c, err := readCrossQuery(r.URL.Query())
	if err != nil {
		if e, ok := err.(*Error); ok {
			v.Problem = e.Message
		}
	}
	v.Query = c
	set := &crossSet{}
	if v.Available && v.Problem == "" {
		if set, err = s.crossSet(r.Context(), c); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, name, pageData{Title: title, Nav: name, Data: data(v, set)})
}

func (s *Server) handleComparePage(w http.ResponseWriter, r *http.Request) {
	s.crossPage(w, r, "compare", "Figures by side", func(v crossView, set *crossSet) any {
		cv := compareView{crossView: v}
		if set.empty() {
			return cv
		}
		rep := set.cmp.Report(v.Query.options())
		cv.Events = compareEvents(rep)
		return cv
	})
}

// compareEvents groups the report's groups by event, in report order.
func compareEvents(rep compare.Report) []eventView {
	var out []eventView
	at := map[string]int{}
	for _, g := range rep.Groups {
		i, ok := at[g.Event.ID]
		if !ok {
			i = len(out)
			at[g.Event.ID] = i
			out = append(out, eventView{Info: g.Event, Title: eventTitle(g.Event), Link: eventURL(g.Event.ID)})
		}
		gv := groupView{Group: g, What: compare.What(g.Metric, g.Unit, g.About)}
		var contra []string
		if g.Contradiction != nil {
			out[i].Contested++
			contra = g.Contradiction.Sides
			gv.Flagged = contradictionText(g.Contradiction)
		}
		for _, f := range g.Figures {
			value := figure(f.Low, f.High, f.Approx)
			if f.Unit != "" {
				value += " " + compare.KindText(f.Unit, f.Low, f.High) // "5 civilians": a part of a toll
			}
			if f.Partial {
				value += " (a part only)"
			}
			if f.DeniedBy != "" {
				value += " (denied by " + string(f.DeniedBy) + ")"
			}
			row := figureRow{Figure: f, Value: value, Link: claimURL(f.Document, f.Claim),
				Side: compare.SideLabel(f.Side), Via: strings.Join(f.Via, " → "), Evidence: evidenceText(f.Evidence)}
			row.Contradicted = slices.Contains(contra, row.Side)
			for _, p := range f.History {
				row.History = append(row.History, pointRow{Value: figure(p.Low, p.High, ""), Published: p.Published,
					Link: "/doc/" + url.PathEscape(p.Document)})
			}
			gv.Rows = append(gv.Rows, row)
		}
		out[i].Groups = append(out[i].Groups, gv)
	}
	return out
}

func (s *Server) handleSilencesPage(w http.ResponseWriter, r *http.Request) {
	s.crossPage(w, r, "silences", "Silences", func(v crossView, set *crossSet) any {
		v.Sided = true
		sv := silencesView{crossView: v}
		if set.empty() {
			return sv
		}
		sides := []doc.Party{v.Query.Side}
		if v.Query.Side == "" {
			sides = set.cmp.Sides()
		}
		for _, side := range sides {
			c := v.Query
			c.Side = side
			ss := sideSilences{Side: side}
			for _, it := range silences(set, c) {
				ss.Items = append(ss.Items, silenceRow{Silence: it, Kind: silenceKind(it.Kind), What: silenceWhat(it),
					Event: eventTitle(it.Event), Link: eventURL(it.Event.ID), ReportedBy: reportedBy(it)})
			}
			sv.Sides = append(sv.Sides, ss)
		}
		return sv
	})
}

func (s *Server) handleTimelinePage(w http.ResponseWriter, r *http.Request) {
	s.crossPage(w, r, "timeline", "Timeline", func(v crossView, set *crossSet) any {
		tv := timelineView{crossView: v}
		if set.empty() {
			return tv
		}
		tl := set.cmp.Timeline(v.Query.options())
		for _, e := range tl {
			ev := entryView{Entry: e, Title: eventTitle(e.Event), When: dateRange(e.Event.From, e.Event.To), Link: eventURL(e.Event.ID)}
			for _, f := range e.Figures {
				ev.Figures = append(ev.Figures, sideFigureRow{What: compare.What(f.Metric, f.Unit, f.About), Side: compare.SideLabel(f.Side),
					Value: figure(f.Low, f.High, ""), Source: f.Source, Link: claimURL(f.Document, "")})
			}
			tv.Entries = append(tv.Entries, ev)
		}
		return tv
	})
}

// eventMap draws the events of the stored records at their places, each
// linked to its comparison.
func (s *Server) eventMap(w http.ResponseWriter, r *http.Request) {
	set, err := s.crossSet(r.Context(), crossQuery{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tl := set.cmp.Timeline(compare.Options{})
	v := mapView{Events: true}
	focusSet := map[string]bool{}
	for _, e := range tl {
		ev := e.Event
		for _, a := range ev.Actors {
			if len(a) == 2 {
				focusSet[string(a)] = true
			}
		}
		if ev.Lat == nil || ev.Lon == nil {
			v.Unplaced++
			continue
		}
		if len(ev.Country) == 2 {
			focusSet[ev.Country] = true
		}
		label := "unnamed place"
		if len(ev.Places) > 0 {
			label = ev.Places[0]
		}
		detail := eventTitle(ev) + " — " + strconv.Itoa(ev.Documents) + " document(s)"
		v.Places = append(v.Places, mapPoint{Lat: *ev.Lat, Lon: *ev.Lon, Label: label, Detail: detail,
			Weight: ev.Documents, Event: true, Href: eventURL(ev.ID)})
	}
	focus := make([]string, 0, len(focusSet))
	for f := range focusSet {
		focus = append(focus, f)
	}
	slices.Sort(focus)
	var b strings.Builder
	s.world.svg(&b, 900, v.Places, focus)
	v.Map = template.HTML(b.String()) // built by svg, which escapes every name
	s.render(w, r, http.StatusOK, "map", pageData{Title: "Map", Nav: "map", Data: v})
}

// eventTitle names an event in words: "2022-09-14 to 2022-09-17 · armed
// clash · Batken".
func eventTitle(ev compare.EventInfo) string { return export.EventTitle(ev) }

// contradictionText explains a contradiction flag.
func contradictionText(c *compare.Contradiction) string {
	t := "The latest figures of " + strings.Join(c.Sides, " and ") + " do not overlap"
	if len(c.Sources) > 0 {
		t += " (" + strings.Join(c.Sources, ", ") + ")"
	}
	return t + "."
}

func silenceKind(k string) string {
	switch k {
	case compare.SilentEvent:
		return "event"
	case compare.SilentAccusation:
		return "unanswered accusation"
	}
	return "figure"
}

// silenceWhat says what a silence is about, in words.
func silenceWhat(s compare.Silence) string {
	switch s.Kind {
	case compare.SilentEvent:
		return "The event itself"
	case compare.SilentAccusation:
		return "An accusation against " + partyText(s.About)
	}
	return "No figure for " + compare.What(s.Metric, s.Unit, s.About)
}

func reportedBy(s compare.Silence) string {
	by := strings.Join(s.ReportedBy, ", ")
	if len(s.Sources) > 0 {
		by += " (" + strings.Join(s.Sources, ", ") + ")"
	}
	return by
}
