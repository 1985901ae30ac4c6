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
	w.strMember("metric", g.Metric)
	w.optStr("unit", g.Unit)
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
	w.optStr("unsupported_reason", g.UnsupportedReason)
	w.close('}')
}

func jsonEvent(w *jsonWriter, e *compare.EventInfo) {
	w.open('{')
	w.strMember("id", e.ID)
	w.strMember("type", e.Type)
	w.optStr("acled", e.ACLED)
	w.optStr("from", e.From)
	w.optStr("to", e.To)
	w.key("places")
	w.strings(e.Places)
	w.key("actors")
	w.parties(e.Actors)
	w.optStr("country", e.Country)
	w.optStr("admin1", e.Admin1)
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
	w.bounds(f.Low, f.High)
	w.strMember("source", f.Source)
	w.strMember("speaker", f.Speaker)
	w.key("via")
	w.strings(f.Via)
	w.optStr("outlet", f.Outlet)
	w.strMember("document", f.Document)
	w.optStr("claim", f.Claim)
	w.strMember("published", f.Published)
	w.strMember("evidence", f.Evidence)
	w.key("hedged")
	w.boolean(f.Hedged)
	w.optStr("approx", f.Approx)
	w.optStr("unit", f.Unit)
	if f.Partial {
		w.key("partial")
		w.boolean(true)
	}
	if f.DeniedBy != "" {
		w.key("denied_by")
		w.party(f.DeniedBy) // escaped as doc.Party's MarshalJSON does
	}
	w.optStr("text", f.Text)
	if len(f.History) > 0 {
		w.key("history")
		jsonArray(w, f.History, func(p *compare.Point) {
			w.open('{')
			w.bounds(p.Low, p.High)
			w.strMember("document", p.Document)
			w.strMember("published", p.Published)
			w.close('}')
		})
	}
	w.close('}')
}

func jsonSideFigure(w *jsonWriter, f *compare.SideFigure) {
	w.open('{')
	w.optStr("metric", f.Metric)
	w.optStr("unit", f.Unit)
	if f.About != "" {
		w.key("about")
		w.party(f.About)
	}
	w.key("side")
	w.party(f.Side)
	w.bounds(f.Low, f.High)
	w.strMember("source", f.Source)
	w.strMember("document", f.Document)
	w.strMember("published", f.Published)
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
	w.strMember("kind", s.Kind)
	w.key("event")
	jsonEvent(w, &s.Event)
	w.strMember("metric", s.Metric)
	w.optStr("unit", s.Unit)
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
