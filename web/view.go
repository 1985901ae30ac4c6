package web

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
)

// layerInfo names a highlight layer for the toggles and the legend.
type layerInfo struct {
	Key   string // css and toggle key
	Label string
	Count int
	On    bool // shown when the page opens
}

// detail is what the article view shows about one highlighted item when it
// is hovered or focused: what was extracted, and why.
type detail struct {
	Key   string
	Layer string
	Head  string
	Rows  []row
	Why   string
}

type row struct{ Label, Value string }

// articleView is the article page's data.
type articleView struct {
	A       *doc.Analysis
	Body    template.HTML // the highlighted text
	Layers  []layerInfo
	Details []detail
	// DetailsHTML is Details written out: a long article has thousands,
	// too many for html/template's reflection to render quickly.
	DetailsHTML template.HTML
	Claims      []claimRow
	Techniques  []techniqueCount
	Map         template.HTML
	// Focus is the claim a link asked to show (?claim=ID), highlighted
	// and scrolled to; nil when none.
	Focus *claimRow
}

// techniqueCount is one line of the rhetoric summary.
type techniqueCount struct {
	Name  string
	Count int
}

// claimRow is one line of the claims table.
type claimRow struct {
	Key, Metric, Value, About, Side, Speaker, Via, Evidence, Text string
	Focus                                                         bool // the claim a link asked to show
}

// techniqueWhy explains each rhetoric technique in a sentence.
var techniqueWhy = map[string]string{
	"loaded_language":            "Words with strong emotional connotations, used to sway the reader.",
	"name_calling":               "A label that makes the target an object of fear, hatred or contempt.",
	"repetition":                 "The same message repeated so that it is accepted.",
	"exaggeration":               "Something represented as larger, better or worse than it is (or minimised).",
	"doubt":                      "Questioning the credibility of someone or something.",
	"appeal_to_fear":             "Building support by playing on fear or prejudice.",
	"flag_waving":                "Playing on national or group feeling to justify an idea.",
	"causal_oversimplification":  "One cause assumed where there are several.",
	"slogans":                    "A brief, striking phrase standing in for an argument.",
	"appeal_to_authority":        "A claim held true only because an authority says so.",
	"black_and_white":            "Two options presented as the only ones.",
	"thought_terminating_cliche": "A phrase that discourages critical thought.",
	"whataboutism":               "Discrediting a position by charging hypocrisy, or distorting or deflecting it.",
	"bandwagon":                  "Everyone agrees, so you should; or likening to a hated group.",
}

// buildArticle turns an analysis into marks, details and tables. Every
// string it produces is plain text, escaped when written. The claim whose
// ID is focus, if any, is marked as the one a link asked to show: its
// highlight gets the id "claim".
func (s *Server) buildArticle(a *doc.Analysis, focus string) articleView {
	text := a.Document.Text
	var marks []mark
	var details []detail
	ents := make(map[string]*doc.Entity, len(a.Entities))
	for i := range a.Entities {
		ents[a.Entities[i].ID] = &a.Entities[i]
	}
	entName := func(id string) string {
		if e, ok := ents[id]; ok {
			return e.Name
		}
		return id
	}
	attrs := make(map[string]*doc.Attribution, len(a.Attributions))
	for i := range a.Attributions {
		attrs[a.Attributions[i].ID] = &a.Attributions[i]
	}
	// Attributions start hidden: they cover most of a news text, and their
	// shading would drown the claims.
	layers := []layerInfo{
		{"entity", "Entities", 0, true}, {"time", "Times", len(a.Times), true}, {"quantity", "Figures", len(a.Quantities), true},
		{"attribution", "Attributions", len(a.Attributions), false}, {"claim", "Claims", len(a.Claims), true},
		{"event", "Events", len(a.Events), true}, {"rhetoric", "Rhetoric", len(a.Rhetoric), true},
	}

	for i, e := range a.Entities {
		key := "e" + strconv.Itoa(i)
		head := e.Name
		rows := []row{{"kind", e.Kind}}
		if e.Role != "" {
			rows = append(rows, row{"role", e.Role})
		}
		if e.Side != "" {
			rows = append(rows, row{"side", string(e.Side)})
		}
		if len(e.Aliases) > 0 {
			rows = append(rows, row{"also", strings.Join(e.Aliases, ", ")})
		}
		if e.Geo != nil {
			rows = append(rows, row{"place", geoText(e.Geo)})
		}
		rows = append(rows, row{"mentions", strconv.Itoa(len(e.Mentions))})
		details = append(details, detail{Key: key, Layer: "entity", Head: head, Rows: rows,
			Why: fmt.Sprintf("%d mention(s) resolved to one %s%s.", len(e.Mentions), e.Kind, sideWhy(e.Side))})
		class := "k-" + safeClass(e.Kind)
		if e.Side != "" {
			class += " side-" + safeClass(string(e.Side))
		}
		for _, m := range e.Mentions {
			marks = append(marks, mark{Start: m.Start, End: m.End, Layer: "entity", Key: key, Class: class, Title: e.Name + " (" + e.Kind + ")"})
			layers[0].Count++
		}
	}
	for i, t := range a.Times {
		key := "t" + strconv.Itoa(i)
		span := dateRange(t.From, t.To)
		rows := []row{{"dates", span}, {"granularity", t.Granularity}}
		if t.Approx {
			rows = append(rows, row{"approximate", "yes"})
		}
		details = append(details, detail{Key: key, Layer: "time", Head: t.Text, Rows: rows,
			Why: "Time expression resolved to " + span + "."})
		marks = append(marks, mark{Start: t.Start, End: t.End, Layer: "time", Key: key, Title: span})
	}
	for i, q := range a.Quantities {
		key := "q" + strconv.Itoa(i)
		v := figure(q.Low, q.High, q.Approx)
		rows := []row{{"value", v}, {"approximation", q.Approx}}
		if q.Unit != "" {
			rows = append(rows, row{"unit", q.Unit})
		}
		details = append(details, detail{Key: key, Layer: "quantity", Head: q.Text, Rows: rows, Why: "Figure read as " + v + " " + q.Unit + "."})
		marks = append(marks, mark{Start: q.Start, End: q.End, Layer: "quantity", Key: key, Title: v + " " + q.Unit})
	}
	for i, at := range a.Attributions {
		key := "a" + strconv.Itoa(i)
		speaker := ""
		if at.Speaker != "" {
			speaker = entName(at.Speaker)
		} else if at.Source != nil {
			speaker = at.Source.Text
		}
		rows := []row{{"speaker", speaker}, {"kind", at.Kind}}
		if at.Cue != nil {
			rows = append(rows, row{"cue", at.Cue.Text})
		}
		if len(at.Via) > 0 {
			rows = append(rows, row{"via", s.viaChain(at.Via, attrs, entName)})
		}
		if at.Hedged {
			rows = append(rows, row{"hedged", "yes"})
		}
		if at.Evidence != "" {
			rows = append(rows, row{"evidence", evidenceText(at.Evidence)})
		}
		why := "Reported speech (" + at.Kind + ")"
		if at.Cue != nil {
			why += " signalled by “" + at.Cue.Text + "”"
		}
		details = append(details, detail{Key: key, Layer: "attribution", Head: "Attributed to " + speaker, Rows: rows, Why: why + "."})
		title := "said by " + speaker
		if at.Source != nil {
			marks = append(marks, mark{Start: at.Source.Start, End: at.Source.End, Layer: "source", Key: key, Title: title})
		}
		if at.Cue != nil {
			marks = append(marks, mark{Start: at.Cue.Start, End: at.Cue.End, Layer: "cue", Key: key, Title: title})
		}
		marks = append(marks, mark{Start: at.Content.Start, End: at.Content.End, Layer: "content", Key: key, Title: title})
	}
	var claims []claimRow
	for i, c := range a.Claims {
		key := "c" + strconv.Itoa(i)
		v := figure(c.Low, c.High, c.Approx)
		if c.Unit != "" {
			v += " " + compare.KindText(c.Unit, c.Low, c.High)
		}
		speaker := ""
		if c.Speaker != "" {
			speaker = entName(c.Speaker)
		}
		rows := []row{{"metric", c.Metric}, {"value", v}, {"about", partyText(c.About)}, {"side", partyText(c.Side)}}
		if speaker != "" {
			rows = append(rows, row{"speaker", speaker})
		}
		if len(c.Via) > 0 {
			rows = append(rows, row{"via", strings.Join(c.Via, " → ")})
		}
		rows = append(rows, row{"evidence", evidenceText(c.Evidence)})
		if c.Hedged {
			rows = append(rows, row{"hedged", "yes"})
		}
		if c.Partial {
			rows = append(rows, row{"partial", "a part of the event's toll only: one incident or place, or the wounded still in hospital"})
		}
		if c.DeniedBy != "" {
			rows = append(rows, row{"denied by", string(c.DeniedBy)})
		}
		if c.Event != "" {
			rows = append(rows, row{"event", c.Event})
		}
		why := fmt.Sprintf("%s: %s, stated by %s", c.Metric, v, orUnknown(speaker, c.Side))
		if len(c.Via) > 0 {
			why += ", reaching the article via " + strings.Join(c.Via, " → ")
		}
		why += "; evidence " + evidenceText(c.Evidence) + "."
		details = append(details, detail{Key: key, Layer: "claim", Head: "Claim: " + c.Metric + " " + v, Rows: rows, Why: why})
		class := "ev-" + safeClass(c.Evidence)
		if c.Side != "" {
			class += " side-" + safeClass(string(c.Side))
		}
		m := mark{Start: c.Start, End: c.End, Layer: "claim", Key: key, Class: class, Title: c.Metric + " " + v + " (" + partyText(c.Side) + ")"}
		isFocus := focus != "" && c.ID == focus
		if isFocus {
			m.Class += " focus"
			m.ID = "claim"
		}
		marks = append(marks, m)
		side := "—"
		if c.Side != "" {
			side = string(c.Side)
		}
		claims = append(claims, claimRow{Key: key, Metric: strings.ReplaceAll(c.Metric, "_", " "), Value: v, About: partyText(c.About), Side: side,
			Speaker: speaker, Via: strings.Join(c.Via, " → "), Evidence: evidenceText(c.Evidence), Text: c.Text, Focus: isFocus})
	}
	for i, e := range a.Events {
		key := "v" + strconv.Itoa(i)
		places := make([]string, len(e.Places))
		for j, p := range e.Places {
			places[j] = entName(p)
		}
		actors := make([]string, len(e.Actors))
		for j, p := range e.Actors {
			actors[j] = partyText(p)
		}
		span := dateRange(e.From, e.To)
		rows := []row{{"type", strings.ReplaceAll(e.Type, "_", " ")}, {"dates", span}}
		if e.ACLED != "" {
			rows = append(rows, row{"ACLED", e.ACLED})
		}
		if len(places) > 0 {
			rows = append(rows, row{"places", strings.Join(places, ", ")})
		}
		if len(actors) > 0 {
			rows = append(rows, row{"actors", strings.Join(actors, ", ")})
		}
		rows = append(rows, row{"claims", strconv.Itoa(len(e.Claims))})
		why := "Event reported by the words highlighted"
		if e.DateSource == doc.DateFromPublished {
			why += "; dated by the publication date, for lack of a date in the text"
		}
		details = append(details, detail{Key: key, Layer: "event", Head: strings.ReplaceAll(e.Type, "_", " "), Rows: rows, Why: why + "."})
		for _, m := range e.Mentions {
			marks = append(marks, mark{Start: m.Start, End: m.End, Layer: "event", Key: key, Title: e.Type + " " + span})
		}
	}
	rhet := map[string]int{}
	for i, r := range a.Rhetoric {
		key := "r" + strconv.Itoa(i)
		name := strings.ReplaceAll(r.Technique, "_", " ")
		rhet[name]++
		why := techniqueWhy[r.Technique]
		rows := []row{{"technique", name}, {"words", r.Text}}
		if r.Score > 0 {
			rows = append(rows, row{"confidence", strconv.Itoa(int(r.Score*100+0.5)) + "%"})
		}
		if len(r.Why) > 0 {
			rows = append(rows, row{"because of", strings.Join(r.Why, "; ")})
		}
		details = append(details, detail{Key: key, Layer: "rhetoric", Head: name, Rows: rows, Why: why})
		marks = append(marks, mark{Start: r.Start, End: r.End, Layer: "rhetoric", Key: key, Class: "t-" + safeClass(r.Technique), Title: name})
	}
	var techniques []techniqueCount
	for name, n := range rhet {
		techniques = append(techniques, techniqueCount{name, n})
	}
	sort.Slice(techniques, func(i, j int) bool {
		if techniques[i].Count != techniques[j].Count {
			return techniques[i].Count > techniques[j].Count
		}
		return techniques[i].Name < techniques[j].Name
	})
	var focused *claimRow
	for i := range claims {
		if claims[i].Focus {
			focused = &claims[i]
		}
	}
	var body, det strings.Builder
	highlight(&body, text, marks)
	writeDetails(&det, details)
	return articleView{
		A:           a,
		Body:        template.HTML(body.String()), // built by highlight, which escapes every byte of text
		DetailsHTML: template.HTML(det.String()),  // built by writeDetails, which escapes every value
		Layers:      layers,
		Details:     details,
		Claims:      claims,
		Techniques:  techniques,
		Focus:       focused,
	}
}

func (s *Server) viaChain(via []string, attrs map[string]*doc.Attribution, entName func(string) string) string {
	parts := make([]string, 0, len(via))
	for _, id := range via {
		if at, ok := attrs[id]; ok {
			switch {
			case at.Speaker != "":
				parts = append(parts, entName(at.Speaker))
			case at.Source != nil:
				parts = append(parts, at.Source.Text)
			default:
				parts = append(parts, id)
			}
		} else {
			parts = append(parts, id)
		}
	}
	return strings.Join(parts, " → ")
}

// safeClass keeps the letters, digits, '-' and '_' of s, for a css class.
func safeClass(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if !isClassByte(s[i]) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isClassByte(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func isClassByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

func sideWhy(p doc.Party) string {
	if p == "" {
		return ""
	}
	return ", on side " + string(p)
}

func partyText(p doc.Party) string {
	if p == "" {
		return "unknown"
	}
	return string(p)
}

func orUnknown(s string, p doc.Party) string {
	if s != "" {
		return s
	}
	if p != "" {
		return "the " + string(p) + " side"
	}
	return "an unknown source"
}

func evidenceText(e string) string {
	switch e {
	case doc.EvidenceNoneGiven:
		return "none given"
	case doc.EvidenceCited:
		return "cited"
	case "":
		return "unknown"
	}
	return e
}

func geoText(g *doc.Geo) string {
	s := fmt.Sprintf("%.2f, %.2f", g.Lat, g.Lon)
	if g.Admin1 != "" {
		s = g.Admin1 + " · " + s
	}
	if g.Country != "" {
		s = g.Country + " · " + s
	}
	return s
}

func dateRange(from, to string) string {
	switch {
	case from == "" && to == "":
		return "unresolved"
	case from == to:
		return from
	case to == "":
		return "since " + from
	case from == "":
		return "until " + to
	}
	return from + " – " + to
}

// figure writes a figure's bounds as text: "63", "more than 600", "10–15".
func figure(low, high *float64, approx string) string {
	num := func(f *float64) string { return groupDigits(strconv.FormatFloat(*f, 'f', -1, 64)) }
	var v string
	switch {
	case low == nil && high == nil:
		return "?"
	case low == nil:
		v = "up to " + num(high)
	case high == nil:
		v = "at least " + num(low)
		if approx == doc.ApproxMoreThan {
			v = "more than " + num(low)
		}
	case *low == *high:
		v = num(low)
		if approx == doc.ApproxAbout {
			v = "about " + v
		}
	default:
		v = num(low) + "–" + num(high)
	}
	return v
}

// writeDetails writes the detail panels of the article view, escaping
// every value.
func writeDetails(b *strings.Builder, details []detail) {
	b.Grow(len(details) * 300)
	for _, d := range details {
		b.WriteString(`<div class="detail d-`)
		escapeText(b, d.Layer)
		b.WriteString(`" id="d-`)
		escapeText(b, d.Key)
		b.WriteString(`" data-ann="`)
		escapeText(b, d.Key)
		b.WriteString(`" hidden><div class="d-head"><span class="d-layer">`)
		escapeText(b, d.Layer)
		b.WriteString(`</span> `)
		escapeText(b, d.Head)
		b.WriteString(`</div><dl>`)
		for _, r := range d.Rows {
			b.WriteString(`<dt>`)
			escapeText(b, r.Label)
			b.WriteString(`</dt><dd>`)
			escapeText(b, r.Value)
			b.WriteString(`</dd>`)
		}
		b.WriteString(`</dl>`)
		if d.Why != "" {
			b.WriteString(`<p class="why">`)
			escapeText(b, d.Why)
			b.WriteString(`</p>`)
		}
		b.WriteString("</div>\n")
	}
}

// groupDigits puts thousands separators into the integer part of a number
// of five digits or more: "142000" → "142,000"; "2000" stays.
func groupDigits(n string) string {
	start := 0
	if strings.HasPrefix(n, "-") {
		start = 1
	}
	end := len(n)
	if i := strings.IndexByte(n, '.'); i >= 0 {
		end = i
	}
	if end-start < 5 {
		return n
	}
	var b strings.Builder
	b.WriteString(n[:start])
	for i := start; i < end; i++ {
		if i > start && (end-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(n[i])
	}
	b.WriteString(n[end:])
	return b.String()
}
