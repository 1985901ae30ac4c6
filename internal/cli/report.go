package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/doc"
)

// writeReport prints an analysis for a reader: the document, then each
// layer in the order the pipeline makes them.
func writeReport(w io.Writer, a *doc.Analysis) error {
	d := a.Document
	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(w, "%s\n", title)
	var meta []string
	for _, kv := range [][2]string{{"published", d.Published}, {"outlet", d.Outlet}, {"lang", d.Lang}, {"url", d.URL}, {"source", d.Source}, {"id", d.ID}} {
		if kv[1] != "" {
			meta = append(meta, kv[0]+" "+kv[1])
		}
	}
	meta = append(meta, fmt.Sprintf("%d bytes, %d sentences", len(d.Text), len(a.Sentences)))
	fmt.Fprintf(w, "%s\n", strings.Join(meta, " · "))

	entityName := map[string]string{}
	for _, e := range a.Entities {
		entityName[e.ID] = e.Name
	}
	section(w, "Entities", len(a.Entities))
	for _, e := range a.Entities {
		var extra []string
		if e.Role != "" {
			extra = append(extra, e.Role)
		}
		if e.Side != "" {
			extra = append(extra, "side "+string(e.Side))
		}
		if e.Geo != nil {
			extra = append(extra, fmt.Sprintf("%.2f,%.2f %s", e.Geo.Lat, e.Geo.Lon, strings.Trim(e.Geo.Admin1+" "+e.Geo.Country, " ")))
		}
		line := fmt.Sprintf("  %-12s %s", e.Kind, e.Name)
		if len(extra) > 0 {
			line += " (" + strings.Join(extra, ", ") + ")"
		}
		if len(e.Aliases) > 0 {
			line += " aka " + strings.Join(e.Aliases, ", ")
		}
		fmt.Fprintf(w, "%s ×%d\n", line, len(e.Mentions))
	}
	section(w, "Times", len(a.Times))
	for _, t := range a.Times {
		fmt.Fprintf(w, "  %-32q %s..%s (%s%s)\n", t.Text, t.From, t.To, t.Granularity, cond(t.Approx, ", approx", ""))
	}
	section(w, "Quantities", len(a.Quantities))
	for _, q := range a.Quantities {
		fmt.Fprintf(w, "  %-32q %s %s (%s)\n", q.Text, bounds(q.Low, q.High), q.Unit, q.Approx)
	}
	section(w, "Attributions", len(a.Attributions))
	for _, at := range a.Attributions {
		src := "?"
		if at.Source != nil {
			src = at.Source.Text
		}
		if n := entityName[at.Speaker]; n != "" && n != src {
			src += " [" + n + "]"
		}
		cue := ""
		if at.Cue != nil {
			cue = at.Cue.Text
		}
		fmt.Fprintf(w, "  %s %s: %q (%s%s%s)\n", src, cue, clip(a.Text(at.Content), 100), at.Kind,
			cond(len(at.Via) > 0, ", via "+strings.Join(at.Via, " → "), ""), cond(at.Hedged, ", hedged", ""))
	}
	section(w, "Claims", len(a.Claims))
	for _, c := range a.Claims {
		speaker := entityName[c.Speaker]
		if speaker == "" {
			speaker = c.Speaker
		}
		metric := c.Metric
		if doc.PeopleKind(c.Unit) {
			metric += ": " + c.Unit // "killed: civilians"
		}
		fmt.Fprintf(w, "  %-20s %-14s about %-4s side %-4s by %s%s, evidence %s%s%s: %q\n", metric, bounds(c.Low, c.High),
			orNone(string(c.About)), orNone(string(c.Side)), orNone(speaker), cond(len(c.Via) > 0, " via "+strings.Join(c.Via, " → "), ""), c.Evidence,
			cond(c.Partial, ", a part only", ""), cond(c.DeniedBy != "", ", denied by "+string(c.DeniedBy), ""), clip(c.Text, 80))
	}
	section(w, "Events", len(a.Events))
	for _, e := range a.Events {
		places := make([]string, 0, len(e.Places))
		for _, p := range e.Places {
			places = append(places, entityName[p])
		}
		actors := make([]string, 0, len(e.Actors))
		for _, p := range e.Actors {
			actors = append(actors, string(p))
		}
		fmt.Fprintf(w, "  %s %s %s..%s at %s, actors %s, %d claims\n", e.ID, e.Type, e.From, e.To,
			orNone(strings.Join(places, ", ")), orNone(strings.Join(actors, ", ")), len(e.Claims))
	}
	section(w, "Rhetoric", len(a.Rhetoric))
	for _, r := range a.Rhetoric {
		why := ""
		if len(r.Why) > 0 {
			why = " — " + strings.Join(r.Why, "; ")
		}
		fmt.Fprintf(w, "  %-26s %q%s\n", r.Technique, clip(r.Text, 100), why)
	}
	if s := a.RhetoricSummary; s != nil && s.NotAssessed != "" {
		fmt.Fprintf(w, "\nRhetoric not assessed: %s\n", s.NotAssessed)
	}
	if s := a.RhetoricSummary; s != nil && len(s.Techniques) > 0 {
		parts := make([]string, 0, len(s.Techniques))
		for _, t := range s.Techniques {
			parts = append(parts, fmt.Sprintf("%s %d (%.0f%% of sentences)", t.Technique, t.Spans, 100*t.SentenceShare))
		}
		fmt.Fprintf(w, "  by technique: %s\n", strings.Join(parts, ", "))
		fmt.Fprintf(w, "  %d of %d sentences use a technique\n", s.SentencesWithTechnique, s.Sentences)
	}
	return nil
}

func section(w io.Writer, name string, n int) {
	if n > 0 {
		fmt.Fprintf(w, "\n%s (%d)\n", name, n)
	}
}

// bounds formats a figure's range: "63", "200..300", ">600", "≤50".
func bounds(low, high *float64) string {
	switch {
	case low != nil && high != nil && *low == *high:
		return num(*low)
	case low != nil && high != nil:
		return num(*low) + ".." + num(*high)
	case low != nil:
		return "≥" + num(*low)
	case high != nil:
		return "≤" + num(*high)
	}
	return "?"
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func cond(ok bool, yes, no string) string {
	if ok {
		return yes
	}
	return no
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
