package compare

import (
	"slices"
	"testing"

	"github.com/parallaxnews/parallax/doc"
	"github.com/parallaxnews/parallax/entity"
)

// clashRecords builds a small hand-made corpus about one border clash
// (14–17 September 2022, Batken) and an earlier one (April 2021), with
// evolving tolls, a relayed figure, a rival figure and a silence.
func clashRecords() []Record {
	batken := &doc.Geo{Lat: 40.06, Lon: 70.82, Country: "KG", Admin1: "Batken"}
	kokTash := &doc.Geo{Lat: 39.95, Lon: 70.7, Country: "KG", Admin1: "Batken"}
	isfara := &doc.Geo{Lat: 40.12, Lon: 70.63, Country: "TJ", Admin1: "Sughd"}
	clash := func(from, to string, places ...Place) *Event {
		return &Event{ID: "v1", Type: "armed_clash", From: from, To: to, Dated: true, Places: places, Actors: []doc.Party{"KG", "TJ"}}
	}
	f := doc.Float
	var rs []Record
	add := func(docID, outlet, pub string, ev *Event, rr ...Record) {
		for i, r := range rr {
			r.Document, r.Outlet, r.Published, r.Event = docID, outlet, pub, ev
			r.Start = i * 100
			if r.Evidence == "" {
				r.Evidence = doc.EvidenceUnknown
			}
			rs = append(rs, r)
		}
	}
	fig := func(metric string, about, side doc.Party, speaker string, low, high *float64) Record {
		return Record{Metric: metric, About: about, Side: side, Speaker: speaker, Low: low, High: high}
	}
	// 2021: a separate event.
	add("kg-2021", "KRIB", "2021-04-30", clash("2021-04-29", "2021-04-30", Place{"Kok-Tash", kokTash}),
		fig("killed", "KG", "KG", "Health Ministry", f(31), f(31)))
	// 2022.
	add("kg-0916", "KRIB", "2022-09-16", clash("2022-09-14", "2022-09-16", Place{"Batken", batken}),
		fig("killed", "KG", "KG", "Health Ministry", f(24), f(24)),
		fig("injured", "KG", "KG", "Health Ministry", f(87), f(87)))
	add("kg-0917", "Batken Herald", "2022-09-17", clash("2022-09-14", "2022-09-17", Place{"Kok-Tash", kokTash}),
		fig("killed", "KG", "KG", "Health Ministry", f(31), f(31)),
		fig("killed", "KG", "KG", "Health Ministry", f(36), f(36)),
		fig("killed", "KG", "KG", "Health Ministry", f(9), f(9)), // a part, smaller
		fig("displaced", "KG", "KG", "Emergencies Ministry", f(136000), nil))
	add("tj-0918", "Dushanbe Evening Post", "2022-09-18", clash("2022-09-15", "2022-09-17", Place{"Isfara", isfara}, Place{"Batken", batken}),
		fig("killed", "TJ", "TJ", "Sughd administration", f(35), nil),
		Record{Metric: "killed", About: "KG", Side: "TJ", Speaker: "State Committee", Low: f(100), Evidence: doc.EvidenceNoneGiven})
	add("tj-0924", "Sughd Tribune", "2022-09-24", clash("2022-09-14", "2022-09-16", Place{"Isfara", isfara}),
		fig("killed", "TJ", "TJ", "Sughd administration", f(41), f(41)))
	add("io-0926", "Peace Observatory", "2022-09-26", clash("2022-09-14", "2022-09-17", Place{"Batken", batken}, Place{"Isfara", isfara}),
		fig("killed", "KG", "", "", f(59), f(59)),
		fig("killed", "TJ", "", "", f(41), f(41)),
		Record{Metric: "displaced", About: "KG", Approx: doc.ApproxAbout, Low: f(137000), High: f(137000)})
	// A figure dated only by publication, without an event: joins the clash.
	add("kg-1006", "KRIB", "2022-10-06", nil,
		fig("killed", "KG", "KG", "Health Ministry", f(59), f(59)),
		fig("injured", "KG", "KG", "Health Ministry", f(183), f(183)))
	// An accusation against KG by TJ, never answered.
	acc := &Event{ID: "v2", Type: "accusation", From: "2022-09-20", To: "2022-09-20", Dated: true, Actors: []doc.Party{"TJ", "KG"}}
	add("tj-0920", "Dushanbe Evening Post", "2022-09-20", acc, Record{Side: "TJ"})
	return rs
}

func findGroup(t *testing.T, r Report, from, metric string, about doc.Party) Group {
	t.Helper()
	for _, g := range r.Groups {
		if g.Event.From == from && g.Metric == metric && g.About == about {
			return g
		}
	}
	t.Fatalf("no group %s %s %s in %d groups", from, metric, about, len(r.Groups))
	return Group{}
}

func TestCompareGroupsEvents(t *testing.T) {
	rep := Compare(clashRecords(), Options{})
	events := map[string]EventInfo{}
	for _, g := range rep.Groups {
		events[g.Event.ID] = g.Event
	}
	if len(events) != 2 {
		t.Fatalf("got %d events with figures, want 2 (2021, 2022): %v", len(events), events)
	}
	ev := findGroup(t, rep, "2022-09-14", "killed", "KG").Event
	if ev.ID != "2022-09-14-armed_clash-batken" || ev.To != "2022-09-17" || ev.Documents != 6 || ev.Admin1 != "Batken" {
		t.Errorf("event = %+v", ev)
	}
	if !slices.Equal(ev.Actors, []doc.Party{"KG", "TJ"}) {
		t.Errorf("actors = %v", ev.Actors)
	}
}

func TestCompareFigures(t *testing.T) {
	rep := Compare(clashRecords(), Options{})
	tests := []struct {
		name          string
		metric        string
		about         doc.Party
		figures       map[string]float64 // source → latest low
		history       map[string]int     // source → earlier figures
		contradiction []string
		corroborated  bool
		unsupported   string
	}{
		{
			name: "evolving toll, one figure per source, rival figure", metric: "killed", about: "KG",
			figures:       map[string]float64{"Health Ministry": 59, "State Committee": 100, "Peace Observatory": 59},
			history:       map[string]int{"Health Ministry": 2}, // 24, 36 (31 → 36 within a day is one document)
			contradiction: []string{"KG", "TJ", "independent"},
			corroborated:  true,
		},
		{
			name: "side and independent agree", metric: "killed", about: "TJ",
			figures:      map[string]float64{"Sughd administration": 41, "Peace Observatory": 41},
			history:      map[string]int{"Sughd administration": 1},
			corroborated: true,
		},
		{
			name: "about figures overlap", metric: "displaced", about: "KG",
			figures:      map[string]float64{"Emergencies Ministry": 136000, "Peace Observatory": 137000},
			corroborated: true,
		},
		{
			name: "single source", metric: "injured", about: "KG",
			figures:     map[string]float64{"Health Ministry": 183},
			history:     map[string]int{"Health Ministry": 1},
			unsupported: SingleSource,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := findGroup(t, rep, "2022-09-14", tt.metric, tt.about)
			got := map[string]float64{}
			for _, f := range g.Figures {
				if _, dup := got[f.Source]; dup {
					t.Errorf("source %s counted twice", f.Source)
				}
				got[f.Source] = *f.Low
				if n := len(f.History); n != tt.history[f.Source] {
					t.Errorf("%s: %d earlier figures %+v, want %d", f.Source, n, f.History, tt.history[f.Source])
				}
			}
			if len(got) != len(tt.figures) {
				t.Errorf("figures = %v, want %v", got, tt.figures)
			}
			for s, v := range tt.figures {
				if got[s] != v {
					t.Errorf("%s: latest %v, want %v", s, got[s], v)
				}
			}
			var sides []string
			if g.Contradiction != nil {
				sides = slices.Sorted(slices.Values(g.Contradiction.Sides))
			}
			if !slices.Equal(sides, tt.contradiction) {
				t.Errorf("contradiction sides = %v, want %v", sides, tt.contradiction)
			}
			if g.Corroborated != tt.corroborated {
				t.Errorf("corroborated = %v (%v), want %v", g.Corroborated, g.CorroboratedBy, tt.corroborated)
			}
			if g.UnsupportedReason != tt.unsupported || g.Unsupported != (tt.unsupported != "") {
				t.Errorf("unsupported = %v %q, want %q", g.Unsupported, g.UnsupportedReason, tt.unsupported)
			}
		})
	}
}

func TestCompareEventFilter(t *testing.T) {
	rs := clashRecords()
	rep := Compare(rs, Options{Event: "2021-04-29-armed_clash-kok_tash"})
	if len(rep.Groups) != 1 || *rep.Groups[0].Figures[0].Low != 31 {
		t.Fatalf("groups = %+v", rep.Groups)
	}
	if rep := Compare(rs, Options{From: "2022-01-01"}); len(rep.Groups) == 0 || rep.Groups[0].Event.From < "2022" {
		t.Errorf("period filter kept %+v", rep.Groups[0].Event)
	}
	if rep := Compare(nil, Options{}); rep.Groups == nil || rep.Silences == nil {
		t.Error("empty report must have empty lists, not nil")
	}
}

func TestSilences(t *testing.T) {
	rs := clashRecords()
	type item struct {
		kind, metric string
		about        doc.Party
	}
	tests := []struct {
		side, vs doc.Party
		want     []item
	}{
		{side: "TJ", want: []item{
			{SilentFigure, "injured", "KG"},
			{SilentFigure, "displaced", "KG"},
		}},
		{side: "KG", want: []item{
			{SilentFigure, "killed", "TJ"},
			{SilentEvent, "", ""}, // the accusation event of 20 September
			{SilentAccusation, "", "KG"},
		}},
		{side: "KG", vs: "XX", want: []item{
			{SilentFigure, "killed", "TJ"}, // reported by independent sources
		}},
		{side: "RU", vs: "TJ", want: nil}, // no source of its own: absent, not silent
	}
	for _, tt := range tests {
		t.Run(string(tt.side)+"-"+string(tt.vs), func(t *testing.T) {
			var got []item
			for _, s := range Silences(rs, tt.side, tt.vs) {
				if s.Event.From < "2022" {
					continue
				}
				if s.Side != tt.side || len(s.ReportedBy) == 0 {
					t.Errorf("bad silence %+v", s)
				}
				got = append(got, item{s.Kind, s.Metric, s.About})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("silences = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDeniedFigureIsNoSilence checks that a side that denies a figure
// is not silent about it.
func TestDeniedFigureIsNoSilence(t *testing.T) {
	rs := clashRecords()
	silent := func(rs []Record) bool {
		for _, s := range Silences(rs, "TJ", "") {
			if s.Kind == SilentFigure && s.Metric == "injured" && s.About == "KG" && s.Event.From >= "2022" {
				return true
			}
		}
		return false
	}
	if !silent(rs) {
		t.Fatal("TJ is not silent about the Kyrgyz wounded to begin with")
	}
	i := slices.IndexFunc(rs, func(r Record) bool { return r.Metric == "injured" && r.About == "KG" && r.Side == "KG" })
	d := rs[i]
	d.Document, d.Claim, d.DeniedBy = "tj-denial", "c1", "TJ" // "Dushanbe rejected Bishkek's figure of …"
	if silent(append(rs, d)) {
		t.Error("TJ denies the Kyrgyz figure of the wounded, yet is silent about it")
	}
}

// TestFigureDeniedBy checks that a source's latest figure says which
// party denies it, and an earlier figure's denial does not carry over.
func TestFigureDeniedBy(t *testing.T) {
	rs := clashRecords()
	i := slices.IndexFunc(rs, func(r Record) bool { return r.Metric == "injured" && r.About == "KG" && r.Side == "KG" })
	d := rs[i]
	d.Document, d.Claim, d.Published, d.DeniedBy = "kg-late", "c1", "2022-10-10", "TJ" // "Dushanbe called the figure a lie"
	d.Low, d.High = doc.Float(250), doc.Float(250)
	deniedBy := func(rs []Record) map[float64]doc.Party {
		out := map[float64]doc.Party{}
		for _, g := range Compare(rs, Options{}).Groups {
			if g.Metric != "injured" || g.About != "KG" {
				continue
			}
			for _, f := range g.Figures {
				if f.Source == d.Speaker {
					out[*f.Low] = f.DeniedBy
				}
			}
		}
		return out
	}
	if got := deniedBy(append(slices.Clone(rs), d)); got[250] != "TJ" {
		t.Errorf("latest figures %v, want 250 denied by TJ", got)
	}
	d.Published = "2022-09-01" // now the earlier one
	for v, p := range deniedBy(append(slices.Clone(rs), d)) {
		if p != "" {
			t.Errorf("latest figure %v denied by %s: the denial was of an earlier one", v, p)
		}
	}
}

// TestUnclaimedDenialIsNoFigure checks that a figure a side denies and no
// one named claims ("Tajik officials dismissed reports that 300 Tajik
// soldiers died") is nobody's figure, while the side that denies it
// still speaks of it.
func TestUnclaimedDenialIsNoFigure(t *testing.T) {
	rs := clashRecords()
	i := slices.IndexFunc(rs, func(r Record) bool { return r.Metric == "killed" && r.About == "TJ" })
	d := rs[i]
	d.Document, d.Claim, d.Outlet, d.Side, d.Speaker, d.Hedged, d.DeniedBy = "tj-denial", "c1", "Khovar", "", "", true, "TJ"
	d.Low, d.High = doc.Float(300), doc.Float(300)
	for _, g := range Compare(append(rs, d), Options{}).Groups {
		for _, f := range g.Figures {
			if f.Low != nil && *f.Low == 300 {
				t.Errorf("the denied 300 is a figure of %q in %s %s", f.Source, g.Metric, g.About)
			}
		}
	}
}

// TestSilencesOfOtherConflicts checks that a corpus that also reports
// another conflict does not make the sides of one silent about the other.
func TestSilencesOfOtherConflicts(t *testing.T) {
	rs := clashRecords()
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-13", To: "2022-09-14", Dated: true,
		Places: []Place{{"Jermuk", &doc.Geo{Lat: 39.84, Lon: 45.67, Country: "AM"}}}, Actors: []doc.Party{"AM", "AZ"}}
	for i, r := range []Record{
		{Metric: "killed", About: "AM", Side: "AM", Speaker: "Defence Ministry", Low: doc.Float(49), High: doc.Float(49)},
		{Metric: "killed", About: "AZ", Side: "AZ", Speaker: "Defence Ministry", Low: doc.Float(50), High: doc.Float(50)},
	} {
		r.Document, r.Outlet, r.Published, r.Event, r.Evidence = "am-0914-"+string(r.Side), "Caucasus Wire", "2022-09-14", ev, doc.EvidenceUnknown
		r.Start = i * 100
		rs = append(rs, r)
	}
	conflict := map[doc.Party][]doc.Party{"KG": {"KG", "TJ"}, "TJ": {"KG", "TJ"}, "AM": {"AM", "AZ"}}
	for side, parties := range conflict {
		for _, s := range Silences(rs, side, "") {
			if len(s.Event.Actors) > 0 && !slices.ContainsFunc(s.Event.Actors, func(p doc.Party) bool { return slices.Contains(parties, p) }) {
				t.Errorf("%s silent about another conflict: %+v", side, s)
			}
		}
	}
	if got := Silences(rs, "AM", ""); len(got) != 1 || got[0].Metric != "killed" || got[0].About != "AZ" {
		t.Errorf("AM silences = %+v, want the AZ toll alone", got)
	}
}

func TestTimeline(t *testing.T) {
	tl := Timeline(clashRecords())
	if len(tl) != 3 {
		t.Fatalf("%d entries, want 3: %+v", len(tl), tl)
	}
	if tl[0].Event.From != "2021-04-29" || tl[1].Event.From != "2022-09-14" || tl[2].Event.Type != "accusation" {
		t.Errorf("order: %s %s %s", tl[0].Event.ID, tl[1].Event.ID, tl[2].Event.ID)
	}
	if len(tl[1].Notes) != 1 || len(tl[1].Sources) != 5 {
		t.Errorf("notes %q sources %q", tl[1].Notes, tl[1].Sources)
	}
}

func TestRecordsFromAnalysis(t *testing.T) {
	a := doc.NewAnalysis(doc.Document{ID: "d1", Outlet: "Wire", Published: "2022-09-16", Text: "x"})
	a.Entities = []doc.Entity{
		{ID: "e1", Kind: doc.KindOrganization, Name: "Health Ministry", Side: "KG"},
		{ID: "e2", Kind: doc.KindPlace, Name: "Batken", Geo: &doc.Geo{Lat: 40, Lon: 70, Admin1: "Batken"}},
		{ID: "e3", Kind: doc.KindOutlet, Name: "Wire", Side: "XX"},
	}
	a.Events = []doc.Event{
		{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Places: []string{"e2"}, Claims: []string{"c1"}, DateSource: doc.DateFromText},
		{ID: "v2", Type: "meeting", From: "2022-09-16", To: "2022-09-16", DateSource: doc.DateFromPublished},
	}
	a.Claims = []doc.Claim{
		{ID: "c1", Metric: "killed", Low: doc.Float(24), High: doc.Float(24), About: "KG", Speaker: "e1", Side: "KG", Event: "v1", Via: []string{"Wire"}},
		{ID: "c2", Metric: "killed", Low: doc.Float(6), High: doc.Float(6), About: "KG", Event: "v1", Breakdown: "c1"},
	}
	rs := RecordsFromAnalysis(a)
	if len(rs) != 3 {
		t.Fatalf("%d records, want 3", len(rs))
	}
	r := rs[0]
	if r.Speaker != "Health Ministry" || r.Side != "KG" || r.Event == nil || !r.Event.Dated || r.Event.Places[0].Geo.Admin1 != "Batken" || r.Published != "2022-09-16" {
		t.Errorf("record = %+v", r)
	}
	if !rs[1].Breakdown || rs[1].Side != "XX" {
		t.Errorf("a claim without speaker takes the outlet's side; a part is a breakdown: %+v", rs[1])
	}
	if rs[2].Metric != "" || rs[2].Event.Dated || rs[2].Event.Type != "meeting" {
		t.Errorf("event-only record = %+v", rs[2])
	}
}

func TestParseSpan(t *testing.T) {
	tests := []struct {
		in       string
		from, to string
		ok       bool
	}{
		{"2022-09-14", "2022-09-14", "2022-09-14", true},
		{"2024-02", "2024-02-01", "2024-02-29", true},
		{"2021", "2021-01-01", "2021-12-31", true},
		{"1950-01-01", "1950-01-01", "1950-01-01", true},
		{"2022-13-01", "", "", false},
		{"2022-02-30", "", "", false},
		{"22-09-14", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		f, l, ok := parseSpan(tt.in)
		if ok != tt.ok || f.String() != tt.from || l.String() != tt.to {
			t.Errorf("parseSpan(%q) = %s, %s, %v; want %s, %s, %v", tt.in, f, l, ok, tt.from, tt.to, tt.ok)
		}
	}
}

func FuzzParseSpan(f *testing.F) {
	for _, s := range []string{"2022-09-14", "2024-02", "2021", "0000-01-01", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, ok := parseSpan(s)
		if !ok {
			return
		}
		if b < a {
			t.Fatalf("%q: last %s before first %s", s, b, a)
		}
		if len(s) == 10 && a.String() != s {
			t.Fatalf("%q round-trips to %q", s, a.String())
		}
	})
}

func TestFormatRange(t *testing.T) {
	f := doc.Float
	tests := []struct {
		low, high *float64
		want      string
	}{
		{f(59), f(59), "59"},
		{f(142000), nil, "at least 142,000"},
		{nil, f(50), "up to 50"},
		{f(500), f(600), "500–600"},
		{f(1.5), f(1.5), "1.5"},
		{nil, nil, "unknown"},
	}
	for _, tt := range tests {
		if got := FormatRange(tt.low, tt.high); got != tt.want {
			t.Errorf("FormatRange = %q, want %q", got, tt.want)
		}
	}
}

func TestEvolvingTollIsNoContradiction(t *testing.T) {
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true}
	vague := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-01", To: "2022-09-30", Dated: true}
	old := &Event{ID: "v2", Type: "armed_clash", From: "2021-04-01", To: "2021-04-30", Dated: true}
	rec := func(d, pub string, e *Event, side doc.Party, speaker string, v float64) Record {
		return Record{Document: d, Outlet: d, Published: pub, Metric: "killed", About: "KG", Side: side, Speaker: speaker, Low: f(v), High: f(v), Event: e}
	}
	tests := []struct {
		name          string
		recs          []Record
		groups        int
		contradiction bool
	}{
		{"a lower count published earlier", []Record{rec("a", "2022-09-16", ev, "KG", "Ministry", 24), rec("b", "2022-09-26", ev, "", "", 59)}, 1, false},
		{"a lower count published later", []Record{rec("a", "2022-09-26", ev, "KG", "Ministry", 24), rec("b", "2022-09-16", ev, "TJ", "", 59)}, 1, true},
		{"the same day", []Record{rec("a", "2022-09-16", ev, "KG", "Ministry", 24), rec("b", "2022-09-16", ev, "TJ", "", 59)}, 1, true},
		{"a higher count the next day", []Record{rec("a", "2022-09-16", ev, "KG", "Ministry", 31), rec("b", "2022-09-17", ev, "", "", 34)}, 1, false},
		{"several times higher the next day", []Record{rec("a", "2022-09-19", ev, "KG", "Ministry", 59), rec("b", "2022-09-20", ev, "TJ", "", 200)}, 1, true},
		{"a month joins the event within it", []Record{rec("a", "2022-09-16", ev, "KG", "Ministry", 24), rec("b", "2022-09-16", vague, "TJ", "", 24)}, 1, false},
		{"a month elsewhere is another event", []Record{rec("a", "2022-09-16", ev, "KG", "Ministry", 24), rec("b", "2022-09-16", old, "TJ", "", 31)}, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Compare(tt.recs, Options{})
			if len(rep.Groups) != tt.groups {
				t.Fatalf("%d groups, want %d", len(rep.Groups), tt.groups)
			}
			if got := rep.Groups[0].Contradiction != nil; got != tt.contradiction {
				t.Errorf("contradiction = %v, want %v", got, tt.contradiction)
			}
		})
	}
}

func TestSourceIdentity(t *testing.T) {
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true}
	rec := func(d, pub string, side doc.Party, speaker string, v float64) Record {
		return Record{Document: d, Outlet: "Wire " + d, Published: pub, Metric: "killed", About: "KG", Side: side,
			Speaker: speaker, Low: f(v), High: f(v), Event: ev}
	}
	tests := []struct {
		name    string
		recs    []Record
		sources int
		source  string // the latest figure's source name, when not ""
	}{
		{"case folded", []Record{rec("a", "2022-09-15", "KG", "Health Ministry", 24), rec("b", "2022-09-16", "KG", "health ministry", 31)}, 1, ""},
		{"non-ASCII case folded", []Record{rec("a", "2022-09-15", "KG", "Минздрав", 24), rec("b", "2022-09-16", "KG", "МИНЗДРАВ", 31)}, 1, ""},
		{"one letter apart", []Record{rec("a", "2022-09-15", "KG", "Speaker 1", 24), rec("b", "2022-09-16", "KG", "Speaker 2", 31)}, 2, ""},
		{"same name, other side", []Record{rec("a", "2022-09-15", "KG", "Border Service", 24), rec("b", "2022-09-16", "TJ", "Border Service", 31)}, 2, ""},
		{"a document without outlet or speaker is its own source", []Record{
			{Document: "0e00", Published: "2022-09-15", Metric: "killed", About: "KG", Low: f(24), High: f(24), Event: ev},
			{Document: "0e01", Published: "2022-09-16", Metric: "killed", About: "KG", Low: f(31), High: f(31), Event: ev}}, 2, ""},
		{"side and name do not run together", []Record{rec("a", "2022-09-15", "KG", "X", 24), rec("b", "2022-09-16", "K", "GX", 31)}, 2, ""},
		{"one ministry worded two ways", []Record{rec("a", "2022-09-15", "KG", "Ministry of Health of Kyrgyzstan", 24), rec("b", "2022-09-16", "KG", "Kyrgyz Health Ministry", 31)}, 1, "Ministry of Health of Kyrgyzstan"},
		{"the country left out", []Record{rec("a", "2022-09-15", "KG", "Health Ministry", 24), rec("b", "2022-09-16", "KG", "the Kyrgyz Republic's Health Ministry", 31)}, 1, "the Kyrgyz Republic's Health Ministry"},
		{"two ministries", []Record{rec("a", "2022-09-15", "KG", "Ministry of Health", 24), rec("b", "2022-09-16", "KG", "Ministry of Emergency Situations", 31)}, 2, ""},
		{"a ministry's press service", []Record{rec("a", "2022-09-15", "KG", "press service of the Kyrgyz health ministry", 24), rec("b", "2022-09-16", "KG", "Kyrgyzstan's health ministry", 31)}, 1, ""},
		{"a press service in Russian", []Record{rec("a", "2022-09-15", "KG", "пресс-служба Министерства здравоохранения", 24), rec("b", "2022-09-16", "KG", "Министерство здравоохранения", 31)}, 1, ""},
		{"the information of a ministry", []Record{rec("a", "2022-09-15", "KG", "updated information from the Ministry of Health", 24), rec("b", "2022-09-16", "KG", "Ministry of Health", 31)}, 1, ""},
		{"the border service is no press service", []Record{rec("a", "2022-09-15", "KG", "Border Service", 24), rec("b", "2022-09-16", "KG", "Health Ministry", 31)}, 2, ""},
		{"independent sources keep their country", []Record{rec("a", "2022-09-15", "", "Kyrgyz Red Crescent", 24), rec("b", "2022-09-16", "", "Tajik Red Crescent", 31)}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Compare(tt.recs, Options{})
			if len(rep.Groups) != 1 {
				t.Fatalf("%d groups, want 1", len(rep.Groups))
			}
			figs := rep.Groups[0].Figures
			if len(figs) != tt.sources {
				t.Fatalf("%d sources %+v, want %d", len(figs), figs, tt.sources)
			}
			for _, fg := range figs {
				if fg.Source == "" || fg.Speaker == "" && fg.Outlet == "" && fg.Source != "document "+fg.Document {
					t.Errorf("figure of %s credited to %q", fg.Document, fg.Source)
				}
			}
			if tt.source != "" && figs[0].Source != tt.source {
				t.Errorf("source named %q, want %q", figs[0].Source, tt.source)
			}
			if tt.sources == 1 && (*figs[0].Low != 31 || len(figs[0].History) != 1) {
				t.Errorf("latest %v with %d earlier, want 31 after 24", *figs[0].Low, len(figs[0].History))
			}
		})
	}
}

// A region without coordinates ("Central Asia") does not name an event
// that also happened at a place on the map.
func TestEventNamedAfterLocatedPlace(t *testing.T) {
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2021-04-28", To: "2021-04-29", Dated: true,
		Places: []Place{{Name: "Central Asia"}, {Name: "Central Asia"}, {Name: "Kok-Tash", Geo: &doc.Geo{Lat: 39.95, Lon: 70.7, Country: "KG"}}}}
	rep := Compare([]Record{{Document: "a", Published: "2021-04-30", Metric: "killed", About: "KG", Low: doc.Float(31), Event: ev}}, Options{})
	if len(rep.Groups) != 1 {
		t.Fatalf("%d groups", len(rep.Groups))
	}
	if e := rep.Groups[0].Event; e.ID != "2021-04-28-armed_clash-kok_tash" || e.Places[0] != "Kok-Tash" || e.Lat == nil {
		t.Errorf("event %s at %v (lat %v), want it named after Kok-Tash", e.ID, e.Places, e.Lat)
	}
}

func TestWhat(t *testing.T) {
	tests := []struct {
		metric string
		unit   string
		about  doc.Party
		want   string
	}{
		{"killed", "", "KG", "killed (KG)"},
		{"buildings_destroyed", "", "KG", "buildings destroyed (KG)"},
		{"area_km2", "", "", "area in km²"},
		{"", "", "TJ", "event (TJ)"},
		{"military_losses", "tank", "TJ", "military losses: tank (TJ)"},
		{"killed", "people", "KG", "killed (KG)"},
		{"killed", "civilians", "TJ", "killed: civilians (TJ)"},
	}
	for _, tt := range tests {
		if got := What(tt.metric, tt.unit, tt.about); got != tt.want {
			t.Errorf("What(%q, %q, %q) = %q, want %q", tt.metric, tt.unit, tt.about, got, tt.want)
		}
	}
}

// TestUnlocatedPlacesJoin checks that places the gazetteer does not put
// in a country ("Central Asia") do not keep an occurrence apart, while two
// located places with nothing in common still make two events.
func TestUnlocatedPlacesJoin(t *testing.T) {
	f := doc.Float
	batken := Place{"Batken", &doc.Geo{Country: "KG", Admin1: "Batken"}}
	chui := Place{"Tokmok", &doc.Geo{Country: "KG", Admin1: "Chui"}}
	region := Place{Name: "Central Asia"}
	clash := func(pub string, places ...Place) *Event {
		return &Event{ID: "v1", Type: "armed_clash", From: pub, To: pub, Places: places, Actors: []doc.Party{"KG", "TJ"}}
	}
	rec := func(d, pub string, e *Event, side doc.Party, v float64) Record {
		return Record{Document: d, Outlet: d, Published: pub, Metric: "killed", About: "KG", Side: side, Speaker: "Ministry", Low: f(v), High: f(v), Event: e}
	}
	tests := []struct {
		name   string
		recs   []Record
		groups int
	}{
		{"a region without a country joins", []Record{rec("a", "2022-09-18", clash("2022-09-18", batken), "KG", 59), rec("b", "2022-09-19", clash("2022-09-19", region), "TJ", 100)}, 1},
		{"no places joins", []Record{rec("a", "2022-09-18", clash("2022-09-18", batken), "KG", 59), rec("b", "2022-09-19", clash("2022-09-19"), "TJ", 100)}, 1},
		{"located places apart stay apart", []Record{rec("a", "2022-09-18", clash("2022-09-18", batken), "KG", 59), rec("b", "2022-09-19", clash("2022-09-19", chui), "TJ", 100)}, 2},
		// "a month after their worst border fighting": an undated report
		// 27 days after the clash is of it, one 45 days after is not.
		{"an undated report a month after joins", []Record{rec("a", "2022-09-17", clash("2022-09-17", batken), "KG", 59), rec("b", "2022-10-14", nil, "KG", 63)}, 1},
		{"an undated report six weeks after stays apart", []Record{rec("a", "2022-09-17", clash("2022-09-17", batken), "KG", 59), rec("b", "2022-11-01", nil, "KG", 63)}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if rep := Compare(tt.recs, Options{}); len(rep.Groups) != tt.groups {
				t.Errorf("%d groups, want %d", len(rep.Groups), tt.groups)
			}
		})
	}
}

// TestAcrossTheBorderJoins checks that each side's report of one clash,
// naming the places on its own side of the border, is one event when the
// places are near, and that proximity does not chain events within a
// country.
func TestAcrossTheBorderJoins(t *testing.T) {
	f := doc.Float
	place := func(name string, lat, lon float64, country, admin1 string) Place {
		return Place{name, &doc.Geo{Lat: lat, Lon: lon, Country: country, Admin1: admin1}}
	}
	var (
		batken   = place("Batken", 40.063, 70.819, "KG", "Batken")
		leilek   = place("Leilek District", 39.839, 69.528, "KG", "Batken-West")
		kadamjay = place("Kadamjay", 40.13, 71.72, "KG", "Kadamjay")
		isfara   = place("Isfara", 40.126, 70.625, "TJ", "Sughd")
		ovchi    = place("Ovchi-Kalacha", 40.244, 69.682, "TJ", "Sughd")
		khorog   = place("Khorog", 37.49, 71.55, "TJ", "GBAO")
	)
	clash := func(day string, places ...Place) *Event {
		return &Event{ID: "v1", Type: "armed_clash", From: day, To: day, Dated: true, Places: places, Actors: []doc.Party{"KG", "TJ"}}
	}
	rec := func(d string, e *Event, side doc.Party, v float64) Record {
		return Record{Document: d, Outlet: d, Published: "2022-09-18", Metric: "killed", About: "KG", Side: side, Low: f(v), High: f(v), Event: e}
	}
	tests := []struct {
		name   string
		recs   []Record
		events int
	}{
		{"each side's villages, 16 km apart", []Record{rec("kg", clash("2022-09-14", batken), "KG", 59), rec("tj", clash("2022-09-14", isfara), "TJ", 200)}, 1},
		{"98 km apart", []Record{rec("kg", clash("2022-09-14", batken), "KG", 59), rec("tj", clash("2022-09-14", ovchi), "TJ", 200)}, 1},
		{"across, but far", []Record{rec("kg", clash("2022-09-14", batken), "KG", 59), rec("tj", clash("2022-09-14", khorog), "TJ", 200)}, 2},
		{"near, but in one country", []Record{rec("a", clash("2022-09-14", batken), "KG", 59), rec("b", clash("2022-09-14", kadamjay), "KG", 60)}, 2},
		// The event of Batken and Isfara holds both countries already:
		// Leilek, 99 km from Isfara, does not join it by proximity.
		{"no chains", []Record{rec("a", clash("2022-09-14", batken, isfara), "", 59), rec("b", clash("2022-09-14", leilek), "KG", 60)}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := map[string]bool{}
			for _, g := range Compare(tt.recs, Options{}).Groups {
				ids[g.Event.ID] = true
			}
			if len(ids) != tt.events {
				t.Errorf("%d events, want %d", len(ids), tt.events)
			}
		})
	}
}

// TestSidesAreParties checks that an outlet abroad (a side that is no
// actor of any event) gives figures but has no silences of its own.
func TestSidesAreParties(t *testing.T) {
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true, Actors: []doc.Party{"KG", "TJ"}}
	rec := func(d string, side doc.Party, about doc.Party, v float64) Record {
		return Record{Document: d, Outlet: d, Published: "2022-09-17", Metric: "killed", About: about, Side: side, Speaker: "Office " + d, Low: f(v), High: f(v), Event: ev}
	}
	recs := []Record{rec("kg", "KG", "KG", 46), rec("tj", "TJ", "TJ", 35), rec("us", "US", "KG", 59)}
	if got := New(recs).Sides(); !slices.Equal(got, []doc.Party{"KG", "TJ"}) {
		t.Errorf("sides = %v, want [KG TJ]", got)
	}
	for _, s := range Compare(recs, Options{}).Silences {
		if s.Side == "US" {
			t.Errorf("a silence of US, no party: %+v", s)
		}
	}
}

// TestCountedKindsApart checks that figures of things of different kinds
// (tanks, drones) are different groups, and that the same kind from two
// sides is one.
func TestCountedKindsApart(t *testing.T) {
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true, Actors: []doc.Party{"KG", "TJ"}}
	rec := func(d string, side doc.Party, unit string, v float64) Record {
		return Record{Document: d, Outlet: d, Published: "2022-09-17", Metric: "military_losses", Unit: unit, About: "TJ", Side: side,
			Speaker: "Office " + d, Low: f(v), High: f(v), Event: ev}
	}
	rep := Compare([]Record{rec("kg", "KG", "tank", 12), rec("kg", "KG", "drone", 4), rec("tj", "TJ", "Tank", 2)}, Options{})
	if len(rep.Groups) != 2 {
		t.Fatalf("%d groups, want 2 (tanks, drones)", len(rep.Groups))
	}
	for _, g := range rep.Groups {
		want := map[string]int{"tank": 2, "drone": 1}[g.Unit]
		if g.Metric != "military_losses" || len(g.Figures) != want {
			t.Errorf("group %s/%s has %d figures, want %d", g.Metric, g.Unit, len(g.Figures), want)
		}
		if g.Unit == "tank" && g.Contradiction == nil {
			t.Errorf("12 tanks against 2 tanks is no contradiction")
		}
	}
}

// TestOneBodyIsNoCorroboration checks that a wire abroad quoting a side's
// body, named otherwise, does not corroborate that body.
func TestOneBodyIsNoCorroboration(t *testing.T) {
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true, Actors: []doc.Party{"KG", "TJ"}}
	rec := func(d string, side doc.Party, speaker string) Record {
		return Record{Document: d, Outlet: "Outlet " + d, Published: "2022-09-19", Metric: "killed", About: "KG", Side: side,
			Speaker: speaker, Low: f(59), High: f(59), Event: ev}
	}
	tests := []struct {
		name         string
		other        Record
		corroborated bool
	}{
		{"the ministry, named by a wire", rec("wire", "", "Health Ministry"), false},
		{"the ministry, from a wire abroad", rec("wire", "RU", "the republic's Health Ministry"), false},
		{"another body", rec("ngo", "", "Red Crescent"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Compare([]Record{rec("kg", "KG", "Ministry of Health of Kyrgyzstan"), tt.other}, Options{})
			if len(rep.Groups) != 1 {
				t.Fatalf("%d groups", len(rep.Groups))
			}
			if got := rep.Groups[0].Corroborated; got != tt.corroborated {
				t.Errorf("corroborated = %v, want %v", got, tt.corroborated)
			}
		})
	}
}

// TestRussianNamesOfOneBody checks that the inflected Russian names of one
// body are one source, with its history, as its English names are.
func TestRussianNamesOfOneBody(t *testing.T) {
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true, Actors: []doc.Party{"KG", "TJ"}}
	recs := []Record{
		{Document: "a", Outlet: "A", Published: "2022-09-17", Metric: "killed", About: "KG", Side: "KG",
			Speaker: "в Министерстве здравоохранения Кыргызстана", Low: f(46), High: f(46), Event: ev},
		{Document: "b", Outlet: "B", Published: "2022-09-19", Metric: "killed", About: "KG", Side: "KG",
			Speaker: "Министерство здравоохранения Кыргызской Республики", Low: f(59), High: f(59), Event: ev},
	}
	rep := Compare(recs, Options{})
	if len(rep.Groups) != 1 {
		t.Fatalf("%d groups", len(rep.Groups))
	}
	figs := rep.Groups[0].Figures
	if len(figs) != 1 || *figs[0].Low != 59 || len(figs[0].History) != 1 {
		t.Errorf("figures %+v, want the ministry's 59 with 46 before it", figs)
	}
	if got, want := sourceKey("в Министерстве здравоохранения Кыргызстана", entity.CountryWords()),
		sourceKey("Министерство здравоохранения", nil); got != want {
		t.Errorf("sourceKey = %q, want %q", got, want)
	}
}

// TestOneDocumentIsNoCorroboration checks that an article of no known
// outlet does not corroborate the source it quotes with its own figure
// (a headline's toll and the ministry's in the text).
func TestOneDocumentIsNoCorroboration(t *testing.T) {
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true, Actors: []doc.Party{"KG", "TJ"}}
	recs := []Record{
		{Document: "d1", Published: "2022-09-19", Metric: "killed", About: "KG", Low: f(59), High: f(59), Event: ev},
		{Document: "d1", Published: "2022-09-19", Metric: "killed", About: "KG", Side: "KG", Speaker: "Ministry of Health of Kyrgyzstan",
			Low: f(59), High: f(59), Event: ev},
	}
	rep := Compare(recs, Options{})
	if len(rep.Groups) != 1 || len(rep.Groups[0].Figures) != 2 {
		t.Fatalf("groups %+v", rep.Groups)
	}
	if rep.Groups[0].Corroborated {
		t.Errorf("one document corroborates itself: %+v", rep.Groups[0])
	}
}

// TestThirdStatesAreIndependent checks that a source of a state that is
// no party to the event stands with the independent ones.
func TestThirdStatesAreIndependent(t *testing.T) {
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true, Actors: []doc.Party{"KG", "TJ"}}
	recs := []Record{
		{Document: "kg", Outlet: "KG Agency", Published: "2022-09-19", Metric: "killed", About: "KG", Side: "KG", Low: f(59), High: f(59), Event: ev},
		{Document: "us", Outlet: "US Weekly", Published: "2022-09-20", Metric: "killed", About: "KG", Side: "US", Low: f(100), High: f(100), Event: ev},
	}
	rep := Compare(recs, Options{})
	if len(rep.Groups) != 1 {
		t.Fatalf("%d groups", len(rep.Groups))
	}
	for _, fg := range rep.Groups[0].Figures {
		if fg.Outlet == "US Weekly" && fg.Side != "" {
			t.Errorf("the outlet abroad stands with side %q, want none", fg.Side)
		}
	}
	// An event without parties that only the outlet abroad reports: the
	// parties of the other events tell who is a party.
	truce := &Event{ID: "v2", Type: "ceasefire", From: "2022-09-16", To: "2022-09-16", Dated: true}
	recs = append(recs, Record{Document: "us2", Outlet: "US Weekly", Published: "2022-09-17", Side: "US", Event: truce})
	found := false
	for _, si := range Silences(recs, "KG", "") {
		if si.Kind == SilentEvent {
			found = true
			if !slices.Equal(si.ReportedBy, []string{"independent"}) {
				t.Errorf("the truce is reported by %v, want independent", si.ReportedBy)
			}
		}
	}
	if !found {
		t.Error("KG is not silent about the truce")
	}
}

// TestLookBack checks that a report published long after an event does
// not give a source's latest figure when reports of the time give one, and
// that a source only a look back quotes keeps its figure.
func TestLookBack(t *testing.T) {
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2021-04-29", To: "2021-05-01", Dated: true,
		Places: []Place{{"Kok-Tash", &doc.Geo{Lat: 39.95, Lon: 70.7, Country: "KG", Admin1: "Batken"}}}, Actors: []doc.Party{"KG", "TJ"}}
	rec := func(docID, pub, speaker string, n float64) Record {
		return Record{Document: docID, Outlet: "Wire", Published: pub, Event: ev, Metric: "killed", About: "KG", Side: "KG",
			Speaker: speaker, Low: doc.Float(n), High: doc.Float(n), Evidence: doc.EvidenceUnknown}
	}
	rs := []Record{
		rec("may-2021", "2021-05-04", "Health Ministry", 36),
		rec("retro-2022", "2022-09-18", "Health Ministry", 31),      // "April 30: the ministry puts the dead at 31"
		rec("retro-2022", "2022-09-18", "Emergencies Ministry", 40), // quoted only by the look back
	}
	g := findGroup(t, Compare(rs, Options{}), "2021-04-29", "killed", "KG")
	got := map[string]float64{}
	for _, f := range g.Figures {
		got[f.Source] = *f.Low
	}
	if got["Health Ministry"] != 36 || got["Emergencies Ministry"] != 40 {
		t.Errorf("latest figures %v, want the ministry's 36 of the time and the look back's 40", got)
	}
}

// TestPartsOfAToll checks that a figure of people of one kind (civilians,
// servicemen) or of one incident is a part of a toll of everyone: below
// it, no contradiction and no corroboration; above it, a contradiction;
// and a source's toll is its latest figure even when a later report of it
// counts one kind.
func TestPartsOfAToll(t *testing.T) {
	partial := func(r Record) Record { r.Partial = true; return r }
	more := func(r Record) Record { r.Increment = true; return r }
	f := doc.Float
	ev := &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-16", Dated: true, Actors: []doc.Party{"KG", "TJ"}}
	rec := func(d, pub string, side doc.Party, speaker, unit string, v float64) Record {
		return Record{Document: d, Outlet: d, Published: pub, Metric: "killed", Unit: unit, About: "KG", Side: side,
			Speaker: speaker, Low: f(v), High: f(v), Event: ev}
	}
	tests := []struct {
		name         string
		recs         []Record
		contradicted bool
		corroborated bool
	}{
		{"civilians below a toll", []Record{rec("kg", "2022-09-17", "KG", "Ministry", "", 59), rec("hrw", "2022-10-10", "", "Human Rights Watch", doc.KindCivilians, 10)}, false, false},
		{"servicemen above a toll", []Record{rec("kg", "2022-09-17", "KG", "Ministry", "", 59), rec("tj", "2022-09-18", "TJ", "Tajik officials", doc.KindServicemen, 200)}, true, false},
		{"a toll against a toll", []Record{rec("kg", "2022-09-17", "KG", "Ministry", "", 59), rec("tj", "2022-09-18", "TJ", "Tajik officials", "", 200)}, true, false},
		{"two kinds", []Record{rec("un", "2022-09-17", "", "UN", doc.KindCivilians, 10), rec("icrc", "2022-09-18", "", "ICRC", doc.KindServicemen, 40)}, false, false},
		{"one kind agreeing", []Record{rec("un", "2022-09-17", "", "UN", doc.KindCivilians, 10), rec("icrc", "2022-09-18", "", "ICRC", doc.KindCivilians, 10)}, false, true},
		{"a kind agreeing with a toll", []Record{rec("un", "2022-09-17", "", "UN", doc.KindCivilians, 10), rec("icrc", "2022-09-18", "", "ICRC", "", 10)}, false, false},
		// "nine people killed when a drone struck the mosque": one incident.
		{"an incident below a toll", []Record{rec("kg", "2022-09-17", "KG", "Ministry", "", 59), partial(rec("iwpr", "2022-09-20", "", "Residents", "", 9))}, false, false},
		{"an incident above a later toll", []Record{rec("kg", "2022-09-20", "KG", "Ministry", "", 5), partial(rec("iwpr", "2022-09-17", "", "Residents", "", 9))}, true, false},
		{"two incidents", []Record{partial(rec("a", "2022-09-17", "KG", "Ministry", "", 3)), partial(rec("b", "2022-09-20", "", "Residents", "", 9))}, false, false},
		{"an incident agreeing with a toll", []Record{rec("a", "2022-09-17", "", "UN", "", 9), partial(rec("b", "2022-09-20", "", "Residents", "", 9))}, false, false},
		// "The bodies of 13 more victims were found", from a source that
		// gave no toll before: an addition, not a toll of 13.
		{"an addition alone", []Record{rec("a", "2022-09-17", "", "Reuters", "", 46), more(rec("b", "2022-09-19", "KG", "Batken administration", "", 13))}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Compare(tt.recs, Options{})
			if len(rep.Groups) != 1 {
				t.Fatalf("%d groups, want 1", len(rep.Groups))
			}
			g := rep.Groups[0]
			if (g.Contradiction != nil) != tt.contradicted || g.Corroborated != tt.corroborated {
				t.Errorf("contradiction %v, corroborated %v; want %v, %v", g.Contradiction, g.Corroborated, tt.contradicted, tt.corroborated)
			}
		})
	}
	// The ministry's toll stays its latest figure after a report of its
	// servicemen alone.
	rep := Compare([]Record{rec("kg1", "2022-09-17", "KG", "Ministry", "", 59), rec("kg2", "2022-09-20", "KG", "Ministry", doc.KindServicemen, 26)}, Options{})
	if len(rep.Groups) != 1 || len(rep.Groups[0].Figures) != 1 {
		t.Fatalf("groups %+v", rep.Groups)
	}
	if fig := rep.Groups[0].Figures[0]; *fig.Low != 59 || fig.Unit != "" {
		t.Errorf("latest figure %v %q, want 59 of everyone", *fig.Low, fig.Unit)
	}
	// An infobox's "21 servicemen killed" over "resulting in four deaths"
	// when the fighting began: the toll of everyone is smaller than a
	// part, so the part is the source's figure.
	rep = Compare([]Record{rec("wiki", "2021-05-01", "", "Wikipedia", doc.KindServicemen, 21), rec("wiki", "2021-05-01", "", "Wikipedia", "", 4)}, Options{})
	if fig := rep.Groups[0].Figures[0]; *fig.Low != 21 || fig.Unit != doc.KindServicemen {
		t.Errorf("latest figure %v %q, want 21 servicemen", *fig.Low, fig.Unit)
	}
}

func TestKindText(t *testing.T) {
	one, five := doc.Float(1), doc.Float(5)
	tests := []struct {
		unit      string
		low, high *float64
		want      string
	}{
		{doc.KindCivilians, one, one, "civilian"},
		{doc.KindServicemen, one, one, "serviceman"},
		{doc.KindCivilians, five, five, "civilians"},
		{doc.KindCivilians, one, nil, "civilians"}, // "at least 1"
		{"tank", one, one, "tank"},
	}
	for _, tt := range tests {
		if got := KindText(tt.unit, tt.low, tt.high); got != tt.want {
			t.Errorf("KindText(%q, …) = %q, want %q", tt.unit, got, tt.want)
		}
	}
}

func TestAppendRangeNumbers(t *testing.T) {
	f := doc.Float
	tests := []struct {
		low, high *float64
		want      string
	}{
		{f(-1234567), f(-1234567), "-1,234,567"},
		{f(999), f(1000), "999–1,000"},
		{f(0), f(0), "0"},
		{f(1e20), nil, "at least 1e+20"},
		{f(-0.25), f(2.5e-7), "-0.25–2.5e-07"},
		{f(9007199254740993), f(9007199254740993), "9,007,199,254,740,992"},
	}
	for _, tt := range tests {
		if got := string(AppendRange([]byte("x"), tt.low, tt.high)); got != "x"+tt.want {
			t.Errorf("AppendRange = %q, want %q", got, "x"+tt.want)
		}
	}
}

// TestDaysApartJoin checks that reports of the same parties' fighting two
// days apart, one of them at no place the gazetteer locates ("On
// September 16 ... opened fire on the village of Khojai Alo"), are one
// event, and the sides' tolls one group each.
func TestDaysApartJoin(t *testing.T) {
	batken := []Place{{Name: "Batken", Geo: &doc.Geo{Lat: 40.06, Lon: 70.82, Country: "KG", Admin1: "Batken"}}}
	actors := []doc.Party{"KG", "TJ"}
	rs := []Record{
		{Document: "kg", Published: "2022-09-16", Metric: "killed", About: "KG", Side: "KG", Speaker: "Health Ministry",
			Low: doc.Float(24), High: doc.Float(24), Event: &Event{ID: "v1", Type: "armed_clash", From: "2022-09-14", To: "2022-09-14", Dated: true, Places: batken, Actors: actors}},
		{Document: "tj", Published: "2022-09-19", Metric: "killed", About: "TJ", Side: "TJ", Speaker: "Foreign Ministry",
			Low: doc.Float(41), High: doc.Float(41), Event: &Event{ID: "v1", Type: "armed_clash", From: "2022-09-16", To: "2022-09-16", Dated: true,
				Places: []Place{{Name: "Khojai Alo"}}, Actors: actors}},
	}
	ids := map[string]bool{}
	for _, g := range Compare(rs, Options{}).Groups {
		ids[g.Event.ID] = true
	}
	if len(ids) != 1 {
		t.Errorf("events %v, want one", ids)
	}
}
