// Package export writes a comparison across documents in the formats
// analysts use: CSV with ACLED-like columns, GeoJSON for maps, and a
// Markdown brief to paste into a report. JSON is the comparison's own
// encoding (encoding/json of compare.Report or []compare.Entry), which JSON
// streams for large reports.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
)

// Formats the exports support, as the --format flag names them.
const (
	FormatJSON     = "json"
	FormatCSV      = "csv"
	FormatGeoJSON  = "geojson"
	FormatMarkdown = "markdown"
)

// CSVHeader returns the CSV columns for the sides given: ACLED's
// event_date, event_type, sub_event_type, country, admin1, location,
// latitude, longitude, actor1 and actor2, then one figures_SIDE column per
// side (the latest figure that side gives for each metric and party), then
// sources and notes. event_id and end_date lead, to join with the JSON.
func CSVHeader(sides []string) []string {
	h := []string{"event_id", "event_date", "end_date", "event_type", "sub_event_type", "country", "admin1",
		"location", "latitude", "longitude", "actor1", "actor2"}
	for _, s := range sides {
		h = append(h, "figures_"+s)
	}
	return append(h, "sources", "notes")
}

// CSV writes the timeline as CSV, one event per row.
func CSV(w io.Writer, entries []compare.Entry) error {
	var sides []string
	for _, e := range entries {
		for _, f := range e.Figures {
			if l := compare.SideLabel(f.Side); !slices.Contains(sides, l) {
				sides = append(sides, l)
			}
		}
	}
	slices.SortFunc(sides, func(a, b string) int {
		return compareLabels(a, b)
	})
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader(sides)); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	row := make([]string, 0, 14+len(sides))
	for _, e := range entries {
		ev := e.Event
		actor := func(i int) string {
			if i < len(ev.Actors) {
				return string(ev.Actors[i])
			}
			return ""
		}
		location := ""
		if len(ev.Places) > 0 {
			location = ev.Places[0]
		}
		row = append(row[:0], ev.ID, ev.From, ev.To, ev.ACLED, ev.Type, ev.Country, ev.Admin1, cell(location),
			coord(ev.Lat), coord(ev.Lon), actor(0), actor(1))
		for _, s := range sides {
			var parts []string
			for _, f := range e.Figures {
				if compare.SideLabel(f.Side) == s {
					parts = append(parts, fmt.Sprintf("%s: %s", compare.What(f.Metric, f.Unit, f.About), compare.FormatRange(f.Low, f.High)))
				}
			}
			row = append(row, strings.Join(parts, "; "))
		}
		row = append(row, cell(strings.Join(e.Sources, "; ")), cell(strings.Join(e.Notes, "; ")))
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// cell keeps text from articles from being read as a formula by a
// spreadsheet: a cell that starts with = + - @ gets a leading apostrophe.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func compareLabels(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == compare.Independent:
		return 1
	case b == compare.Independent:
		return -1
	}
	return strings.Compare(a, b)
}

func coord(p *float64) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("%.4f", *p)
}

// GeoJSON writes the timeline as a GeoJSON FeatureCollection (RFC 7946):
// one Point feature per located event (events without coordinates are
// left out), with the event, its figures by side, sources and notes as
// properties. The format is small enough that encoding/json writes it; the
// GeoJSON libraries would bring database drivers into the build.
func GeoJSON(w io.Writer, entries []compare.Entry) error {
	fc := featureCollection{Type: "FeatureCollection", Features: []feature{}}
	for _, e := range entries {
		ev := e.Event
		if ev.Lat == nil || ev.Lon == nil {
			continue
		}
		fc.Features = append(fc.Features, feature{
			Type:     "Feature",
			ID:       ev.ID,
			Geometry: point{Type: "Point", Coordinates: [2]float64{*ev.Lon, *ev.Lat}},
			Properties: properties{
				EventID: ev.ID, EventDate: ev.From, EndDate: ev.To, EventType: ev.ACLED, SubEventType: ev.Type,
				Country: ev.Country, Admin1: ev.Admin1, Places: ev.Places, Actors: ev.Actors, Documents: ev.Documents,
				Figures: e.Figures, Sources: e.Sources, Notes: e.Notes,
			},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(fc); err != nil {
		return fmt.Errorf("writing GeoJSON: %w", err)
	}
	return nil
}

type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

type feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Geometry   point      `json:"geometry"`
	Properties properties `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude
}

type properties struct {
	EventID      string               `json:"event_id"`
	EventDate    string               `json:"event_date"`
	EndDate      string               `json:"end_date"`
	EventType    string               `json:"event_type"`
	SubEventType string               `json:"sub_event_type"`
	Country      string               `json:"country"`
	Admin1       string               `json:"admin1"`
	Places       []string             `json:"places"`
	Actors       []doc.Party          `json:"actors"`
	Documents    int                  `json:"documents"`
	Figures      []compare.SideFigure `json:"figures"`
	Sources      []string             `json:"sources"`
	Notes        []string             `json:"notes"`
}
