package claim_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/attribution"
	"github.com/parallaxnews/parallax/claim"
	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/internal/golden"
	"github.com/parallaxnews/parallax/segment"
)

// The golden files hold sentences we wrote ourselves. Besides the input
// they may give the earlier layers, so that the test does not depend on
// the other annotators:
//
//	-- entities --      KIND SIDE COUNTRY | surface | surface …   ("-" for none)
//	-- quantities --    surface | low | high | approx | unit      (in text order)
//	-- times --         surface | from | to | granularity [relative] (in text order;
//	                    "relative" for one resolved against the publication date)
//	-- published --     YYYY-MM-DD
//	-- outlet --        the name of the outlet (give it an "outlet" entity too)
//	-- title --         the document's title (its first line, as ingest finds it)
//
// The sections -- attributions --, -- claims -- and -- events -- hold the
// output.
func TestGolden(t *testing.T) {
	att, err := attribution.New()
	if err != nil {
		t.Fatal(err)
	}
	cl, err := claim.New()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.New()
	golden.Run(t, []string{"attributions", "claims", "events"}, func(t *testing.T, sections golden.Sections) golden.Sections {
		text := strings.TrimSuffix(sections["input"], "\n")
		a, err := fixture(text, sections)
		if err != nil {
			t.Fatal(err)
		}
		a.Sentences = seg.Sentences(text)
		att.Annotate(a)
		cl.Annotate(a)
		return golden.Sections{
			"attributions": renderAttributions(a),
			"claims":       renderClaims(a),
			"events":       renderEvents(a),
		}
	})
}

// fixture builds an analysis of text with the earlier layers given in the
// golden file's sections.
func fixture(text string, sec golden.Sections) (*doc.Analysis, error) {
	a := doc.NewAnalysis(doc.Document{ID: "golden", Text: text, Published: strings.TrimSpace(sec["published"]), Outlet: strings.TrimSpace(sec["outlet"]),
		Title: strings.TrimSpace(sec["title"])})
	for i, line := range lines(sec["entities"]) {
		head, rest, ok := strings.Cut(line, "|")
		f := strings.Fields(head)
		if !ok || len(f) != 3 {
			return nil, fmt.Errorf("entities: bad line %q", line)
		}
		e := doc.Entity{ID: "e" + strconv.Itoa(i+1), Kind: f[0], Aliases: []string{}, Mentions: []doc.Mention{}}
		if f[1] != "-" {
			e.Side = doc.Party(f[1])
		}
		if f[2] != "-" {
			e.Geo = &doc.Geo{Country: f[2]}
		}
		for _, surf := range strings.Split(rest, "|") {
			surf = strings.TrimSpace(surf)
			if e.Name == "" {
				e.Name = surf
			}
			for off := 0; ; {
				k := strings.Index(text[off:], surf)
				if k < 0 {
					break
				}
				m := doc.Span{Start: off + k, End: off + k + len(surf)}
				if wordBounded(text, m) {
					e.Mentions = append(e.Mentions, doc.MentionOf(text, m))
				}
				off = m.End
			}
		}
		a.Entities = append(a.Entities, e)
	}
	off := 0
	for _, line := range lines(sec["quantities"]) {
		f := fields(line, 5)
		if f == nil {
			return nil, fmt.Errorf("quantities: bad line %q", line)
		}
		k := strings.Index(text[off:], f[0])
		if k < 0 {
			return nil, fmt.Errorf("quantities: %q not in the input after byte %d", f[0], off)
		}
		q := doc.Quantity{Start: off + k, End: off + k + len(f[0]), Text: f[0], Low: num(f[1]), High: num(f[2]), Approx: f[3], Unit: dash(f[4])}
		off = q.End
		a.Quantities = append(a.Quantities, q)
	}
	off = 0
	for _, line := range lines(sec["times"]) {
		f := fields(line, 4)
		if f == nil {
			return nil, fmt.Errorf("times: bad line %q", line)
		}
		k := strings.Index(text[off:], f[0])
		if k < 0 {
			return nil, fmt.Errorf("times: %q not in the input after byte %d", f[0], off)
		}
		gran, rel := strings.CutSuffix(f[3], " relative")
		tm := doc.Time{Start: off + k, End: off + k + len(f[0]), Text: f[0], From: dash(f[1]), To: dash(f[2]), Granularity: gran, Relative: rel}
		off = tm.End
		a.Times = append(a.Times, tm)
	}
	return a, nil
}

func wordBounded(text string, m doc.Span) bool {
	isWord := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	return (m.Start == 0 || !isWord(text[m.Start-1])) && (m.End == len(text) || !isWord(text[m.End]))
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func fields(line string, n int) []string {
	f := strings.Split(line, "|")
	if len(f) != n {
		return nil
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func num(s string) *float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &v
}

func fnum(f *float64) string {
	if f == nil {
		return "-"
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

func party(p doc.Party) string {
	if p == "" {
		return "-"
	}
	return string(p)
}

func renderAttributions(a *doc.Analysis) string {
	var b strings.Builder
	for _, at := range a.Attributions {
		fmt.Fprintf(&b, "%s %s source=%q cue=%q speaker=%s via=%v hedged=%v evidence=%s\n    content=%q\n",
			at.ID, at.Kind, mentionText(at.Source), mentionText(at.Cue), orDash(at.Speaker), at.Via, at.Hedged, at.Evidence, a.Text(at.Content))
	}
	return b.String()
}

func renderClaims(a *doc.Analysis) string {
	var b strings.Builder
	for _, c := range a.Claims {
		fmt.Fprintf(&b, "%s %s %s..%s %s about=%s side=%s speaker=%s via=%v event=%s evidence=%s hedged=%v",
			c.ID, c.Metric, fnum(c.Low), fnum(c.High), c.Approx, party(c.About), party(c.Side), orDash(c.Speaker), c.Via, orDash(c.Event), c.Evidence, c.Hedged)
		if c.Metric == "military_losses" || c.Metric == "count" || doc.PeopleKind(c.Unit) {
			fmt.Fprintf(&b, " unit=%q", c.Unit)
		}
		if c.Breakdown != "" {
			fmt.Fprintf(&b, " breakdown=%s", c.Breakdown)
		}
		if c.Total {
			b.WriteString(" total")
		}
		if c.Increment {
			b.WriteString(" increment")
		}
		if c.Partial {
			b.WriteString(" partial")
		}
		if c.DeniedBy != "" {
			fmt.Fprintf(&b, " denied_by=%s", c.DeniedBy)
		}
		if c.SpeakerText != "" {
			fmt.Fprintf(&b, " speaker_text=%q", c.SpeakerText)
		}
		fmt.Fprintf(&b, "\n    text=%q\n", c.Text)
	}
	return b.String()
}

func renderEvents(a *doc.Analysis) string {
	var b strings.Builder
	for _, ev := range a.Events {
		var ms []string
		for _, m := range ev.Mentions {
			ms = append(ms, m.Text)
		}
		fmt.Fprintf(&b, "%s %s (%s) %s..%s date=%s places=%v actors=%v claims=%v\n    mentions=%q\n",
			ev.ID, ev.Type, ev.ACLED, ev.From, ev.To, ev.DateSource, ev.Places, ev.Actors, ev.Claims, ms)
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func mentionText(m *doc.Mention) string {
	if m == nil {
		return "-"
	}
	return m.Text
}
