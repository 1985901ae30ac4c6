package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/doc"
)

// Markdown writes the comparison as a brief an analyst can paste into a
// report: per event, a table of each side's figures with their sources
// and flags, then what each side is silent about. Every name that comes
// from articles is escaped, so that no article text turns into markup.
func Markdown(w io.Writer, rep compare.Report) error {
	bw := bufio.NewWriter(w)
	events := 0
	docs := 0
	for i, g := range rep.Groups {
		if i == 0 || g.Event.ID != rep.Groups[i-1].Event.ID {
			events++
			docs += g.Event.Documents
		}
	}
	fmt.Fprintf(bw, "# Figures by side\n\n")
	fmt.Fprintf(bw, "%d %s with figures. Each source's latest figure is shown once, with the figures it gave before; "+
		"a contradiction is flagged where the latest figures of two sources of different sides (or two independent "+
		"sources) do not overlap; an earlier, lower count of a rising toll is not one.\n", events, plural(events, "event", "events"))
	for lo := 0; lo < len(rep.Groups); {
		hi := lo + 1
		for hi < len(rep.Groups) && rep.Groups[hi].Event.ID == rep.Groups[lo].Event.ID {
			hi++
		}
		writeEvent(bw, rep.Groups[lo:hi])
		lo = hi
	}
	if len(rep.Silences) > 0 {
		writeSilences(bw, rep.Silences)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing Markdown: %w", err)
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// EventTitle names an event in words: its dates, type and places.
func EventTitle(ev compare.EventInfo) string {
	var parts []string
	switch {
	case ev.From != "" && ev.To != "" && ev.To != ev.From:
		parts = append(parts, ev.From+" to "+ev.To)
	case ev.From != "":
		parts = append(parts, ev.From)
	default:
		parts = append(parts, "undated")
	}
	if ev.Type != "" {
		parts = append(parts, strings.ReplaceAll(ev.Type, "_", " "))
	}
	if len(ev.Places) > 0 {
		parts = append(parts, strings.Join(ev.Places[:min(len(ev.Places), 4)], ", "))
	}
	return strings.Join(parts, " · ")
}

func writeEvent(w *bufio.Writer, groups []compare.Group) {
	ev := groups[0].Event
	fmt.Fprintf(w, "\n## %s\n\n", Escape(EventTitle(ev)))
	var meta []string
	if len(ev.Actors) > 0 {
		as := make([]string, len(ev.Actors))
		for i, a := range ev.Actors {
			as[i] = string(a)
		}
		meta = append(meta, "Parties: "+Escape(strings.Join(as, ", ")))
	}
	if ev.Admin1 != "" || ev.Country != "" {
		meta = append(meta, "Region: "+Escape(strings.Trim(ev.Admin1+", "+ev.Country, ", ")))
	}
	if ev.ACLED != "" {
		meta = append(meta, "ACLED: "+Escape(ev.ACLED))
	}
	meta = append(meta, fmt.Sprintf("%d %s", ev.Documents, plural(ev.Documents, "document", "documents")), "Event ID: `"+ev.ID+"`")
	fmt.Fprintf(w, "%s\n\n", strings.Join(meta, " · "))

	var sides []doc.Party
	for _, g := range groups {
		for _, f := range g.Figures {
			if !slices.Contains(sides, f.Side) {
				sides = append(sides, f.Side)
			}
		}
	}
	slices.SortFunc(sides, func(a, b doc.Party) int { return compareLabels(compare.SideLabel(a), compare.SideLabel(b)) })
	w.WriteString("| Figure |")
	for _, s := range sides {
		fmt.Fprintf(w, " %s sources |", Escape(compare.SideLabel(s)))
	}
	w.WriteString(" Flags |\n|---|")
	for range sides {
		w.WriteString("---|")
	}
	w.WriteString("---|\n")
	var num []byte // scratch for numbers
	for gi := range groups {
		g := &groups[gi]
		w.WriteString("| ")
		mdEscaper.WriteString(w, compare.What(g.Metric, g.Unit, g.About))
		w.WriteString(" |")
		for _, s := range sides {
			w.WriteByte(' ')
			first := true
			for i := range g.Figures {
				if f := &g.Figures[i]; f.Side == s {
					if !first {
						w.WriteString("; ")
					}
					first = false
					num = writeFigure(w, f, num)
				}
			}
			w.WriteString(" |")
		}
		w.WriteByte(' ')
		num = writeFlags(w, g, num)
		w.WriteString(" |\n")
	}
}

// writeFigure writes one source's figure: "**59** (Health Ministry,
// 2022-10-06; earlier 24, 36; no evidence given)", "**about 100** (…)".
// num is scratch for numbers, returned for reuse. The figure's numbers
// and dates hold nothing Markdown would read as markup.
func writeFigure(w *bufio.Writer, f *compare.Figure, num []byte) []byte {
	w.WriteString("**")
	if f.Approx == doc.ApproxAbout && f.Low != nil && f.High != nil && *f.Low == *f.High {
		w.WriteString("about ") // "about 100": the comparison allows a tenth either way
	}
	num = compare.AppendRange(num[:0], f.Low, f.High)
	w.Write(num)
	if f.Unit != "" {
		w.WriteByte(' ')
		w.WriteString(compare.KindText(f.Unit, f.Low, f.High)) // "5 civilians": a part of a toll
	}
	w.WriteString("** (")
	mdEscaper.WriteString(w, f.Source)
	for i, v := range f.Via {
		if i == 0 {
			w.WriteString(" via ")
		} else {
			w.WriteString(" → ")
		}
		mdEscaper.WriteString(w, v)
	}
	if f.Published != "" {
		w.WriteString("; ")
		w.WriteString(f.Published)
	}
	for i, p := range f.History {
		if i == 0 {
			w.WriteString("; earlier ")
		} else {
			w.WriteString(", ")
		}
		num = compare.AppendRange(num[:0], p.Low, p.High)
		w.Write(num)
	}
	if f.Hedged {
		w.WriteString("; hedged")
	}
	if f.Partial {
		w.WriteString("; a part only")
	}
	if f.DeniedBy != "" {
		w.WriteString("; denied by ")
		mdEscaper.WriteString(w, string(f.DeniedBy))
	}
	if f.Evidence == doc.EvidenceNoneGiven {
		w.WriteString("; no evidence given")
	}
	w.WriteByte(')')
	return num
}

// writeFlags writes a group's flags, separated by "; ": its
// contradiction, corroboration and why it is unsupported. num is scratch
// for numbers, returned for reuse.
func writeFlags(w *bufio.Writer, g *compare.Group, num []byte) []byte {
	sep := ""
	flag := func(s string) {
		w.WriteString(sep)
		w.WriteString(s)
		sep = "; "
	}
	if c := g.Contradiction; c != nil {
		flag("**contradiction**: ")
		for i, p := range c.Pairs {
			if i > 0 {
				w.WriteString("; ")
			}
			for j, f := range p {
				if j > 0 {
					w.WriteString(" vs ")
				}
				mdEscaper.WriteString(w, compare.SideLabel(f.Side))
				w.WriteByte(' ')
				num = compare.AppendRange(num[:0], f.Low, f.High)
				w.Write(num)
				w.WriteString(" (")
				mdEscaper.WriteString(w, f.Source)
				w.WriteByte(')')
			}
		}
	}
	if g.Corroborated {
		flag("corroborated by ")
		for i, s := range g.CorroboratedBy {
			if i > 0 {
				w.WriteString(", ")
			}
			mdEscaper.WriteString(w, s)
		}
	}
	switch g.UnsupportedReason {
	case compare.SingleSource:
		flag("unsupported: single source")
	case compare.NoEvidence:
		flag("unsupported: no evidence given")
	}
	return num
}

func writeSilences(w *bufio.Writer, silences []compare.Silence) {
	w.WriteString("\n## Silences\n\nWhat other sides and independent sources report that a side's sources never mention in the same period.\n")
	silences = slices.Clone(silences)
	slices.SortStableFunc(silences, func(a, b compare.Silence) int { return strings.Compare(string(a.Side), string(b.Side)) })
	for i, s := range silences {
		if i == 0 || s.Side != silences[i-1].Side {
			fmt.Fprintf(w, "\n### %s sources are silent about\n\n", Escape(string(s.Side)))
		}
		fmt.Fprintf(w, "- %s\n", SilenceText(s))
	}
}

// SilenceText describes a silence in one line of Markdown.
func SilenceText(s compare.Silence) string {
	by := strings.Join(s.ReportedBy, ", ")
	if len(s.Sources) > 0 {
		by += " (" + strings.Join(s.Sources, ", ") + ")"
	}
	ev := EventTitle(s.Event)
	switch s.Kind {
	case compare.SilentEvent:
		return fmt.Sprintf("the event %s, reported by %s", Escape(ev), Escape(by))
	case compare.SilentAccusation:
		return fmt.Sprintf("the accusation by %s against %s (%s), never answered", Escape(by), Escape(string(s.About)), Escape(ev))
	}
	return fmt.Sprintf("**%s**: no figure; reported by %s (%s)", Escape(compare.What(s.Metric, s.Unit, s.About)), Escape(by), Escape(ev))
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"|", `\|`, "#", `\#`, "\n", " ", "\r", " ",
)

// Escape makes text from articles safe inside a line of Markdown (a table
// cell, a heading, a list item): it cannot open markup, links or HTML.
func Escape(s string) string { return mdEscaper.Replace(s) }

// MarkdownTimeline writes the timeline as a Markdown list: one item per
// event with its parties, each side's latest figures, sources and notes.
func MarkdownTimeline(w io.Writer, entries []compare.Entry) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# Timeline\n")
	if len(entries) == 0 {
		bw.WriteString("\nNo events.\n")
	}
	for _, e := range entries {
		ev := e.Event
		fmt.Fprintf(bw, "\n- **%s** (`%s`)", Escape(EventTitle(ev)), ev.ID)
		if len(ev.Actors) > 0 {
			as := make([]string, len(ev.Actors))
			for i, a := range ev.Actors {
				as[i] = string(a)
			}
			fmt.Fprintf(bw, ", parties %s", Escape(strings.Join(as, ", ")))
		}
		fmt.Fprintf(bw, ", %d %s\n", ev.Documents, plural(ev.Documents, "document", "documents"))
		for _, f := range e.Figures {
			fmt.Fprintf(bw, "  - %s according to %s: %s (%s, %s)\n", Escape(compare.What(f.Metric, f.Unit, f.About)),
				Escape(compare.SideLabel(f.Side)), compare.FormatRange(f.Low, f.High), Escape(f.Source), f.Published)
		}
		if len(e.Sources) > 0 {
			fmt.Fprintf(bw, "  - sources: %s\n", Escape(strings.Join(e.Sources, ", ")))
		}
		for _, n := range e.Notes {
			fmt.Fprintf(bw, "  - %s\n", Escape(n))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing Markdown: %w", err)
	}
	return nil
}
