package export

import (
	"io"

	"github.com/parallaxnews/parallax/compare"
)

// flushAt is how much JSON is gathered before it is written.
const flushAt = 64 << 10

// JSON writes the report as an indented JSON object, byte for byte what
// encoding/json's Encoder with a two-space indent and without HTML
// escaping writes for it, but a group or silence at a time: a report of a
// million claims is hundreds of megabytes of JSON, never held in memory at
// once.
func JSON(w io.Writer, rep compare.Report) error {
	jw := &jsonWriter{out: w, b: make([]byte, 0, 2*flushAt), empty: make([]bool, 1, 8)}
	jw.open('{')
	jw.key("groups")
	jsonArray(jw, rep.Groups, func(g *compare.Group) { jsonGroup(jw, g) })
	jw.key("silences")
	jsonArray(jw, rep.Silences, func(s *compare.Silence) { jsonSilence(jw, s) })
	jw.close('}')
	jw.b = append(jw.b, '\n')
	if jw.err != nil {
		return jw.err
	}
	_, err := w.Write(jw.b)
	return err
}

// The functions below write the report's types member by member, in the
// order and with the omissions of their JSON struct tags.

func jsonGroup(w *jsonWriter, g *compare.Group) {
	w.open('{')
	w.key("event")
	jsonEvent(w, &g.Event)
	w.key("metric")
	w.str(g.Metric)
	if g.Unit != "" {
		w.key("unit")
		w.str(g.Unit)
	}
	w.key("about")
	w.party(g.About)
	w.key("figures")
	jsonArray(w, g.Figures, func(f *compare.Figure) { jsonFigure(w, f) })
	w.key("by_side")
	jsonArray(w, g.BySide, func(f *compare.SideFigure) { jsonSideFigure(w, f) })
	w.key("contradiction")
	jsonContradiction(w, g.Contradiction)
	w.key("corroborated")
	w.boolean(g.Corroborated)
	if len(g.CorroboratedBy) > 0 {
		w.key("corroborated_by")
		w.strings(g.CorroboratedBy)
	}
	w.key("unsupported")
	w.boolean(g.Unsupported)
	if g.UnsupportedReason != "" {
		w.key("unsupported_reason")
		w.str(g.UnsupportedReason)
	}
	w.close('}')
}

func jsonEvent(w *jsonWriter, e *compare.EventInfo) {
	w.open('{')
	w.key("id")
	w.str(e.ID)
	w.key("type")
	w.str(e.Type)
	for _, m := range [...]struct{ name, v string }{{"acled", e.ACLED}, {"from", e.From}, {"to", e.To}} {
		if m.v != "" {
			w.key(m.name)
			w.str(m.v)
		}
	}
	w.key("places")
	w.strings(e.Places)
	w.key("actors")
	w.parties(e.Actors)
	if e.Country != "" {
		w.key("country")
		w.str(e.Country)
	}
	if e.Admin1 != "" {
		w.key("admin1")
		w.str(e.Admin1)
	}
	if e.Lat != nil {
		w.key("lat")
		w.float(*e.Lat)
	}
	if e.Lon != nil {
		w.key("lon")
		w.float(*e.Lon)
	}
	w.key("documents")
	w.int(e.Documents)
	w.close('}')
}

func jsonFigure(w *jsonWriter, f *compare.Figure) {
	w.open('{')
	w.key("side")
	w.party(f.Side)
	w.key("low")
	w.floatPtr(f.Low)
	w.key("high")
	w.floatPtr(f.High)
	w.key("source")
	w.str(f.Source)
	w.key("speaker")
	w.str(f.Speaker)
	w.key("via")
	w.strings(f.Via)
	if f.Outlet != "" {
		w.key("outlet")
		w.str(f.Outlet)
	}
	w.key("document")
	w.str(f.Document)
	if f.Claim != "" {
		w.key("claim")
		w.str(f.Claim)
	}
	w.key("published")
	w.str(f.Published)
	w.key("evidence")
	w.str(f.Evidence)
	w.key("hedged")
	w.boolean(f.Hedged)
	if f.Approx != "" {
		w.key("approx")
		w.str(f.Approx)
	}
	if f.Unit != "" {
		w.key("unit")
		w.str(f.Unit)
	}
	if f.Partial {
		w.key("partial")
		w.boolean(true)
	}
	if f.Text != "" {
		w.key("text")
		w.str(f.Text)
	}
	if len(f.History) > 0 {
		w.key("history")
		jsonArray(w, f.History, func(p *compare.Point) {
			w.open('{')
			w.key("low")
			w.floatPtr(p.Low)
			w.key("high")
			w.floatPtr(p.High)
			w.key("document")
			w.str(p.Document)
			w.key("published")
			w.str(p.Published)
			w.close('}')
		})
	}
	w.close('}')
}

func jsonSideFigure(w *jsonWriter, f *compare.SideFigure) {
	w.open('{')
	if f.Metric != "" {
		w.key("metric")
		w.str(f.Metric)
	}
	if f.Unit != "" {
		w.key("unit")
		w.str(f.Unit)
	}
	if f.About != "" {
		w.key("about")
		w.party(f.About)
	}
	w.key("side")
	w.party(f.Side)
	w.key("low")
	w.floatPtr(f.Low)
	w.key("high")
	w.floatPtr(f.High)
	w.key("source")
	w.str(f.Source)
	w.key("document")
	w.str(f.Document)
	w.key("published")
	w.str(f.Published)
	w.close('}')
}

func jsonContradiction(w *jsonWriter, c *compare.Contradiction) {
	if c == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('{')
	w.key("sides")
	w.strings(c.Sides)
	w.key("sources")
	w.strings(c.Sources)
	w.key("pairs")
	jsonArray(w, c.Pairs, func(p *[2]compare.SideFigure) {
		jsonArray(w, p[:], func(f *compare.SideFigure) { jsonSideFigure(w, f) })
	})
	w.close('}')
}

func jsonSilence(w *jsonWriter, s *compare.Silence) {
	w.open('{')
	w.key("side")
	w.party(s.Side)
	w.key("kind")
	w.str(s.Kind)
	w.key("event")
	jsonEvent(w, &s.Event)
	w.key("metric")
	w.str(s.Metric)
	if s.Unit != "" {
		w.key("unit")
		w.str(s.Unit)
	}
	w.key("about")
	w.party(s.About)
	w.key("reported_by")
	w.strings(s.ReportedBy)
	if len(s.Sources) > 0 {
		w.key("sources")
		w.strings(s.Sources)
	}
	w.close('}')
}
