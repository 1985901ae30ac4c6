package web

import (
	"context"
	"html/template"
	"net/http"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/store"
)

// indexView is the front page's data.
type indexView struct {
	Query                string
	Outlet, Side         string
	From, To             string
	Docs                 []store.DocumentInfo
	Hits                 []store.SearchHit
	Searched             bool
	Problem              string
	Prev, Next, PageSize int
	Offset               int
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := indexView{Query: strings.TrimSpace(q.Get("q")), Outlet: q.Get("outlet"), Side: strings.ToUpper(strings.TrimSpace(q.Get("side"))),
		From: q.Get("from"), To: q.Get("to")}
	opts, err := listOptions(q)
	if err != nil {
		if e, ok := err.(*Error); ok {
			v.Problem = e.Message
		}
		opts = store.ListOptions{Limit: 50}
	}
	v.Offset, v.PageSize = opts.Offset, opts.Limit
	if v.Query != "" {
		v.Searched = true
		if len(v.Query) > 500 {
			v.Query = v.Query[:500]
		}
		if v.Hits, err = s.cfg.Store.Search(r.Context(), v.Query, 50); err != nil {
			s.fail(w, r, err)
			return
		}
	} else {
		if v.Docs, err = s.cfg.Store.List(r.Context(), opts); err != nil {
			s.fail(w, r, err)
			return
		}
		if v.Side != "" {
			if v.Docs, err = s.bySide(r.Context(), v.Docs, doc.Party(v.Side)); err != nil {
				s.fail(w, r, err)
				return
			}
		}
		if len(v.Docs) == opts.Limit {
			v.Next = opts.Offset + opts.Limit
		}
		v.Prev = max(opts.Offset-opts.Limit, 0)
	}
	s.render(w, r, http.StatusOK, "index", pageData{Title: "Latest documents", Nav: "index", Data: v})
}

// bySide keeps the documents that report a claim from side p or mention an
// entity of that side.
func (s *Server) bySide(ctx context.Context, docs []store.DocumentInfo, p doc.Party) ([]store.DocumentInfo, error) {
	var out []store.DocumentInfo
	for _, d := range docs {
		a, err := s.cfg.Store.Get(ctx, d.ID)
		if err != nil {
			return nil, err
		}
		if hasSide(a, p) {
			out = append(out, d)
		}
	}
	return out, nil
}

func hasSide(a *doc.Analysis, p doc.Party) bool {
	for _, c := range a.Claims {
		if c.Side == p {
			return true
		}
	}
	for _, e := range a.Entities {
		if e.Side == p {
			return true
		}
	}
	return false
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.cfg.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	focus := r.URL.Query().Get("claim")
	if len(focus) > maxParam {
		focus = ""
	}
	v := s.buildArticle(a, focus)
	agg := map[string]*mapPoint{}
	countries := placesOf(a, agg)
	points := make([]mapPoint, 0, len(agg))
	for _, p := range agg {
		points = append(points, *p)
	}
	if len(points) > 0 || len(countries) > 0 {
		var b strings.Builder
		s.world.svg(&b, 420, points, countries)
		v.Map = template.HTML(b.String()) // built by svg, which escapes every name
	}
	title := a.Document.Title
	if title == "" {
		title = "Untitled document"
	}
	s.render(w, r, http.StatusOK, "article", pageData{Title: title, Nav: "doc", Data: v})
}

// placesOf merges the places of an analysis that have coordinates into
// agg, by name, weighted by mentions, and returns the countries of the
// sides and places, for the map to shade.
func placesOf(a *doc.Analysis, agg map[string]*mapPoint) []string {
	eventPlace := map[string]bool{}
	for _, e := range a.Events {
		for _, p := range e.Places {
			eventPlace[p] = true
		}
	}
	sides := map[string]bool{}
	for _, e := range a.Entities {
		if len(e.Side) == 2 {
			sides[string(e.Side)] = true
		}
		if e.Geo == nil {
			continue
		}
		if len(e.Geo.Country) == 2 {
			sides[e.Geo.Country] = true
		}
		if e.Kind == doc.KindCountry {
			continue
		}
		p, ok := agg[e.Name]
		if !ok {
			detail := e.Name
			if e.Geo.Admin1 != "" {
				detail += ", " + e.Geo.Admin1
			}
			if e.Geo.Country != "" {
				detail += ", " + e.Geo.Country
			}
			p = &mapPoint{Lat: e.Geo.Lat, Lon: e.Geo.Lon, Label: e.Name, Detail: detail}
			agg[e.Name] = p
		}
		p.Weight += max(len(e.Mentions), 1)
		p.Event = p.Event || eventPlace[e.ID]
	}
	for _, c := range a.Claims {
		if len(c.Side) == 2 {
			sides[string(c.Side)] = true
		}
	}
	focus := make([]string, 0, len(sides))
	for s := range sides {
		focus = append(focus, s)
	}
	sort.Strings(focus)
	return focus
}

// mapView is the map page's data.
type mapView struct {
	Map       template.HTML
	Documents int
	Places    []mapPoint
	// Events is set when the map shows the compared events (Places are
	// then events) rather than the places named in the latest documents;
	// Unplaced counts the events without coordinates.
	Events   bool
	Unplaced int
}

// handleMapPage maps the events compared across documents, each linked to
// its comparison; without records to compare, the places named in the
// latest documents.
func (s *Server) handleMapPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Records != nil {
		s.eventMap(w, r)
		return
	}
	docs, err := s.cfg.Store.List(r.Context(), store.ListOptions{Limit: s.cfg.MapDocuments})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	agg := map[string]*mapPoint{}
	focusSet := map[string]bool{}
	for _, d := range docs {
		a, err := s.cfg.Store.Get(r.Context(), d.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, f := range placesOf(a, agg) {
			focusSet[f] = true
		}
	}
	v := mapView{Documents: len(docs)}
	for _, p := range agg {
		v.Places = append(v.Places, *p)
	}
	sort.Slice(v.Places, func(i, j int) bool {
		if v.Places[i].Weight != v.Places[j].Weight {
			return v.Places[i].Weight > v.Places[j].Weight
		}
		return v.Places[i].Label < v.Places[j].Label
	})
	focus := make([]string, 0, len(focusSet))
	for f := range focusSet {
		focus = append(focus, f)
	}
	sort.Strings(focus)
	var b strings.Builder
	s.world.svg(&b, 900, v.Places, focus)
	v.Map = template.HTML(b.String()) // built by svg, which escapes every name
	s.render(w, r, http.StatusOK, "map", pageData{Title: "Map", Nav: "map", Data: v})
}
